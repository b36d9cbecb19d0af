// Which text encoding a download uses. GACC exports GB18030 (also for its English pages);
// reporters may also save plain UTF-8, with or without a byte-order mark. We judge by the
// bytes, not by a name: the first line with a non-ASCII byte decides, because GB18030 text
// is almost never valid UTF-8. Until such a line, both encodings read the same.
import { isAscii, isUtf8 } from 'node:buffer';

export type ByteOrderMark = { encoding: 'utf-8-bom'; skip: 3 } | { encoding: 'utf-16' } | undefined;

export function byteOrderMark(bytes: Uint8Array): ByteOrderMark {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', skip: 3 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { encoding: 'utf-16' };
  return undefined;
}

/**
 * UTF-16 without a byte-order mark: in the first bytes, every other byte is zero (the high
 * byte of each ASCII character) and the bytes between are not. Binary files have zeros at
 * both places or at neither.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, 512) / 2);
  if (pairs < 2) return false;
  const zeros = [0, 0];
  for (let i = 0; i < pairs * 2; i++) if (bytes[i] === 0) zeros[i % 2]!++;
  const [even, odd] = zeros as [number, number];
  return Math.max(even, odd) >= pairs * 0.5 && Math.min(even, odd) <= pairs * 0.05;
}

/**
 * Looks at whole lines of a file; returns the encoding once a non-ASCII line shows it, or
 * undefined while everything is ASCII. A newline byte never occurs inside a multi-byte
 * character in UTF-8 or GB18030, so whole lines never split a character.
 *
 * A line that is not valid UTF-8 means GB18030. A valid UTF-8 line with a three- or
 * four-byte character (all CJK text and full-width punctuation) means UTF-8. A valid line
 * whose only non-ASCII characters take two bytes proves nothing: about one CJK character in
 * ten (台, 石, 一, 千…) is such a pair in GB18030, so a short GB18030 line can pass for UTF-8.
 * Such lines are passed over; when nothing else is seen the answer is 'undecided', or UTF-8
 * once `final` says no more lines are coming.
 */
export function decideEncoding(lines: Uint8Array, final = true): 'utf-8' | 'gb18030' | 'undecided' | undefined {
  if (isAscii(lines)) return undefined;
  let from = 0;
  for (;;) {
    let firstHigh = from;
    while (firstHigh < lines.length && lines[firstHigh]! < 0x80) firstHigh++;
    if (firstHigh === lines.length) return final ? 'utf-8' : 'undecided';
    // One line decides, so a single damaged row later in a UTF-8 file is rejected as such
    // instead of turning the whole file into GB18030 mojibake.
    const lineStart = Math.max(lines.lastIndexOf(0x0a, firstHigh), lines.lastIndexOf(0x0d, firstHigh)) + 1;
    const ends = [lines.indexOf(0x0a, firstHigh), lines.indexOf(0x0d, firstHigh)].filter((i) => i !== -1);
    const lineEnd = ends.length > 0 ? Math.min(...ends) : lines.length;
    const line = lines.subarray(lineStart, lineEnd);
    if (!isUtf8(line)) return 'gb18030';
    // In valid UTF-8, a byte from 0xE0 up starts a three- or four-byte character.
    if (line.some((b) => b >= 0xe0)) return 'utf-8';
    from = lineEnd;
  }
}
