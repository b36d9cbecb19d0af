// Reads the data rows of one byte range of a download. A large file is read as several such
// segments, in worker threads at once (see read-file.ts); a small one as a single segment.
// A segment does not know what the rows before it decided (the file's encoding, its code
// length, even where its first row starts when a quoted name spans lines), so it states what
// it assumed and what it decided, and the caller keeps its rows only when that matches what
// the rows before it really decided; otherwise it reads the segment again, knowing.
//
// Rows come out columnar, with text as entry numbers of the segment's FieldTextCache, and
// with each row's records.csv line from its flow column on already written as bytes.
import type { Flow, TextEncoding } from '../../contract/index.ts';
import type { FileHandle } from 'node:fs/promises';
import { formatMonthRange, monthName, type MonthRange } from '../../months.ts';
import type { ColumnLayout } from './columns.ts';
import { FieldSpans, hashBytes, NEED_MORE, scanRow } from './csv-rows.ts';
import { decideEncoding } from './encoding.ts';
import { type FieldTextCache, UNDECODABLE } from './field-text.ts';
import { readInnerQuotes, type RowShape } from './inner-quotes.ts';
import { digitCount, readDecimal, readMonth, readWholeNumber } from './numbers.ts';

/** Everything a segment needs to know, as structured-clonable data. */
export interface SegmentTask {
  /** Which file this is, so a worker keeps one text cache per file. */
  fileId: number;
  path: string;
  /** Where to start; when not `exact`, the first line start at or after it. */
  start: number;
  exact: boolean;
  /** Rows that start before this offset belong to the segment. */
  end: number;
  /** The file's state before the segment, as far as the caller knew it when sending. */
  encoding: TextEncoding | undefined;
  codeLength: number | undefined;
  english: boolean;
  layout: ColumnLayout;
  shape: RowShape;
  period: MonthRange | undefined;
  flow: Flow;
  chunkSize: number;
  /** Whether to write each row's records.csv line (tails); only the data step wants them. */
  recordsCsv: boolean;
}

export interface SegmentRejection {
  /** Lines after the segment's first line. */
  line: number;
  reason: string;
  value?: number;
}

/** Ints per accepted row in SegmentResult.ints: line, month, then one entry per text column. */
export const INT_STRIDE = 12;
/** Order of the text columns after line and month. */
export const TEXT_COLUMNS = [
  'hs_code',
  'commodity',
  'partner_code',
  'partner',
  'trade_mode_code',
  'trade_mode',
  'place_code',
  'place',
  'unit',
  'unit2',
] as const;
/** Floats per accepted row: value, quantity, quantity2 (NaN where there is none). */
export const FLOAT_STRIDE = 3;
/** Entry number standing for '' (a column the file lacks, or a missing unit). */
export const EMPTY_TEXT = -1;

export interface SegmentResult {
  start: number;
  end: number;
  /** Lines the segment spans, so the next one knows its first line's number. */
  lines: number;
  rows: number;
  ints: Int32Array;
  floats: Float64Array;
  /** Each accepted row's records.csv line from the flow column on, '\n' included (when the task asks for them). */
  tails: Uint8Array;
  tailEnds: Int32Array;
  rejections: SegmentRejection[];
  dataRows: number;
  total: number;
  firstMonth: number;
  lastMonth: number;
  /** The encoding the segment was read in at its start (undefined: not yet known) and at its end. */
  encodingAtStart: TextEncoding | undefined;
  encodingAtEnd: TextEncoding | undefined;
  /** The code length set inside the segment, when it started without one. */
  decidedCodeLength: number | undefined;
  /** Entries of the text cache added since the previous segment of the same cache (null: undecodable). */
  texts: (string | null)[];
  textResets: number;
  /** A problem with the file itself (it is binary), found in this segment. */
  error?: string;
}

/**
 * The arrays a segment's rows are written into, whole (a result holds views of their start).
 * Once the reader has taken a result, it gives them back to the thread that made them, so
 * that segment after segment reuses them instead of allocating and freeing megabytes.
 */
