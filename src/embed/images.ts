// The chart as a picture, for readers and services that cannot run the iframe: the embed
// page's og:image, its <noscript> fallback and the oEmbed thumbnail. Drawn from the same
// artboard SVG as the page, colours inlined, with the bundled fonts.
import type { Aggregate } from '../contract/index.ts';
import { DESKTOP, PHONE } from '../charts/layouts.ts';
import { renderArtboard } from '../charts/render.ts';
import type { ChartSpec, Layout } from '../charts/spec.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import { svgToPng } from '../share/png.ts';

/** A PNG at each of these widths; the desktop one stands for the chart elsewhere. */
export const IMAGE_LAYOUTS: readonly Layout[] = [PHONE, DESKTOP];
export const THUMBNAIL_LAYOUT = DESKTOP;

/** One pixel per SVG unit: the PNG is exactly as wide as the artboard. */
export function chartPng(spec: ChartSpec, aggregate: Aggregate, layout: Layout): Buffer {
  const { svg, width } = standaloneSvg(spec, aggregate, layout);
  return svgToPng(svg, { width });
}

/** The desktop PNG's size, for og:image and the oEmbed thumbnail. */
export function thumbnailSize(spec: ChartSpec, aggregate: Aggregate): { width: number; height: number } {
  const { width, height } = renderArtboard(spec, aggregate, THUMBNAIL_LAYOUT);
  return { width, height };
}
