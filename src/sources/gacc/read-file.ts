// Reads one GACC download, streaming: each accepted row goes to `onRecord` as a normalised
// TradeRecord, each unreadable row becomes a rejection with its line and reason. Problems
// with the file as a whole (encoding, header, manifest) throw a FileError instead.
//
// The header is read here; the data rows in segments (segment.ts). A large file's segments
// are read by worker threads at once, several ahead, and taken in file order: a segment is
// kept only if it started where the one before it really ended and assumed what the rows
// before it really decided (encoding, code length), else it is read again here. Records
// therefore come out in file order, exactly as one pass would give them.
import type { Rejection, TextEncoding } from '../../contract/index.ts';
import { open, type FileHandle } from 'node:fs/promises';
import { monthName } from '../../months.ts';
import type { KeyField, ReadOptions, SourceFile, SourceReadResult } from '../types.ts';
import { FileError } from '../../ingest/errors.ts';
import { byteOrderMark, decideEncoding, looksLikeUtf16 } from './encoding.ts';
import { FieldSpans, NEED_MORE, scanRow } from './csv-rows.ts';
import { readHeader, type ColumnField, type ColumnLayout } from './columns.ts';
import { FieldTextCache, UNDECODABLE } from './field-text.ts';
import type { RowShape } from './inner-quotes.ts';
import { EMPTY_TEXT, FLOAT_STRIDE, INT_STRIDE, NOT_TEXT_MESSAGE, readSegment, segmentHolds, type SegmentResult, type SegmentTask } from './segment.ts';
import { readSegmentInThread, releaseFile, reuseInThread, segmentThreads } from './segment-pool.ts';

export interface FileReadResult extends SourceReadResult {
  /** Data rows seen, accepted or not. */
  dataRows: number;
  codeLength: number | undefined;
  layout: ColumnLayout;
}

export interface GaccReadOptions extends ReadOptions {
  /** Bytes read at a time (at least 16); small sizes are for tests of row boundaries. */
  chunkSize?: number;
  /** Bytes per segment; a file with more data than one segment is read by worker threads. */
  segmentBytes?: number;
  /** Worker threads to use (0: read every segment in this thread); one per core by default. */
  threads?: number;
}

/** GACC's query platform silently cuts a download at this many rows. */
export const GACC_ROW_LIMIT = 10_000;

const ROW_LIMIT_MESSAGE = `has exactly ${GACC_ROW_LIMIT.toLocaleString('en-US')} data rows, GACC's download limit: it is probably cut short; split the query (by month or product) and download again`;
const KEY_FIELDS: readonly KeyField[] = ['partner_code', 'trade_mode_code', 'place_code'];
const MIN_CHUNK = 16;
/**
 * Bytes per segment. Each thread holds the rows of a few segments at once (being read, sent,
 * given back), about twice their bytes each, so small segments keep memory down; below a
 * megabyte the messages per segment start to cost more than they save.
 */
const DEFAULT_SEGMENT = 1 << 20;
/** A segment and the row that runs past its end, in one read. */
const DEFAULT_CHUNK = DEFAULT_SEGMENT + (64 << 10);
/** How far to read, at most, for a line that tells GB18030 from UTF-8 (see decideEncoding). */
const SNIFF_LIMIT = 1 << 20;
const UTF16_MESSAGE = 'the file is UTF-16 (as Excel\'s "Unicode text" saves it); save it as CSV in UTF-8, or use the original GACC download';
const NAME_FIELDS: readonly ColumnField[] = ['commodity', 'partner', 'trade_mode', 'place', 'unit', 'unit2'];
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

let nextFileId = 0;

