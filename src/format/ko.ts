// Korean house rules.
// - Money in prose is written in 조/억/만 groups with no commas and no spaces between
//   groups, zero groups dropped, and a space before the currency word:
//   181,530,000 → "1억8153만 위안", 6,372,000 → "637만 위안", 25,761,000 → "2576만 달러",
//   100,000,000 → "1억 위안". By default amounts of 100만 or more round to the nearest
//   만 (half up); smaller ones are written whole, as in English below a million
//   ("48만6000 위안", "5000 위안"), so every figure keeps at least three digits.
// - `precision` is the number of decimals kept in the leading group: 181,530,000 at
//   precision 1 is 1.8억 → "1억8000만 위안"; 6,372,000 at precision 2 is 637.2만 →
//   "637만2000 위안".
// - Counts use the same groups plus a counter word, 개 unless told otherwise ("5개",
//   "1만2345개"); ranks are "2위".
// - Compact: one decimal in the leading group, no currency word ("1.8억", "2576만").
// - The rate note quotes the rate's source as declared in the data (English text).
import type { LangRules } from './rules.ts';
import { MINUS, checkDecimals, formatDecimal, roundTo, scaleValue, type Scale } from './number.ts';
import { parsePeriod } from './period.ts';

const GROUPS: readonly Scale[] = [
  { size: 1e12, label: '조' },
  { size: 1e8, label: '억' },
  { size: 1e4, label: '만' },
];

const MAN = 1e4;

const CURRENCY_WORDS = { CNY: '위안', USD: '달러' } as const;

/** A whole, non-negative number in 조/억/만 groups: 181530000 → "1억8153만". */
function grouped(whole: number): string {
  let rest = whole;
  let text = '';
  for (const group of GROUPS) {
    const count = Math.floor(rest / group.size);
    if (count > 0) text += `${count}${group.label}`;
    rest -= count * group.size;
  }
  return rest > 0 || text === '' ? text + String(rest) : text;
}

/** What amounts are rounded to: by default 만 from 100만 up, else `precision` decimals of the leading group. */
function granularity(magnitude: number, precision: number | undefined): number {
  if (precision === undefined) return magnitude >= 100 * MAN ? MAN : 1;
  const leading = GROUPS.find((group) => magnitude >= group.size)?.size ?? 1;
  return Math.max(1, leading / 10 ** checkDecimals(precision));
}

function signOf(value: number, rounded: number): string {
  return value < 0 && rounded > 0 ? MINUS : '';
}

export const ko: LangRules = {
  money(value, currency, options) {
    const magnitude = Math.abs(value);
    const step = granularity(magnitude, options.precision);
    const rounded = roundTo(magnitude / step, 0) * step;
    return `${signOf(value, rounded)}${grouped(rounded)} ${CURRENCY_WORDS[currency]}`;
  },

  compact(value, _currency, precision) {
    const decimals = checkDecimals(precision ?? 1);
    const { mantissa, scale } = scaleValue(value, GROUPS, decimals);
    return formatDecimal(mantissa, { decimals, grouping: false }) + (scale?.label ?? '');
  },

  count(value, counter) {
    return grouped(value) + (counter ?? '개');
  },

  times(multiple, precision) {
    return `${formatDecimal(multiple, { decimals: precision ?? 1 })}배`;
  },

  ordinal(rank) {
    return `${rank}위`;
  },

  period(period) {
    const { start, end } = parsePeriod(period);
    if (start.year !== end.year) return `${start.year}년 ${start.month}월~${end.year}년 ${end.month}월`;
    if (start.month !== end.month) return `${end.year}년 ${start.month}~${end.month}월`;
    return `${end.year}년 ${end.month}월`;
  },

  rateNote(usd) {
    return `달러당 ${usd.rate}위안 기준(${usd.rate_year}년 환율, ${usd.rate_source_names?.ko ?? usd.rate_source})`;
  },
};
