import { describe, expect, it } from 'vitest';
import { formatSpread, spread } from './stats.ts';

describe('spread', () => {
  it('gives the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(spread([9, 1, 5])).toEqual({ median: 5, min: 1, max: 9 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });

  it('refuses an empty list', () => {
    expect(() => spread([])).toThrow(/no measurements/);
  });
});

describe('formatSpread', () => {
  it('prints the median with its range', () => {
    expect(formatSpread({ median: 8, min: 7.94, max: 8.26 })).toBe('8.0 (7.9–8.3)');
    expect(formatSpread({ median: 412.4, min: 400, max: 430.6 }, 0)).toBe('412 (400–431)');
  });
});
