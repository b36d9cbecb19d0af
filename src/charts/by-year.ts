// Aggregates grouped by year and one other dimension (a product, a sanctions group), read
// into one series per group: the shape behind the grouped bar charts and their tables.
import type { Aggregate } from '../contract/index.ts';
import type { BarGroup } from './bars.ts';
import { fullMoney, unitName } from './format.ts';
import type { ChartTable } from './spec.ts';

export interface YearSeries {
  key: string;
  label: string;
  /** Value per year; every year of the aggregate is present (the data step fills zeros). */
  values: Map<number, number>;
}

export interface ByYear {
  years: number[];
  /** Largest in the latest year first. */
  series: YearSeries[];
}

export function byYear(aggregate: Aggregate, keyField: string, labelField: string): ByYear {
  const years = [...new Set(aggregate.rows.map((row) => Number(row.year)))].sort((a, b) => a - b);
  const series = new Map<string, YearSeries>();
  for (const row of aggregate.rows) {
    const key = String(row[keyField]);
    let entry = series.get(key);
    if (!entry) {
      entry = { key, label: String(row[labelField] ?? key), values: new Map() };
      series.set(key, entry);
    }
    entry.values.set(Number(row.year), (entry.values.get(Number(row.year)) ?? 0) + Number(row.value));
  }
  const latest = years.at(-1);
  const last = (entry: YearSeries) => (latest === undefined ? 0 : (entry.values.get(latest) ?? 0));
  const sorted = [...series.values()].sort((a, b) => last(b) - last(a) || (a.label < b.label ? -1 : 1));
  return { years, series: sorted };
}

export const valueIn = (series: YearSeries, year: number): number => series.values.get(year) ?? 0;

/** Total of all series in one year. */
export function yearTotal(data: ByYear, year: number): number {
  return data.series.reduce((sum, series) => sum + valueIn(series, year), 0);
}

/** One bar per year in each group, the latest year highlighted. */
export function yearGroups(data: ByYear, aggregate: Aggregate): BarGroup[] {
  const latest = data.years.at(-1);
  return data.series.map((series) => ({
    label: series.label,
    bars: data.years.map((year) => {
      const value = valueIn(series, year);
      const label = String(year);
      return {
        label,
        value,
        highlight: year === latest,
        datum: { label: `${series.label}, ${label}`, value, text: fullMoney(value, aggregate.currency) },
      };
    }),
  }));
}

/** A row per group, a column per year. */
export function yearTable(data: ByYear, aggregate: Aggregate, firstColumn: string): ChartTable {
  const unit = unitName(aggregate.currency);
  return {
    columns: [{ label: firstColumn }, ...data.years.map((year) => ({ label: `${year} (${unit})`, numeric: true }))],
    rows: data.series.map((series) => [series.label, ...data.years.map((year) => valueIn(series, year))]),
  };
}
