// Reads one GACC download, streaming: each accepted row goes to `onRecord` as a normalised
// TradeRecord, each unreadable row becomes a rejection with its line and reason. Problems
// with the file as a whole (encoding, header, manifest) throw a FileError instead.
import type { Currency, FileReport, Flow, HeaderLanguage, Rejection, TextEncoding, TradeRecord } from '../contract/index.ts';
import { open } from 'node:fs/promises';
import { monthName, formatMonthRange, type MonthRange } from '../months.ts';
import { FileError } from './errors.ts';
import { byteOrderMark, decideEncoding, looksLikeUtf16 } from './encoding.ts';
import { FieldSpans, hashBytes, NEED_MORE, scanRow } from './csv-rows.ts';
import { readHeader, type ColumnField, type ColumnLayout } from './columns.ts';
import { digitCount, readDecimal, readMonth, readWholeNumber } from './numbers.ts';
import { FieldTextCache, UNDECODABLE, type FieldText } from './field-text.ts';
import { readInnerQuotes, type RowShape } from './inner-quotes.ts';

export interface SourceFile {
  /** Path relative to the raw folder, `/`-separated: what reports and records name. */
  file: string;
  /** Where to read it. */
  path: string;
  flow: Flow;
  /** Declared in the manifest; required when the file has no month column. */
  period?: MonthRange;
  synthetic: boolean;
  /** Provenance from the manifest, carried into the report for the pages' source notes. */
  source: string;
  license?: string;
  notes?: string;
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
  /** Bytes read at a time (at least 16); small sizes are for tests of row boundaries. */
  chunkSize?: number;
}

const HS_CODE_LENGTHS = new Set([2, 4, 6, 8]);
const MIN_CHUNK = 16;
/** How far to read, at most, for a line that tells GB18030 from UTF-8 (see decideEncoding). */
const SNIFF_LIMIT = 1 << 20;

export async function readGaccFile(source: SourceFile, options: ReadOptions): Promise<FileReadResult> {
  const handle = await open(source.path, 'r');
  try {
    const texts = new FieldTextCache();
    const parser = new RowParser(source, texts, options.onRecord);
    // At least a few bytes, so the first read can hold a byte-order mark.
    let buf = Buffer.allocUnsafe(Math.max(MIN_CHUNK, options.chunkSize ?? 4 << 20));
    let filled = 0;
    let position = 0;
    let line = 1;
    let first = true;
    /** Bytes of a byte-order mark at the start of the buffer, until the first rows are parsed. */
    let skip = 0;
    const spans = new FieldSpans();
    const grow = () => {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    };
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, position);
      position += bytesRead;
      const nul = buf.indexOf(0, filled);
      filled += bytesRead;
      const atEnd = bytesRead === 0;
      const firstChunk = first;
      if (first) {
        first = false;
        skip = startOfText(buf.subarray(0, filled), source.file, texts);
      }
      let pos = skip;
      if (nul !== -1 && nul < filled) {
        if (firstChunk && looksLikeUtf16(buf.subarray(0, filled))) throw new FileError({ file: source.file, message: UTF16_MESSAGE });
        throw new FileError({ file: source.file, message: 'this is not a text file (it contains NUL bytes); download the CSV again' });
      }
      if (texts.encoding === undefined) {
        // Decide the encoding from whole lines before any of them is parsed.
        // Lines may end in LF, CRLF or (old Mac exports) a lone CR.
        const lastNewline = atEnd ? filled : Math.max(buf.lastIndexOf(0x0a, filled - 1), buf.lastIndexOf(0x0d, filled - 1)) + 1;
        const verdict = decideEncoding(buf.subarray(pos, Math.max(pos, lastNewline)), atEnd || filled >= SNIFF_LIMIT);
        if (verdict === 'undecided') {
          // Only lines that read the same in both encodings so far: read on before parsing.
          if (filled === buf.length) grow();
          continue;
        }
        texts.encoding = verdict;
      }
      skip = 0;
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
        grow();
      } else {
        buf.copy(buf, 0, pos, filled);
        filled -= pos;
      }
    }
    return parser.finish(texts.encoding ?? 'utf-8');
  } finally {
    await handle.close();
  }
}

