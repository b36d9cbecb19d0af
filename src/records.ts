// How a record is written as a records.csv line (the columns are the contract's RECORD_COLUMNS).
import type { TradeRecord } from './contract/index.ts';

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
