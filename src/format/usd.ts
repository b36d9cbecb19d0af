// Dollar figures for yuan facts. A conversion is only ever made at the rate the data step
// declared in the fact's `usd` field, and the text always travels with a note naming it.
import type { Fact } from '../contract/index.ts';
import type { Lang } from './rules.ts';
import { LANGS, formatValue } from './value.ts';

export interface UsdOptions {
  lang: Lang;
  /** Decimals; English defaults to one for converted figures. */
  precision?: number | undefined;
}

export interface UsdText {
  /** "$25.8 million" / "2576만 달러". */
  text: string;
  /** The dollar value the text states. */
  value: number;
  /** "at 7.0467 yuan per dollar, the 2023 rate (…)". */
  rateNote: string;
}

export function convertToUsd(fact: Fact, options: UsdOptions): UsdText {
  if (fact.unit !== 'CNY') {
    throw new Error(`Fact "${fact.key}" is in ${fact.unit}, not yuan: only yuan figures convert to dollars`);
  }
  const { usd } = fact;
  if (!usd) {
    throw new Error(`Fact "${fact.key}" has no declared USD conversion (its "usd" field is missing); ` + 'dollar figures are only shown at a declared rate');
  }
  if (!(usd.rate > 0) || Math.abs(usd.value * usd.rate - fact.value) > usd.rate) {
    // The dollar value must be reproducible from the declared rate, to within a dollar.
    throw new Error(`Fact "${fact.key}": ${usd.value} USD is not ${fact.value} yuan at ${usd.rate} yuan per dollar`);
  }
  return {
    text: formatValue(usd.value, 'USD', { lang: options.lang, precision: options.precision, approximate: true }),
    value: usd.value,
    rateNote: LANGS[options.lang].rateNote(usd),
  };
}
