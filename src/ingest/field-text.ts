// Turns the bytes of one field into text. A download repeats the same few thousand names
// and codes millions of times, so each distinct byte string is decoded once and the same
// string returned after that: no allocation per field, and GB18030 (slow to decode in
// JavaScript) is decoded only once per name. Entries are found by a hash of the bytes and
// confirmed byte by byte, so two names can never be confused.
import type { TextEncoding } from '../contract/index.ts';
import iconv from 'iconv-lite';
import { hashBytes } from './csv-rows.ts';

/** Returned for a field whose bytes are not valid text in the file's encoding. */
export const UNDECODABLE = Symbol('undecodable');
export type FieldText = string | typeof UNDECODABLE;

const CACHE_LIMIT = 200_000;
const SLOT_MASK = (1 << 17) - 1;
const NONE = -1;

/**
 * The table lives in typed arrays (entry n's hash, bytes and chain link at index n, its
 * bytes in one arena): a lookup touches a few flat arrays instead of chasing objects, and a
 * plain JavaScript array this large would fall back to slow dictionary elements.
 */
export class FieldTextCache {
  /** `undefined` while every byte so far has been ASCII. */
  encoding: TextEncoding | undefined;
  /**
   * Set for files with English headers. Their few Chinese characters (units such as 台,
   * full-width commas) are GB2312, whose second byte is never ASCII; a high byte followed by
   * an ASCII letter is Windows-1252 or Latin-1 ("è" then "m" in "Crème"), which GB18030
   * would turn into a rare ideograph. Such text is refused instead of read as mojibake.
   */
  english = false;
  private readonly slots = new Int32Array(SLOT_MASK + 1).fill(NONE);
  private readonly hashes = new Int32Array(CACHE_LIMIT);
  private readonly starts = new Int32Array(CACHE_LIMIT);
  private readonly lengths = new Int32Array(CACHE_LIMIT);
  private readonly next = new Int32Array(CACHE_LIMIT);
  private texts: FieldText[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;

  constructor(encoding?: TextEncoding) {
    this.encoding = encoding;
  }

  text(buf: Uint8Array, start: number, end: number): FieldText {
    return this.hashedText(buf, start, end, hashBytes(buf, start, end));
  }

  /** Like text(), with the bytes' hash already known (scanRow computes it while scanning). */
  hashedText(buf: Uint8Array, start: number, end: number, fullHash: number): FieldText {
    const slot = fullHash & SLOT_MASK;
    const length = end - start;
    const arena = this.arena;
    for (let entry = this.slots[slot]!; entry !== NONE; entry = this.next[entry]!) {
      if (this.hashes[entry] !== fullHash || this.lengths[entry] !== length) continue;
      const at = this.starts[entry]! - start;
      let k = start;
      while (k < end && arena[at + k] === buf[k]) k++;
      if (k === end) return this.texts[entry]!;
    }
    return this.add(buf, start, end, fullHash, slot);
  }

  private add(buf: Uint8Array, start: number, end: number, fullHash: number, slot: number): FieldText {
    const text = this.decode(buf, start, end);
    // Bound the cache so a file of endlessly varied names cannot grow memory without limit.
    if (this.texts.length === CACHE_LIMIT) {
      this.slots.fill(NONE);
      this.texts = [];
      this.arenaUsed = 0;
    }
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    // A copy, not a view: the read buffer is reused for the next chunk.
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    const entry = this.texts.length;
    this.texts.push(text);
    this.hashes[entry] = fullHash;
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.next[entry] = this.slots[slot]!;
    this.slots[slot] = entry;
    this.arenaUsed += length;
    return text;
  }

  private decode(buf: Uint8Array, start: number, end: number): FieldText {
    const bytes = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
    let text: string;
    if (this.encoding === 'gb18030') {
      if (this.english && hasLetterAfterHighByte(bytes)) return UNDECODABLE;
      text = iconv.decode(bytes, 'gb18030');
    }
    else if (this.encoding === undefined) text = bytes.toString('latin1');
    else text = bytes.toString('utf8');
    return text.includes('\uFFFD') ? UNDECODABLE : text;
  }
}

/** Whether a GB18030 double-byte character here has an ASCII letter as its second byte. */
function hasLetterAfterHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) { // a four-byte character: lead, digit, lead, digit
      i += 4;
      continue;
    }
    if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) return true;
    i += 2;
  }
  return false;
}
