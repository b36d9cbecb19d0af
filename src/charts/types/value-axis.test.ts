import { describe, expect, it } from 'vitest';
import { valueScale } from './value-axis.ts';

describe('valueScale', () => {
  it('ends on a tick at or above the highest value', () => {
    for (const max of [1, 7, 9.5, 181_530_000, 3_499_999, 0.42, 12_345]) {
      const { domain, ticks } = valueScale(max, 5);
      expect(domain[1]).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(ticks[0]).toBe(0);
    }
  });

  it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(valueScale(181_530_000, 5).ticks).toEqual([0, 50_000_000, 100_000_000, 150_000_000, 200_000_000]);
    expect(valueScale(0.42, 3).ticks).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('draws an empty chart on a unit axis', () => {
    expect(valueScale(0, 5)).toEqual({ domain: [0, 1], ticks: [0] });
  });
});
