// Which text encoding a download uses. GACC exports GB18030 (also for its English pages);
// reporters may also save plain UTF-8, with or without a byte-order mark. We look at the
// bytes rather than trust a name: the first non-ASCII stretch decides, because GB18030
// text is almost never valid UTF-8.
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { FileError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes to skip at the start of the file (the byte-order mark). */
  skip: number;
}

const PROBE_BYTES = 1 << 20;

export async function detectEncoding(path: string, file: string): Promise<DetectedEncoding> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(PROBE_BYTES);
    let position = 0;
    let first = true;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, PROBE_BYTES, position);
      if (bytesRead === 0) return { encoding: 'utf-8', skip: 0 };
      let bytes = buf.subarray(0, bytesRead);
      if (first) {
        const bom = byteOrderMark(bytes, file);
        if (bom) return bom;
        first = false;
      }
      // Judge only whole lines: a newline byte never occurs inside a multi-byte character in
      // UTF-8 or GB18030, so a cut there never splits one.
      const atEnd = bytesRead < PROBE_BYTES;
      if (!atEnd) {
        const lastNewline = bytes.lastIndexOf(0x0a);
        if (lastNewline > 0) bytes = bytes.subarray(0, lastNewline + 1);
      }
      if (bytes.includes(0)) {
        throw new FileError({ file, message: 'this is not a text file (it contains NUL bytes); download the CSV again' });
      }
      const firstHigh = bytes.findIndex((b) => b >= 0x80);
      if (firstHigh !== -1) {
        return { encoding: isUtf8(bytes.subarray(lineStart(bytes, firstHigh))) ? 'utf-8' : 'gb18030', skip: 0 };
      }
      if (atEnd) return { encoding: 'utf-8', skip: 0 };
      position += bytes.length;
    }
  } finally {
    await handle.close();
  }
}

function lineStart(bytes: Buffer, index: number): number {
  return bytes.lastIndexOf(0x0a, index) + 1;
}

function byteOrderMark(bytes: Buffer, file: string): DetectedEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', skip: 3 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileError({ file, message: 'the file is UTF-16 (as Excel\'s "Unicode text" saves it); save it as CSV in UTF-8, or use the original GACC download' });
  }
  return undefined;
}