export async function readGaccFile(source: SourceFile, options: GaccReadOptions): Promise<FileReadResult> {
  const handle = await open(source.path, 'r');
  const fileId = nextFileId++;
  const texts = new FieldTextCache();
  try {
    const chunkSize = Math.max(MIN_CHUNK, options.chunkSize ?? DEFAULT_CHUNK);
    const head = await readHead(handle, source.file, texts, chunkSize);
    const { layout } = head;
    if (layout.index.month === undefined && !source.period) {
      throw new FileError({
        file: source.file,
        line: head.headerLine,
        message:
          'the file has no month column (数据年月 / "Date of data"), so its entry in sources.yaml must give the period it covers, e.g. period: 2023-01..2023-10',
      });
    }
    const size = (await handle.stat()).size;
    const segmentBytes = Math.max(MIN_CHUNK, options.segmentBytes ?? DEFAULT_SEGMENT);
    const threads = size - head.dataStart > segmentBytes ? (options.threads ?? segmentThreads()) : 0;
    const file = new FileRows(source, layout, options);
    const task = (start: number, end: number, exact: boolean, encoding: TextEncoding | undefined, codeLength: number | undefined): SegmentTask => ({
      fileId,
      path: source.path,
      start,
      exact,
      end,
      encoding,
      codeLength,
      english: texts.english,
      layout,
      shape: head.shape,
      period: source.period,
      flow: source.flow,
      chunkSize,
      recordsCsv: options.onRecordsCsv !== undefined,
    });
    // Nominal segment bounds; each but the first starts at the first line start after its bound.
    const bounds: number[] = [];
    for (let at = head.dataStart; at < size; at += segmentBytes) bounds.push(at);
    bounds.push(Math.max(size, head.dataStart));
    const segments = bounds.length - 1;

    // What the rows read so far decided, and where they ended.
    let at = head.dataStart;
    let line = head.line;
    let encoding = texts.encoding;
    /** Segments sent to threads and not yet taken, by number. */
    const sent = new Map<number, { task: SegmentTask; result: Promise<SegmentResult> }>();
    const send = (k: number) => {
      // Start a byte early: a bound that falls at a line start then finds that line.
      const t = task(k === 0 ? bounds[0]! : bounds[k]! - 1, k + 1 === segments ? Infinity : bounds[k + 1]!, k === 0, encoding, file.codeLength);
      sent.set(k, { task: t, result: readSegmentInThread(k % threads, t) });
    };
    // One segment waiting per thread besides the one each is reading: enough to keep them busy.
    const ahead = threads + 1;
    for (let k = 0; k < Math.min(ahead, segments) && threads > 0; k++) send(k);
    const tables = Array.from({ length: threads }, () => [] as (string | null)[]);
    for (let k = 0; k < segments; k++) {
      const end = k + 1 === segments ? Infinity : bounds[k + 1]!;
      let result: SegmentResult;
      let text: (entry: number) => string;
      const thread = sent.get(k);
      sent.delete(k);
      const inThread = thread && (await thread.result);
      if (inThread) {
        const table = tables[k % threads]!;
        if (inThread.textResets > 0) table.length = 0;
        for (const t of inThread.texts) table.push(t);
      }
      if (inThread && segmentHolds(thread.task, inThread, at, encoding, file.codeLength)) {
        result = inThread;
        const table = tables[k % threads]!;
        text = (entry) => table[entry]!;
      } else {
        result = await readSegment(handle, task(at, end, true, encoding, file.codeLength), texts);
        text = (entry) => texts.textAt(entry) as string;
      }
      if (threads > 0 && k + ahead < segments) send(k + ahead);
      if (result.error) throw new FileError({ file: source.file, message: result.error });
      if (result.encodingAtEnd !== undefined) encoding = result.encodingAtEnd;
      file.take(result, line, text);
      if (inThread) reuseInThread(k % threads, inThread);
      if (options.ready) await options.ready();
      options.onBytes?.(Math.min(result.end, size) - at);
      at = Math.max(at, result.end);
      line += result.lines;
    }
    return file.finish(encoding ?? 'utf-8');
  } finally {
    releaseFile(fileId);
    await handle.close();
  }
}

interface Head {
  layout: ColumnLayout;
  shape: RowShape;
  /** Where the data rows start, and the line number there. */
  dataStart: number;
  line: number;
  headerLine: number;
}

/**
 * Reads up to the header: byte-order mark, the encoding where the first lines show it, and
 * the header row (after any blank lines). Sets texts.encoding and texts.english.
 */