export interface RowBuffers {
  ints: Int32Array;
  floats: Float64Array;
  tails: Uint8Array;
  tailEnds: Int32Array;
}

/** The whole arrays behind a result's rows, to read another segment into. */
export function rowBuffersOf(result: SegmentResult): RowBuffers {
  return {
    ints: new Int32Array(result.ints.buffer),
    floats: new Float64Array(result.floats.buffer),
    tails: new Uint8Array(result.tails.buffer),
    tailEnds: new Int32Array(result.tailEnds.buffer),
  };
}

/** Whether a segment read on the given assumptions stands, given what the file really had decided. */
export function segmentHolds(
  task: SegmentTask,
  result: SegmentResult,
  at: number,
  encoding: TextEncoding | undefined,
  codeLength: number | undefined,
): boolean {
  if (result.start !== at) return false;
  // Undecided, a segment reads ASCII the same in any encoding, and decides as the file would.
  const used = result.encodingAtStart;
  const encodingHolds =
    used === encoding || (used === undefined && (result.encodingAtEnd === undefined || encoding === undefined || result.encodingAtEnd === encoding));
  const codeLengthHolds =
    task.codeLength === codeLength ||
    (task.codeLength === undefined && (result.decidedCodeLength === undefined || result.decidedCodeLength === codeLength || codeLength === undefined));
  return encodingHolds && codeLengthHolds;
}

export const NOT_TEXT_MESSAGE = 'this is not a text file (it contains NUL bytes); download the CSV again';
/** Entries a text cache may hold before the next segment starts it afresh. */
const TABLE_LIMIT = 200_000;
/** How far to read, at most, for a line that tells GB18030 from UTF-8 (see decideEncoding). */
const SNIFF_LIMIT = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;

let spareBuffer: Buffer | undefined;

/**
 * Reads one segment. `texts` carries on from the segment before it read with the same cache;
 * its rows go into `buffers` when given (and grown past them if need be).
 */
export async function readSegment(handle: FileHandle, task: SegmentTask, texts: FieldTextCache, buffers?: RowBuffers): Promise<SegmentResult> {
  const sent = texts.resets;
  // Entries decoded in another encoding are void; a full table is emptied between segments.
  if ((task.encoding !== undefined && texts.encoding !== undefined && texts.encoding !== task.encoding) || texts.size > TABLE_LIMIT) texts.reset();
  if (task.encoding !== undefined) texts.encoding = task.encoding;
  texts.english = task.english;
  const encodingAtStart = texts.encoding;
  const sentSize = texts.resets === sent ? texts.size : 0;
  const parser = new SegmentParser(task, texts, buffers);
  // The read buffer is this thread's to reuse: segment after segment would otherwise leave
  // megabytes of garbage each.
  let buf = spareBuffer !== undefined && spareBuffer.length >= task.chunkSize ? spareBuffer : Buffer.allocUnsafe(task.chunkSize);
  spareBuffer = undefined;
  let filled = 0;
  /** File offset of buf[0]. */
  let base = task.start;
  let line = 0;
  let start = task.start;
  let firstChunk = true;
  let error: string | undefined;
  const spans = new FieldSpans();
  const grow = () => {
    const bigger = Buffer.allocUnsafe(buf.length * 2);
    buf.copy(bigger, 0, 0, filled);
    buf = bigger;
  };
  let pos = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buf, filled, buf.length - filled, base + filled);
    const nul = buf.indexOf(0, filled);
    filled += bytesRead;
    const atEnd = bytesRead === 0;
    if (nul !== -1 && nul < filled) {
      error = NOT_TEXT_MESSAGE;
      break;
    }
    if (firstChunk && !task.exact) {
      // The first line start at or after task.start: just past a line break.
      const found = firstLineStart(buf, filled, atEnd);
      if (found === NEED_MORE) {
        if (filled === buf.length) grow();
        continue;
      }
      pos = found;
      start = base + pos;
    }
    firstChunk = false;
    if (texts.encoding === undefined) {
      const lastNewline = atEnd ? filled : Math.max(buf.lastIndexOf(LF, filled - 1), buf.lastIndexOf(CR, filled - 1)) + 1;
      const verdict = decideEncoding(buf.subarray(pos, Math.max(pos, lastNewline)), atEnd || filled - pos >= SNIFF_LIMIT);
      if (verdict === 'undecided') {
        if (filled === buf.length) grow();
        continue;
      }
      texts.encoding = verdict;
    }
    let done = atEnd;
    while (pos < filled) {
      if (base + pos >= task.end) {
        done = true;
        break;
      }
      const next = scanRow(buf, pos, filled, atEnd, spans);
      if (next === NEED_MORE) break;
      parser.row(buf, spans, line);
      line += 1 + spans.innerLineBreaks;
      pos = next;
    }
    if (done || (atEnd && pos >= filled)) break;
    if (pos === 0 && filled === buf.length) {
      grow();
    } else {
      buf.copy(buf, 0, pos, filled);
      filled -= pos;
      base += pos;
      pos = 0;
    }
  }
  spareBuffer = buf;
  const resets = texts.resets - sent;
  const newTexts: (string | null)[] = [];
  for (let k = sentSize; k < texts.size; k++) {
    const text = texts.textAt(k);
    newTexts.push(text === UNDECODABLE ? null : text);
  }
  return {
    ...parser.output(),
    start,
    end: base + pos,
    lines: line,
    encodingAtStart,
    encodingAtEnd: texts.encoding,
    texts: newTexts,
    textResets: resets,
    ...(error ? { error } : {}),
  };
}

