import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Font } from '@capsizecss/unpack';
import { FALLBACK_FACES, fallbackFamily, fallbackFontFace, fallbackMetrics } from './fallbacks.ts';

const STYLESHEETS: Record<string, URL> = {
  'Source Serif 4': new URL('../styles/fonts-serif.css', import.meta.url),
  'Source Sans 3': new URL('../styles/fonts-sans.css', import.meta.url),
};

const font = (overrides: Partial<Font>): Font => ({
  familyName: 'x',
  fullName: 'x',
  postscriptName: 'x',
  capHeight: 0,
  xHeight: 0,
  ascent: 0,
  descent: 0,
  lineGap: 0,
  unitsPerEm: 1000,
  xWidthAvg: 500,
  subsets: { latin: { xWidthAvg: 500 }, thai: { xWidthAvg: 500 } },
  ...overrides,
});

describe('fallbackMetrics', () => {
  it('scales the local font to the web font’s average width and keeps the web font’s vertical metrics', () => {
    const web = font({ unitsPerEm: 1000, xWidthAvg: 550, ascent: 1000, descent: -250, lineGap: 100 });
    const local = font({ unitsPerEm: 2048, xWidthAvg: 1024, ascent: 1800, descent: -400, lineGap: 60 });
    const metrics = fallbackMetrics(web, local);
    expect(metrics.sizeAdjust).toBeCloseTo(1.1, 10);
    // Overrides are scaled by size-adjust in turn: the used ascent is 1.0 em, as in the web font.
    expect(metrics.ascentOverride * metrics.sizeAdjust).toBeCloseTo(1, 10);
    expect(metrics.descentOverride * metrics.sizeAdjust).toBeCloseTo(0.25, 10);
    expect(metrics.lineGapOverride * metrics.sizeAdjust).toBeCloseTo(0.1, 10);
  });
});

describe('the stand-ins in the font stylesheets', () => {
  it.each(FALLBACK_FACES.map((face) => ({ ...face, name: `${face.family} ${face.weight} ${face.style}` })))('$name matches its font files', async (face) => {
    const css = await readFile(STYLESHEETS[face.family]!, 'utf8');
    const rule = await fallbackFontFace(face);
    expect(css.includes(rule), `${STYLESHEETS[face.family]!.pathname} should carry:\n${rule}`).toBe(true);
  });

  it('declares no other stand-in than the ones computed here', async () => {
    for (const [family, url] of Object.entries(STYLESHEETS)) {
      const css = await readFile(url, 'utf8');
      const declared = css.split(`font-family: '${fallbackFamily(family)}'`).length - 1;
      expect(declared, family).toBe(FALLBACK_FACES.filter((face) => face.family === family).length);
    }
  });

  it('has a stand-in for every web face declared with a Latin file', async () => {
    for (const [family, url] of Object.entries(STYLESHEETS)) {
      const css = await readFile(url, 'utf8');
      const latin = [...css.matchAll(/files\/[a-z0-9-]+-latin-(\d+)-(normal|italic)\.woff2/g)].map((m) => `${m[1]} ${m[2]}`);
      const covered = FALLBACK_FACES.filter((face) => face.family === family).map((face) => `${face.weight} ${face.style}`);
      expect(latin.sort(), family).toEqual(covered.sort());
    }
  });
});
