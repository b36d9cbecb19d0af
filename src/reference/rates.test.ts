import { describe, expect, it } from 'vitest';
import { convertAmount, missingRate, rateFor } from './rates.ts';
import type { ExchangeRate } from './load.ts';

const rate = (period: string, cny_per_usd: number): [string, ExchangeRate] => [
  period,
  { period, cny_per_usd, source: 'fixture', source_names: { en: 'fixture' } },
];
const RATES = new Map([rate('2022', 6.7261), rate('2023', 7.0467), rate('2023-02', 6.8)]);

describe('the rate for a span of months', () => {
  it("is a single month's own rate where there is one, else its year's", () => {
    expect(rateFor(RATES, '2023-02', '2023-02')?.period).toBe('2023-02');
    expect(rateFor(RATES, '2023-03', '2023-03')?.period).toBe('2023');
  });

  it("is the year's for several months of one year, and none across years or for a year without a rate", () => {
    expect(rateFor(RATES, '2023-01', '2023-10')?.period).toBe('2023');
    expect(rateFor(RATES, '2022-11', '2023-02')).toBeUndefined();
    expect(rateFor(RATES, '2024-01', '2024-01')).toBeUndefined();
  });

  it('when missing, is explained with the period it was wanted for', () => {
    expect(missingRate('2024-01', '2024-01')).toBe('rates.csv has no rate for 2024-01 nor for 2024; add the official rate and its source');
    expect(missingRate('2024-01', '2024-10')).toBe('rates.csv has no rate for 2024 (the record covers 2024-01..2024-10); add the official rate and its source');
    expect(missingRate('2022-11', '2023-02')).toMatch(/^the record's months, 2022-11\.\.2023-02, span more than one year/);
  });
});

describe('restating an amount', () => {
  it('divides yuan by the rate for dollars, multiplies dollars by it for yuan, and leaves the same currency alone', () => {
    expect(convertAmount(70_467, 'CNY', 'USD', 7.0467)).toBeCloseTo(10_000, 9);
    expect(convertAmount(10_000, 'USD', 'CNY', 7.0467)).toBeCloseTo(70_467, 9);
    expect(convertAmount(5, 'USD', 'USD', 7.0467)).toBe(5);
  });
});
