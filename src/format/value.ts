// Formats a bare number in a story language: the one entry point that validates input
// before the language rules word it.
import type { FactUnit, Period } from '../contract/index.ts';
import type { Lang, LangRules } from './rules.ts';
import { checkFinite, formatPercent } from './number.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';

export const LANGS: Readonly<Record<Lang, LangRules>> = { en, ko };

export interface ValueFormatOptions {
  lang: Lang;
  /** Compact form for tables and axis labels ("181.5M", "1.8억"). */
  short?: boolean | undefined;
  /** Decimals; the meaning per language is documented in en.ts and ko.ts. */
  precision?: number | undefined;
  /** Converted money: English defaults to one decimal instead of two. */
  approximate?: boolean | undefined;
  /** Korean counter word for counts (default 개; "" for none). */
  counter?: string | undefined;
}

function checkWhole(value: number, unit: FactUnit, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`A ${unit} must be a whole number of at least ${minimum}, got ${value}`);
  }
  return value;
}

export function formatValue(value: number, unit: FactUnit, options: ValueFormatOptions): string {
  const rules = LANGS[options.lang];
  checkFinite(value);
  switch (unit) {
    case 'CNY':
    case 'USD':
      return options.short ? rules.compact(value, unit, options.precision) : rules.money(value, unit, options);
    case 'count':
      return options.short ? rules.compact(checkWhole(value, unit, 0), undefined, options.precision) : rules.count(checkWhole(value, unit, 0), options.counter);
    case 'rank':
      return rules.ordinal(checkWhole(value, unit, 1), options.short ?? false);
    case 'percent':
      return formatPercent(value, options.precision === undefined ? {} : { precision: options.precision });
    case 'times':
      return rules.times(value, options.precision);
  }
}

/** "January–October 2023" / "2023년 1~10월". */
export function formatPeriod(period: Period, lang: Lang): string {
  return LANGS[lang].period(period);
}
