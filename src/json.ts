// JSON with sorted keys, two-space indents and a final newline, so the same data always
// gives the same bytes: the text JSON.stringify(value, null, 2) gives once every object's
// keys are sorted.
import { closeSync, openSync, writeSync } from 'node:fs';

export function stableStringify(value: unknown): string {
  const pieces: string[] = [];
  writeStable(value, '', (piece) => pieces.push(piece));
  pieces.push('\n');
  return pieces.join('');
}

/** Chunks of text handed to the file at once. */
const WRITE_CHUNK = 1 << 16;

/**
 * Writes stableStringify's text to a file as it goes: an aggregate of many groups would
 * otherwise be held whole as a string, and then again as the bytes written, at the data
 * step's peak of memory.
 */
export function writeStableJson(path: string, value: unknown): void {
  const fd = openSync(path, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    const flush = () => {
      writeSync(fd, pending.join(''));
      pending = [];
      length = 0;
    };
    writeStable(value, '', (piece) => {
      pending.push(piece);
      length += piece.length;
      if (length >= WRITE_CHUNK) flush();
    });
    pending.push('\n');
    flush();
  } finally {
    closeSync(fd);
  }
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function writeStable(value: unknown, indent: string, out: (piece: string) => void): void {
  const json =
    value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON: () => unknown }).toJSON()
      : value;
  if (json === null || typeof json !== 'object') {
    out(JSON.stringify(json) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(json)) {
    if (json.length === 0) return out('[]');
    for (let k = 0; k < json.length; k++) {
      out(k === 0 ? `[\n${inner}` : `,\n${inner}`);
      writeStable(omitted(json[k]) ? null : json[k], inner, out);
    }
    return out(`\n${indent}]`);
  }
  // Copied in sorted order and listed again: an object lists integer-like keys ("2023",
  // "840") first, in numeric order, whatever order they were set in, as JSON.stringify would.
  // Without a prototype, so that a key "__proto__" is a key like any other.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(json).sort()) {
    const member = (json as Record<string, unknown>)[key];
    if (!omitted(member)) sorted[key] = member;
  }
  const keys = Object.keys(sorted);
  if (keys.length === 0) return out('{}');
  keys.forEach((key, k) => {
    out(`${k === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    writeStable(sorted[key], inner, out);
  });
  out(`\n${indent}}`);
}
