// Horizontal bars in labelled groups: one bar per series in each group, or one stacked bar.
// Rows are laid out here in pixels (Plot's y scale is the identity) so a phone artboard can
// put each group's label on its own line above the bars and a desktop one beside them.
// Values are written at the bar ends, and highlighted groups say so in words as well as colour.
import * as Plot from '@observablehq/plot';
import { datumChannel, type Datum } from './datum.ts';
import { fitText, textWidth } from './layouts.ts';
import type { Layout } from './spec.ts';

export interface Bar {
  /** Label inside the group, e.g. the year; left out when a group has a single bar, and for stacks. */
  label?: string;
  /** What the bar draws: an amount, or a share. */
  value: number;
  className: string;
  datum: Datum;
}

export interface BarGroup {
  label: string;
  /** Follows a highlighted group's label, saying in words what the colour says: " (mineral)". */
  marker?: string;
  highlight: boolean;
  bars: Bar[];
}

export interface BarOptions {
  /** Pixels above the first group, for the colour key and annotation texts; the frame starts below them. */
  top: number;
  /** A value the axis must reach besides the bars' own (an annotation's). */
  reach?: number;
  /** Draws each group's bars end to end as one bar. */
  stacked: boolean;
  /** Writes a bar's value label; `first` is true for the first label, which carries the unit. */
  valueLabel(value: number, first: boolean): string;
  /** Marks drawn behind and above the bars (annotations), on the same x scale; the frame's top is `top`. */
  extra?: (frame: { marginLeft: number; width: number; marginRight: number }) => { behind: Plot.Markish[]; above: Plot.Markish[] };
}

interface Segment extends Bar {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  y: number;
}

interface ValueText {
  x: number;
  y: number;
  text: string;
}

interface GroupLabel {
  text: string;
  highlight: boolean;
  y: number;
}

/** The group's label, cut to fit; the marker is never cut. The table has every name whole. */
function groupText(group: BarGroup, maxWidth: number, fs: number): string {
  if (!group.marker) return fitText(group.label, maxWidth, fs);
  return fitText(group.label, maxWidth - textWidth(group.marker, fs), fs) + group.marker;
}

export function barChart(groups: BarGroup[], layout: Layout, options: BarOptions): Plot.PlotOptions {
  const fs = layout.fontSize;
  const above = layout.name === 'phone';
  const barHeight = Math.round(fs * (above ? 1.25 : 1.4));
  const barGap = Math.round(fs * 0.3);
  const groupGap = Math.round(fs * (above ? 0.8 : 0.9));
  const labelRow = above ? Math.round(fs * 1.5) : 0;
  // Desktop labels sit in a column left of the bars, as wide as the longest needs, up to 40%.
  const labelWidth = above
    ? 0
    : Math.min(Math.ceil(Math.max(0, ...groups.map((group) => textWidth(groupText(group, Infinity, fs), fs)))) + 8, Math.round(layout.width * 0.4));
  const labelSpace = above ? layout.width : labelWidth - 8;

  const segments: Segment[] = [];
  const values: ValueText[] = [];
  const labels: GroupLabel[] = [];
  /** The rows of bars of each group, for baselines that stop short of the labels above them. */
  const spans: { y1: number; y2: number }[] = [];
  let y = options.top + fs * 0.5;
  for (const group of groups) {
    y += labelRow;
    const top = y;
    const rows = options.stacked ? [group.bars] : group.bars.map((bar) => [bar]);
    for (const row of rows) {
      let x = 0;
      for (const bar of row) {
        segments.push({ ...bar, x1: x, x2: x + bar.value, y1: y, y2: y + barHeight, y: y + barHeight / 2 });
        x += bar.value;
      }
      // The unit is written once, on the first value label.
      values.push({ x, y: y + barHeight / 2, text: options.valueLabel(x, values.length === 0) });
      y += barHeight + barGap;
    }
    spans.push({ y1: top, y2: y - barGap });
    labels.push({ text: groupText(group, labelSpace, fs), highlight: group.highlight, y: above ? top - fs * 0.35 : (top + y - barGap) / 2 });
    y += groupGap - barGap;
  }
  const height = Math.ceil(y - groupGap + fs * 0.5);

  const inner = options.stacked ? [] : segments.filter((segment) => segment.label);
  const innerWidth = Math.max(0, ...inner.map((segment) => textWidth(segment.label!, fs) + 6));
  const marginLeft = Math.ceil(labelWidth + innerWidth) + 1;
  const marginRight = Math.ceil(Math.max(0, ...values.map((value) => textWidth(value.text, fs)))) + 8;
  const max = Math.max(options.reach ?? 0, ...values.map((value) => value.x));
  const extra = options.extra?.({ marginLeft, width: layout.width, marginRight }) ?? { behind: [], above: [] };

  const groupLabels = (highlight: boolean) =>
    Plot.text(
      labels.filter((label) => label.highlight === highlight),
      {
        y: 'y',
        text: 'text',
        frameAnchor: 'left',
        dx: -marginLeft + (above ? 0 : labelWidth - 8),
        textAnchor: above ? 'start' : 'end',
        lineAnchor: above ? 'bottom' : 'middle',
        fill: 'currentColor',
        className: highlight ? 'chart__label--highlight' : 'chart__label',
      },
    );

  return {
    height,
    // Rules at a value then run along the bars only, not through the key and texts above.
    marginTop: options.top,
    marginBottom: 0,
    marginLeft,
    marginRight,
    x: { domain: [0, max || 1], axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      ...extra.behind,
      // One mark for all bars keeps them in reading order for the keyboard; each bar's colour
      // class comes with its datum.
      Plot.rect(segments, {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: 'currentColor',
        className: 'chart__bar',
        ariaLabel: datumChannel((segment: Segment) => ({ ...segment.datum, className: segment.className })),
      }),
      Plot.ruleX(spans, { x: 0, y1: 'y1', y2: 'y2', className: 'chart__baseline', stroke: 'currentColor' }),
      Plot.text(values, { x: 'x', y: 'y', text: 'text', dx: 4, textAnchor: 'start', fill: 'currentColor', className: 'chart__value' }),
      Plot.text(inner, {
        y: 'y',
        text: 'label',
        frameAnchor: 'left',
        dx: -6,
        textAnchor: 'end',
        fill: 'currentColor',
        className: 'chart__tick',
      }),
      groupLabels(false),
      groupLabels(true),
      ...extra.above,
    ],
  };
}
