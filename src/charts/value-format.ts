// How a chart writes its values, in one language and one of the formats a definition can ask
// for: compact on ticks and labels, in words in descriptions, in full in tables.
import type { Aggregate } from '../contract/index.ts';
import { formatDecimal, formatPercent, formatValue } from '../format/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import type { ValueFormatName } from './definition.ts';

export interface ValueFormat {
  /** Unit for column and axis headings: "yuan", "customs rows". */
  unit: string;
  /** Whether the marks draw shares (0–1) rather than amounts. */
  percent: boolean;
  /** A value label or tick; `withUnit` for the one label that carries the unit. */
  label(drawn: number, withUnit: boolean): string;
  /** A tooltip: the drawn value, and the amount behind a share. */
  tooltip(drawn: number, value: number): string;
  /** An amount as the prose writes it: "181.53 million yuan". */
  prose(value: number): string;
  /** A table cell: every unit, grouped. */
  cell(value: number): string;
}

export function valueFormat(aggregate: Aggregate, measure: string, name: ValueFormatName, lang: Lang): ValueFormat {
  const words = strings(lang).chart;
  const money = measure === 'value';
  const unit = money ? words.unit(aggregate.currency) : (words.field(measure) ?? measure);
  const prose = (value: number) => (money ? formatValue(value, aggregate.currency, { lang }) : `${formatDecimal(value)} ${words.records}`);
  const compact = (value: number, withUnit: boolean) => {
    const text = formatValue(value, money ? aggregate.currency : 'count', { lang, short: true });
    // A figure with a currency sign ("$25.8M") names its unit already; others name it once.
    return withUnit && !text.includes('$') ? `${text} ${money ? words.unit(aggregate.currency) : words.records}` : text;
  };
  const cell = (value: number) => formatDecimal(value);
  // After a figure the unit is a word in the sentence ("customs rows"), not a heading ("Customs rows").
  const after = money ? unit : words.records;
  switch (name) {
    case 'short':
      return { unit, percent: false, label: compact, tooltip: (_, value) => prose(value), prose, cell };
    case 'full':
      return {
        unit,
        percent: false,
        label: (value, withUnit) => (withUnit ? `${cell(value)} ${after}` : cell(value)),
        tooltip: (_, value) => `${cell(value)} ${after}`,
        prose,
        cell,
      };
    case 'percent':
      return {
        unit,
        percent: true,
        label: (share) => formatPercent(share),
        tooltip: (share, value) => `${formatPercent(share)} (${prose(value)})`,
        prose,
        cell,
      };
  }
}
