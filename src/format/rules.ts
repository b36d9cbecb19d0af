import type { Currency, Period, UsdConversion } from '../contract/index.ts';
// The contract each story language implements. Inputs arrive validated by value.ts
// (finite numbers, whole counts, positive whole ranks), so the rules only word them.

export type Lang = 'en' | 'ko';

export interface MoneyOptions {
  /** Overrides the language's default rounding; see each language module for its meaning. */
  precision?: number | undefined;
  /** A converted figure: English then defaults to one decimal instead of two. */
  approximate?: boolean | undefined;
}

export interface LangRules {
  /** An amount as written in running text. */
  money(value: number, currency: Currency, options: MoneyOptions): string;
  /** Compact number for table cells and axis labels, whose header names the unit. */
  compact(value: number, currency: Currency | undefined, precision: number | undefined): string;
  /** `counter` is the Korean counter word; English ignores it. */
  count(value: number, counter: string | undefined): string;
  ordinal(rank: number, short: boolean): string;
  /** A multiple, as "2.5 times" or "2.5배"; `precision` decimals (default 1, trailing zeros dropped). */
  times(multiple: number, precision: number | undefined): string;
  period(period: Period): string;
  /** Names the rate a yuan figure was converted at, and where the rate comes from. */
  rateNote(usd: UsdConversion): string;
}
