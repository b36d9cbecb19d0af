// A picture to draw, with only the bundled fonts its text can reach: resvg reads every font
// file it is given for each picture, and the CJK ones are megabytes that most charts never use.
import { BUNDLED_FONTS, PNG_FONT_FAMILY } from './fonts.ts';
import type { PngJob } from './png.ts';
import { hasGlyph } from './text-width.ts';

const ENTITY = /&(?:#x([\da-f]+)|#(\d+)|([a-z]+));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character between the SVG's tags: a superset of what it draws. */
export function textCharacters(svg: string): Set<string> {
  const chars = new Set<string>();
  for (const [, text] of svg.matchAll(/>([^<]+)</g)) {
    const decoded = text!.replace(ENTITY, (entity, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (NAMED[name!.toLowerCase()] ?? entity),
    );
    for (const char of decoded) chars.add(char);
  }
  return chars;
}

/**
 * The font files resvg could draw the SVG's text in, in their bundled order: the default
 * family, every family the SVG names, and for each character the first bundled font that
 * has it, which is where resvg's fallback finds it. The PNG is the same bytes as with every
 * bundled font.
 */
export function fontsFor(svg: string): string[] {
  const named = new Set([PNG_FONT_FAMILY]);
  for (const [, families] of svg.matchAll(/font-family="([^"]*)"/g)) {
    for (const font of BUNDLED_FONTS) if (families!.includes(font.family)) named.add(font.family);
  }
  const needed = new Set(BUNDLED_FONTS.filter((font) => named.has(font.family)));
  for (const char of textCharacters(svg)) {
    const codePoint = char.codePointAt(0)!;
    const first = BUNDLED_FONTS.find((font) => hasGlyph(font, codePoint));
    if (first) needed.add(first);
  }
  return BUNDLED_FONTS.filter((font) => needed.has(font)).map((font) => font.file);
}

export function pngJob(svg: string, zoom: number): PngJob {
  return { svg, zoom, fonts: fontsFor(svg) };
}
