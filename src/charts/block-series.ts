// Reads an aggregate the way a Markdown chart block asks for it: one category per value of
// the block's `x` field, one series per value of its `colour` field (or a single series),
// and the measure `y` summed into each cell. Also how the measure is worded.
import type { Aggregate, AggregateRow } from '../contract/index.ts';
import { formatDecimal, formatValue } from '../format/index.ts';
import { fullMoney, monthText, shortMoney, unitName } from './format.ts';

/** Dimensions drawn along a time axis: line and area charts need one of them as `x`. */
export const TIME_FIELDS: readonly string[] = ['month', 'year'];

/** The descriptive column the data step writes beside a dimension (see aggregate/engine.ts). */
const LABEL_FIELDS: Readonly<Record<string, string>> = {
  product: 'product_label',
  hs_code: 'commodity',
  partner: 'partner_name',
  trade_mode: 'trade_mode_name',
  place: 'place_name',
  sanction_group: 'sanction_label',
};

/** Column headings for the table a chart offers, by dimension or measure. */
const FIELD_TITLES: Readonly<Record<string, string>> = {
  year: 'Year',
  month: 'Month',
  product: 'Product',
  hs_code: 'HS code',
  hs_chapter: 'HS chapter',
  partner: 'Partner',
  trade_mode: 'Trade mode',
  place: 'Place',
  sanction_group: 'Group of goods',
};

export function fieldTitle(field: string): string {
  return FIELD_TITLES[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replaceAll('_', ' ');
}

export interface BlockFields {
  x: string;
  y: string;
  colour?: string | undefined;
  /** Keep only the first this many categories, in the aggregate's order. */
  top?: number | undefined;
  /** Keys or labels of categories or series to highlight. */
  highlight: readonly string[];
}

export interface Category {
  key: string;
  label: string;
  /** Start of the month or year, for time fields. */
  date?: Date;
  highlight: boolean;
}

export interface Series {
  key: string;
  label: string;
  /** The measure per category, in category order; zero where the aggregate has no row. */
  values: number[];
  highlight: boolean;
}

export interface BlockData {
  categories: Category[];
  series: Series[];
  /** Whether `x` is a time field, so categories are in time order and carry dates. */
  time: boolean;
}

function keyOf(row: AggregateRow, field: string): string {
  return String(row[field] ?? '');
}

/** How a reader sees a field's value: the product's name, "March 2021", the year. */
export function labelOf(row: AggregateRow, field: string): string {
  if (field === 'month') return monthText(keyOf(row, field));
  const labelField = LABEL_FIELDS[field];
  const label = labelField === undefined ? '' : String(row[labelField] ?? '');
  return label || keyOf(row, field);
}

function dateOf(key: string, field: string): Date | undefined {
  if (field === 'month') return new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1));
  if (field === 'year') return new Date(Date.UTC(Number(key), 0, 1));
  return undefined;
}

/** Whether a highlight entry names this key or label (case does not matter). */
export function matchesHighlight(highlight: readonly string[], key: string, label: string): boolean {
  return highlight.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === key.toLowerCase() || wanted === label.toLowerCase();
  });
}

/** Every distinct value of `field` in the aggregate's rows, with its label, in row order. */
export function fieldValues(aggregate: Aggregate, field: string): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of aggregate.rows) {
    const key = keyOf(row, field);
    if (!seen.has(key)) seen.set(key, labelOf(row, field));
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

export function readBlockData(aggregate: Aggregate, fields: BlockFields): BlockData {
  const time = TIME_FIELDS.includes(fields.x);
  let categories: Category[] = fieldValues(aggregate, fields.x).map(({ key, label }) => {
    const date = dateOf(key, fields.x);
    return { key, label, ...(date ? { date } : {}), highlight: matchesHighlight(fields.highlight, key, label) };
  });
  if (time) categories.sort((a, b) => a.date!.getTime() - b.date!.getTime());
  if (fields.top !== undefined) categories = categories.slice(0, fields.top);
  const index = new Map(categories.map((category, k) => [category.key, k]));

  const colour = fields.colour;
  const seriesKeys = colour === undefined ? [{ key: '', label: measureTitle(aggregate, fields.y) }] : fieldValues(aggregate, colour);
  const series: Series[] = seriesKeys.map(({ key, label }) => ({
    key,
    label,
    values: categories.map(() => 0),
    highlight: colour !== undefined && matchesHighlight(fields.highlight, key, label),
  }));
  const seriesIndex = new Map(series.map((s, k) => [s.key, k]));
  // Rows that share x (and colour) are added up: other dimensions are summed over.
  for (const row of aggregate.rows) {
    const k = index.get(keyOf(row, fields.x));
    if (k === undefined) continue;
    const s = series[seriesIndex.get(colour === undefined ? '' : keyOf(row, colour))!]!;
    s.values[k] = s.values[k]! + Number(row[fields.y] ?? 0);
  }
  return { categories, series, time };
}

/** How a measure is written: compact on labels and ticks, in full in text and tooltips. */
export interface MeasureFormat {
  /** Unit for column and axis headings: "yuan", "records". */
  unit: string;
  short(value: number, withUnit: boolean): string;
  full(value: number): string;
}

export function measureFormat(aggregate: Aggregate, measure: string): MeasureFormat {
  if (measure === 'value') {
    const currency = aggregate.currency;
    return {
      unit: unitName(currency),
      short: (value, withUnit) => shortMoney(value, currency, withUnit),
      full: (value) => fullMoney(value, currency),
    };
  }
  // Counts (the `records` measure): how many customs rows were summed.
  return {
    unit: measure,
    short: (value) => formatValue(value, 'count', { lang: 'en', short: true }),
    full: (value) => `${formatDecimal(value)} ${measure}`,
  };
}

/** "Imports (yuan)": the measure's heading for an axis or a single-series table column. */
export function measureTitle(aggregate: Aggregate, measure: string): string {
  const format = measureFormat(aggregate, measure);
  const what = measure === 'value' ? `${aggregate.flow.charAt(0).toUpperCase()}${aggregate.flow.slice(1)}s` : fieldTitle(measure);
  return `${what} (${format.unit})`;
}
