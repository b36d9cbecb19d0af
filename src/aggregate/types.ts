// Shapes of the data step's JSON outputs (aggregates.json, facts.json). Pages and the
// Markdown plugins read only these, never the raw files.
import type { Currency, Flow, Month } from '../records.ts';

export interface Period {
  start: Month;
  end: Month;
}

/** One row of an aggregate: the grouping dimensions it was declared with, plus sums. */
export type AggregateRow = Record<string, string | number>;

export interface Aggregate {
  id: string;
  description: string;
  flow: Flow;
  currency: Currency;
  period: Period;
  /** Dimension names, in declared order, then the measure names. */
  dimensions: string[];
  measures: string[];
  rows: AggregateRow[];
  /** True when any record that fed this aggregate came from a synthetic source. */
  synthetic: boolean;
  /** Files the rows came from, for the source line under a chart. */
  sources: string[];
}

export interface UsdConversion {
  value: number;
  /** Yuan per US dollar. */
  rate: number;
  rate_year: number;
  rate_source: string;
}

export type FactUnit = Currency | 'count' | 'rank';

export interface Fact {
  key: string;
  /** What the number is, in plain English, for copy desks and tooltips. */
  description: string;
  value: number;
  unit: FactUnit;
  period: Period;
  /** The aggregate the fact was taken from. */
  aggregate: string;
  /** The row the value came from, where it came from one row (e.g. the product's label). */
  label?: string;
  /** Rank within the aggregate's order, where the aggregate is ranked. */
  rank?: number;
  /** Present for yuan values: the same value in US dollars at the declared annual rate. */
  usd?: UsdConversion;
  synthetic: boolean;
}

export type AggregatesFile = Record<string, Aggregate>;
export type FactsFile = Record<string, Fact>;
