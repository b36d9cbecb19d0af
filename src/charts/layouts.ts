// The artboards every chart is drawn at. chart.css shows the phone artboard in containers
// narrower than 520px, the desktop one above, and the wide one from 880px when a chart is
// placed wide; the font sizes are chosen for the widths each artboard is shown at.
import type { Placement } from './definition.ts';
import type { Layout } from './spec.ts';

export const PHONE: Layout = { name: 'phone', width: 320, fontSize: 12 };
export const DESKTOP: Layout = { name: 'desktop', width: 640, fontSize: 13 };
export const WIDE: Layout = { name: 'wide', width: 960, fontSize: 13 };

export type { Placement } from './definition.ts';

export function layoutsFor(placement: Placement): Layout[] {
  return placement === 'wide' ? [PHONE, DESKTOP, WIDE] : [PHONE, DESKTOP];
}

/**
 * A generous estimate of a text's width in SVG pixels: there is no layout engine at build
 * time, so margins that hold text are sized from character counts.
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, fontSize);
  return width;
}

function charWidth(char: string, fontSize: number): number {
  return fontSize * (char.codePointAt(0)! >= 0x2e80 ? 1 : 0.6); // CJK is full width
}

/** The text, cut with an ellipsis where it would be wider than `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let fitted = '';
  let width = charWidth('…', fontSize);
  for (const char of text) {
    width += charWidth(char, fontSize);
    if (width > maxWidth) break;
    fitted += char;
  }
  return `${fitted.trimEnd()}…`;
}

/** The text in lines no wider than `maxWidth`, broken between words (between characters where a word alone is too wide). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, fontSize) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && textWidth(line + char, fontSize) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
