// The data behind a chart as a reader can read it, generated for every chart type: the
// table under the chart, its CSV file, and the body of a `type: table` chart. Wide by
// default (a row per category, a column per series); `columns:` picks and orders fields.
import type { Aggregate, AggregateRow } from '../contract/index.ts';
import { formatDecimal, formatPercent } from '../format/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import type { ChartData } from './data.ts';
import { textIn, type ChartDefinition } from './definition.ts';
import { nameOf } from './names.ts';

/** Columns a table can show besides the aggregate's own fields. */
export const TABLE_FIELDS = ['highlight', 'rank', 'share'] as const;

export interface TableColumn {
  label: string;
  /** Numbers are right-aligned; sorting uses the cell's number. */
  numeric?: boolean;
}

/** A cell: text, a number shown in full, or text standing for a number (a share). */
export type TableCell = string | number | { text: string; value: number };

export interface ChartTable {
  columns: TableColumn[];
  /** The first cell of each row names the row. */
  rows: TableCell[][];
}

export const cellText = (cell: TableCell): string => (typeof cell === 'object' ? cell.text : String(cell));
/** A cell as a reader sees it: numbers in full, grouped in the house format ("1,080,412,000"). */
export const cellDisplay = (cell: TableCell): string => (typeof cell === 'number' ? formatDecimal(cell) : cellText(cell));
export const cellNumber = (cell: TableCell): number | undefined => (typeof cell === 'object' ? cell.value : typeof cell === 'number' ? cell : undefined);

interface Column extends TableColumn {
  cell(k: number, s: number): TableCell;
}

export function chartTable(data: ChartData, definition: ChartDefinition, aggregate: Aggregate, lang: Lang): ChartTable {
  const words = strings(lang).chart;
  const { x, colour, y } = definition;
  const rowsOf = new Map<string, AggregateRow[]>();
  for (const row of aggregate.rows) {
    const key = String(row[x] ?? '');
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  }
  const firstRow = (k: number) => rowsOf.get(data.categories[k]!.key)?.[0];
  const single = data.series.length === 1 && colour === undefined;
  const fields = definition.columns ?? [{ field: x }, { field: y }];
  // Naming the colour field makes the table long: a row per category and series.
  const long = colour !== undefined && fields.some((column) => column.field === colour);
  const heading = (field: string, fallback: string, given: ChartDefinition['columns'] extends (infer C)[] | undefined ? C : never) =>
    textIn(given.heading, lang) ?? fallback;

  const columns: Column[] = fields.flatMap((given): Column[] => {
    const { field } = given;
    if (field === x) return [{ label: heading(field, words.field(field) ?? field, given), cell: (k) => data.categories[k]!.label }];
    if (field === colour) return [{ label: heading(field, words.field(field) ?? field, given), cell: (_, s) => data.series[s]!.label }];
    if (field === y) {
      if (single || long)
        return [{ label: heading(field, seriesHeading(data, aggregate, y, lang), given), numeric: true, cell: (k, s) => data.series[s]!.values[k]! }];
      return data.series.map((series, s) => ({
        label: words.measureHeading(series.label, data.format.unit),
        numeric: true,
        cell: (k) => data.series[s]!.values[k]!,
      }));
    }
    switch (field) {
      case 'highlight': {
        const label = textIn(definition.legend, lang) ?? textIn(definition.highlightLabel, lang) ?? words.field('highlight') ?? field;
        return [{ label: heading(field, label, given), cell: (k, s) => (data.categories[k]!.highlight || data.series[s]!.highlight ? words.yes : words.no) }];
      }
      case 'rank':
        return [{ label: heading(field, words.rank, given), numeric: true, cell: (k) => Number(firstRow(k)?.rank ?? k + 1) }];
      case 'share':
        return [
          {
            label: heading(field, words.share, given),
            numeric: true,
            cell: (k, s) => {
              const value = data.series[s]!.shares[k]!;
              return { text: formatPercent(value), value };
            },
          },
        ];
      default: {
        const dimension = aggregate.dimensions.includes(field);
        return [
          {
            label: heading(field, words.field(field) ?? field, given),
            cell: (k) => {
              const row = firstRow(k);
              const value = String(row?.[field] ?? '');
              return dimension && row ? nameOf(aggregate, field, value, lang, row) : value;
            },
          },
        ];
      }
    }
  });

  const rows: TableCell[][] = [];
  data.categories.forEach((_, k) => {
    if (!long) {
      rows.push(columns.map((column) => column.cell(k, 0)));
      return;
    }
    data.series.forEach((series, s) => {
      if (!(data.hideZero && series.values[k] === 0)) rows.push(columns.map((column) => column.cell(k, s)));
    });
  });
  return { columns: columns.map(({ label, numeric }) => (numeric ? { label, numeric } : { label })), rows };
}

function seriesHeading(data: ChartData, aggregate: Aggregate, measure: string, lang: Lang): string {
  const words = strings(lang).chart;
  if (measure === 'value') return words.measureHeading(words.flow(aggregate.flow), words.unit(aggregate.currency));
  return data.series[0]?.label ?? measure;
}