/** Offset just past the first line break in buf, or NEED_MORE; a CR may be half of CRLF. */
function firstLineStart(buf: Buffer, filled: number, atEnd: boolean): number {
  for (let i = 0; i < filled; i++) {
    const c = buf[i];
    if (c === LF) return i + 1;
    if (c === CR) {
      if (i + 1 < filled) return buf[i + 1] === LF ? i + 2 : i + 1;
      return atEnd ? filled : NEED_MORE;
    }
  }
  return atEnd ? filled : NEED_MORE;
}

/** Column positions of one file, -1 where it lacks the column. */
interface Positions {
  month: number;
  value: number;
  quantity: number;
  quantity2: number;
  /** In TEXT_COLUMNS order. */
  text: Int32Array;
}

function positionsOf(layout: ColumnLayout): Positions {
  const at = (field: keyof ColumnLayout['index']) => layout.index[field] ?? -1;
  return {
    month: at('month'),
    value: at('value'),
    quantity: at('quantity'),
    quantity2: at('quantity2'),
    text: Int32Array.from(TEXT_COLUMNS, (field) => at(field)),
  };
}

const HS_CODE_LENGTHS = new Set([2, 4, 6, 8]);
const SPACE = 0x20;
const TAB = 0x09;
const QUESTION_MARK = 0x3f;
const HYPHEN = 0x2d;
const COMMA = 0x2c;
const ZERO = 0x30;
/** Labels for messages, in TEXT_COLUMNS order. */
const TEXT_LABELS = [
  'commodity code',
  'commodity name',
  'trading partner code',
  'trading partner name',
  'trade mode code',
  'trade mode name',
  'place code',
  'place name',
  'unit',
  'second unit',
];
/** The code columns after hs_code: digits only, or empty. */
const IS_CODE = [false, false, true, false, true, false, true, false, false, false];
const UNIT_COLUMNS = [8, 9];

