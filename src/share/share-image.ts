// The 1200×630 social card: headline, the lead chart, and the source line, composed as one
// SVG and rasterised with bundled fonts.
import type { Lang } from '../format/index.ts';
import { escapeXml } from './escape.ts';
import { KOREAN_FONT_FAMILY, PNG_FONT_FAMILY, svgToPng } from './png.ts';

export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

export interface ShareImageInput {
  headline: string;
  /** The story's language: the headline's font and the card's own words follow it. */
  lang: Lang;
  /** The lead chart as a standalone SVG document (with width, height or viewBox). */
  chartSvg: string;
  /** Adds a "Sample data" label. */
  synthetic: boolean;
  colors?: { background: string; text: string; muted: string; accent: string };
}

const DEFAULT_COLORS = { background: '#ffffff', text: '#1a1a1a', muted: '#595959', accent: '#a8321b' };
const PAD = 56;
const HEADLINE_SIZE = 46;
/** Average advance of Source Sans 3 Bold, in ems; good enough to wrap a headline. */
const NARROW_ADVANCE = 0.5;
/** Hangul, CJK ideographs and full-width forms: each about one em. */
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The width of a headline's text in ems, as the wrap counts it. */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? 1 : NARROW_ADVANCE;
  return ems;
}

const CARD_WORDS: Record<Lang, { source: string; sample: string }> = {
  en: { source: 'Source: China General Administration of Customs (GACC)', sample: 'SAMPLE DATA' },
  ko: { source: '자료: 중국 해관총서(GACC)', sample: '샘플 데이터' },
};

export function shareImageSvg(input: ShareImageInput): string {
  const { width, height } = SHARE_IMAGE;
  const colors = input.colors ?? DEFAULT_COLORS;
  const words = CARD_WORDS[input.lang];
  const lines = wrap(input.headline, (width - 2 * PAD) / HEADLINE_SIZE, 3);
  const headlineFont = input.lang === 'ko' ? ` font-family="${KOREAN_FONT_FAMILY}"` : '';
  const headline = lines
    .map((line, i) => `<text x="${PAD}" y="${PAD + HEADLINE_SIZE + i * HEADLINE_SIZE * 1.15}" font-size="${HEADLINE_SIZE}" font-weight="700"${headlineFont} fill="${colors.text}">${escapeXml(line)}</text>`)
    .join('');
  const chartTop = PAD + lines.length * HEADLINE_SIZE * 1.15 + 36;
  const chartHeight = height - chartTop - 70;
  const chart = nestSvg(input.chartSvg, PAD, chartTop, width - 2 * PAD, chartHeight);
  const sample = input.synthetic
    ? `<text x="${width - PAD}" y="${height - 32}" text-anchor="end" font-size="22" font-weight="700" fill="${colors.accent}">${words.sample}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PNG_FONT_FAMILY}">`
    + `<rect width="${width}" height="${height}" fill="${colors.background}"/>`
    + `<rect width="${width}" height="10" fill="${colors.accent}"/>`
    + headline + chart
    + `<text x="${PAD}" y="${height - 32}" font-size="22" fill="${colors.muted}">${words.source}</text>`
    + sample
    + '</svg>';
}

export function renderShareImage(input: ShareImageInput): Buffer {
  return svgToPng(shareImageSvg(input), { width: SHARE_IMAGE.width });
}

/** Greedy word wrap to lines of at most `maxEms` and at most `maxLines`, ending with an ellipsis if cut. */
export function wrap(text: string, maxEms: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && textEms(`${current} ${word}`) > maxEms) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s+\S*$/, '')}…`;
  return kept;
}

/** Places a standalone SVG inside the card, scaled to fit the box. */
function nestSvg(svg: string, x: number, y: number, width: number, height: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('the lead chart is not an SVG');
  const viewBox = /viewBox="([^"]+)"/.exec(open[0])?.[1]
    ?? `0 0 ${/width="([\d.]+)"/.exec(open[0])?.[1] ?? width} ${/height="([\d.]+)"/.exec(open[0])?.[1] ?? height}`;
  const inner = svg.slice(open.index + open[0].length, svg.lastIndexOf('</svg>'));
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="xMinYMin meet">${inner}</svg>`;
}
