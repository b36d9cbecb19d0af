// The site's own web fonts, after the Astro build: each file the stylesheets declare (the
// Latin and Latin Extended cuts of the serif and the sans) cut down to the characters the
// build can show, so the fonts a first visit preloads are half the bytes. One cut per file
// for the whole site, unlike the Korean cuts per page: a reader's browser keeps each file
// across pages, and the site's Latin text shares nearly every character. What the build can
// show is every character of its pages, stylesheets and scripts (scripts write words into
// the page), and printable ASCII; a character outside a cut falls back, for that character
// only, to the next font of the stack. A cut gets a new hashed name, and every page and
// stylesheet is pointed at it: a hashed name is cached for a year, so its bytes never change.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { BuiltTexts } from './built-texts.ts';
import { PRINTABLE_ASCII, writeFontCut } from './font-cuts.ts';
import { HASHED_DIR } from './headers.ts';

/** Printable ASCII, and the no-break space Markdown's typography writes between words. */
const ALWAYS = `${PRINTABLE_ASCII}\u00a0`;

/** Files whose text a page can show: pages, stylesheets (generated content), scripts and images drawn as SVG. */
const SHOWN = /\.(html|css|js|svg)$/;

/** Every character outside ASCII in `text`, with character references decoded. */
function charactersOf(text: string, into: Set<string>): void {
  // Dropping the ASCII first leaves a short string to walk: pages are mostly markup.
  for (const character of text.replace(/[\x00-\x7e]+/g, '')) into.add(character);
  const references = new Set<string>();
  for (const [reference] of text.matchAll(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi)) references.add(reference);
  for (const reference of references) for (const character of decodeHTML(reference)) into.add(character);
}

/** The characters the build in `dir` can show, sorted. */
export function shownCharacters(texts: BuiltTexts, files: readonly string[]): string {
  const characters = new Set(ALWAYS);
  for (const file of files) if (SHOWN.test(file)) charactersOf(texts.read(file), characters);
  return [...characters].sort().join('');
}

/**
 * Cuts every WOFF2 file in the build's hashed folder but those in `keep` (the Korean cuts,
 * already made per page) to the characters the build shows, and points every page and
 * stylesheet at the cuts. Returns the old and new name of each file.
 */
export async function cutWebFonts(dir: string, keep: ReadonlySet<string>, texts = new BuiltTexts(dir)): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, encoding: 'utf8' })).map((file) => file.split('\\').join('/'));
  const fonts = files.filter((file) => file.startsWith(`${HASHED_DIR}/`) && file.endsWith('.woff2') && !keep.has(file)).sort();
  const renamed = new Map<string, string>();
  if (fonts.length === 0) return renamed;
  const characters = shownCharacters(texts, files);
  for (const font of fonts) {
    const name = font.slice(HASHED_DIR.length + 1);
    // The name Vite gave it carries a hash of its bytes: it keys the cut.
    const cut = await writeFontCut(dir, name.replace(/\.[\w-]+\.woff2$/, ''), { key: name, read: () => readFile(join(dir, font)) }, characters);
    if (cut.file !== font) await rm(join(dir, font));
    renamed.set(name, cut.file.slice(HASHED_DIR.length + 1));
  }
  // One pass over each file for all the fonts it names: every page names every font.
  const named = new RegExp(`${HASHED_DIR}/([\\w.-]+\\.woff2)`, 'g');
  for (const file of files.filter((name) => /\.(html|css)$/.test(name))) {
    const text = texts.read(file);
    const pointed = text.replace(named, (font, from: string) => (renamed.has(from) ? `${HASHED_DIR}/${renamed.get(from)!}` : font));
    if (pointed !== text) texts.write(file, pointed);
  }
  return renamed;
}
