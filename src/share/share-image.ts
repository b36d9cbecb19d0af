// The 1200×630 social card: headline, the lead chart, and the source line, composed as one
// SVG and rasterised with bundled fonts.
import { DEFAULT_SOURCE } from '../config.ts';
import { strings } from '../i18n/index.ts';
import type { Lang } from '../format/index.ts';
import { escapeXml } from './escape.ts';
import { familyFor, PNG_FONT_FAMILY } from './fonts.ts';
import { nestSvg } from './nest-svg.ts';
import { renderPng, type PngJob } from './png.ts';
import { pngJob } from './png-job.ts';
import { textWidth } from './text-width.ts';
import { wrap } from './wrap.ts';

export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

export interface ShareImageInput {
  headline: string;
  /** The story's language: the headline's font and the card's own words follow it. */
  lang: Lang;
  /** The lead chart as a standalone SVG document (with width, height or viewBox). */
  chartSvg: string;
  /** Adds a "Sample data" label. */
  synthetic: boolean;
  /** Who published the lead chart's figures; the site's default source when absent. */
  source?: string;
  colors?: { background: string; text: string; muted: string; accent: string };
}

const DEFAULT_COLORS = { background: '#ffffff', text: '#1a1a1a', muted: '#595959', accent: '#a8321b' };
const PAD = 56;
const HEADLINE_SIZE = 46;

/** The card's own words, from the story language's module: the source line and the sample label. */
function cardWords(lang: Lang, source: string | undefined): { source: string; sample: string } {
  const frame = strings(lang).frame;
  return { source: `${frame.source} ${source ?? DEFAULT_SOURCE[lang]}`, sample: frame.sampleBadge.toLocaleUpperCase(strings(lang).tag) };
}

export function shareImageSvg(input: ShareImageInput): string {
  const { width, height } = SHARE_IMAGE;
  const colors = input.colors ?? DEFAULT_COLORS;
  const words = cardWords(input.lang, input.source);
  const headlineStyle = { family: familyFor(input.lang), weight: 700, size: HEADLINE_SIZE } as const;
  const lines = wrap(input.headline, width - 2 * PAD, (line) => textWidth(line, headlineStyle), 3);
  const headlineFont = input.lang === 'ko' ? ` font-family="${headlineStyle.family}"` : '';
  const headline = lines
    .map(
      (line, i) =>
        `<text x="${PAD}" y="${PAD + HEADLINE_SIZE + i * HEADLINE_SIZE * 1.15}" font-size="${HEADLINE_SIZE}" font-weight="700"${headlineFont} fill="${colors.text}">${escapeXml(line)}</text>`,
    )
    .join('');
  const chartTop = PAD + lines.length * HEADLINE_SIZE * 1.15 + 36;
  const chartHeight = height - chartTop - 70;
  const chart = nestSvg(input.chartSvg, { x: PAD, y: chartTop, width: width - 2 * PAD, height: chartHeight });
  const sample = input.synthetic
    ? `<text x="${width - PAD}" y="${height - 32}" text-anchor="end" font-size="22" font-weight="700" fill="${colors.accent}">${words.sample}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PNG_FONT_FAMILY}">` +
    `<rect width="${width}" height="${height}" fill="${colors.background}"/>` +
    `<rect width="${width}" height="10" fill="${colors.accent}"/>` +
    headline +
    chart +
    `<text x="${PAD}" y="${height - 32}" font-size="22" fill="${colors.muted}">${words.source}</text>` +
    sample +
    '</svg>'
  );
}

export function shareImageJob(input: ShareImageInput): PngJob {
  return pngJob(shareImageSvg(input), 1);
}

export function renderShareImage(input: ShareImageInput): Promise<Buffer> {
  return renderPng(shareImageJob(input));
}
