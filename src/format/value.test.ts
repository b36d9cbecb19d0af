import { describe, expect, it } from 'vitest';
import { formatPeriod, formatValue } from './value.ts';

describe('formatValue', () => {
  it('formats money, counts and ranks by unit in each language', () => {
    expect(formatValue(181_530_000, 'CNY', { lang: 'en' })).toBe('181.53 million yuan');
    expect(formatValue(181_530_000, 'CNY', { lang: 'ko' })).toBe('1억8153만 위안');
    expect(formatValue(5, 'count', { lang: 'en' })).toBe('five');
    expect(formatValue(5, 'count', { lang: 'ko' })).toBe('5개');
    expect(formatValue(5, 'count', { lang: 'ko', counter: '종' })).toBe('5종');
    expect(formatValue(2, 'rank', { lang: 'en' })).toBe('second');
    expect(formatValue(2, 'rank', { lang: 'ko' })).toBe('2위');
  });

  it('passes precision and the approximate flag to the language', () => {
    expect(formatValue(25_761_000, 'USD', { lang: 'en', approximate: true })).toBe('$25.8 million');
    expect(formatValue(181_530_000, 'CNY', { lang: 'en', precision: 1 })).toBe('181.5 million yuan');
  });

  it('has a compact form for every unit', () => {
    expect(formatValue(181_530_000, 'CNY', { lang: 'en', short: true })).toBe('181.5M');
    expect(formatValue(181_530_000, 'CNY', { lang: 'ko', short: true })).toBe('1.8억');
    expect(formatValue(12_345, 'count', { lang: 'en', short: true })).toBe('12.3K');
    expect(formatValue(2, 'rank', { lang: 'en', short: true })).toBe('2nd');
  });

  it('rejects counts and ranks that are not whole, and non-finite values', () => {
    expect(() => formatValue(2.5, 'count', { lang: 'en' })).toThrow('A count must be a whole number of at least 0, got 2.5');
    expect(() => formatValue(0, 'rank', { lang: 'ko' })).toThrow('A rank must be a whole number of at least 1, got 0');
    expect(() => formatValue(Number.POSITIVE_INFINITY, 'CNY', { lang: 'en' })).toThrow(/Cannot format Infinity/);
  });
});

describe('formatPeriod', () => {
  it('words a period in the story language', () => {
    expect(formatPeriod({ start: '2023-01', end: '2023-10' }, 'en')).toBe('January–October 2023');
    expect(formatPeriod({ start: '2023-01', end: '2023-10' }, 'ko')).toBe('2023년 1~10월');
  });
});
