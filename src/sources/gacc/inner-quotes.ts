// Rows whose names hold double quotes that were never doubled, as the platform's own code
// lists write them: "tyres with "herring-bone", for …". Such a row breaks CSV quoting, but
// when every field is quoted its fields can still be found: they are separated by `","`.
// The row is read only when that split is beyond doubt (the separators give exactly the
// header's number of fields, and quotes turn up only in name columns); otherwise it is
// rejected, so a row is never read shifted by a column.
import { type FieldSpans, hashBytes } from './csv-rows.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

export interface RowShape {
  /** Fields a row has, counting an empty trailing column. */
  width: number;
  trailingEmpty: boolean;
  /** 1 at the positions of name columns, the only ones where a quote can belong. */
  nameColumns: Uint8Array;
  /** The header's names, for messages. */
  columnNames: readonly string[];
}

export const BROKEN_QUOTING = 'broken quoting: a field has a stray or unclosed double quote';

const isPadding = (c: number | undefined) => c === SPACE || c === TAB;

/**
 * Re-reads the malformed row in `spans` (rowStart to lineEnd) as one line of quoted fields.
 * On success fills `spans` with its fields and returns undefined; otherwise returns why the
 * row cannot be read.
 */
export function readInnerQuotes(buf: Uint8Array, spans: FieldSpans, shape: RowShape): string | undefined {
  let s = spans.rowStart;
  let e = spans.lineEnd;
  while (s < e && isPadding(buf[s])) s++;
  while (e > s && isPadding(buf[e - 1])) e--;
  const trailingComma = e > s && buf[e - 1] === COMMA;
  const lastField = e;
  if (trailingComma) {
    e--;
    while (e > s && isPadding(buf[e - 1])) e--;
  }
  if (e - s < 2 || buf[s] !== QUOTE || buf[e - 1] !== QUOTE) return BROKEN_QUOTING;
  for (let i = s; i < e; i++) if (buf[i] === LF || buf[i] === CR) return BROKEN_QUOTING;

  // Field k runs from starts[k] to the quote that opens the next separator `"␣,␣"`.
  const starts: number[] = [s + 1];
  const ends: number[] = [];
  for (let i = s + 1; i < e - 1; i++) {
    if (buf[i] !== QUOTE) continue;
    let j = i + 1;
    while (isPadding(buf[j])) j++;
    if (buf[j] !== COMMA) continue;
    j++;
    while (isPadding(buf[j])) j++;
    if (j >= e - 1 || buf[j] !== QUOTE) continue;
    ends.push(i);
    starts.push(j + 1);
    i = j;
  }
  ends.push(e - 1);
  const fields = starts.length;
  const expected = shape.trailingEmpty ? shape.width - 1 : shape.width;
  if (fields !== expected) {
    return `broken quoting: a name holds double quotes that are not doubled, and the row splits into ${fields} quoted fields where the header has ${expected}, so its columns cannot be told apart; write each quote inside a name twice ("") or download the file again`;
  }
  for (let k = 0; k < fields; k++) {
    for (let i = starts[k]!; i < ends[k]!; i++) {
      if (buf[i] !== QUOTE) continue;
      if (!shape.nameColumns[k])
        return `broken quoting: column ${k + 1} (${JSON.stringify(shape.columnNames[k] ?? '')}) holds a double quote, which only a name may; check the row against the header, or download the file again`;
      if (buf[i + 1] === QUOTE)
        return 'broken quoting: a name holds both doubled ("") and single double quotes, so it cannot be read for certain; write each quote inside a name twice ("")';
    }
  }
  const count = trailingComma ? fields + 1 : fields;
  if (count > spans.capacity) return BROKEN_QUOTING;
  for (let k = 0; k < fields; k++) {
    spans.start[k] = starts[k]!;
    spans.end[k] = ends[k]!;
    spans.escaped[k] = 0;
    spans.hash[k] = hashBytes(buf, starts[k]!, ends[k]!);
  }
  if (trailingComma) {
    spans.start[fields] = spans.end[fields] = lastField;
    spans.escaped[fields] = 0;
    spans.hash[fields] = hashBytes(buf, 0, 0);
  }
  spans.count = count;
  spans.malformed = false;
  return undefined;
}
