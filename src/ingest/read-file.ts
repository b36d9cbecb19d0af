// Reads one GACC download, streaming: each accepted row goes to `onRecord` as a normalised
// TradeRecord, each unreadable row becomes a rejection with its line and reason. Problems
// with the file as a whole (encoding, header, manifest) throw a FileError instead.
import { open } from 'node:fs/promises';
import type { Currency, Flow, TradeRecord } from '../records.ts';
import { monthName, formatMonthRange, type MonthRange } from '../months.ts';
import { FileError } from './errors.ts';
import { detectEncoding, type TextEncoding } from './encoding.ts';
import { FieldSpans, NEED_MORE, scanRow } from './csv-rows.ts';
import { readHeader, type ColumnField, type ColumnLayout, type HeaderLanguage } from './columns.ts';
import { digitCount, readDecimal, readMonth, readWholeNumber, trimEnd, trimStart } from './numbers.ts';
import { createFieldDecoder, UNDECODABLE, type FieldDecoder } from './text-decoder.ts';

export interface SourceFile {
  /** Path relative to the raw folder, `/`-separated: what reports and records name. */
  file: string;
  /** Where to read it. */
  path: string;
  flow: Flow;
  /** Declared in the manifest; required when the file has no month column. */
  period?: MonthRange;
  synthetic: boolean;
}

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
}

export interface FileReadResult {
  report: FileReport;
  rejections: Rejection[];
  /** Data rows seen, accepted or not. */
  dataRows: number;
  codeLength: number | undefined;
  layout: ColumnLayout;
}

export interface ReadOptions {
  onRecord: (record: TradeRecord) => void;
  /** Called with the number of bytes consumed since the last call. */
  onBytes?: (bytes: number) => void;
  chunkSize?: number;
}

const HS_CODE_LENGTHS = new Set([2, 4, 6, 8]);

export async function readGaccFile(source: SourceFile, options: ReadOptions): Promise<FileReadResult> {
  const { encoding, skip } = await detectEncoding(source.path, source.file);
  const decode = createFieldDecoder(encoding);
  const handle = await open(source.path, 'r');
  try {
    const parser = new RowParser(source, decode, options.onRecord);
    let buf = Buffer.allocUnsafe(options.chunkSize ?? 4 << 20);
    let filled = 0;
    let position = skip;
    let line = 1;
    const spans = new FieldSpans();
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, position);
      position += bytesRead;
      filled += bytesRead;
      const atEnd = bytesRead === 0;
      let pos = 0;
      while (pos < filled) {
        const next = scanRow(buf, pos, filled, atEnd, spans);
        if (next === NEED_MORE) break;
        parser.row(buf, spans, line);
        line += 1 + spans.innerLineBreaks;
        pos = next;
      }
      options.onBytes?.(pos);
      if (atEnd) break;
      // Keep the unfinished row; grow the buffer if one row is longer than all of it.
      if (pos === 0 && filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      } else {
        buf.copy(buf, 0, pos, filled);
        filled -= pos;
      }
    }
    return parser.finish(encoding);
  } finally {
    await handle.close();
  }
}

/** Turns scanned rows into records or rejections; holds the per-file state. */
class RowParser {
  private layout: ColumnLayout | undefined;
  private codeLength: number | undefined;
  private readonly rejections: Rejection[] = [];
  private accepted = 0;
  private dataRows = 0;
  private total = 0;
  private firstMonth = Infinity;
  private lastMonth = -Infinity;
  private fixedPeriod: [string, string] | undefined;
  private readonly source: SourceFile;
  private readonly decode: FieldDecoder;
  private readonly onRecord: (record: TradeRecord) => void;

  constructor(source: SourceFile, decode: FieldDecoder, onRecord: (record: TradeRecord) => void) {
    this.source = source;
    this.decode = decode;
    this.onRecord = onRecord;
  }

  row(buf: Buffer, spans: FieldSpans, line: number): void {
    if (spans.count === 1 && !spans.malformed && spans.end[0] === spans.start[0]) return; // blank line
    if (!this.layout) {
      this.header(buf, spans, line);
      return;
    }
    this.dataRows++;
    const reason = this.data(buf, spans, line, this.layout);
    if (reason !== undefined) {
      const rejection: Rejection = { file: this.source.file, line, reason };
      const value = this.readableValue(buf, spans, this.layout);
      if (value !== undefined) rejection.value = value;
      this.rejections.push(rejection);
    }
  }

