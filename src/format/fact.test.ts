import { describe, expect, it } from 'vitest';
import { formatFact } from './fact.ts';
import { ferrosilicon, machineryExports, mineralCount } from './fixtures.ts';

describe('formatFact', () => {
  it('formats the value in its own unit by default', () => {
    expect(formatFact(ferrosilicon, { lang: 'en' })).toEqual({ text: '181.53 million yuan', value: 181_530_000 });
    expect(formatFact(machineryExports, { lang: 'ko' })).toEqual({ text: '637만 위안', value: 6_372_000 });
    expect(formatFact(mineralCount, { lang: 'en' }).text).toBe('five');
    expect(formatFact(mineralCount, { lang: 'ko', counter: '' }).text).toBe('5');
  });

  it('gives the dollar figure with its rate note', () => {
    const usd = formatFact(ferrosilicon, { lang: 'en', as: 'usd' });
    expect(usd.text).toBe('$25.8 million');
    expect(usd.value).toBeCloseTo(25_761_000, -3);
    expect(usd.rateNote).toMatch(/^at 7\.0467 yuan per dollar, the 2023 rate/);
  });

  it('gives the rank as an ordinal, and fails when there is none', () => {
    expect(formatFact(ferrosilicon, { lang: 'en', as: 'rank' })).toEqual({ text: 'second', value: 2 });
    expect(formatFact(ferrosilicon, { lang: 'ko', as: 'rank' })).toEqual({ text: '2위', value: 2 });
    expect(() => formatFact(machineryExports, { lang: 'en', as: 'rank' })).toThrow('Fact "machinery-exports-2023" has no rank');
  });

  it('gives the compact form', () => {
    expect(formatFact(ferrosilicon, { lang: 'en', as: 'short' }).text).toBe('181.5M');
    expect(formatFact(ferrosilicon, { lang: 'en', as: 'short', precision: 2 }).text).toBe('181.53M');
  });

  it('takes the rank from the value of a rank fact', () => {
    const rankFact = { ...mineralCount, key: 'ferrosilicon-rank-2023', unit: 'rank' as const, value: 2 };
    expect(formatFact(rankFact, { lang: 'en', as: 'rank' })).toEqual({ text: 'second', value: 2 });
  });
});
