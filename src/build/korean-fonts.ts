// Korean pages, after the Astro build: Hangul needs a web font (a reader's machine may have no
// Korean font, and CI has none), and a whole Korean font is about 750 KB a weight. Each page
// whose <html lang> is ko gets Pretendard cut down to the characters that page can show,
// the regular weight to all of them and the bold to those it may set in bold, as hashed
// WOFF2 files in _astro/, declared and preloaded in the page's head. Per page rather than
// one cut for all Korean pages: an embed shows a few dozen characters of its story, and a
// host page should not download the story's glyphs with it; identical cuts share one file.
// fonts-sans.css sets a Korean page's text, Latin included, in this family alone, so the
// page downloads no other font. font-display: optional, as for the sans: the cuts are
// preloaded and Chromium holds the first paint briefly for them, so a first visit on a fast
// connection shows Pretendard; otherwise that page view keeps the reader's system Korean
// font. Swapping fonts later would rewrap every line of Hangul, whose widths no local
// stand-in can be relied on to match (a machine may have no Korean font at all).
import { readdir, readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { KOREAN_FAMILY, KOREAN_WEIGHTS } from '../fonts/korean.ts';
import { pageText, type PageText } from '../fonts/page-text.ts';
import { builtFile } from './budgets.ts';
import { BuiltTexts } from './built-texts.ts';
import { basePrefix } from './headers.ts';
import { PRINTABLE_ASCII, writeFontCut, type FontCut } from './font-cuts.ts';
import { buildCache, buildCodeVersion, jsonCodec } from '../site/cache.ts';
import { hashParts } from '../fs/digest.ts';

export interface KoreanFontFile extends FontCut {
  weight: number;
}

export interface KoreanPageFonts {
  page: string;
  files: KoreanFontFile[];
}

const codePoints = (characters: Iterable<string>) => [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

/** `U+AC00-AC02,U+B098`: the code points, consecutive ones as ranges. */
export function unicodeRange(characters: Iterable<string>): string {
  const ranges: string[] = [];
  const points = codePoints(characters);
  for (let start = 0; start < points.length;) {
    let end = start;
    while (end + 1 < points.length && points[end + 1] === points[end]! + 1) end++;
    const hex = (k: number) => points[k]!.toString(16).toUpperCase();
    ranges.push(end > start ? `U+${hex(start)}-${hex(end)}` : `U+${hex(start)}`);
    start = end + 1;
  }
  return ranges.join(',');
}

/** Hangul syllables and jamo, and the CJK punctuation Korean text uses. */
const HANGUL = /[\u1100-\u11ff\u3000-\u303f\u3130-\u318f\uac00-\ud7af]/;

const isKorean = (html: string) => /^ko\b/i.test(parseHTML(html).document.documentElement.getAttribute('lang') ?? '');

/** Whether a numeric character reference in `html` stands for Hangul. */
const referencesHangul = (html: string) =>
  [...html.matchAll(/&#(?:x([\da-f]+)|(\d+));/gi)].some(([, hex, decimal]) => {
    const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
    return codePoint <= 0x10ffff && HANGUL.test(String.fromCodePoint(codePoint));
  });

/**
 * Whether a page may show Korean at all, read from its bytes without parsing them: its
 * <html> tag says lang=ko, or it has Hangul, written or as a character reference (no named
 * reference stands for Hangul). Most pages of an English archive have none, and parsing
 * them was most of this step's time.
 */
const mayShowKorean = (html: string) => /<html\b[^>]*\blang=["']?ko\b/i.test(html) || HANGUL.test(html) || referencesHangul(html);

/** Every stylesheet a page loads, joined: linked files of the build and inline styles. */
function pageCss(dir: string, html: string, base: string): Promise<string> {
  const { document } = parseHTML(html);
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => readFile(builtFile(dir, link.getAttribute('href')!, base), 'utf8'));
  const inline = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '');
  return Promise.all(linked).then((files) => [...files, ...inline].join('\n'));
}

/** A digest of every stylesheet in the build folder. */
async function builtStylesheets(texts: BuiltTexts): Promise<string> {
  const names = (await readdir(texts.dir, { recursive: true, encoding: 'utf8' }))
    .filter((name) => name.endsWith('.css'))
    .map((name) => name.split('\\').join('/'))
    .sort();
  return hashParts(...names.flatMap((name) => [name, texts.read(name)]));
}

/**
 * Cuts, writes and declares the Korean fonts of every Korean page among `pages` (HTML files
 * inside `dir`), and says which files each page got.
 */
export async function addKoreanFonts(dir: string, pages: string[], base: string, texts = new BuiltTexts(dir)): Promise<KoreanPageFonts[]> {
  const prefix = basePrefix(base);
  const cuts = new Map<string, KoreanFontFile>();
  const cut = async ({ weight, truetype }: (typeof KOREAN_WEIGHTS)[number], characters: string): Promise<KoreanFontFile> => {
    const key = `${weight}:${characters}`;
    const known = cuts.get(key);
    if (known) return known;
    const made = {
      ...(await writeFontCut(dir, `pretendard-${weight}`, { key: `pretendard-${weight}`, read: () => readFile(truetype()) }, characters)),
      weight,
    };
    cuts.set(key, made);
    return made;
  };

  // Reading a page is most of this step: what each page shows is kept by the build cache,
  // keyed by its HTML and every stylesheet of the build, which are all it depends on.
  let stylesheets: string | undefined;
  const shownText = async (html: string): Promise<{ korean: boolean; text: PageText }> => {
    stylesheets ??= await builtStylesheets(texts);
    const shown = await buildCache().memoAsync(
      'page-text',
      () => hashParts(buildCodeVersion(), base, html, stylesheets),
      jsonCodec<{ korean: boolean; all: string[]; bold: string[] }>(),
      async () => {
        const text = pageText(html, await pageCss(dir, html, base));
        return { korean: isKorean(html), all: [...text.all], bold: [...text.bold] };
      },
      { memory: false },
    );
    return { korean: shown.korean, text: { all: new Set(shown.all), bold: new Set(shown.bold) } };
  };

  const done: KoreanPageFonts[] = [];
  for (const page of [...pages].sort()) {
    const html = texts.read(page);
    if (!mayShowKorean(html)) continue;
    const { korean, text } = await shownText(html);
    // A page in another language may still show some Korean (the language switch, a Korean
    // story in the index): it gets a cut of just those characters, for its [lang=ko] text.
    const shown = (characters: Set<string>) => (korean ? characters : new Set([...characters].filter((c) => HANGUL.test(c))));
    if (!korean && shown(text.all).size === 0) continue;
    const sorted = (characters: Set<string>) => [...new Set([...shown(characters), ...(korean ? PRINTABLE_ASCII : '')])].sort().join('');
    const [regular, bold] = [await cut(KOREAN_WEIGHTS[0], sorted(text.all)), await cut(KOREAN_WEIGHTS[1], sorted(text.bold))];
    const url = (font: KoreanFontFile) => `${prefix}${font.file}`;
    const face = (weight: number, font: KoreanFontFile, range?: string) =>
      `@font-face{font-family:'${KOREAN_FAMILY}';font-style:normal;font-weight:${weight};font-display:optional;src:url(${url(font)}) format('woff2')${range ? `;unicode-range:${range}` : ''}}`;
    const preload = (font: KoreanFontFile) => `<link rel="preload" href="${url(font)}" as="font" type="font/woff2" crossorigin="anonymous">`;
    // Bold text outside the bold cut (a script wrote it) falls back to the regular cut, which
    // the page has anyway, rather than to a system font that may have no Hangul.
    const faces = [face(400, regular), face(700, regular), face(700, bold, unicodeRange([...shown(text.bold), ...(korean ? PRINTABLE_ASCII : '')]))];
    const head = `${preload(regular)}${preload(bold)}<style>${faces.join('')}</style>`;
    if (!html.includes('</head>')) throw new Error(`${page}: no </head> to add the Korean fonts before`);
    texts.write(page, html.replace('</head>', `${head}</head>`));
    done.push({ page, files: [regular, bold] });
  }
  return done;
}
