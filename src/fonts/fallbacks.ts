// Metric-matched stand-ins for the web fonts while they load. Each is a system font found
// with local(), scaled (size-adjust) to the web font's average glyph width and given the web
// font's ascent, descent and line gap, so that text set in it takes the room the web font
// will take: when the web font arrives and swaps in, no line and no box moves. The numbers
// come from the font files: the web font's own, and a freely licensed font with the same
// metrics as the system font (Tinos for Times New Roman, Arimo for Arial; Linux ships them
// as Liberation Serif and Liberation Sans).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fromBuffer, type Font } from '@capsizecss/unpack';

export interface FallbackFace {
  /** The web font family this face stands in for. */
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** Package path of the web font's Latin file. */
  webFont: string;
  /** Full names of the system fonts to use, as local() finds them. */
  local: string[];
  /** Package path of a font with the same metrics as those system fonts. */
  localMetrics: string;
}

const SERIF = 'Source Serif 4';
const SANS = 'Source Sans 3';

const serif = (weight: 400 | 700, style: 'normal' | 'italic', local: string[]): FallbackFace => ({
  family: SERIF,
  weight,
  style,
  webFont: `@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-${style}.woff2`,
  local,
  localMetrics: `@fontsource/tinos/files/tinos-latin-${weight}-${style}.woff2`,
});
const sans = (weight: 400 | 700, local: string[]): FallbackFace => ({
  family: SANS,
  weight,
  style: 'normal',
  webFont: `@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff2`,
  local,
  localMetrics: `@fontsource/arimo/files/arimo-latin-${weight}-normal.woff2`,
});

/** One stand-in for every web face the site declares. */
export const FALLBACK_FACES: readonly FallbackFace[] = [
  serif(400, 'normal', ['Times New Roman', 'Liberation Serif']),
  serif(400, 'italic', ['Times New Roman Italic', 'Liberation Serif Italic']),
  serif(700, 'normal', ['Times New Roman Bold', 'Liberation Serif Bold']),
  sans(400, ['Arial', 'Liberation Sans']),
  sans(700, ['Arial Bold', 'Liberation Sans Bold']),
];

/** The family name a web family's stand-ins go by in font stacks. */
export const fallbackFamily = (family: string) => `${family} Fallback`;

export interface FallbackMetrics {
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

/**
 * The overrides that make `local` set text like `web`: scale it to the same average width,
 * then give it the web font's vertical metrics, which size-adjust would otherwise scale too.
 */
export function fallbackMetrics(web: Font, local: Font): FallbackMetrics {
  const sizeAdjust = web.xWidthAvg / web.unitsPerEm / (local.xWidthAvg / local.unitsPerEm);
  const relative = (value: number) => Math.abs(value) / web.unitsPerEm / sizeAdjust;
  return {
    sizeAdjust,
    ascentOverride: relative(web.ascent),
    descentOverride: relative(web.descent),
    lineGapOverride: relative(web.lineGap),
  };
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

const require = createRequire(import.meta.url);
const readMetrics = async (packagePath: string) => fromBuffer(await readFile(require.resolve(packagePath)));

/** The @font-face rule of one stand-in, as fonts-serif.css and fonts-sans.css carry it. */
export async function fallbackFontFace(face: FallbackFace): Promise<string> {
  const metrics = fallbackMetrics(await readMetrics(face.webFont), await readMetrics(face.localMetrics));
  return [
    '@font-face {',
    `  font-family: '${fallbackFamily(face.family)}';`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    `  src: ${face.local.map((name) => `local('${name}')`).join(', ')};`,
    `  size-adjust: ${percent(metrics.sizeAdjust)};`,
    `  ascent-override: ${percent(metrics.ascentOverride)};`,
    `  descent-override: ${percent(metrics.descentOverride)};`,
    `  line-gap-override: ${percent(metrics.lineGapOverride)};`,
    '}',
  ].join('\n');
}
