import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { doubleValues } from './dev-loop.ts';

describe('doubleValues', () => {
  it('doubles the last quoted number of every data row, keeping the header, the text and the line ends', () => {
    const csv = ['"数据年月","商品编码","商品名称","人民币",', '"202301","05021010","猪鬃","247,318",', '"202302","26110000","钨矿砂","999",\r', ''].join('\n');
    const doubled = iconv.decode(doubleValues(iconv.encode(csv, 'gb18030')), 'gb18030');
    expect(doubled).toBe(
      ['"数据年月","商品编码","商品名称","人民币",', '"202301","05021010","猪鬃","494,636",', '"202302","26110000","钨矿砂","1,998",\r', ''].join('\n'),
    );
  });

  it('reads a row without a trailing comma', () => {
    expect(doubleValues(Buffer.from('"Month","Value"\n"202301","1,500"')).toString()).toBe('"Month","Value"\n"202301","3,000"');
  });
});
