// Reads an aggregate the way a chart definition asks for it, in one language: one category
// per value of `x`, one series per value of `colour` (or a single series), the measure `y`
// summed into each cell; then highlight, sort, top and hide_zero. Every chart type draws
// from this shape, and the description, table and CSV are generated from it.
import type { Aggregate, AggregateRow } from '../contract/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import type { ChartDefinition, Highlight } from './definition.ts';
import { nameOf } from './names.ts';
import { valueFormat, type ValueFormat } from './value-format.ts';

/** Dimensions drawn along a time axis. */
export const TIME_FIELDS: readonly string[] = ['month', 'year'];

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
  /** Each value's share of its whole: the series' total, or with several series the category's; of every row, before top or hide_zero. */
  shares: number[];
  /** What the marks draw: the values, or their shares for `format: percent`. */
  drawn: number[];
  highlight: boolean;
}

export interface ChartData {
  lang: Lang;
  categories: Category[];
  series: Series[];
  /** Whether `x` is a time field, so categories are in time order and carry dates. */
  time: boolean;
  /** Whether anything is highlighted, so the rest is drawn muted. */
  highlighting: boolean;
  /** Whether zero cells are left out (hide_zero). */
  hideZero: boolean;
  format: ValueFormat;
}

const share = (value: number, total: number): number => (total === 0 ? 0 : value / total);

const keyOf = (row: AggregateRow, field: string): string => String(row[field] ?? '');

function dateOf(key: string, field: string): Date | undefined {
  if (field === 'month') return new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1));
  if (field === 'year') return new Date(Date.UTC(Number(key), 0, 1));
  return undefined;
}

/** Every distinct value of `field` in the aggregate's rows, named in `lang`, in row order (time fields in time order). */
export function fieldValues(aggregate: Aggregate, field: string, lang: Lang): { key: string; label: string; rows: AggregateRow[] }[] {
  const seen = new Map<string, { key: string; label: string; rows: AggregateRow[] }>();
  for (const row of aggregate.rows) {
    const key = keyOf(row, field);
    const entry = seen.get(key);
    if (entry) entry.rows.push(row);
    else seen.set(key, { key, label: nameOf(aggregate, field, key, lang, row), rows: [row] });
  }
  const values = [...seen.values()];
  if (TIME_FIELDS.includes(field)) values.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return values;
}

/** Whether a written value names this key or one of its names (case does not matter). */
export function namesValue(aggregate: Aggregate, field: string, key: string, wanted: string): boolean {
  const target = wanted.toLowerCase();
  if (key.toLowerCase() === target) return true;
  const names = aggregate.names?.[field]?.[key] ?? {};
  return (
    Object.values(names).some((name) => name?.toLowerCase() === target) ||
    aggregate.rows.some((row) => keyOf(row, field) === key && nameOf(aggregate, field, key, 'en', row).toLowerCase() === target)
  );
}

function highlighted(highlight: Highlight | undefined, aggregate: Aggregate, field: string, key: string, rows: AggregateRow[], forSeries: boolean): boolean {
  if (!highlight) return false;
  if ('values' in highlight) return highlight.values.some((value) => namesValue(aggregate, field, key, value));
  // An attribute match marks categories by their rows, or series when it names the colour field itself.
  if (highlight.attribute === field) return namesValue(aggregate, field, key, highlight.value);
  if (forSeries) return false;
  return rows.some((row) => String(row[highlight.attribute] ?? '').toLowerCase() === highlight.value.toLowerCase());
}

