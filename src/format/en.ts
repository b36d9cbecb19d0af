// English house rules.
// - Money in prose: trillion/billion/million with two decimals, trailing zeros dropped
//   ("181.53 million yuan", "6.3 million yuan", "6 million yuan"); converted dollar figures
//   default to one decimal ("$25.8 million"). Below a million: whole units with thousands
//   separators ("486,000 yuan", "$68,969"). Rounding that reaches the next scale moves up
//   to it ("1 billion yuan", never "1,000 million yuan").
// - `precision` is the number of decimals on the million/billion figure, zeros trimmed.
// - Counts: zero to nine in words, then digits ("five", "12", "1,204").
// - Ranks: "first" to "tenth", then "11th", "21st", "102nd"; the compact form is "2nd".
// - Compact: one decimal with K/M/B/T and no currency word ("181.5M", "$25.8M").
// - Negative figures take a true minus sign in front of everything ("−$1.5 million").
import type { Currency } from '../contract/index.ts';
import type { LangRules, MoneyOptions } from './rules.ts';
import { MINUS, checkDecimals, formatDecimal, scaleValue, type Scale } from './number.ts';
import { parsePeriod } from './period.ts';

const PROSE_SCALES: readonly Scale[] = [
  { size: 1e12, label: ' trillion' },
  { size: 1e9, label: ' billion' },
  { size: 1e6, label: ' million' },
];

const COMPACT_SCALES: readonly Scale[] = [
  { size: 1e12, label: 'T' },
  { size: 1e9, label: 'B' },
  { size: 1e6, label: 'M' },
  { size: 1e3, label: 'K' },
];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Two decimals for reported figures; one for converted ones, which are approximate. */
function moneyDecimals(options: MoneyOptions): number {
  return checkDecimals(options.precision ?? (options.approximate ? 1 : 2));
}

/** Scales the value and writes it with the sign in front of any dollar sign: "−$1.5 million". */
function scaled(value: number, scales: readonly Scale[], decimals: number, dollar: boolean): string {
  const { mantissa, scale } = scaleValue(value, scales, decimals);
  const sign = mantissa < 0 ? MINUS : '';
  const digits = formatDecimal(Math.abs(mantissa), { decimals });
  return `${sign}${dollar ? '$' : ''}${digits}${scale?.label ?? ''}`;
}

function suffix(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th';
}

function monthName(month: number): string {
  return MONTHS[month - 1]!;
}

export const en: LangRules = {
  money(value: number, currency: Currency, options: MoneyOptions): string {
    const text = scaled(value, PROSE_SCALES, moneyDecimals(options), currency === 'USD');
    return currency === 'USD' ? text : `${text} yuan`;
  },

  compact(value, currency, precision) {
    return scaled(value, COMPACT_SCALES, checkDecimals(precision ?? 1), currency === 'USD');
  },

  count(value) {
    return NUMBER_WORDS[value] ?? formatDecimal(value);
  },

  times(multiple, precision) {
    return `${formatDecimal(multiple, { decimals: precision ?? 1 })} times`;
  },

  ordinal(rank, short) {
    if (!short && rank <= ORDINAL_WORDS.length) return ORDINAL_WORDS[rank - 1]!;
    return formatDecimal(rank) + suffix(rank);
  },

  period(period) {
    const { start, end } = parsePeriod(period);
    const last = `${monthName(end.month)} ${end.year}`;
    if (start.year !== end.year) return `${monthName(start.month)} ${start.year}–${last}`;
    if (start.month !== end.month) return `${monthName(start.month)}–${last}`;
    return last;
  },

  rateNote(usd) {
    return `at ${usd.rate} yuan per dollar, the ${usd.rate_year} rate (${usd.rate_source})`;
  },
};
