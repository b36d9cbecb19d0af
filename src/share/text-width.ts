// How wide a line of text is drawn, measured from the bundled fonts' own advances with
// HarfBuzz, the shaper resvg's rustybuzz is ported from: kerning and Hangul included, so a
// wrapped line fits the picture whatever its script.
import { readFileSync } from 'node:fs';
import { Blob, Buffer as ShapingBuffer, Face, Font, shape } from 'harfbuzzjs';
import { BUNDLED_FONTS, type BundledFont, type FontWeight } from './fonts.ts';

export interface TextStyle {
  family: string;
  weight: FontWeight;
  /** In SVG units. */
  size: number;
}

interface LoadedFont {
  font: Font;
  upem: number;
}

const loaded = new Map<BundledFont, LoadedFont>();

// Loaded on first use: the CJK files are megabytes and most texts never reach them.
function load(bundled: BundledFont): LoadedFont {
  let entry = loaded.get(bundled);
  if (!entry) {
    const face = new Face(new Blob(readFileSync(bundled.file)));
    entry = { font: new Font(face), upem: face.upem };
    loaded.set(bundled, entry);
  }
  return entry;
}

export function hasGlyph(bundled: BundledFont, codePoint: number): boolean {
  return load(bundled).font.glyph(codePoint) !== undefined;
}

function primaryFont(style: TextStyle): BundledFont {
  const found = BUNDLED_FONTS.find((f) => f.family === style.family && f.weight === style.weight);
  if (!found) throw new Error(`no bundled font "${style.family}" at weight ${style.weight}`);
  return found;
}

interface ShapedGlyph {
  /** In ems. */
  advance: number;
  /** The font has no glyph for it. */
  missing: boolean;
  /** Where in the text the glyph's characters start, in UTF-16 units. */
  cluster: number;
}

function shapeWith(text: string, bundled: BundledFont): ShapedGlyph[] {
  const { font, upem } = load(bundled);
  const buffer = new ShapingBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((info, i) => ({ advance: positions[i]!.xAdvance / upem, missing: info.codepoint === 0, cluster: info.cluster }));
}

/**
 * The text's advance width in SVG units, shaped as resvg (usvg) shapes it: in the asked-for
 * font; while a glyph is missing, the whole text again in the first other bundled font that
 * has its character, taking every glyph from that font when it has them all, else only the
 * missing ones.
 */
export function textWidth(text: string, style: TextStyle): number {
  const primary = primaryFont(style);
  let glyphs = shapeWith(text, primary);
  const used = new Set([primary]);
  for (let missing = glyphs.find((g) => g.missing); missing; missing = glyphs.find((g) => g.missing)) {
    const codePoint = text.codePointAt(missing.cluster)!;
    const fallback = BUNDLED_FONTS.find((f) => !used.has(f) && hasGlyph(f, codePoint));
    if (!fallback) break;
    used.add(fallback);
    const reshaped = shapeWith(text, fallback);
    if (reshaped.every((g) => !g.missing)) {
      glyphs = reshaped;
    } else if (reshaped.length === glyphs.length) {
      glyphs = glyphs.map((g, i) => (g.missing && !reshaped[i]!.missing ? reshaped[i]! : g));
    } else break;
  }
  return glyphs.reduce((sum, g) => sum + g.advance, 0) * style.size;
}

/** Ascent above and descent below the baseline, in SVG units (both positive). */
export function fontExtents(style: TextStyle): { ascent: number; descent: number } {
  const { font, upem } = load(primaryFont(style));
  const extents = font.hExtents();
  return { ascent: (extents.ascender / upem) * style.size, descent: (-extents.descender / upem) * style.size };
}