export function readChartData(aggregate: Aggregate, definition: ChartDefinition, lang: Lang): ChartData {
  const { x, colour, y } = definition;
  const time = TIME_FIELDS.includes(x);
  const categoryValues = fieldValues(aggregate, x, lang);
  // A match on the colour field marks series; every category has rows of that series too.
  const marksSeries = definition.highlight !== undefined && 'attribute' in definition.highlight && definition.highlight.attribute === colour;
  let categories: Category[] = categoryValues.map(({ key, label, rows }) => {
    const date = dateOf(key, x);
    return { key, label, ...(date ? { date } : {}), highlight: !marksSeries && highlighted(definition.highlight, aggregate, x, key, rows, false) };
  });
  const seriesValues =
    colour === undefined ? [{ key: '', label: measureHeading(aggregate, y, lang), rows: aggregate.rows }] : fieldValues(aggregate, colour, lang);
  let series: Series[] = seriesValues.map(({ key, label, rows }) => ({
    key,
    label,
    values: categories.map(() => 0),
    shares: [],
    drawn: [],
    highlight: colour !== undefined && highlighted(definition.highlight, aggregate, colour, key, rows, true),
  }));
  const categoryIndex = new Map(categories.map((category, k) => [category.key, k]));
  const seriesIndex = new Map(series.map((s, k) => [s.key, k]));
  // Rows that share x (and colour) are added up: other dimensions are summed over.
  for (const row of aggregate.rows) {
    const k = categoryIndex.get(keyOf(row, x))!;
    const s = series[seriesIndex.get(colour === undefined ? '' : keyOf(row, colour))!]!;
    s.values[k] = s.values[k]! + Number(row[y] ?? 0);
  }

  // Shares are of everything the aggregate holds, before top or hide_zero leave any out.
  const seriesTotals = series.map((s) => s.values.reduce((sum, value) => sum + value, 0));
  const categoryTotals = categories.map((_, k) => series.reduce((sum, s) => sum + s.values[k]!, 0));
  const seriesBase = new Map(series.map((s, k) => [s.key, seriesTotals[k]!]));

  let order = categories.map((_, k) => k);
  if (!time) order = sortOrder(definition, aggregate, categories, series, lang);
  // Zeros go first, so that top keeps the first N of what is shown.
  if (definition.hideZero) order = order.filter((k) => series.some((s) => s.values[k] !== 0));
  if (definition.top !== undefined) order = order.slice(0, definition.top);
  if (definition.hideZero) series = series.filter((s) => order.some((k) => s.values[k] !== 0));
  const single = colour === undefined;
  const base = (k: number, s: Series) => (single ? seriesBase.get(s.key)! : categoryTotals[k]!);
  const percent = definition.format === 'percent';
  categories = order.map((k) => categories[k]!);
  series = series.map((s) => {
    const shares = order.map((k) => share(s.values[k]!, base(k, s)));
    const values = order.map((k) => s.values[k]!);
    return { ...s, values, shares, drawn: percent ? shares : values };
  });

  return {
    lang,
    categories,
    series,
    time,
    highlighting: categories.some((c) => c.highlight) || series.some((s) => s.highlight),
    hideZero: definition.hideZero,
    format: valueFormat(aggregate, y, definition.format, lang),
  };
}

/** Category indexes in the order the definition asks for. */
function sortOrder(definition: ChartDefinition, aggregate: Aggregate, categories: readonly Category[], series: readonly Series[], lang: Lang): number[] {
  const indexes = categories.map((_, k) => k);
  const byLabel = (a: number, b: number) => categories[a]!.label.localeCompare(categories[b]!.label, strings(lang).tag);
  const sort = definition.sort ?? (definition.type === 'bar' || definition.type === 'dot' ? { by: 'value' as const } : { by: 'data' as const });
  switch (sort.by) {
    case 'data':
      return indexes;
    case 'label':
      return indexes.sort(byLabel);
    case 'value': {
      const total = (k: number) => series.reduce((sum, s) => sum + s.values[k]!, 0);
      return indexes.sort((a, b) => total(b) - total(a) || a - b);
    }
    case 'series': {
      const chosen = series.find((s) => namesValue(aggregate, definition.colour ?? '', s.key, sort.series))!;
      return indexes.sort((a, b) => chosen.values[b]! - chosen.values[a]! || a - b);
    }
    case 'order': {
      const rank = (k: number) => {
        const at = sort.order.findIndex((value) => namesValue(aggregate, definition.x, categories[k]!.key, value));
        return at === -1 ? sort.order.length : at;
      };
      return indexes.sort((a, b) => rank(a) - rank(b) || a - b);
    }
  }
}

/** "Imports (yuan)": the measure's heading for an axis or a single-series column, in `lang`. */
export function measureHeading(aggregate: Aggregate, measure: string, lang: Lang): string {
  const words = strings(lang).chart;
  if (measure === 'value') return words.measureHeading(words.flow(aggregate.flow), words.unit(aggregate.currency));
  return words.field(measure) ?? measure;
}
