import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent, roundTo, scaleValue } from './number.ts';

describe('formatDecimal', () => {
  it('groups thousands with commas whatever the machine locale', () => {
    expect(formatDecimal(486000)).toBe('486,000');
    expect(formatDecimal(1234567890)).toBe('1,234,567,890');
    expect(formatDecimal(999)).toBe('999');
    expect(formatDecimal(0)).toBe('0');
  });

  it('agrees with a pinned en-US Intl formatter on grouping', () => {
    const pinned = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    for (const n of [7, 12345, 181530000, 9007199254740]) {
      expect(formatDecimal(n)).toBe(pinned.format(n));
    }
  });

  it('rounds half up, absorbing binary error, and trims trailing zeros', () => {
    expect(formatDecimal(1.005, { decimals: 2 })).toBe('1.01');
    expect(formatDecimal(6.3, { decimals: 2 })).toBe('6.3');
    expect(formatDecimal(6.004, { decimals: 2 })).toBe('6');
    expect(formatDecimal(0.05, { decimals: 1 })).toBe('0.1');
    expect(formatDecimal(2.5)).toBe('3');
  });

  it('can leave out grouping', () => {
    expect(formatDecimal(8153.25, { decimals: 1, grouping: false })).toBe('8153.3');
  });

  it('writes negatives with a true minus sign, but never "−0"', () => {
    expect(formatDecimal(-1234.5, { decimals: 1 })).toBe('\u22121,234.5');
    expect(formatDecimal(-0.004, { decimals: 2 })).toBe('0');
  });

  it('rejects non-finite values and unusable precision', () => {
    expect(() => formatDecimal(Number.NaN)).toThrow(/Cannot format NaN/);
    expect(() => formatDecimal(1, { decimals: 1.5 })).toThrow(/integer from 0 to 10/);
    expect(() => formatDecimal(1, { decimals: -1 })).toThrow(RangeError);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero', () => {
    expect(roundTo(2.345, 2)).toBe(2.35);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
  });
});

describe('scaleValue', () => {
  const scales = [
    { size: 1e9, label: 'B' },
    { size: 1e6, label: 'M' },
  ];

  it('uses the largest scale the value reaches', () => {
    expect(scaleValue(181_530_000, scales, 2)).toEqual({ mantissa: 181.53, scale: scales[1] });
    expect(scaleValue(486_000, scales, 2)).toEqual({ mantissa: 486000, scale: undefined });
  });

  it('moves up a scale only when rounding at the scale below reaches it', () => {
    expect(scaleValue(999_996_000, scales, 2)).toEqual({ mantissa: 1, scale: scales[0] });
    expect(scaleValue(999_400_000, scales, 2)).toEqual({ mantissa: 999.4, scale: scales[1] });
    expect(scaleValue(999_999.6, scales, 2)).toEqual({ mantissa: 1, scale: scales[1] });
  });
});

describe('formatPercent', () => {
  it('writes a ratio as a percentage with one decimal, zeros trimmed', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.55, { precision: 0 })).toBe('55%');
    expect(formatPercent(-0.031)).toBe('\u22123.1%');
  });
});
