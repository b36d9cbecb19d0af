import { describe, expect, it } from 'vitest';
import { en } from './en.ts';

const usd2023 = {
  value: 25_761_000,
  rate: 7.0467,
  rate_year: 2023,
  rate_source: "People's Bank of China, annual average of the yuan's central parity rate against the US dollar",
};

describe('en.money', () => {
  it('writes yuan in millions and billions with two decimals, zeros trimmed', () => {
    expect(en.money(181_530_000, 'CNY', {})).toBe('181.53 million yuan');
    expect(en.money(151_920_000, 'CNY', {})).toBe('151.92 million yuan');
    expect(en.money(1_080_000_000, 'CNY', {})).toBe('1.08 billion yuan');
    expect(en.money(6_372_000, 'CNY', {})).toBe('6.37 million yuan');
    expect(en.money(6_300_000, 'CNY', {})).toBe('6.3 million yuan');
    expect(en.money(6_000_000, 'CNY', {})).toBe('6 million yuan');
    expect(en.money(41_760_000_000_000, 'CNY', {})).toBe('41.76 trillion yuan');
  });

  it('writes amounts below a million whole, with thousands separators', () => {
    expect(en.money(486_000, 'CNY', {})).toBe('486,000 yuan');
    expect(en.money(486_000.4, 'CNY', { precision: 2 })).toBe('486,000 yuan');
    expect(en.money(950, 'CNY', {})).toBe('950 yuan');
  });

  it('moves to the next scale when rounding reaches it', () => {
    expect(en.money(999_996_000, 'CNY', {})).toBe('1 billion yuan');
    expect(en.money(999_999.7, 'CNY', {})).toBe('1 million yuan');
  });

  it('writes dollars with a leading sign, one decimal when converted', () => {
    expect(en.money(25_761_000, 'USD', { approximate: true })).toBe('$25.8 million');
    expect(en.money(25_761_000, 'USD', {})).toBe('$25.76 million');
    expect(en.money(68_969, 'USD', { approximate: true })).toBe('$68,969');
    expect(en.money(-1_500_000, 'USD', {})).toBe('\u2212$1.5 million');
  });

  it('takes precision as decimals on the scaled figure', () => {
    expect(en.money(181_530_000, 'CNY', { precision: 1 })).toBe('181.5 million yuan');
    expect(en.money(181_530_000, 'CNY', { precision: 0 })).toBe('182 million yuan');
    expect(en.money(25_761_000, 'USD', { precision: 2, approximate: true })).toBe('$25.76 million');
  });
});

describe('en.compact', () => {
  it('uses K/M/B with one decimal and no currency word', () => {
    expect(en.compact(181_530_000, 'CNY', undefined)).toBe('181.5M');
    expect(en.compact(25_761_000, 'USD', undefined)).toBe('$25.8M');
    expect(en.compact(486_000, 'CNY', undefined)).toBe('486K');
    expect(en.compact(1_080_000_000, 'CNY', 2)).toBe('1.08B');
    expect(en.compact(999_960, undefined, undefined)).toBe('1M');
    expect(en.compact(512, undefined, undefined)).toBe('512');
  });
});

describe('en.count', () => {
  it('spells out zero to nine and uses digits from 10', () => {
    expect(en.count(0, undefined)).toBe('zero');
    expect(en.count(5, undefined)).toBe('five');
    expect(en.count(9, undefined)).toBe('nine');
    expect(en.count(10, undefined)).toBe('10');
    expect(en.count(12_345, undefined)).toBe('12,345');
  });
});

describe('en.ordinal', () => {
  it('spells out first to tenth, then uses digits with suffixes', () => {
    expect(en.ordinal(1, false)).toBe('first');
    expect(en.ordinal(2, false)).toBe('second');
    expect(en.ordinal(3, false)).toBe('third');
    expect(en.ordinal(10, false)).toBe('tenth');
    expect(en.ordinal(11, false)).toBe('11th');
    expect(en.ordinal(12, false)).toBe('12th');
    expect(en.ordinal(13, false)).toBe('13th');
    expect(en.ordinal(21, false)).toBe('21st');
    expect(en.ordinal(22, false)).toBe('22nd');
    expect(en.ordinal(103, false)).toBe('103rd');
    expect(en.ordinal(111, false)).toBe('111th');
    expect(en.ordinal(1001, false)).toBe('1,001st');
  });

  it('uses digits for every rank in the compact form', () => {
    expect(en.ordinal(2, true)).toBe('2nd');
  });
});

describe('en.period', () => {
  it('names the months of a period', () => {
    expect(en.period({ start: '2023-01', end: '2023-10' })).toBe('January–October 2023');
    expect(en.period({ start: '2023-10', end: '2023-10' })).toBe('October 2023');
    expect(en.period({ start: '2022-11', end: '2023-10' })).toBe('November 2022–October 2023');
  });
});

describe('en.rateNote', () => {
  it('names the rate, its year and its source', () => {
    expect(en.rateNote(usd2023)).toBe(
      "at 7.0467 yuan per dollar, the 2023 rate (People's Bank of China, annual average of the yuan's central parity rate against the US dollar)",
    );
  });
});
