// What a reader calls a dimension value, in the story's language: the reference tables'
// names the data step put in the aggregate, then the English label column beside the
// dimension, then the code itself. Months and years are written in the language's format.
import type { Aggregate, AggregateRow, NameLang } from '../contract/index.ts';
import { formatPeriod } from '../format/index.ts';
import type { Lang } from '../i18n/index.ts';

/** The descriptive column the data step writes beside a dimension (see src/aggregate/engine.ts). */
const LABEL_FIELDS: Readonly<Record<string, string>> = {
  product: 'product_label',
  hs_code: 'commodity',
  partner: 'partner_name',
  trade_mode: 'trade_mode_name',
  place: 'place_name',
  sanction_group: 'sanction_label',
};

/** Which names stand in where a language has none: a Korean reader gets English before Chinese. */
const FALLBACKS: Readonly<Record<Lang, readonly NameLang[]>> = {
  en: ['en', 'zh'],
  ko: ['ko', 'en', 'zh'],
};

export function nameOf(aggregate: Aggregate, field: string, key: string, lang: Lang, row?: AggregateRow): string {
  if (field === 'month') return formatPeriod({ start: key, end: key }, lang);
  if (field === 'year') return lang === 'ko' ? `${key}년` : key;
  const names = aggregate.names?.[field]?.[key];
  for (const candidate of FALLBACKS[lang]) {
    const name = names?.[candidate];
    if (name) return name;
  }
  const labelField = LABEL_FIELDS[field];
  const label = labelField === undefined || row === undefined ? '' : String(row[labelField] ?? '');
  return label || key;
}