/** Turns scanned rows into columnar records or rejections; holds the segment's state. */
class SegmentParser {
  private readonly task: SegmentTask;
  private readonly texts: FieldTextCache;
  private readonly at: Positions;
  private codeLength: number | undefined;
  private decidedCodeLength: number | undefined;
  private readonly rejections: SegmentRejection[] = [];
  private rows = 0;
  private dataRows = 0;
  private total = 0;
  private firstMonth = Infinity;
  private lastMonth = -Infinity;
  private ints: Int32Array;
  private floats: Float64Array;
  private readonly tails: ByteBuilder;
  private tailEnds: Int32Array;
  private readonly flowBytes: Uint8Array;
  private readonly fixedPeriodBytes: Uint8Array | undefined;
  private readonly currencyBytes: Uint8Array;
  /** `YYYY-MM,YYYY-MM,` of each month seen, by month number. */
  private readonly periodBytes = new Map<number, Uint8Array>();
  /** Trimmed bounds of the field last passed to trim(). */
  private s = 0;
  private e = 0;
  private problem = '';
  private readonly entries = new Int32Array(TEXT_COLUMNS.length);

  constructor(task: SegmentTask, texts: FieldTextCache, buffers: RowBuffers = newRowBuffers()) {
    this.task = task;
    this.texts = texts;
    this.ints = buffers.ints;
    this.floats = buffers.floats;
    this.tails = new ByteBuilder(buffers.tails);
    this.tailEnds = buffers.tailEnds;
    this.at = positionsOf(task.layout);
    this.codeLength = task.codeLength;
    this.flowBytes = Buffer.from(`${task.flow},`);
    this.currencyBytes = Buffer.from(`,${task.layout.currency}\n`);
    this.fixedPeriodBytes = task.period && this.at.month === -1 ? Buffer.from(`${monthName(task.period.start)},${monthName(task.period.end)},`) : undefined;
  }

  output() {
    return {
      rows: this.rows,
      ints: this.ints.subarray(0, this.rows * INT_STRIDE),
      floats: this.floats.subarray(0, this.rows * FLOAT_STRIDE),
      tails: this.tails.bytes(),
      tailEnds: this.tailEnds.subarray(0, this.rows),
      rejections: this.rejections,
      dataRows: this.dataRows,
      total: this.total,
      firstMonth: this.firstMonth,
      lastMonth: this.lastMonth,
      decidedCodeLength: this.decidedCodeLength,
    };
  }

  row(buf: Buffer, spans: FieldSpans, line: number): void {
    if (spans.count === 1 && !spans.malformed && isBlank(buf, spans.start[0]!, spans.end[0]!)) return; // a line with no data
    this.dataRows++;
    const reason = this.data(buf, spans, line);
    if (reason !== undefined) {
      const rejection: SegmentRejection = { line, reason };
      const value = this.readableValue(buf, spans);
      if (value !== undefined) rejection.value = value;
      this.rejections.push(rejection);
    }
  }

