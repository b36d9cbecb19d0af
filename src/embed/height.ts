// How tall an embed iframe is before any script measures it: the snippet's fallback for
// pages that run no script (or strip it), which must never cut the chart off.
//
// The snippet wraps the iframe in a size container, so the iframe's CSS height can follow
// the iframe's own width (100cqw is the host column, where 100vw would be the whole window):
// one term per artboard, each the chart's height estimated at that width, counted only
// across the widths that show that artboard. Browsers without container units (before 2023)
// drop that height, and CMSs strip style attributes: both keep the `height` attribute, the
// tallest the embed gets at any width.
// Artboards scale with the width up to chart.css's caps; text wraps less as it grows, so each
// artboard's text is estimated at the narrowest width that shows it.
import type { Aggregate } from '../contract/index.ts';
import { conversionText } from '../charts/frame.ts';
import { DESKTOP, PHONE, WIDE, textWidth } from '../charts/layouts.ts';
import { chartKey, renderArtboard } from '../charts/render.ts';
import { sourceText, type ChartSpec } from '../charts/spec.ts';
import { cellText, type ChartTable } from '../charts/table.ts';
import { strings } from '../i18n/index.ts';
import { buildCache, jsonCodec } from '../site/cache.ts';

/** embed.css: the figure's padding, and its widest content box (the wide artboard's width). */
const PADDING = 12;
const MAX_CONTENT = WIDE.width;
/** chart.css shows the desktop artboard from this content width, the wide one from the next. */
const DESKTOP_FROM = 520;
const WIDE_FROM = 880;
/** chart.css: no artboard is shown more than this many times its own width. */
const MAX_SCALE = 1.25;
/** The narrowest iframe planned for: a 320px phone less the page's margins. */
const NARROWEST = 280;
/** chart.css: the footer's top margin. */
const FOOTER_TOP = 12;
/** Rounding and fallback-font slack, in pixels. */
const SLACK = 8;
/** Makes a width difference of a pixel outweigh any height: the switch between two terms. */
const STEP = 100_000;
/** A new term starts where the text has become this much shorter than at the last one's start. */
const TEXT_STEP = 40;

/**
 * chart.css: a table chart's table, at the figure's 16px: line height, a row's padding and
 * rule, a cell's right padding, the room a sort arrow takes in a header, the table's top margin.
 */
const TABLE = { size: 16, line: 22.4, row: 0.4 * 16 + 1, gap: 12, arrow: 16, top: 8 };

/** A run of text as chart.css sets it (px at a 16px root): size, line height, margins. */
interface TextBlock {
  text: string;
  size: number;
  line: number;
  space: number;
}

/** A text cut where its lines may break: each piece's width, and the space before it. */
type Pieces = { width: number; space: number }[];

/** Han and kana break between any two characters; the rest (Hangul too, which may be kept whole) at spaces. */
const PIECE = /\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

function pieces(text: string, size: number): Pieces {
  const result: Pieces = [];
  let space = 0;
  for (const [token] of text.matchAll(PIECE)) {
    if (/^\s/.test(token)) {
      space = textWidth(' ', size);
    } else {
      result.push({ width: textWidth(token, size), space });
      space = 0;
    }
  }
  return result;
}

/** The lines pieces fill at `width`, word by word: a piece wider than a line has one to itself. */
function lineCount(text: Pieces, width: number): number {
  let lines = 1;
  let used = 0;
  for (const piece of text) {
    if (used > 0 && used + piece.space + piece.width > width) {
      lines++;
      used = piece.width;
    } else {
      used += (used > 0 ? piece.space : 0) + piece.width;
    }
  }
  return lines;
}

const oneLine = (text: Pieces) => text.reduce((sum, piece) => sum + piece.space + piece.width, 0);

/**
 * A table chart's table as a function of the content width: columns as wide as their longest
 * text, shrunk alike when the whole is wider than the chart but never below their longest
 * word (the box scrolls then), each row as tall as its most wrapped cell.
 */
function tableHeight(table: ChartTable): (width: number) => number {
  const arrow = { width: TABLE.arrow, space: 0 };
  const rows = [
    table.columns.map((column) => [...pieces(column.label, TABLE.size), arrow]),
    ...table.rows.map((row) => row.map((cell) => pieces(cellText(cell), TABLE.size))),
  ];
  const columns = table.columns.map((_, c) => ({
    longest: Math.max(...rows.map((row) => oneLine(row[c] ?? []))),
    word: Math.max(...rows.flatMap((row) => (row[c] ?? []).map((piece) => piece.width))),
  }));
  const total = columns.reduce((sum, column) => sum + column.longest + TABLE.gap, 0);
  return (width) => {
    const share = Math.min(1, width / total);
    const room = columns.map((column) => Math.max(column.word, column.longest * share));
    return TABLE.top + rows.reduce((sum, row) => sum + TABLE.row + TABLE.line * Math.max(1, ...row.map((text, c) => lineCount(text, room[c]!))), 0);
  };
}

/**
 * Everything but the artboard (padding, header, footer, and the table's summary line or, for
 * a table chart, the table and its files line) as a function of the content width. The texts
 * are measured once: the estimate is asked for at every pixel of width.
 */
