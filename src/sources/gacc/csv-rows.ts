// A byte-level CSV row scanner. It works on raw bytes rather than decoded text because
// decoding a whole GB18030 file costs several times more than reading it; in both
// encodings the bytes for `"`, `,`, CR and LF never occur inside a multi-byte character,
// so fields can be found first and only the ones we keep decoded.

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** Field boundaries of the current row; reused from row to row to avoid allocation. */
export class FieldSpans {
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 where a quoted field contains doubled quotes that must be unescaped. */
  readonly escaped: Uint8Array;
  /** FNV-1a hash of each field's bytes, computed while scanning (see hashBytes). */
  readonly hash: Int32Array;
  /** Line breaks inside quoted fields, so line numbers stay true. */
  innerLineBreaks = 0;
  /** Set when the row's quoting is broken; the row is then unusable. */
  malformed = false;
  /** Set when the row has more fields than `capacity` (so is also malformed). */
  tooManyFields = false;
  /** Where the row starts, and, for a malformed row, where its last line's text ends. */
  rowStart = 0;
  lineEnd = 0;

  readonly capacity: number;

  constructor(capacity = 64) {
    this.capacity = capacity;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.escaped = new Uint8Array(capacity);
    this.hash = new Int32Array(capacity);
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes: the same hash scanRow computes for each field. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, FNV_PRIME);
  return hash;
}

/** The scan needs more bytes before it can tell where the row ends. */
export const NEED_MORE = -1;

/**
 * Scans one row starting at `pos`, filling `spans`. Returns the offset just past the row's
 * line ending, or NEED_MORE when the row runs past `limit` and `atEnd` is false.
 */
export function scanRow(buf: Uint8Array, pos: number, limit: number, atEnd: boolean, spans: FieldSpans): number {
  let i = pos;
  let n = 0;
  spans.innerLineBreaks = 0;
  spans.malformed = false;
  spans.tooManyFields = false;
  spans.rowStart = pos;
  for (;;) {
    if (n === spans.capacity) {
      spans.tooManyFields = true;
      return skipMalformed(buf, i, limit, atEnd, spans, n);
    }
    // Some exports pad fields with tabs or spaces, outside the quotes too.
    let q = i;
    while (q < limit && (buf[q] === TAB || buf[q] === SPACE)) q++;
    if (q >= limit && q > i && !atEnd) return NEED_MORE;
    if (q < limit && buf[q] === QUOTE) {
      i = q;
      // Scan to the closing quote in one pass, hashing the bytes and counting line breaks.
      let j = i + 1;
      let escaped = 0;
      let hash = FNV_OFFSET;
      let lineBreaks = 0;
      for (;;) {
        if (j >= limit) {
          if (!atEnd) return NEED_MORE;
          // An unterminated quote swallows the rest of the file: report it at the row start.
          spans.count = n;
          spans.malformed = true;
          spans.lineEnd = limit;
          return limit;
        }
        const c = buf[j]!;
        if (c === QUOTE) {
          if (j + 1 >= limit && !atEnd) return NEED_MORE;
          if (buf[j + 1] !== QUOTE) break;
          escaped = 1;
          hash = Math.imul(Math.imul(hash ^ QUOTE, FNV_PRIME) ^ QUOTE, FNV_PRIME);
          j += 2;
          continue;
        }
        if (c === LF) lineBreaks++;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        j++;
      }
      spans.start[n] = i + 1;
      spans.end[n] = j;
      spans.escaped[n] = escaped;
      spans.hash[n] = hash;
      spans.innerLineBreaks += lineBreaks;
      n++;
      i = j + 1;
      while (i < limit && (buf[i] === TAB || buf[i] === SPACE)) i++;
      if (i >= limit) return atEnd ? finishRow(spans, n, limit) : NEED_MORE;
      const next = buf[i];
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === LF || next === CR) return rowEnd(buf, i, limit, atEnd, spans, n);
      return skipMalformed(buf, i, limit, atEnd, spans, n);
    }
    let j = i;
    let c = 0;
    let hash = FNV_OFFSET;
    while (j < limit) {
      c = buf[j]!;
      if (c === COMMA || c === LF || c === CR) break;
      if (c === QUOTE) return skipMalformed(buf, j, limit, atEnd, spans, n);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      j++;
    }
    if (j >= limit && !atEnd) return NEED_MORE;
    spans.start[n] = i;
    spans.end[n] = j;
    spans.escaped[n] = 0;
    spans.hash[n] = hash;
    n++;
    if (j >= limit) return finishRow(spans, n, limit);
    if (c === COMMA) {
      i = j + 1;
      continue;
    }
    return rowEnd(buf, j, limit, atEnd, spans, n);
  }
}

function finishRow(spans: FieldSpans, n: number, next: number): number {
  spans.count = n;
  return next;
}

/** Ends the row at the line break at i: LF, CRLF, or a lone CR. */
function rowEnd(buf: Uint8Array, i: number, limit: number, atEnd: boolean, spans: FieldSpans, n: number): number {
  if (buf[i] !== CR) return finishRow(spans, n, i + 1);
  // A CR as the last byte read may be the first half of CRLF: wait for the next byte.
  if (i + 1 >= limit) return atEnd ? finishRow(spans, n, limit) : NEED_MORE;
  return finishRow(spans, n, buf[i + 1] === LF ? i + 2 : i + 1);
}

/** A stray quote or too many fields: give up on this line and resume after it. */
function skipMalformed(buf: Uint8Array, i: number, limit: number, atEnd: boolean, spans: FieldSpans, n: number): number {
  let end = i;
  while (end < limit && buf[end] !== LF && buf[end] !== CR) end++;
  if (end >= limit && !atEnd) return NEED_MORE;
  spans.malformed = true;
  spans.lineEnd = end;
  return end >= limit ? finishRow(spans, n, limit) : rowEnd(buf, end, limit, atEnd, spans, n);
}
