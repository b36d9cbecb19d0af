// Columns are found by their GACC header name, never by position.
import { describe, expect, it } from 'vitest';
import { readHeader } from './columns.ts';

const layout = (names: string[]) => {
  const result = readHeader(names);
  if (!result.ok) throw new Error(result.message);
  return result.layout;
};
const message = (names: string[]) => {
  const result = readHeader(names);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
};

describe('readHeader', () => {
  it('maps columns by name whatever their order, and notes the trailing empty column', () => {
    const l = layout(['美元', '商品名称', '商品编码', '数据年月', '']);
    expect(l).toEqual({ language: 'zh', currency: 'USD', index: { value: 0, commodity: 1, hs_code: 2, month: 3 }, width: 5, trailingEmpty: true });
  });

  it('reads both English spellings of the supplementary columns, ignoring case and extra spaces', () => {
    for (const spelling of ['Supplementary', 'Supplimentary']) {
      const l = layout(['Commodity code', `${spelling} Quantity`, 'Supplementary  Unit', ' renminbi yuan ']);
      expect(l.index).toEqual({ hs_code: 0, quantity2: 1, unit2: 2, value: 3 });
      expect(l.currency).toBe('CNY');
      expect(l.trailingEmpty).toBe(false);
    }
  });

  it('refuses a header without a commodity code or without a value column', () => {
    expect(message(['商品名称', '人民币'])).toMatch(/no commodity code column/);
    expect(message(['商品编码', '商品名称'])).toMatch(/no value column/);
  });

  it('refuses a header that mixes Chinese and English names', () => {
    expect(message(['商品编码', 'Commodity', '人民币'])).toMatch(/mixes Chinese and English/);
  });

  it('refuses two value columns', () => {
    expect(message(['商品编码', '人民币', '美元'])).toMatch(/appears twice/);
  });

  it('refuses a column without a name before the last one', () => {
    expect(message(['商品编码', '', '人民币'])).toMatch(/column 2 of the header has no name/);
  });
});
