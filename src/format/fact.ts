// Formats a fact from facts.json in one of the styles a story can ask for.
import type { Fact } from '../contract/index.ts';
import type { Lang } from './rules.ts';
import { formatValue } from './value.ts';
import { convertToUsd } from './usd.ts';

export const FACT_STYLES = ['value', 'usd', 'rank', 'short', 'label', 'times'] as const;

/**
 * `value`: the figure in its own unit; `usd`: a yuan figure in dollars at the declared
 * rate; `rank`: the fact's rank as an ordinal; `short`: the compact table form; `label`: the
 * name of the row the fact picks; `times`: a change as a multiple ("2.5 times").
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

/** Where a language has no name of its own, the next best: English for Korean readers, then Chinese. */
const NAME_ORDER: Readonly<Record<Lang, readonly ('en' | 'ko' | 'zh')[]>> = { en: ['en', 'zh'], ko: ['ko', 'en', 'zh'] };

function labelOf(fact: Fact, lang: Lang): string {
  for (const candidate of NAME_ORDER[lang]) {
    const name = fact.names?.[candidate];
    if (name) return name;
  }
  if (fact.label === undefined) throw new Error(`Fact "${fact.key}" picks no single row, so it has no name to print`);
  return fact.label;
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
    case 'label':
      return { text: labelOf(fact, lang), value: fact.value };
    case 'times': {
      if (fact.times === undefined) throw new Error(`Fact "${fact.key}" is not a change between two facts (stat: change), so it has no multiple`);
      return { text: formatValue(fact.times, 'times', { lang, precision }), value: fact.times };
    }
    case 'short':
      return { text: formatValue(fact.value, fact.unit, { lang, precision, short: true }), value: fact.value };
    case 'value':
      return { text: formatValue(fact.value, fact.unit, { lang, precision, counter }), value: fact.value };
  }
}
