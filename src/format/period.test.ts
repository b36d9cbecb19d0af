import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.ts';

describe('parsePeriod', () => {
  it('reads YYYY-MM months', () => {
    expect(parsePeriod({ start: '2023-01', end: '2023-10' })).toEqual({
      start: { year: 2023, month: 1 },
      end: { year: 2023, month: 10 },
    });
  });

  it('rejects malformed months and reversed periods', () => {
    expect(() => parsePeriod({ start: '2023-1', end: '2023-10' })).toThrow('Expected a month as YYYY-MM, got "2023-1"');
    expect(() => parsePeriod({ start: '2023-01', end: '2023-13' })).toThrow(/"2023-13"/);
    expect(() => parsePeriod({ start: '2023-10', end: '2023-01' })).toThrow('Period starts after it ends: 2023-10 to 2023-01');
  });
});