  /** Reads one data row; returns the reason when it cannot be read exactly. */
  private data(buf: Buffer, spans: FieldSpans, line: number): string | undefined {
    const { layout } = this.task;
    const at = this.at;
    if (spans.tooManyFields) {
      return `extra columns: the row has more than ${spans.capacity} fields where the header has ${layout.trailingEmpty ? layout.width - 1 : layout.width} (were line breaks lost?)`;
    }
    if (spans.malformed) {
      const reason = readInnerQuotes(buf, spans, this.task.shape);
      if (reason !== undefined) return reason;
    }
    const widthProblem = checkWidth(spans, layout);
    if (widthProblem) return widthProblem;

    this.trim(buf, spans, at.value);
    const value = readWholeNumber(buf, this.s, this.e);
    if (Number.isNaN(value)) return `value ${this.quote(buf)} is not a whole number (expected digits, optionally with thousands separators like 5,848,714)`;

    let month = -1;
    if (at.month !== -1) {
      this.trim(buf, spans, at.month);
      month = readMonth(buf, this.s, this.e);
      if (Number.isNaN(month)) return `impossible month ${this.quote(buf)} (expected YYYYMM, e.g. 202310)`;
      const period = this.task.period;
      if (period && (month < period.start || month > period.end)) {
        return `month ${monthName(month)} is outside the period declared in sources.yaml (${formatMonthRange(period)})`;
      }
      // The file's period counts every row with a readable month, accepted or not.
      if (month < this.firstMonth) this.firstMonth = month;
      if (month > this.lastMonth) this.lastMonth = month;
    }

    const codeHash = this.trim(buf, spans, at.text[0]!);
    const digits = digitCount(buf, this.s, this.e);
    if (digits <= 0) return `commodity code ${this.quote(buf)} is not a number`;
    if (!HS_CODE_LENGTHS.has(digits)) {
      return `commodity code ${this.quote(buf)} has ${digits} digits; GACC codes have 2, 4, 6 or 8 (a leading zero was probably lost, e.g. by a spreadsheet)`;
    }
    if (this.codeLength === undefined) this.codeLength = this.decidedCodeLength = digits;
    if (digits !== this.codeLength) {
      return `commodity code ${this.quote(buf)} has ${digits} digits but this file's codes have ${this.codeLength}; one download uses one code length`;
    }
    const entries = this.entries;
    entries[0] = this.texts.entry(buf, this.s, this.e, codeHash);
    // Every code, then every name: a row with several problems is rejected for the last.
    let readable = true;
    for (let c = 1; c < TEXT_COLUMNS.length; c++) if (IS_CODE[c] && !this.code(buf, spans, c)) readable = false;
    for (let c = 1; c < TEXT_COLUMNS.length; c++) if (!IS_CODE[c] && !this.name(buf, spans, c)) readable = false;
    if (!readable) return this.problem;
    const quantity = this.quantity(buf, spans, at.quantity);
    if (quantity === undefined) return `quantity ${this.quote(buf)} is not a number`;
    const quantity2 = this.quantity(buf, spans, at.quantity2);
    if (quantity2 === undefined) return `second quantity ${this.quote(buf)} is not a number`;

    this.total += value;
    this.push(line, month, value, quantity, quantity2);
    return undefined;
  }

  private push(line: number, month: number, value: number, quantity: number, quantity2: number): void {
    const row = this.rows++;
    if ((row + 1) * INT_STRIDE > this.ints.length) {
      this.ints = grown(this.ints);
      this.floats = grown(this.floats);
      this.tailEnds = grown(this.tailEnds);
    }
    const i = row * INT_STRIDE;
    this.ints[i] = line;
    this.ints[i + 1] = month;
    this.ints.set(this.entries, i + 2);
    const f = row * FLOAT_STRIDE;
    this.floats[f] = value;
    this.floats[f + 1] = quantity;
    this.floats[f + 2] = quantity2;
    if (!this.task.recordsCsv) return;
    this.writeTail(month, value, quantity, quantity2);
    this.tailEnds[row] = this.tails.length;
  }

  /** The row's records.csv line from the flow column on, in RECORD_COLUMNS order. */
  private writeTail(month: number, value: number, quantity: number, quantity2: number): void {
    const out = this.tails;
    const e = this.entries;
    out.append(this.flowBytes);
    out.append(this.fixedPeriodBytes ?? this.monthBytes(month));
    for (let c = 0; c < 8; c++) {
      out.append(this.csvOf(e[c]!));
      out.byte(COMMA);
    }
    out.number(quantity);
    out.byte(COMMA);
    out.append(this.csvOf(e[8]!));
    out.byte(COMMA);
    out.number(quantity2);
    out.byte(COMMA);
    out.append(this.csvOf(e[9]!));
    out.byte(COMMA);
    out.number(value);
    out.append(this.currencyBytes);
  }

  private monthBytes(month: number): Uint8Array {
    let bytes = this.periodBytes.get(month);
    if (!bytes) this.periodBytes.set(month, (bytes = Buffer.from(`${monthName(month)},${monthName(month)},`)));
    return bytes;
  }

  private csvOf(entry: number): Uint8Array {
    return entry === EMPTY_TEXT ? NO_BYTES : this.texts.csvAt(entry);
  }