  finish(encoding: TextEncoding): FileReadResult {
    const { file } = this.source;
    if (!this.layout) throw new FileError({ file, message: 'the file is empty' });
    if (this.dataRows === 0) throw new FileError({ file, line: 2, message: 'the file has a header but no data rows; check the query that produced it' });
    if (!Number.isSafeInteger(this.total)) throw new FileError({ file, message: 'the values add up to more than can be counted exactly' });
    const [periodStart, periodEnd] = this.fixedPeriod
      ?? (this.accepted > 0 ? [monthName(this.firstMonth), monthName(this.lastMonth)] : ['', '']);
    return {
      report: {
        file,
        encoding,
        language: this.layout.language,
        rows: this.accepted,
        rejected: this.rejections.length,
        currency: this.layout.currency,
        period_start: periodStart,
        period_end: periodEnd,
        total_value: this.total,
        synthetic: this.source.synthetic,
      },
      rejections: this.rejections,
      dataRows: this.dataRows,
      codeLength: this.codeLength,
      layout: this.layout,
    };
  }

  private header(buf: Buffer, spans: FieldSpans, line: number): void {
    const { file } = this.source;
    if (spans.malformed) throw new FileError({ file, line, message: 'the header row has broken quoting' });
    const names: string[] = [];
    for (let k = 0; k < spans.count; k++) {
      const name = this.text(buf, spans, k);
      if (name === UNDECODABLE) throw new FileError({ file, line, message: 'the header cannot be decoded as GB18030 or UTF-8 text' });
      names.push(name);
    }
    const result = readHeader(names);
    if (!result.ok) throw new FileError({ file, line, message: result.message });
    this.layout = result.layout;
    if (result.layout.index.month === undefined) {
      if (!this.source.period) {
        throw new FileError({ file, line, message: 'the file has no month column (数据年月 / "Date of data"), so its entry in sources.yaml must give the period it covers, e.g. period: 2023-01..2023-10' });
      }
      this.fixedPeriod = [monthName(this.source.period.start), monthName(this.source.period.end)];
    }
  }

  /** Reads one data row; returns the reason when it cannot be read exactly. */
  private data(buf: Buffer, spans: FieldSpans, line: number, layout: ColumnLayout): string | undefined {
    if (spans.malformed) return 'broken quoting: a field has a stray or unclosed double quote';
    const widthProblem = this.checkWidth(buf, spans, layout);
    if (widthProblem) return widthProblem;
    const index = layout.index;

    const valueField = this.span(buf, spans, index.value!);
    const value = readWholeNumber(buf, valueField[0], valueField[1]);
    if (Number.isNaN(value)) return `value ${this.quote(buf, valueField)} is not a whole number (expected digits, optionally with thousands separators like 5,848,714)`;

    let periodStart: string;
    let periodEnd: string;
    if (index.month !== undefined) {
      const monthField = this.span(buf, spans, index.month);
      const month = readMonth(buf, monthField[0], monthField[1]);
      if (Number.isNaN(month)) return `impossible month ${this.quote(buf, monthField)} (expected YYYYMM, e.g. 202310)`;
      const period = this.source.period;
      if (period && (month < period.start || month > period.end)) {
        return `month ${monthName(month)} is outside the period declared in sources.yaml (${formatMonthRange(period)})`;
      }
      periodStart = periodEnd = monthName(month);
      if (month < this.firstMonth) this.firstMonth = month;
      if (month > this.lastMonth) this.lastMonth = month;
    } else {
      [periodStart, periodEnd] = this.fixedPeriod!;
    }

    const codeField = this.span(buf, spans, index.hs_code!);
    const digits = digitCount(buf, codeField[0], codeField[1]);
    if (digits <= 0) return `commodity code ${this.quote(buf, codeField)} is not a number`;
    if (!HS_CODE_LENGTHS.has(digits)) {
      return `commodity code ${this.quote(buf, codeField)} has ${digits} digits; GACC codes have 2, 4, 6 or 8 (a leading zero was probably lost, e.g. by a spreadsheet)`;
    }
    this.codeLength ??= digits;
    if (digits !== this.codeLength) {
      return `commodity code ${this.quote(buf, codeField)} has ${digits} digits but this file's codes have ${this.codeLength}; one download uses one code length`;
    }

    const texts: Partial<Record<ColumnField, string>> = {};
    for (const field of TEXT_FIELDS) {
      const k = index[field];
      if (k === undefined) continue;
      const text = this.text(buf, spans, k);
      if (text === UNDECODABLE) return `the ${FIELD_LABELS[field]} cannot be decoded as text (damaged bytes or an unexpected encoding)`;
      texts[field] = text;
    }
    for (const field of CODE_FIELDS) {
      const code = texts[field];
      if (code !== undefined && code !== '' && !/^\d+$/.test(code)) return `${FIELD_LABELS[field]} "${code}" is not a number`;
    }
    const quantity = this.quantity(buf, spans, index.quantity);
    if (Number.isNaN(quantity)) return `quantity ${this.quote(buf, this.span(buf, spans, index.quantity!))} is not a number`;
    const quantity2 = this.quantity(buf, spans, index.quantity2);
    if (Number.isNaN(quantity2)) return `second quantity ${this.quote(buf, this.span(buf, spans, index.quantity2!))} is not a number`;

    this.accepted++;
    this.total += value;
    this.onRecord({
      file: this.source.file,
      line,
      flow: this.source.flow,
      period_start: periodStart,
      period_end: periodEnd,
      hs_code: buf.toString('latin1', codeField[0], codeField[1]),
      commodity: texts.commodity ?? '',
      partner_code: texts.partner_code ?? '',
      partner: texts.partner ?? '',
      trade_mode_code: texts.trade_mode_code ?? '',
      trade_mode: texts.trade_mode ?? '',
      place_code: texts.place_code ?? '',
      place: texts.place ?? '',
      quantity,
      unit: unitText(texts.unit),
      quantity2,
      unit2: unitText(texts.unit2),
      value,
      currency: layout.currency,
    });
    return undefined;
  }

