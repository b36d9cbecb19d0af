// A font cut down to the characters a build's pages can show, as a hashed WOFF2 file of the
// build. Cutting is slow and most cuts are the same from one build to the next: the bytes are
// kept by the build cache, keyed by the font and the characters.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { hashParts } from '../fs/digest.ts';
import { BYTES, buildCache, buildCodeVersion } from '../site/cache.ts';
import { HASHED_DIR } from './headers.ts';

/**
 * The layout features the site's text uses: kerning, ligatures, marks and tabular figures.
 * Keeping all of them would pull every stylistic alternate into the cut, a sixth more bytes.
 */
const FEATURES = ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'tnum'];

/** Printable ASCII, in every cut: scripts write figures and short strings into the page. */
export const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, k) => String.fromCharCode(0x20 + k)).join('');

export interface FontCut {
  /** Path inside the build folder. */
  file: string;
  bytes: number;
}

/**
 * Writes `name`.<hash>.woff2 into the build's hashed folder: the font `source` names (read
 * only when the cut is not cached) cut to `characters`.
 */
export async function writeFontCut(dir: string, name: string, source: { key: string; read: () => Promise<Buffer> }, characters: string): Promise<FontCut> {
  const bytes = await buildCache().memoAsync(
    'font',
    () => hashParts(buildCodeVersion(), source.key, characters),
    BYTES,
    async () => subsetFont(await source.read(), characters, { targetFormat: 'woff2', keepFeatures: FEATURES }),
    { memory: false },
  );
  const file = `${HASHED_DIR}/${name}.${createHash('sha256').update(bytes).digest('base64url').slice(0, 8)}.woff2`;
  await writeFile(join(dir, file), bytes);
  return { file, bytes: bytes.length };
}
