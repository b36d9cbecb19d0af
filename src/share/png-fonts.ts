// The font files a build's pictures are drawn with. resvg-js keeps a font as a path and reads
// the whole file again for every glyph it lays out: a chart's picture reads Source Sans 3's
// 380 KB some 300 times. So a font with a picture cut (BUNDLED_FONTS) is drawn from a file of
// only those characters, made once and kept by the build cache, whenever the picture takes
// no glyph from the font outside the cut. The cut keeps every glyph, kerning pair and
// ligature of its characters, so the pixels are the same as from the whole file.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { hashParts } from '../fs/digest.ts';
import { buildCache, buildCodeVersion, type ContentCache } from '../site/cache.ts';
import { BUNDLED_FONTS, type BundledFont } from './fonts.ts';
import type { PngJob } from './png.ts';
import { textCharacters } from './png-job.ts';
import { hasGlyph } from './text-width.ts';

type CutFont = BundledFont & { pictureCut: string };

const hasCut = (font: BundledFont | undefined): font is CutFont => font?.pictureCut !== undefined;

/** Each cache's cut files, made once per process: every picture of a build asks for the same few. */
const cuts = new WeakMap<ContentCache, Map<BundledFont, Promise<string | undefined>>>();

const gone = (path: string | undefined) => path !== undefined && !existsSync(path);

async function cutFile(font: CutFont, cache: ContentCache): Promise<string | undefined> {
  let known = cuts.get(cache);
  if (!known) cuts.set(cache, (known = new Map()));
  let file = known.get(font);
  // Made again if it went: resvg draws no text from a missing file, and says nothing.
  if (file === undefined || gone(await file)) {
    const key = hashParts(buildCodeVersion(), font.file, font.pictureCut);
    file = cache.file('png-font', key, async () => subsetFont(await readFile(font.file), font.pictureCut, { targetFormat: 'sfnt' }));
    known.set(font, file);
  }
  return file;
}

/** Whether every glyph `characters` could take from the font is in its cut. */
function cutCovers(font: CutFont, characters: ReadonlySet<string>): boolean {
  for (const character of characters) if (!font.pictureCut.includes(character) && hasGlyph(font, character.codePointAt(0)!)) return false;
  return true;
}

/** The job's font files, each a cut where the cut draws the same picture; the whole files without a disk cache to keep cuts in. */
export async function drawingFiles(job: PngJob, cache: ContentCache = buildCache()): Promise<string[]> {
  const characters = textCharacters(job.svg);
  return Promise.all(
    job.fonts.map(async (file) => {
      const font = BUNDLED_FONTS.find((bundled) => bundled.file === file);
      if (!hasCut(font) || !cutCovers(font, characters)) return file;
      return (await cutFile(font, cache)) ?? file;
    }),
  );
}
