// The contract between the data step and the site: the shapes of records.csv, report.json,
// aggregates.json and facts.json, the problems a step reports, and the output file names.
// It imports nothing, so the site and the reporter tools can depend on it without pulling in
// the reader, and the data step can change how it reads without the site noticing.

export type Flow = 'import' | 'export';
export type Currency = 'CNY' | 'USD';

/** A month as `YYYY-MM`. */
export type Month = string;

/** The languages a name can be given in by the reference tables. */
export type NameLang = 'en' | 'zh' | 'ko';

/** One thing's name in the languages the reference tables know. */
export type Names = Partial<Record<NameLang, string>>;

/** The normalised trade record: one accepted row of a download. */
export interface TradeRecord {
  /** Path of the source file relative to the raw folder, with `/` separators. */
  file: string;
  /** Physical line (1-based) where the row starts in the source file. */
  line: number;
  flow: Flow;
  period_start: Month;
  period_end: Month;
  /** Commodity code exactly as downloaded: 2, 4, 6 or 8 digits, leading zeros kept. */
  hs_code: string;
  commodity: string;
  /** Empty strings where the download had no such column. */
  partner_code: string;
  partner: string;
  trade_mode_code: string;
  trade_mode: string;
  place_code: string;
  place: string;
  /** null where the download had no quantity or marked it missing. */
  quantity: number | null;
  unit: string;
  quantity2: number | null;
  unit2: string;
  /** Whole units of `currency`. */
  value: number;
  currency: Currency;
}

export const RECORD_COLUMNS = [
  'file',
  'line',
  'flow',
  'period_start',
  'period_end',
  'hs_code',
  'commodity',
  'partner_code',
  'partner',
  'trade_mode_code',
  'trade_mode',
  'place_code',
  'place',
  'quantity',
  'unit',
  'quantity2',
  'unit2',
  'value',
  'currency',
] as const satisfies readonly (keyof TradeRecord)[];

export const RECORDS_HEADER = RECORD_COLUMNS.join(',');

/** What the data step writes into its output folder. */
export const OUTPUT_FILES = {
  records: 'records.csv',
  recordsParquet: 'records.parquet',
  report: 'report.json',
  rejected: 'rejected.csv',
  aggregates: 'aggregates.json',
  facts: 'facts.json',
  changes: 'changes.md',
  /** The digest of a run's inputs, left by `npm run build` so the next build can keep an unchanged run. */
  lastRun: 'last-run.json',
} as const;

/** Something a reporter can act on: the file (relative to its folder) and, where it has one, the line. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';
export type HeaderLanguage = 'zh' | 'en';

export interface Rejection {
  file: string;
  line: number;
  reason: string;
  /** The row's value where it could be read, so column sums can be reconciled. */
  value?: number;
}

export interface FileReport {
  file: string;
  encoding: TextEncoding;
  language: HeaderLanguage;
  /** Accepted data rows. */
  rows: number;
  rejected: number;
  currency: Currency;
  period_start: string;
  period_end: string;
  /** Sum of the values of accepted rows. */
  total_value: number;
  synthetic: boolean;
  flow: Flow;
  source: string;
  /** The source line in every language sources.yaml gives it in. */
  source_names?: Names;
  license?: string;
  notes?: string;
}

export interface DataReport {
  files: FileReport[];
  rejected: Rejection[];
  warnings: Problem[];
}

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
  /**
   * What each dimension value is called, by field and key, in every language the reference
   * tables give: `names.partner["410"].ko` is "브라질". Charts pick the reader's language.
   */
  names?: Record<string, Record<string, Names>>;
  /**
   * Present when the aggregate restates records of another currency in `currency`: the
   * declared rates it used (none when every record was already in `currency`).
   */
  conversion?: Conversion;
  /** True when any record that fed this aggregate came from a synthetic source. */
  synthetic: boolean;
  /** Files the rows came from, for the source line under a chart. */
  sources: string[];
}

/** A declared rate a conversion used. */
export interface ConversionRate {
  /** `YYYY` for a year's average, `YYYY-MM` for a month's. */
  period: string;
  /** Yuan per US dollar. */
  rate: number;
  source: string;
  /** The source in the languages the rates table gives. */
  source_names?: Names;
}

export interface Conversion {
  to: Currency;
  rates: ConversionRate[];
}

export interface UsdConversion {
  value: number;
  /** Yuan per US dollar. */
  rate: number;
  rate_year: number;
  rate_source: string;
  /** The source in the languages the rates table gives. */
  rate_source_names?: Names;
}

export type FactUnit = Currency | 'count' | 'rank' | 'percent' | 'times';

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
  /** The picked row's name in every language the reference tables give. */
  names?: Names;
  /** Rank within the aggregate's order, where the aggregate is ranked. */
  rank?: number;
  /** Present for yuan values: the same value in US dollars at the declared annual rate. */
  usd?: UsdConversion;
  /** Present when the value rests on amounts restated from another currency: the rates used. */
  conversion?: Conversion;
  /** For `stat: change`: the multiple, to ÷ from (the value is this minus one). */
  times?: number;
  synthetic: boolean;
}

export type AggregatesFile = Record<string, Aggregate>;
export type FactsFile = Record<string, Fact>;