const UTF16_MESSAGE = 'the file is UTF-16 (as Excel\'s "Unicode text" saves it); save it as CSV in UTF-8, or use the original GACC download';

/** Nothing but spaces and tabs (or nothing): a blank line, not a row. */
function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return false;
  return true;
}

/** Handles a byte-order mark; returns where the text starts. */
function startOfText(bytes: Uint8Array, file: string, texts: FieldTextCache): number {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding === 'utf-16') {
    throw new FileError({ file, message: UTF16_MESSAGE });
  }
  if (bom) {
    texts.encoding = bom.encoding;
    return bom.skip;
  }
  return 0;
}

/** Column positions of one file, -1 where it lacks the column; read once from the header. */
interface Positions {
  month: number; hs_code: number; commodity: number; partner_code: number; partner: number;
  trade_mode_code: number; trade_mode: number; place_code: number; place: number;
  quantity: number; unit: number; quantity2: number; unit2: number; value: number;
}

function positionsOf(layout: ColumnLayout): Positions {
  const at = (field: ColumnField) => layout.index[field] ?? -1;
  return {
    month: at('month'), hs_code: at('hs_code'), commodity: at('commodity'), partner_code: at('partner_code'),
    partner: at('partner'), trade_mode_code: at('trade_mode_code'), trade_mode: at('trade_mode'),
    place_code: at('place_code'), place: at('place'), quantity: at('quantity'), unit: at('unit'),
    quantity2: at('quantity2'), unit2: at('unit2'), value: at('value'),
  };
}

const SPACE = 0x20;
const TAB = 0x09;
const QUESTION_MARK = 0x3f;
const HYPHEN = 0x2d;

/** GACC marks a missing unit or quantity with "?" (current platform) or "-" (2018 files). */
const isMissingMarker = (text: string) => text === '?' || text === '-';
const NAME_FIELDS: readonly ColumnField[] = ['commodity', 'partner', 'trade_mode', 'place', 'unit', 'unit2'];

function rowShapeOf(layout: ColumnLayout, columnNames: readonly string[]): RowShape {
  const nameColumns = new Uint8Array(layout.width);
  for (const field of NAME_FIELDS) {
    const k = layout.index[field];
    if (k !== undefined) nameColumns[k] = 1;
  }
  return { width: layout.width, trailingEmpty: layout.trailingEmpty, nameColumns, columnNames };
}

/** Turns scanned rows into records or rejections; holds the per-file state. */
class RowParser {
  private layout: ColumnLayout | undefined;
  private at: Positions | undefined;
  private shape: RowShape | undefined;
  private codeLength: number | undefined;
  private readonly rejections: Rejection[] = [];
  private accepted = 0;
  private dataRows = 0;
  private total = 0;
  private firstMonth = Infinity;
  private lastMonth = -Infinity;
  private fixedPeriod: [string, string] | undefined;
  /** Trimmed bounds of the field last passed to trim(). */
  private s = 0;
  private e = 0;
  /** The field that made the current row unreadable, for the rejection message. */
  private problem = '';
  private readonly source: SourceFile;
  private readonly texts: FieldTextCache;
  private readonly onRecord: (record: TradeRecord) => void;

  constructor(source: SourceFile, texts: FieldTextCache, onRecord: (record: TradeRecord) => void) {
    this.source = source;
    this.texts = texts;
    this.onRecord = onRecord;
  }