  private checkWidth(buf: Buffer, spans: FieldSpans, layout: ColumnLayout): string | undefined {
    const n = spans.count;
    if (n === layout.width) {
      if (layout.trailingEmpty && spans.end[n - 1]! > spans.start[n - 1]!) return 'the empty last column (after the trailing comma) holds a value';
      return undefined;
    }
    // Tolerate a trailing comma on the header but not the rows, and the reverse.
    if (layout.trailingEmpty && n === layout.width - 1) return undefined;
    if (!layout.trailingEmpty && n === layout.width + 1 && spans.end[n - 1] === spans.start[n - 1]) return undefined;
    const expected = layout.trailingEmpty ? layout.width - 1 : layout.width;
    const found = n > expected && spans.end[n - 1] === spans.start[n - 1] ? n - 1 : n;
    return found < expected
      ? `missing columns: the row has ${found} fields where the header has ${expected}`
      : `extra columns: the row has ${found} fields where the header has ${expected}`;
  }

  private readableValue(buf: Buffer, spans: FieldSpans, layout: ColumnLayout): number | undefined {
    const k = layout.index.value!;
    if (spans.malformed || k >= spans.count) return undefined;
    const [s, e] = this.span(buf, spans, k);
    const value = readWholeNumber(buf, s, e);
    return Number.isNaN(value) ? undefined : value;
  }

  private quantity(buf: Buffer, spans: FieldSpans, k: number | undefined): number | null {
    if (k === undefined) return null;
    const [s, e] = this.span(buf, spans, k);
    if (s === e || (e - s === 1 && buf[s] === 0x3f)) return null; // empty or "?"
    return readDecimal(buf, s, e);
  }

  /** The trimmed byte span of field k. */
  private span(buf: Buffer, spans: FieldSpans, k: number): [number, number] {
    const s = trimStart(buf, spans.start[k]!, spans.end[k]!);
    return [s, trimEnd(buf, s, spans.end[k]!)];
  }

  private text(buf: Buffer, spans: FieldSpans, k: number): string | typeof UNDECODABLE {
    const text = this.decode(buf, spans.start[k]!, spans.end[k]!);
    if (text === UNDECODABLE) return text;
    return (spans.escaped[k] ? text.replaceAll('""', '"') : text).trim();
  }

  /** A field's text for a message, quoted and shortened. */
  private quote(buf: Buffer, [s, e]: [number, number]): string {
    const text = this.decode(buf, s, e);
    if (text === UNDECODABLE) return '(undecodable bytes)';
    if (text === '') return '(empty)';
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
}

const TEXT_FIELDS = ['commodity', 'partner_code', 'partner', 'trade_mode_code', 'trade_mode', 'place_code', 'place', 'unit', 'unit2'] as const;
const CODE_FIELDS = ['partner_code', 'trade_mode_code', 'place_code'] as const;
const FIELD_LABELS: Record<(typeof TEXT_FIELDS)[number], string> = {
  commodity: 'commodity name',
  partner_code: 'trading partner code',
  partner: 'trading partner name',
  trade_mode_code: 'trade mode code',
  trade_mode: 'trade mode name',
  place_code: 'place code',
  place: 'place name',
  unit: 'unit',
  unit2: 'second unit',
};

/** GACC writes "?" where a row has no unit. */
function unitText(unit: string | undefined): string {
  return unit === undefined || unit === '?' ? '' : unit;
}
