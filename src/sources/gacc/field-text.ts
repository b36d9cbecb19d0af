// Turns the bytes of one field into text. A download repeats the same few thousand names
// and codes millions of times, so each distinct byte string is decoded once and the same
// string returned after that: no allocation per field, and GB18030 (slow to decode in
// JavaScript) is decoded only once per name. Entries are found by a hash of the bytes and
// confirmed byte by byte, so two names can never be confused.
import type { TextEncoding } from '../../contract/index.ts';
import iconv from 'iconv-lite';
import { csvText } from '../../records.ts';
import { hashBytes } from './csv-rows.ts';

/** Returned for a field whose bytes are not valid text in the file's encoding. */
export const UNDECODABLE = Symbol('undecodable');
export type FieldText = string | typeof UNDECODABLE;

const SLOT_MASK = (1 << 17) - 1;
const NONE = -1;

/**
 * The table lives in typed arrays (entry n's hash, bytes and chain link at index n, its
 * bytes in one arena): a lookup touches a few flat arrays instead of chasing objects, and a
 * plain JavaScript array this large would fall back to slow dictionary elements. Entries
 * are numbered from 0 in the order they were made, until reset() empties the table; readers
 * reset it between segments of a file once it grows large, so its memory stays bounded.
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
  /** How often reset() emptied the table: entry numbers from before are void. */
  resets = 0;
  private readonly slots = new Int32Array(SLOT_MASK + 1).fill(NONE);
  private hashes = new Int32Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private texts: FieldText[] = [];
  /** Each entry's records.csv field, UTF-8, made when first asked for. */
  private csv: (Uint8Array | undefined)[] = [];
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
    return this.texts[this.entry(buf, start, end, fullHash)]!;
  }

  /** The number of the entry holding these bytes, made if new; see textAt(). */
  entry(buf: Uint8Array, start: number, end: number, fullHash: number): number {
    const slot = fullHash & SLOT_MASK;
    const length = end - start;
    const arena = this.arena;
    for (let entry = this.slots[slot]!; entry !== NONE; entry = this.next[entry]!) {
      if (this.hashes[entry] !== fullHash || this.lengths[entry] !== length) continue;
      const at = this.starts[entry]! - start;
      let k = start;
      while (k < end && arena[at + k] === buf[k]) k++;
      if (k === end) return entry;
    }
    return this.add(buf, start, end, fullHash, slot);
  }

  textAt(entry: number): FieldText {
    return this.texts[entry]!;
  }

  /** The entry's text as a records.csv field, in UTF-8 (the entry must be decodable). */
  csvAt(entry: number): Uint8Array {
    let bytes = this.csv[entry];
    if (!bytes) this.csv[entry] = bytes = Buffer.from(csvText(this.texts[entry] as string));
    return bytes;
  }

  /** Entries since the last reset. */
  get size(): number {
    return this.texts.length;
  }

  reset(): void {
    this.slots.fill(NONE);
    this.texts = [];
    this.csv = [];
    this.arenaUsed = 0;
    this.resets++;
  }

  private add(buf: Uint8Array, start: number, end: number, fullHash: number, slot: number): number {
    const text = this.decode(buf, start, end);
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    const entry = this.texts.length;
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.next = grown(this.next);
    }
    // A copy, not a view: the read buffer is reused for the next chunk.
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.texts.push(text);
    this.hashes[entry] = fullHash;
    this.starts[entry] = this.arenaUsed;
    this.lengths[entry] = length;
    this.next[entry] = this.slots[slot]!;
    this.slots[slot] = entry;
    this.arenaUsed += length;
    return entry;
  }

  private decode(buf: Uint8Array, start: number, end: number): FieldText {
    const bytes = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
    let text: string;
    if (this.encoding === 'gb18030') {
      if (this.english && hasLetterAfterHighByte(bytes)) return UNDECODABLE;
      text = iconv.decode(bytes, 'gb18030');
    } else if (this.encoding === undefined) text = bytes.toString('latin1');
    else text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) return UNDECODABLE;
    // Valid fields hold a quote only doubled, inside quotes ("6"" pipe"), or single in a name
    // whose quotes were never doubled (see inner-quotes.ts), never both.
    return text.includes('""') ? text.replaceAll('""', '"') : text;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Whether a GB18030 double-byte character here has an ASCII letter as its second byte. */
function hasLetterAfterHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      // a four-byte character: lead, digit, lead, digit
      i += 4;
      continue;
    }
    if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) return true;
    i += 2;
  }
  return false;
}
