// Locale-free number formatting. Output must not depend on the machine's locale or ICU
// data, so rounding, trimming and digit grouping are done here by hand.

/** U+2212, the typographic minus sign used for negative figures. */
export const MINUS = '\u2212';

export interface DecimalOptions {
  /** Digits after the decimal point, before trailing zeros are trimmed (default 0). */
  decimals?: number;
  /** Separate thousands with commas (default true). */
  grouping?: boolean;
}

/** Throws unless `decimals` is a small non-negative integer. */
export function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`Precision must be an integer from 0 to 10, got ${decimals}`);
  }
  return decimals;
}

export function checkFinite(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  return value;
}

/**
 * |value| as a whole number of 10^-decimals units, rounded half up. The detour through 15
 * significant digits absorbs binary error, so 1.005 at two decimals is 101, not 100.
 */
function unitsOf(value: number, decimals: number): number {
  return Math.round(Number((Math.abs(value) * 10 ** decimals).toPrecision(15)));
}

/** Rounds half away from zero at `decimals` places. */
export function roundTo(value: number, decimals: number): number {
  return (Math.sign(value) * unitsOf(value, decimals)) / 10 ** decimals;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Rounds to `decimals` places, drops trailing zeros ("6.30" → "6.3", "6.00" → "6") and
 * groups thousands: the one rule every figure on the site follows.
 */
export function formatDecimal(value: number, options: DecimalOptions = {}): string {
  checkFinite(value);
  const decimals = checkDecimals(options.decimals ?? 0);
  const units = unitsOf(value, decimals);
  const digits = units.toFixed(0).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const grouped = options.grouping === false ? whole : groupThousands(whole);
  const sign = value < 0 && units > 0 ? MINUS : '';
  return sign + grouped + (fraction ? `.${fraction}` : '');
}

export interface Scale {
  size: number;
  label: string;
}

export interface Scaled {
  /** The rounded value in units of `scale` (or of 1 when no scale applies). */
  mantissa: number;
  scale: Scale | undefined;
}

/**
 * Picks the largest scale the value reaches, counting rounding at the scale below: at two
 * decimals 999,996,000 is "1 billion" (1,000.00 million rounds up into it) while
 * 999,400,000 stays "999.4 million". `scales` run largest first.
 */
export function scaleValue(value: number, scales: readonly Scale[], decimals: number, unscaledDecimals = 0): Scaled {
  const magnitude = Math.abs(checkFinite(value));
  const roundedAt = (scale: Scale | undefined): number =>
    scale ? roundTo(magnitude / scale.size, decimals) * scale.size : roundTo(magnitude, unscaledDecimals);
  for (const [i, scale] of scales.entries()) {
    if (magnitude >= scale.size || roundedAt(scales[i + 1]) >= scale.size) {
      return { mantissa: roundTo(value / scale.size, decimals), scale };
    }
  }
  return { mantissa: roundTo(value, unscaledDecimals), scale: undefined };
}

export interface PercentOptions {
  /** Decimals after trimming trailing zeros (default 1). */
  precision?: number;
}

/** A ratio as a percentage, the same in both languages: 0.5 → "50%", 0.1234 → "12.3%". */
export function formatPercent(ratio: number, options: PercentOptions = {}): string {
  return `${formatDecimal(checkFinite(ratio) * 100, { decimals: options.precision ?? 1 })}%`;
}
