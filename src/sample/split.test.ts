import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './split.ts';

describe('apportion', () => {
  it('splits in proportion, largest remainders first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(181_530_000, [3, 1])).toEqual([136_147_500, 45_382_500]);
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
  });

  it('always sums exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
        },
      ),
    );
  });

  it('refuses weights that sum to nothing', () => {
    expect(() => apportion(5, [0, 0])).toThrow();
  });
});