  row(buf: Buffer, spans: FieldSpans, line: number): void {
    if (spans.count === 1 && !spans.malformed && isBlank(buf, spans.start[0]!, spans.end[0]!)) return; // a line with no data
    if (!this.layout) {
      this.header(buf, spans, line);
      return;
    }
    this.dataRows++;
    const reason = this.data(buf, spans, line, this.layout, this.at!);
    if (reason !== undefined) {
      const rejection: Rejection = { file: this.source.file, line, reason };
      const value = this.readableValue(buf, spans);
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
        flow: this.source.flow,
        source: this.source.source,
        ...(this.source.license ? { license: this.source.license } : {}),
        ...(this.source.notes ? { notes: this.source.notes } : {}),
      },
      rejections: this.rejections,
      dataRows: this.dataRows,
      codeLength: this.codeLength,
      layout: this.layout,
    };
  }

  private header(buf: Buffer, spans: FieldSpans, line: number): void {
    const { file } = this.source;
    if (spans.tooManyFields) throw new FileError({ file, line, message: `the header row has more than ${spans.capacity} columns; is this a GACC download, with its line breaks intact?` });
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
    this.texts.english = result.layout.language === 'en';
    this.at = positionsOf(result.layout);
    this.shape = rowShapeOf(result.layout, names.map((name) => name.trim()));
    if (this.at.month === -1) {
      if (!this.source.period) {
        throw new FileError({ file, line, message: 'the file has no month column (数据年月 / "Date of data"), so its entry in sources.yaml must give the period it covers, e.g. period: 2023-01..2023-10' });
      }
      this.fixedPeriod = [monthName(this.source.period.start), monthName(this.source.period.end)];
    }
  }

  /** Reads one data row; returns the reason when it cannot be read exactly. */
  private data(buf: Buffer, spans: FieldSpans, line: number, layout: ColumnLayout, at: Positions): string | undefined {
    if (spans.tooManyFields) {
      return `extra columns: the row has more than ${spans.capacity} fields where the header has ${layout.trailingEmpty ? layout.width - 1 : layout.width} (were line breaks lost?)`;
    }
    if (spans.malformed) {
      const reason = readInnerQuotes(buf, spans, this.shape!);
      if (reason !== undefined) return reason;
    }
    const widthProblem = this.checkWidth(spans, layout);
    if (widthProblem) return widthProblem;

    this.trim(buf, spans, at.value);
    const value = readWholeNumber(buf, this.s, this.e);
    if (Number.isNaN(value)) return `value ${this.quote(buf)} is not a whole number (expected digits, optionally with thousands separators like 5,848,714)`;

    let periodStart: string;
    let periodEnd: string;
    if (at.month !== -1) {
      this.trim(buf, spans, at.month);
      const month = readMonth(buf, this.s, this.e);
      if (Number.isNaN(month)) return `impossible month ${this.quote(buf)} (expected YYYYMM, e.g. 202310)`;
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

    const codeHash = this.trim(buf, spans, at.hs_code);
    const digits = digitCount(buf, this.s, this.e);
    if (digits <= 0) return `commodity code ${this.quote(buf)} is not a number`;
    if (!HS_CODE_LENGTHS.has(digits)) {
      return `commodity code ${this.quote(buf)} has ${digits} digits; GACC codes have 2, 4, 6 or 8 (a leading zero was probably lost, e.g. by a spreadsheet)`;
    }
    this.codeLength ??= digits;
    if (digits !== this.codeLength) {
      return `commodity code ${this.quote(buf)} has ${digits} digits but this file's codes have ${this.codeLength}; one download uses one code length`;
    }
    const hsCode = this.texts.hashedText(buf, this.s, this.e, codeHash) as string;

    const partnerCode = this.code(buf, spans, at.partner_code, 'trading partner code');
    const tradeModeCode = this.code(buf, spans, at.trade_mode_code, 'trade mode code');
    const placeCode = this.code(buf, spans, at.place_code, 'place code');
    const commodity = this.optionalText(buf, spans, at.commodity, 'commodity name');
    const partner = this.optionalText(buf, spans, at.partner, 'trading partner name');
    const tradeMode = this.optionalText(buf, spans, at.trade_mode, 'trade mode name');
    const place = this.optionalText(buf, spans, at.place, 'place name');
    const unit = this.optionalText(buf, spans, at.unit, 'unit');
    const unit2 = this.optionalText(buf, spans, at.unit2, 'second unit');
    if (partnerCode === undefined || tradeModeCode === undefined || placeCode === undefined || commodity === undefined
      || partner === undefined || tradeMode === undefined || place === undefined || unit === undefined || unit2 === undefined) {
      return this.problem;
    }
    const quantity = this.quantity(buf, spans, at.quantity);
    if (Number.isNaN(quantity)) return `quantity ${this.quote(buf)} is not a number`;
    const quantity2 = this.quantity(buf, spans, at.quantity2);
    if (Number.isNaN(quantity2)) return `second quantity ${this.quote(buf)} is not a number`;

    this.accepted++;
    this.total += value;
    this.onRecord({
      file: this.source.file,
      line,
      flow: this.source.flow,
      period_start: periodStart,
      period_end: periodEnd,
      hs_code: hsCode,
      commodity,
      partner_code: partnerCode,
      partner,
      trade_mode_code: tradeModeCode,
      trade_mode: tradeMode,
      place_code: placeCode,
      place,
      quantity,
      unit: isMissingMarker(unit) ? '' : unit,
      quantity2,
      unit2: isMissingMarker(unit2) ? '' : unit2,
      value,
      currency: layout.currency,
    });
    return undefined;
  }

  private checkWidth(spans: FieldSpans, layout: ColumnLayout): string | undefined {
    const n = spans.count;
    const lastEmpty = spans.end[n - 1] === spans.start[n - 1];
    if (n === layout.width) {
      return layout.trailingEmpty && !lastEmpty ? 'the empty last column (after the trailing comma) holds a value' : undefined;
    }
    // A row may lack the trailing comma its header has, or have one its header lacks; a row
    // one field short that ends in an empty field has lost a column instead.
    if (layout.trailingEmpty && n === layout.width - 1 && !lastEmpty) return undefined;
    if (!layout.trailingEmpty && n === layout.width + 1 && lastEmpty) return undefined;
    const expected = layout.trailingEmpty ? layout.width - 1 : layout.width;
    const found = lastEmpty && n > 1 ? n - 1 : n;
    return found < expected
      ? `missing columns: the row has ${found} fields where the header has ${expected}`
      : `extra columns: the row has ${found} fields where the header has ${expected}`;
  }

  /** A digits-only code column; '' where the file lacks it, undefined (with this.problem) when unreadable. */
  private code(buf: Buffer, spans: FieldSpans, k: number, label: string): string | undefined {
    if (k === -1) return '';
    const hash = this.trim(buf, spans, k);
    if (this.s === this.e) return '';
    if (digitCount(buf, this.s, this.e) < 0) {
      this.problem = `${label} ${this.quote(buf)} is not a number`;
      return undefined;
    }
    return this.texts.hashedText(buf, this.s, this.e, hash) as string;
  }

  /** A text column; '' where the file lacks it, undefined (with this.problem) when undecodable. */
  private optionalText(buf: Buffer, spans: FieldSpans, k: number, label: string): string | undefined {
    if (k === -1) return '';
    const text = this.text(buf, spans, k);
    if (text === UNDECODABLE) {
      this.problem = `the ${label} cannot be decoded as text (damaged bytes or an unexpected encoding)`;
      return undefined;
    }
    return text;
  }

  private readableValue(buf: Buffer, spans: FieldSpans): number | undefined {
    const k = this.at!.value;
    if (spans.malformed || k >= spans.count) return undefined;
    this.trim(buf, spans, k);
    const value = readWholeNumber(buf, this.s, this.e);
    return Number.isNaN(value) ? undefined : value;
  }

  private quantity(buf: Buffer, spans: FieldSpans, k: number): number | null {
    if (k === -1) return null;
    this.trim(buf, spans, k);
    if (this.s === this.e || (this.e - this.s === 1 && (buf[this.s] === QUESTION_MARK || buf[this.s] === HYPHEN))) return null; // empty, "?" or "-"
    return readDecimal(buf, this.s, this.e);
  }

  /** Sets this.s and this.e to field k's bounds without surrounding spaces and tabs; returns their hash. */
  private trim(buf: Buffer, spans: FieldSpans, k: number): number {
    let s = spans.start[k]!;
    let e = spans.end[k]!;
    const untrimmed = e - s;
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    this.s = s;
    this.e = e;
    return e - s === untrimmed ? spans.hash[k]! : hashBytes(buf, s, e);
  }

  private text(buf: Buffer, spans: FieldSpans, k: number): FieldText {
    const hash = this.trim(buf, spans, k);
    const text = this.texts.hashedText(buf, this.s, this.e, hash);
    if (text === UNDECODABLE || !spans.escaped[k]) return text;
    return text.replaceAll('""', '"');
  }

  /** The field last trimmed, quoted and shortened for a message. */
  private quote(buf: Buffer): string {
    const text = this.texts.text(buf, this.s, this.e);
    if (text === UNDECODABLE) return '(undecodable bytes)';
    if (text === '') return '(empty)';
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
}