function frameHeight(spec: ChartSpec, aggregate: Aggregate): (width: number) => number {
  const words = strings(spec.lang).frame;
  const isTable = spec.type === 'table';
  const footer = (text: string): TextBlock => ({ text, size: 14, line: 19.6, space: 4.8 });
  const blocks: TextBlock[] = [
    { text: spec.title, size: 18.4, line: 23, space: 4 },
    { text: spec.dek, size: 16, line: 22.4, space: 12 },
    ...(aggregate.synthetic ? [{ text: words.sampleBadge.toUpperCase(), size: 12.8, line: 21.2, space: 8 }] : []),
    ...(spec.notes ? [footer(`${words.note} ${spec.notes}`)] : []),
    ...(aggregate.conversion ? [footer(words.convertedAt(conversionText(aggregate, spec.lang)))] : []),
    footer(`${words.source} ${sourceText(spec, aggregate)}`),
    footer(spec.credit),
    footer(words.getData),
    isTable
      ? { text: `${words.compiledFrom} ${aggregate.sources.join(', ')}`, size: 16, line: 22.4, space: 32 }
      : { text: words.showTable, size: 14, line: 19.6, space: 12 },
  ];
  const measured = blocks.map((b) => ({ ...b, pieces: pieces(b.text, b.size) }));
  const table = isTable ? tableHeight(spec.table(aggregate)) : () => 0;
  return (width) => 2 * PADDING + FOOTER_TOP + table(width) + SLACK + measured.reduce((sum, b) => sum + b.space + b.line * lineCount(b.pieces, width), 0);
}

export interface FallbackHeight {
  /** Pixels: enough at every width. */
  attribute: number;
  /** A CSS height for the iframe, from its own width (container units of the snippet's wrapper). */
  css: string;
  /** The estimate for an iframe of this width, e.g. for oEmbed. */
  at(width: number): number;
}

/** The estimate at every content width, and the pieces the CSS is made of. */
interface HeightModel {
  artboards: { from: number; upTo: number; cap: number; ratio: number }[];
  text: (content: number) => number;
  estimate: (content: number) => number;
}

function heightModel(spec: ChartSpec, aggregate: Aggregate): HeightModel {
  // The content widths each artboard shows at, how wide it is drawn at most, and its height
  // per pixel of width.
  // A table chart shows its table and no artboard.
  const artboards =
    spec.type === 'table'
      ? [{ from: NARROWEST - 2 * PADDING, upTo: MAX_CONTENT, cap: MAX_CONTENT, ratio: 0 }]
      : [PHONE, DESKTOP, WIDE].map((layout, k) => {
          const { width, height } = renderArtboard(spec, aggregate, layout);
          const from = [NARROWEST - 2 * PADDING, DESKTOP_FROM, WIDE_FROM][k]!;
          const upTo = [DESKTOP_FROM - 1, WIDE_FROM - 1, MAX_CONTENT][k]!;
          return { from, upTo, cap: Math.min(Math.round(width * MAX_SCALE), MAX_CONTENT), ratio: height / width };
        });
  // Asked for at every pixel of width, several times over: worked out once a width.
  const frame = frameHeight(spec, aggregate);
  const known = new Map<number, number>();
  const text = (content: number) => {
    let height = known.get(content);
    if (height === undefined) known.set(content, (height = frame(content)));
    return height;
  };
  const estimate = (content: number) => {
    const artboard = artboards.find((a) => content <= a.upTo) ?? artboards[artboards.length - 1]!;
    return text(content) + Math.min(content, artboard.cap) * artboard.ratio;
  };
  return { artboards, text, estimate };
}

/**
 * The chart's fallback height. The attribute and the CSS take every pixel of width to work
 * out, so they are kept by the build cache; the estimate at one width is quick.
 */
export function fallbackHeight(spec: ChartSpec, aggregate: Aggregate): FallbackHeight {
  let model: HeightModel | undefined;
  const modelOf = () => (model ??= heightModel(spec, aggregate));
  const { attribute, css } = buildCache().memo(
    'fallback-height',
    () => chartKey(spec, aggregate),
    jsonCodec<Omit<FallbackHeight, 'at'>>(),
    () => cssHeight(modelOf()),
  );
  return { attribute, css, at: (width) => Math.ceil(modelOf().estimate(Math.min(width - 2 * PADDING, MAX_CONTENT))) };
}

function cssHeight({ artboards, text, estimate }: HeightModel): Omit<FallbackHeight, 'at'> {
  // The widths each term covers: an artboard's, cut where its text gets shorter.
  const bands = artboards.flatMap((artboard) => {
    const starts = [artboard.from];
    for (let content = artboard.from; content <= artboard.upTo; content++) {
      if (text(content) <= text(starts[starts.length - 1]!) - TEXT_STEP) starts.push(content);
    }
    return starts.map((from, k) => ({ ...artboard, from, upTo: (starts[k + 1] ?? artboard.upTo + 1) - 1 }));
  });
  const width = `100cqw - ${2 * PADDING}px`;
  const terms = bands.map((band, k) => {
    let tallest = 0;
    for (let content = band.from; content <= band.upTo; content++) tallest = Math.max(tallest, estimate(content));
    const ratio = Math.ceil(band.ratio * 1e4) / 1e4;
    // Each term counts from a pixel below its band to a pixel above it: where two overlap,
    // the taller wins, so a fractional width at a switch never picks the shorter one.
    const gates = [
      ...(k > 0 ? [`(100cqw - ${band.from + 2 * PADDING - 1}px) * ${STEP}`] : []),
      ...(k < bands.length - 1 ? [`(${band.upTo + 2 * PADDING + 1}px - 100cqw) * ${STEP}`] : []),
    ];
    const height = `${Math.ceil(text(band.from))}px + min(${width}, ${band.cap}px) * ${ratio}`;
    return { tallest: Math.ceil(tallest), css: `min(${[height, ...gates].join(', ')})` };
  });
  return {
    attribute: Math.max(...terms.map((term) => term.tallest)),
    css: `max(${terms.map((term) => term.css).join(', ')})`,
  };
}
