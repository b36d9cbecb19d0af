import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGacc, gaccHeaderLine, gaccRowFormatter, groupThousands, writeGaccFile, type GaccFileLayout, type GaccRow } from './gacc-writer.ts';

const full: GaccFileLayout = {
  language: 'zh',
  currency: 'CNY',
  columns: ['date', 'code', 'commodity', 'partnerCode', 'partner', 'modeCode', 'mode', 'placeCode', 'place', 'quantity', 'unit', 'quantity2', 'unit2'],
};

const bristles: GaccRow = {
  date: '202303',
  code: '05021010',
  commodity: '猪鬃',
  partnerCode: '109',
  partner: '朝鲜',
  modeCode: '19',
  mode: '边境小额贸易',
  placeCode: '21',
  place: '辽宁省',
  quantity: 73105,
  unit: '千克',
  quantity2: null,
  unit2: null,
  value: 5848714,
};

describe('gaccHeaderLine', () => {
  it('quotes every name, ends with a trailing comma and CRLF', () => {
    expect(gaccHeaderLine(full)).toBe(
      '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","人民币",\r\n',
    );
  });

  it('writes only the chosen columns, in GACC order, with the English names', () => {
    const layout: GaccFileLayout = { language: 'en', currency: 'USD', columns: ['unit', 'code', 'partner', 'quantity', 'commodity', 'partnerCode'] };
    expect(gaccHeaderLine(layout)).toBe('"Commodity code","Commodity","Trading partner code","Trading partner","Quantity","Unit","US dollar",\r\n');
  });

  it('can spell the supplementary quantity as some real files do', () => {
    const layout: GaccFileLayout = { language: 'en', currency: 'CNY', columns: ['code', 'quantity2', 'unit2'], supplementarySpelling: 'Supplimentary' };
    expect(gaccHeaderLine(layout)).toBe('"Commodity code","Supplimentary Quantity","Supplementary Unit","Renminbi Yuan",\r\n');
  });

  it('rejects a layout without a code or with a repeated column', () => {
    expect(() => gaccHeaderLine({ language: 'zh', currency: 'CNY', columns: ['commodity'] })).toThrow(/commodity code/);
    expect(() => gaccHeaderLine({ language: 'zh', currency: 'CNY', columns: ['code', 'code'] })).toThrow(/twice/);
  });
});

describe('gaccRowFormatter', () => {
  it('quotes fields, groups the value, keeps leading zeros and marks missing units', () => {
    expect(gaccRowFormatter(full)(bristles)).toBe(
      '"202303","05021010","猪鬃","109","朝鲜","19","边境小额贸易","21","辽宁省","73105","千克","","?","5,848,714",\r\n',
    );
  });

  it('doubles quotes inside a field and can mark a missing quantity with "?"', () => {
    const layout: GaccFileLayout = { language: 'en', currency: 'USD', columns: ['code', 'commodity', 'quantity2'], missingQuantity: '?' };
    expect(gaccRowFormatter(layout)({ code: '720221', commodity: 'Ferro-silicon, "55%"', value: 12 })).toBe('"720221","Ferro-silicon, ""55%""","?","12",\r\n');
  });

  it('refuses a row missing a text column the layout has', () => {
    expect(() => gaccRowFormatter(full)({ code: '26110000', commodity: 'x', value: 1 })).toThrow(/no date/);
  });
});

describe('groupThousands', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [5848714, '5,848,714'],
    [181530000, '181,530,000'],
    [-1234, '-1,234'],
  ])('%d → %s', (value, text) => {
    expect(groupThousands(value)).toBe(text);
  });

  it('refuses fractions', () => {
    expect(() => groupThousands(1.5)).toThrow();
  });
});

describe('encodeGacc', () => {
  it('encodes a Chinese header as GB18030', () => {
    expect([...encodeGacc('"商品编码",')]).toEqual([0x22, 0xc9, 0xcc, 0xc6, 0xb7, 0xb1, 0xe0, 0xc2, 0xeb, 0x22, 0x2c]);
  });

  it('encodes the full-width comma of "Korea，DPR" as A3 AC', () => {
    const bytes = encodeGacc('Korea\uff0cDPR');
    expect([...bytes.subarray(5, 7)]).toEqual([0xa3, 0xac]);
    expect(iconv.decode(bytes, 'gb18030')).toBe('Korea，DPR');
  });

  it('can write UTF-8 instead', () => {
    expect(encodeGacc('朝鲜', 'utf-8').toString('utf8')).toBe('朝鲜');
  });
});

describe('writeGaccFile', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('streams header and rows in batches to GB18030 bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gacc-writer-'));
    dirs.push(dir);
    const path = join(dir, 'out.csv');
    const rows = Array.from({ length: 25 }, (_, i) => ({ ...bristles, value: 1000 * i }));
    const count = await writeGaccFile(path, full, rows, { batchRows: 7 });
    expect(count).toBe(25);
    const text = iconv.decode(await readFile(path), 'gb18030');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(27);
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(gaccHeaderLine(full).slice(0, -2));
    expect(lines[25]).toMatch(/"24,000",$/);
  });
});
