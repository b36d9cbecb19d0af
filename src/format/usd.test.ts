import { describe, expect, it } from 'vitest';
import { convertToUsd } from './usd.ts';
import { ferrosilicon, mineralCount } from './fixtures.ts';

describe('convertToUsd', () => {
  it('converts at the declared rate and names it', () => {
    expect(convertToUsd(ferrosilicon, { lang: 'en' })).toEqual({
      text: '$25.8 million',
      value: 181_530_000 / 7.0467,
      rateNote: "at 7.0467 yuan per dollar, the 2023 rate (People's Bank of China, annual average of the yuan's central parity rate against the US dollar)",
    });
  });

  it('writes Korean dollar figures in 만 groups', () => {
    const { text, rateNote } = convertToUsd(ferrosilicon, { lang: 'ko' });
    expect(text).toBe('2576만 달러');
    expect(rateNote).toMatch(/^달러당 7\.0467위안 기준\(2023년 환율, People's Bank of China/);
  });

  it('honours precision', () => {
    expect(convertToUsd(ferrosilicon, { lang: 'en', precision: 2 }).text).toBe('$25.76 million');
  });

  it('refuses to convert without a declared rate', () => {
    const { usd: _omitted, ...undeclared } = ferrosilicon;
    expect(() => convertToUsd(undeclared, { lang: 'en' })).toThrow(
      'Fact "ferrosilicon-2023" has no declared USD conversion (its "usd" field is missing); ' + 'dollar figures are only shown at a declared rate',
    );
  });

  it('refuses a dollar value the rate does not reproduce', () => {
    // The source article's "$28.3 million" cannot be had at the 2023 rate.
    const copied = { ...ferrosilicon, usd: { ...ferrosilicon.usd!, value: 28_300_000 } };
    expect(() => convertToUsd(copied, { lang: 'en' })).toThrow('Fact "ferrosilicon-2023": 28300000 USD is not 181530000 yuan at 7.0467 yuan per dollar');
  });

  it('converts only yuan figures', () => {
    expect(() => convertToUsd(mineralCount, { lang: 'en' })).toThrow(
      'Fact "minerals-in-top-ten-2023" is in count, not yuan: only yuan figures convert to dollars',
    );
  });
});