  /** A digits-only code column into this.entries[c]; false (with this.problem) when unreadable. */
  private code(buf: Buffer, spans: FieldSpans, c: number): boolean {
    const k = this.at.text[c]!;
    this.entries[c] = EMPTY_TEXT;
    if (k === -1) return true;
    const hash = this.trim(buf, spans, k);
    if (this.s === this.e) return true;
    if (digitCount(buf, this.s, this.e) < 0) {
      this.problem = `${TEXT_LABELS[c]} ${this.quote(buf)} is not a number`;
      return false;
    }
    this.entries[c] = this.texts.entry(buf, this.s, this.e, hash);
    return true;
  }

  /** A name column into this.entries[c]; false (with this.problem) when undecodable. */
  private name(buf: Buffer, spans: FieldSpans, c: number): boolean {
    const k = this.at.text[c]!;
    this.entries[c] = EMPTY_TEXT;
    if (k === -1) return true;
    const hash = this.trim(buf, spans, k);
    if (this.s === this.e) return true;
    // GACC marks a missing unit with "?" (current platform) or "-" (2018 files).
    if ((c === UNIT_COLUMNS[0] || c === UNIT_COLUMNS[1]) && this.e - this.s === 1 && (buf[this.s] === QUESTION_MARK || buf[this.s] === HYPHEN)) return true;
    const entry = this.texts.entry(buf, this.s, this.e, hash);
    if (this.texts.textAt(entry) === UNDECODABLE) {
      this.problem = `the ${TEXT_LABELS[c]} cannot be decoded as text (damaged bytes or an unexpected encoding)`;
      return false;
    }
    this.entries[c] = entry;
    return true;
  }

  private readableValue(buf: Buffer, spans: FieldSpans): number | undefined {
    const k = this.at.value;
    if (spans.malformed || k >= spans.count) return undefined;
    this.trim(buf, spans, k);
    const value = readWholeNumber(buf, this.s, this.e);
    return Number.isNaN(value) ? undefined : value;
  }

  /** NaN where there is no quantity (no column, empty, "?" or "-"); undefined when unreadable. */
  private quantity(buf: Buffer, spans: FieldSpans, k: number): number | undefined {
    if (k === -1) return NaN;
    this.trim(buf, spans, k);
    if (this.s === this.e || (this.e - this.s === 1 && (buf[this.s] === QUESTION_MARK || buf[this.s] === HYPHEN))) return NaN;
    const quantity = readDecimal(buf, this.s, this.e);
    return Number.isNaN(quantity) ? undefined : quantity;
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

  /** The field last trimmed, quoted and shortened for a message. */
  private quote(buf: Buffer): string {
    const text = this.texts.text(buf, this.s, this.e);
    if (text === UNDECODABLE) return '(undecodable bytes)';
    if (text === '') return '(empty)';
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
}

const NO_BYTES = new Uint8Array(0);

/** Room for 4,096 rows: the arrays grow together, a row at the same place in each. */
function newRowBuffers(): RowBuffers {
  const rows = 4096;
  return {
    ints: new Int32Array(INT_STRIDE * rows),
    floats: new Float64Array(FLOAT_STRIDE * rows),
    tails: new Uint8Array(1 << 16),
    tailEnds: new Int32Array(rows),
  };
}

function grown<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Nothing but spaces and tabs (or nothing): a blank line, not a row. */
function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return false;
  return true;
}

function checkWidth(spans: FieldSpans, layout: ColumnLayout): string | undefined {
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

/** Bytes appended into one growing buffer. */
class ByteBuilder {
  private buffer: Uint8Array;
  length = 0;

  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
  }

  append(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this.length + n > this.buffer.length) this.grow(n);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) buffer[at++] = bytes[i]!;
    this.length = at;
  }

  byte(c: number): void {
    if (this.length + 1 > this.buffer.length) this.grow(1);
    this.buffer[this.length++] = c;
  }

  /** A number as `${n}` writes it; nothing for NaN (no quantity). */
  number(n: number): void {
    if (Number.isNaN(n)) return;
    if (!Number.isInteger(n)) {
      this.append(Buffer.from(String(n), 'latin1'));
      return;
    }
    if (this.length + 16 > this.buffer.length) this.grow(16);
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    let rest = n;
    do {
      this.buffer[--at] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + needed));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
}