async function readHead(handle: FileHandle, file: string, texts: FieldTextCache, chunkSize: number): Promise<Head> {
  let buf = Buffer.allocUnsafe(chunkSize);
  let filled = 0;
  let line = 1;
  let pos = 0;
  let first = true;
  const spans = new FieldSpans();
  for (;;) {
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
    const nul = buf.indexOf(0, filled);
    filled += bytesRead;
    const atEnd = bytesRead === 0;
    if (first) {
      first = false;
      const bom = byteOrderMark(buf.subarray(0, filled));
      if (bom?.encoding === 'utf-16') throw new FileError({ file, message: UTF16_MESSAGE });
      if (bom) {
        texts.encoding = bom.encoding;
        pos = bom.skip;
      }
      if (nul !== -1 && nul < filled && looksLikeUtf16(buf.subarray(0, filled))) throw new FileError({ file, message: UTF16_MESSAGE });
    }
    if (nul !== -1 && nul < filled) throw new FileError({ file, message: NOT_TEXT_MESSAGE });
    if (texts.encoding === undefined) {
      // Decide the encoding from whole lines before any of them is parsed.
      const lastNewline = atEnd ? filled : Math.max(buf.lastIndexOf(LF, filled - 1), buf.lastIndexOf(CR, filled - 1)) + 1;
      const verdict = decideEncoding(buf.subarray(pos, Math.max(pos, lastNewline)), atEnd || filled >= SNIFF_LIMIT);
      if (verdict === 'undecided') continue;
      texts.encoding = verdict;
    }
    while (pos < filled) {
      const next = scanRow(buf, pos, filled, atEnd, spans);
      if (next === NEED_MORE) break;
      const rowLine = line;
      line += 1 + spans.innerLineBreaks;
      pos = next;
      if (spans.count === 1 && !spans.malformed && isBlank(buf, spans.start[0]!, spans.end[0]!)) continue;
      return { ...header(buf, spans, rowLine, file, texts), dataStart: pos, line, headerLine: rowLine };
    }
    if (atEnd) throw new FileError({ file, message: 'the file is empty' });
  }
}

function header(buf: Buffer, spans: FieldSpans, line: number, file: string, texts: FieldTextCache): { layout: ColumnLayout; shape: RowShape } {
  if (spans.tooManyFields)
    throw new FileError({
      file,
      line,
      message: `the header row has more than ${spans.capacity} columns; is this a GACC download, with its line breaks intact?`,
    });
  if (spans.malformed) throw new FileError({ file, line, message: 'the header row has broken quoting' });
  const names: string[] = [];
  for (let k = 0; k < spans.count; k++) {
    let s = spans.start[k]!;
    let e = spans.end[k]!;
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    const name = texts.text(buf, s, e);
    if (name === UNDECODABLE) throw new FileError({ file, line, message: 'the header cannot be decoded as GB18030 or UTF-8 text' });
    names.push(name);
  }
  const result = readHeader(names);
  if (!result.ok) throw new FileError({ file, line, message: result.message });
  texts.english = result.layout.language === 'en';
  const { layout } = result;
  const nameColumns = new Uint8Array(layout.width);
  for (const field of NAME_FIELDS) {
    const k = layout.index[field];
    if (k !== undefined) nameColumns[k] = 1;
  }
  return { layout, shape: { width: layout.width, trailingEmpty: layout.trailingEmpty, nameColumns, columnNames: names.map((name) => name.trim()) } };
}

/** Nothing but spaces and tabs (or nothing): a blank line, not a row. */
function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return false;
  return true;
}

/** The file's state across segments, and its records made from their columnar rows. */
class FileRows {
  codeLength: number | undefined;
  private readonly source: SourceFile;
  private readonly layout: ColumnLayout;
  private readonly options: ReadOptions;
  private readonly rejections: Rejection[] = [];
  private accepted = 0;
  private dataRows = 0;
  private total = 0;
  private firstMonth = Infinity;
  private lastMonth = -Infinity;
  private readonly fixedPeriod: [string, string] | undefined;
  private readonly months = new Map<number, string>();
  /** `file,` as records.csv writes it. */
  private readonly filePrefix: Uint8Array;
  private csv = new Uint8Array(1 << 20);

  constructor(source: SourceFile, layout: ColumnLayout, options: ReadOptions) {
    this.source = source;
    this.layout = layout;
    this.options = options;
    this.fixedPeriod = layout.index.month === undefined && source.period ? [monthName(source.period.start), monthName(source.period.end)] : undefined;
    const name = source.file;
    this.filePrefix = Buffer.from(`${/[",\r\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name},`);
  }

