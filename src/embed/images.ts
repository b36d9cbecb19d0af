// The chart as a picture, for readers and services that cannot run the iframe: the embed
// page's og:image, its <noscript> fallback and the oEmbed thumbnail. A complete graphic
// (title to credit) around the same artboard SVG as the page, at twice its pixel density.
import type { Aggregate } from '../contract/index.ts';
import { DESKTOP, PHONE } from '../charts/layouts.ts';
import { conversionText } from '../charts/frame.ts';
import { sourceText, type ChartSpec, type Layout } from '../charts/spec.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import { strings } from '../i18n/index.ts';
import { CHART_GRAPHIC_ZOOM, chartGraphic, chartGraphicJob, type ChartGraphicInput } from '../share/chart-graphic.ts';
import { renderPng, type PngJob } from '../share/png.ts';

/** A PNG for each of these artboards, named by its width; the desktop one stands for the chart elsewhere. */
export const IMAGE_LAYOUTS: readonly Layout[] = [PHONE, DESKTOP];
export const THUMBNAIL_LAYOUT = DESKTOP;

/** The words of the chart's frame, in its language, as the page shows them, around one artboard. */
export function chartGraphicInput(spec: ChartSpec, aggregate: Aggregate, layout: Layout): ChartGraphicInput {
  const words = strings(spec.lang).frame;
  const notes = [spec.notes ? `${words.note} ${spec.notes}` : '', aggregate.conversion ? words.convertedAt(conversionText(aggregate, spec.lang)) : '']
    .filter(Boolean)
    .join(' ');
  return {
    lang: spec.lang,
    title: spec.title,
    dek: spec.dek,
    ...(notes ? { notes } : {}),
    source: `${words.source} ${sourceText(spec, aggregate)}`,
    credit: spec.credit,
    ...(aggregate.synthetic ? { sample: words.sampleBadge } : {}),
    artboard: standaloneSvg(spec, aggregate, layout),
  };
}

export function chartPngJob(spec: ChartSpec, aggregate: Aggregate, layout: Layout): PngJob {
  return chartGraphicJob(chartGraphicInput(spec, aggregate, layout));
}

export function chartPng(spec: ChartSpec, aggregate: Aggregate, layout: Layout): Promise<Buffer> {
  return renderPng(chartPngJob(spec, aggregate, layout));
}

/**
 * The desktop PNG's size in pixels (og:image, the oEmbed thumbnail) and in CSS pixels, the
 * size an <img> shows it at.
 */
export function thumbnailSize(spec: ChartSpec, aggregate: Aggregate): { width: number; height: number; cssWidth: number; cssHeight: number } {
  const { width, height } = chartGraphic(chartGraphicInput(spec, aggregate, THUMBNAIL_LAYOUT));
  return { width: width * CHART_GRAPHIC_ZOOM, height: height * CHART_GRAPHIC_ZOOM, cssWidth: width, cssHeight: height };
}
