// Turns the bytes of one field into text. GB18030 decoding is slow in JavaScript, but a
// download repeats the same few hundred names, so each distinct byte string is decoded once.
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding.ts';

/** Returned for a field whose bytes are not valid text in the file's encoding. */
export const UNDECODABLE = Symbol('undecodable');

const CACHE_LIMIT = 100_000;

export type FieldDecoder = (buf: Buffer, start: number, end: number) => string | typeof UNDECODABLE;

export function createFieldDecoder(encoding: TextEncoding): FieldDecoder {
  if (encoding !== 'gb18030') {
    return (buf, start, end) => {
      const text = buf.toString('utf8', start, end);
      return text.includes('\uFFFD') ? UNDECODABLE : text;
    };
  }
  const cache = new Map<string, string | typeof UNDECODABLE>();
  return (buf, start, end) => {
    const key = buf.toString('latin1', start, end);
    let text = cache.get(key);
    if (text === undefined) {
      text = /[^\x00-\x7f]/.test(key) ? iconv.decode(buf.subarray(start, end), 'gb18030') : key;
      if (text.includes('\uFFFD')) text = UNDECODABLE;
      // Bound the cache so a file of endlessly varied names cannot grow memory without limit.
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, text);
    }
    return text;
  };
}
