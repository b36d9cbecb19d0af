// The normalised trade record: one accepted row of a GACC download. This module owns the
// records.csv contract that tests and later tools rely on.

export type Flow = 'import' | 'export';
export type Currency = 'CNY' | 'USD';

/** A month as `YYYY-MM`. */
export type Month = string;

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
  'file', 'line', 'flow', 'period_start', 'period_end', 'hs_code', 'commodity',
  'partner_code', 'partner', 'trade_mode_code', 'trade_mode', 'place_code', 'place',
  'quantity', 'unit', 'quantity2', 'unit2', 'value', 'currency',
] as const satisfies readonly (keyof TradeRecord)[];

export const RECORDS_HEADER = RECORD_COLUMNS.join(',');

/** Quotes a CSV field only when it must (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes free text only when needed; codes, months and numbers never need it. */
function text(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One records.csv line, in RECORD_COLUMNS order (written out: this runs once per row). */
export function recordToCsvLine(r: TradeRecord): string {
  return `${text(r.file)},${r.line},${r.flow},${r.period_start},${r.period_end},${r.hs_code},${text(r.commodity)},`
    + `${r.partner_code},${text(r.partner)},${r.trade_mode_code},${text(r.trade_mode)},${r.place_code},${text(r.place)},`
    + `${r.quantity ?? ''},${text(r.unit)},${r.quantity2 ?? ''},${text(r.unit2)},${r.value},${r.currency}`;
}
