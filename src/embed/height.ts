// How tall an embed iframe is before any script measures it: the snippet's fallback for
// pages that run no script (or strip it), which must never cut the chart off.
//
// An iframe's markup cannot see its own width, and a style attribute can hold no media
// query, so the fallback is an upper bound in two forms:
// - the `height` attribute: the tallest the embed gets at any width (CMSs that strip inline
//   styles keep it);
// - an inline `height: max(…)` with one term per artboard, each capped at that artboard's
//   tallest, using the viewport width, which is never less than the iframe's: on a phone it
//   comes close, on a wide screen it still allows for a narrow column.
// Artboards scale with the width; text wraps less as it grows, so each artboard's text is
// estimated at the narrowest width that shows it.
import type { Aggregate } from '../contract/index.ts';
import { DESKTOP, PHONE, WIDE, textWidth } from '../charts/layouts.ts';
import { renderArtboard } from '../charts/render.ts';
import { sourceText, type ChartSpec } from '../charts/spec.ts';

/** embed.css: the figure's padding, and its widest content box (the wide artboard's width). */
const PADDING = 12;
const MAX_CONTENT = WIDE.width;
/** chart.css shows the desktop artboard from this content width, the wide one from the next. */
const DESKTOP_FROM = 520;
const WIDE_FROM = 880;
/** The narrowest iframe planned for: a 320px phone less the page's margins. */
const NARROWEST = 280;
/** chart.css: the footer's top margin. */
const FOOTER_TOP = 12;
/** Rounding and fallback-font slack, in pixels. */
const SLACK = 8;

/** A run of text as chart.css sets it (px at a 16px root): size, line height, margins. */
interface TextBlock {
  text: string;
  size: number;
  line: number;
  space: number;
}

function textHeight(blocks: TextBlock[], width: number): number {
  return blocks.reduce((sum, b) => sum + b.space + b.line * Math.max(1, Math.ceil(textWidth(b.text, b.size) / width)), 0);
}

/** Everything but the artboard: padding, header, footer and the table's summary line. */
function frameHeight(spec: ChartSpec, aggregate: Aggregate, width: number): number {
  const footer = (text: string): TextBlock => ({ text, size: 14, line: 19.6, space: 4.8 });
  const blocks: TextBlock[] = [
    { text: spec.title, size: 18.4, line: 23, space: 4 },
    { text: spec.dek, size: 16, line: 22.4, space: 12 },
    ...(aggregate.synthetic ? [{ text: 'SAMPLE DATA', size: 12.8, line: 21.2, space: 8 }] : []),
    ...(spec.notes ? [footer(`Note: ${spec.notes}`)] : []),
    footer(`Source: ${sourceText(spec, aggregate)}`),
    footer(spec.credit),
    footer('Get the data (CSV)'),
    { text: 'Show the data as a table', size: 14, line: 19.6, space: 12 },
  ];
  return 2 * PADDING + FOOTER_TOP + textHeight(blocks, width) + SLACK;
}

export interface FallbackHeight {
  /** Pixels: enough at every width. */
  attribute: number;
  /** A CSS height, lower on narrower viewports. */
  css: string;
  /** The estimate for an iframe of this width, e.g. for oEmbed. */
  at(width: number): number;
}

export function fallbackHeight(spec: ChartSpec, aggregate: Aggregate): FallbackHeight {
  // The content widths each artboard shows at, and its height per pixel of width.
  const bands = [PHONE, DESKTOP, WIDE].map((layout, k) => {
    const { width, height } = renderArtboard(spec, aggregate, layout);
    const from = [NARROWEST - 2 * PADDING, DESKTOP_FROM, WIDE_FROM][k]!;
    const upTo = [DESKTOP_FROM - 1, WIDE_FROM - 1, MAX_CONTENT][k]!;
    return { from, upTo, ratio: height / width };
  });
  const estimate = (content: number) => {
    const band = bands.find((b) => content <= b.upTo) ?? bands[bands.length - 1]!;
    return frameHeight(spec, aggregate, content) + content * band.ratio;
  };
  const terms = bands.map((band) => {
    let tallest = 0;
    for (let content = band.from; content <= band.upTo; content++) tallest = Math.max(tallest, estimate(content));
    const ratio = Math.ceil(band.ratio * 1e4) / 1e4;
    const text = Math.ceil(frameHeight(spec, aggregate, band.from));
    return { tallest: Math.ceil(tallest), css: `min(${text}px + (100vw - ${2 * PADDING}px) * ${ratio}, ${Math.ceil(tallest)}px)` };
  });
  return {
    attribute: Math.max(...terms.map((term) => term.tallest)),
    css: `max(${terms.map((term) => term.css).join(', ')})`,
    at: (width) => Math.ceil(estimate(Math.min(width - 2 * PADDING, MAX_CONTENT))),
  };
}
