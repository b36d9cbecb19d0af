// Turns the bytes of one field into text. A download repeats the same few thousand names
// and codes millions of times, so each distinct byte string is decoded once and the same
// string returned after that: no allocation per field, and GB18030 (slow to decode in
// JavaScript) is decoded only once per name. Entries are found by a hash of the bytes and
// confirmed byte by byte, so two names can never be confused.
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding.ts';
import { hashBytes } from './csv-rows.ts';

/** Returned for a field whose bytes are not valid text in the file's encoding. */
export const UNDECODABLE = Symbol('undecodable');
export type FieldText = string | typeof UNDECODABLE;

interface Entry {
  bytes: Uint8Array;
  text: FieldText;
  next: Entry | undefined;
}

const CACHE_LIMIT = 200_000;
const SLOT_MASK = (1 << 17) - 1;

export class FieldTextCache {
  /** `undefined` while every byte so far has been ASCII. */
  encoding: TextEncoding | undefined;
  private readonly slots: (Entry | undefined)[] = new Array(SLOT_MASK + 1).fill(undefined);
  private size = 0;

  constructor(encoding?: TextEncoding) {
    this.encoding = encoding;
  }

  text(buf: Uint8Array, start: number, end: number): FieldText {
    return this.hashedText(buf, start, end, hashBytes(buf, start, end));
  }

  /** Like text(), with the bytes' hash already known (scanRow computes it while scanning). */
  hashedText(buf: Uint8Array, start: number, end: number, fullHash: number): FieldText {
    // Index by a slot number: an array lookup is faster than a Map's.
    const hash = fullHash & SLOT_MASK;
    const length = end - start;
    for (let entry = this.slots[hash]; entry; entry = entry.next) {
      const bytes = entry.bytes;
      if (bytes.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (bytes[k] !== buf[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return entry.text;
    }
    const text = this.decode(buf, start, end);
    // Bound the cache so a file of endlessly varied names cannot grow memory without limit.
    if (++this.size > CACHE_LIMIT) {
      this.slots.fill(undefined);
      this.size = 1;
    }
    // A copy, not a view: the read buffer is reused for the next chunk.
    this.slots[hash] = { bytes: Uint8Array.prototype.slice.call(buf, start, end), text, next: this.slots[hash] };
    return text;
  }

  private decode(buf: Uint8Array, start: number, end: number): FieldText {
    const bytes = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
    let text: string;
    if (this.encoding === 'gb18030') text = iconv.decode(bytes, 'gb18030');
    else if (this.encoding === undefined) text = bytes.toString('latin1');
    else text = bytes.toString('utf8');
    return text.includes('\uFFFD') ? UNDECODABLE : text;
  }
}
