// Formats a fact from facts.json in one of the styles a story can ask for.
import type { Fact } from '../contract/index.ts';
import type { Lang } from './rules.ts';
import { formatValue } from './value.ts';
import { convertToUsd } from './usd.ts';

export const FACT_STYLES = ['value', 'usd', 'rank', 'short'] as const;

/**
 * `value`: the figure in its own unit; `usd`: a yuan figure in dollars at the declared
 * rate; `rank`: the fact's rank as an ordinal; `short`: the compact table form.
 */
export type FactStyle = (typeof FACT_STYLES)[number];

export interface FactFormatOptions {
  lang: Lang;
  as?: FactStyle | undefined;
  precision?: number | undefined;
  /** Korean counter word for counts (default 개). */
  counter?: string | undefined;
}

export interface FormattedFact {
  text: string;
  /** The number the text states, for machine-readable markup. */
  value: number;
  /** Only for `usd`: the rate the figure was converted at. */
  rateNote?: string;
}

function rankOf(fact: Fact): number {
  const rank = fact.unit === 'rank' ? fact.value : fact.rank;
  if (rank === undefined) throw new Error(`Fact "${fact.key}" has no rank`);
  return rank;
}

export function formatFact(fact: Fact, options: FactFormatOptions): FormattedFact {
  const { lang, precision, counter } = options;
  switch (options.as ?? 'value') {
    case 'usd':
      return convertToUsd(fact, { lang, precision });
    case 'rank': {
      const rank = rankOf(fact);
      return { text: formatValue(rank, 'rank', { lang }), value: rank };
    }
    case 'short':
      return { text: formatValue(fact.value, fact.unit, { lang, precision, short: true }), value: fact.value };
    case 'value':
      return { text: formatValue(fact.value, fact.unit, { lang, precision, counter }), value: fact.value };
  }
}
