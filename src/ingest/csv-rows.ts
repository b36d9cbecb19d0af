// A byte-level CSV row scanner. It works on raw bytes rather than decoded text because
// decoding a whole GB18030 file costs several times more than reading it; in both
// encodings the bytes for `"`, `,`, CR and LF never occur inside a multi-byte character,
// so fields can be found first and only the ones we keep decoded.

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Field boundaries of the current row; reused from row to row to avoid allocation. */
export class FieldSpans {
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 where a quoted field contains doubled quotes that must be unescaped. */
  readonly escaped: Uint8Array;
  /** Line breaks inside quoted fields, so line numbers stay true. */
  innerLineBreaks = 0;
  /** Set when the row's quoting is broken; the row is then unusable. */
  malformed = false;

  readonly capacity: number;

  constructor(capacity = 64) {
    this.capacity = capacity;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.escaped = new Uint8Array(capacity);
  }
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
  for (;;) {
    if (n === spans.capacity) return skipMalformed(buf, i, limit, atEnd, spans, n);
    if (i < limit && buf[i] === QUOTE) {
      let j = i + 1;
      let escaped = 0;
      let q: number;
      for (;;) {
        q = buf.indexOf(QUOTE, j);
        if (q === -1 || q >= limit) {
          if (!atEnd) return NEED_MORE;
          // An unterminated quote swallows the rest of the file: report it at the row start.
          spans.count = n;
          spans.malformed = true;
          return limit;
        }
        if (q + 1 >= limit && !atEnd) return NEED_MORE;
        if (buf[q + 1] === QUOTE) {
          escaped = 1;
          j = q + 2;
          continue;
        }
        break;
      }
      spans.start[n] = i + 1;
      spans.end[n] = q;
      spans.escaped[n] = escaped;
      spans.innerLineBreaks += countLineBreaks(buf, i + 1, q);
      n++;
      i = q + 1;
      if (i >= limit) return finishRow(spans, n, limit);
      const next = buf[i];
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === LF || next === CR) return finishRow(spans, n, afterLineEnd(buf, i, limit));
      return skipMalformed(buf, i, limit, atEnd, spans, n);
    }
    let j = i;
    let c = 0;
    while (j < limit) {
      c = buf[j]!;
      if (c === COMMA || c === LF || c === CR) break;
      if (c === QUOTE) return skipMalformed(buf, j, limit, atEnd, spans, n);
      j++;
    }
    if (j >= limit && !atEnd) return NEED_MORE;
    spans.start[n] = i;
    spans.end[n] = j;
    spans.escaped[n] = 0;
    n++;
    if (j >= limit) return finishRow(spans, n, limit);
    if (c === COMMA) {
      i = j + 1;
      continue;
    }
    return finishRow(spans, n, afterLineEnd(buf, j, limit));
  }
}

function finishRow(spans: FieldSpans, n: number, next: number): number {
  spans.count = n;
  return next;
}

function afterLineEnd(buf: Uint8Array, i: number, limit: number): number {
  if (buf[i] === CR && i + 1 < limit && buf[i + 1] === LF) return i + 2;
  return i + 1;
}

/** A stray quote or too many fields: give up on this line and resume after it. */
function skipMalformed(buf: Uint8Array, i: number, limit: number, atEnd: boolean, spans: FieldSpans, n: number): number {
  const lf = buf.indexOf(LF, i);
  if ((lf === -1 || lf >= limit) && !atEnd) return NEED_MORE;
  spans.count = n;
  spans.malformed = true;
  return lf === -1 || lf >= limit ? limit : lf + 1;
}

function countLineBreaks(buf: Uint8Array, from: number, to: number): number {
  let count = 0;
  let k = buf.indexOf(LF, from);
  while (k !== -1 && k < to) {
    count++;
    k = buf.indexOf(LF, k + 1);
  }
  return count;
}
