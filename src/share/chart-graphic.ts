// A chart as one complete picture a reader can use on its own, like an exported graphic:
// title, dek, the artboard, notes, source, credit and the sample-data label, every line
// wrapped to the artboard's width by the fonts' real advances. Input is plain words and an
// artboard SVG, so it knows nothing of how charts are defined.
import type { Lang } from '../format/index.ts';
import { themeColors, type Theme } from '../charts/standalone.ts';
import { buildCache, buildCodeVersion, jsonCodec } from '../site/cache.ts';
import { hashParts } from '../fs/digest.ts';
import { escapeXml } from './escape.ts';
import { familyFor, type FontWeight } from './fonts.ts';
import { nestSvg } from './nest-svg.ts';
import { renderPng, type PngJob } from './png.ts';
import { pngJob } from './png-job.ts';
import { fontExtents, textWidth, type TextStyle } from './text-width.ts';
import { wrap } from './wrap.ts';

export interface ChartGraphicInput {
  /** The chart's language: every word here is in it, and the text is set in its font. */
  lang: Lang;
  title: string;
  dek: string;
  /** With its prefix, e.g. "Note: …". */
  notes?: string;
  /** With its prefix, e.g. "Source: …". */
  source: string;
  credit: string;
  /** The sample-data label; given only when the chart's figures are synthetic. */
  sample?: string;
  /** The chart drawn at one artboard, as a standalone SVG; the picture is as wide as it. */
  artboard: { svg: string; width: number; height: number };
  /** Light unless asked; the artboard must be drawn in the same theme. */
  theme?: Theme;
}

export interface ChartGraphic {
  svg: string;
  /** In SVG units; the PNG is CHART_GRAPHIC_ZOOM times this. */
  width: number;
  height: number;
}

/** The PNG's pixel density: a 640-unit artboard gives a 1,280-pixel-wide image. */
export const CHART_GRAPHIC_ZOOM = 2;

/** Below this width the words are set a size smaller, as on a phone. */
const NARROW = 480;
const PAD_Y = 12;

interface TextBlock {
  text: string;
  weight: FontWeight;
  size: number;
  lineHeight: number;
  fill: string;
  /** Space above the block. */
  gap: number;
}

/** Words placed as SVG text lines from `top`; returns the markup and where the block ends. */
function textLines(block: TextBlock, family: string, width: number, top: number): { markup: string; bottom: number } {
  const style: TextStyle = { family, weight: block.weight, size: block.size };
  const lines = wrap(block.text, width, (line) => textWidth(line, style));
  const { ascent, descent } = fontExtents(style);
  const lineBox = block.size * block.lineHeight;
  // As CSS does: the glyphs centred in the line box.
  const baseline = (lineBox - ascent - descent) / 2 + ascent;
  let y = top + block.gap;
  let markup = '';
  for (const line of lines) {
    markup += `<text x="0" y="${round(y + baseline)}" font-size="${block.size}" font-weight="${block.weight}" fill="${block.fill}">${escapeXml(line)}</text>`;
    y += lineBox;
  }
  return { markup, bottom: y };
}

/** The label on a tinted pill, as the page's badge shows it. */
function badge(label: string, family: string, size: number, colors: { text: string; background: string }, top: number): { markup: string; bottom: number } {
  const style: TextStyle = { family, weight: 700, size };
  const padX = size * 0.45;
  const height = size * 1.6;
  const { ascent, descent } = fontExtents(style);
  const width = textWidth(label, style) + 2 * padX;
  const baseline = top + (height - ascent - descent) / 2 + ascent;
  return {
    markup:
      `<rect x="0" y="${round(top)}" width="${round(width)}" height="${round(height)}" rx="3" fill="${colors.background}"/>` +
      `<text x="${round(padX)}" y="${round(baseline)}" font-size="${size}" font-weight="700" fill="${colors.text}">${escapeXml(label)}</text>`,
    bottom: top + height,
  };
}

/**
 * The picture composed for this input, once per build however often its size is asked for
 * (the embed page, oEmbed), and kept for the next build by the build cache.
 */
export function chartGraphic(input: ChartGraphicInput): ChartGraphic {
  return buildCache().memo(
    'chart-graphic',
    () => hashParts(buildCodeVersion(), input),
    jsonCodec<ChartGraphic>(),
    () => composeChartGraphic(input),
  );
}

function composeChartGraphic(input: ChartGraphicInput): ChartGraphic {
  const { artboard, lang } = input;
  const width = artboard.width;
  const colors = themeColors(input.theme ?? 'light');
  const color = (name: string) => {
    const value = colors[name];
    if (!value) throw new Error(`chart.css declares no ${name}, which the chart's PNG is drawn in`);
    return value;
  };
  const text = color('--chart-text');
  const muted = color('--chart-muted');
  const family = familyFor(lang);
  const base = width < NARROW ? 13 : 14.5;
  const footer = width < NARROW ? 11 : 12;

  const parts: string[] = [];
  let y = PAD_Y;
  const add = (block: TextBlock) => {
    const placed = textLines(block, family, width, y);
    parts.push(placed.markup);
    y = placed.bottom;
  };
  add({ text: input.title, weight: 700, size: Math.round(base * 1.35), lineHeight: 1.25, fill: text, gap: 0 });
  add({ text: input.dek, weight: 400, size: base, lineHeight: 1.4, fill: muted, gap: 4 });
  y += 12;
  parts.push(nestSvg(artboard.svg, { x: 0, y: round(y), width, height: artboard.height }));
  y += artboard.height + 8;
  for (const line of [input.notes, input.source, input.credit]) {
    if (line) add({ text: line, weight: 400, size: footer, lineHeight: 1.4, fill: muted, gap: 2 });
  }
  if (input.sample) {
    const placed = badge(
      input.sample.toLocaleUpperCase(lang),
      family,
      footer - 1,
      {
        text: color('--chart-sample'),
        background: color('--chart-sample-background'),
      },
      y + 6,
    );
    parts.push(placed.markup);
    y = placed.bottom;
  }
  const height = Math.ceil(y + PAD_Y);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${family}">` +
    `<rect width="100%" height="100%" fill="${color('--chart-background')}"/>` +
    parts.join('') +
    '</svg>';
  return { svg, width, height };
}

export function chartGraphicJob(input: ChartGraphicInput): PngJob {
  return pngJob(chartGraphic(input).svg, CHART_GRAPHIC_ZOOM);
}

export function renderChartGraphic(input: ChartGraphicInput): Promise<Buffer> {
  return renderPng(chartGraphicJob(input));
}

const round = (n: number) => Math.round(n * 100) / 100;