  take(result: SegmentResult, firstLine: number, text: (entry: number) => string): void {
    if (result.decidedCodeLength !== undefined) this.codeLength ??= result.decidedCodeLength;
    this.dataRows += result.dataRows;
    this.total += result.total;
    if (result.firstMonth < this.firstMonth) this.firstMonth = result.firstMonth;
    if (result.lastMonth > this.lastMonth) this.lastMonth = result.lastMonth;
    for (const r of result.rejections) {
      this.rejections.push({ file: this.source.file, line: firstLine + r.line, reason: r.reason, ...(r.value !== undefined ? { value: r.value } : {}) });
    }
    this.accepted += result.rows;
    const { ints, floats } = result;
    const { file, flow } = this.source;
    const { currency } = this.layout;
    const t = (entry: number) => (entry === EMPTY_TEXT ? '' : text(entry));
    const onRecord = this.options.onRecord;
    for (let row = 0; row < result.rows; row++) {
      const i = row * INT_STRIDE;
      const f = row * FLOAT_STRIDE;
      const month = ints[i + 1]!;
      const period = month === -1 ? undefined : this.monthOf(month);
      const quantity = floats[f + 1]!;
      const quantity2 = floats[f + 2]!;
      onRecord({
        file,
        line: firstLine + ints[i]!,
        flow,
        period_start: period ?? this.fixedPeriod![0],
        period_end: period ?? this.fixedPeriod![1],
        hs_code: t(ints[i + 2]!),
        commodity: t(ints[i + 3]!),
        partner_code: t(ints[i + 4]!),
        partner: t(ints[i + 5]!),
        trade_mode_code: t(ints[i + 6]!),
        trade_mode: t(ints[i + 7]!),
        place_code: t(ints[i + 8]!),
        place: t(ints[i + 9]!),
        quantity: Number.isNaN(quantity) ? null : quantity,
        unit: t(ints[i + 10]!),
        quantity2: Number.isNaN(quantity2) ? null : quantity2,
        unit2: t(ints[i + 11]!),
        value: floats[f]!,
        currency,
      });
    }
    if (this.options.onRecordsCsv && result.rows > 0) this.options.onRecordsCsv(this.csvLines(result, firstLine), result.rows);
  }

  /** `file,line,` then each row's tail: its records.csv lines. */
  private csvLines(result: SegmentResult, firstLine: number): Uint8Array {
    const { tails, tailEnds, ints } = result;
    const prefix = this.filePrefix;
    const needed = tails.length + result.rows * (prefix.length + 17);
    if (this.csv.length < needed) this.csv = new Uint8Array(needed);
    const out = this.csv;
    let o = 0;
    let from = 0;
    for (let row = 0; row < result.rows; row++) {
      for (let k = 0; k < prefix.length; k++) out[o++] = prefix[k]!;
      let n = firstLine + ints[row * INT_STRIDE]!;
      let digits = 1;
      for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
      o += digits;
      for (let k = o - 1; k >= o - digits; k--) {
        out[k] = 0x30 + (n % 10);
        n = Math.floor(n / 10);
      }
      out[o++] = 0x2c;
      const to = tailEnds[row]!;
      out.set(tails.subarray(from, to), o);
      o += to - from;
      from = to;
    }
    return out.subarray(0, o);
  }

  private monthOf(month: number): string {
    let name = this.months.get(month);
    if (name === undefined) this.months.set(month, (name = monthName(month)));
    return name;
  }

  finish(encoding: TextEncoding): FileReadResult {
    const { file } = this.source;
    if (this.dataRows === 0) throw new FileError({ file, line: 2, message: 'the file has a header but no data rows; check the query that produced it' });
    if (!Number.isSafeInteger(this.total)) throw new FileError({ file, message: 'the values add up to more than can be counted exactly' });
    const [periodStart, periodEnd] = this.fixedPeriod ?? (this.accepted > 0 ? [monthName(this.firstMonth), monthName(this.lastMonth)] : ['', '']);
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
        ...(this.source.source_names ? { source_names: this.source.source_names } : {}),
        ...(this.source.license ? { license: this.source.license } : {}),
        ...(this.source.notes ? { notes: this.source.notes } : {}),
      },
      rejections: this.rejections,
      warnings: this.dataRows === GACC_ROW_LIMIT ? [{ file, message: ROW_LIMIT_MESSAGE }] : [],
      keyFields: KEY_FIELDS.filter((field) => this.layout.index[field] !== undefined),
      dataRows: this.dataRows,
      codeLength: this.codeLength,
      layout: this.layout,
    };
  }
}
