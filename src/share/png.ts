// SVG → PNG with bundled fonts only (no system fonts), so the image is the same on every machine.
import { Resvg } from '@resvg/resvg-js';
import { PNG_FONT_FAMILY } from './fonts.ts';

/** One picture to draw: plain data, so it can be sent to a worker thread. */
export interface PngJob {
  /** A standalone SVG document with width and height. */
  svg: string;
  /** Pixels per SVG unit: 2 draws a 640-unit-wide SVG as a 1,280-pixel PNG. */
  zoom: number;
  /** Bundled font files to draw the text with, in BUNDLED_FONTS order (pngJob picks them). */
  fonts: readonly string[];
}

export function renderPng(job: PngJob): Buffer {
  const resvg = new Resvg(job.svg, {
    fitTo: { mode: 'zoom', value: job.zoom },
    font: {
      fontFiles: [...job.fonts],
      loadSystemFonts: false,
      defaultFontFamily: PNG_FONT_FAMILY,
      sansSerifFamily: PNG_FONT_FAMILY,
    },
  });
  return Buffer.from(resvg.render().asPng());
}
