// Plot options for the four kinds of Markdown chart block, drawn with the same conventions
// as the TypeScript specs: values or names written on the chart instead of a legend where
// there is room, colours through the chart.css classes, and a datum on every mark for the
// tooltips. Bars reuse bars.ts.
import type { Currency } from '../contract/index.ts';
import * as Plot from '@observablehq/plot';
import { barChart, type BarGroup } from './bars.ts';
import type { BlockData, Category, MeasureFormat, Series } from './block-series.ts';
import { datumChannel } from './datum.ts';
import { fitText, textWidth } from './layouts.ts';
import type { Layout } from './spec.ts';

export const CHART_TYPES = ['bar', 'line', 'area', 'dot'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface BlockPlotInput {
  type: ChartType;
  data: BlockData;
  /** The `x` field, to pick tick spacing for months or years. */
  x: string;
  format: MeasureFormat;
  /** Heading of the value axis: "Imports (yuan)". */
  axisLabel: string;
  currency: Currency;
}

/** chart.css has this many series colours (chart__series-1…); more series reuse them. */
const COLOURS = 3;
const MUTED = 'chart__bar';
const HIGHLIGHT = 'chart__bar--highlight';

/**
 * A colour class per series: highlighted series in the series colours and the rest muted
 * when anything is highlighted, otherwise every series in turn.
 */
function seriesClasses(series: readonly Series[]): string[] {
  const highlighting = series.some((s) => s.highlight);
  let next = 0;
  return series.map((s, k) => {
    if (!highlighting) return `chart__series-${(k % COLOURS) + 1}`;
    return s.highlight ? `chart__series-${(next++ % COLOURS) + 1}` : MUTED;
  });
}

/** Class of one point: its category's highlight wins, else its series colour. */
function pointClass(category: Category, seriesClass: string, single: boolean, anyCategoryHighlight: boolean): string {
  if (category.highlight) return HIGHLIGHT;
  return single && anyCategoryHighlight ? MUTED : seriesClass;
}

function datumLabel(category: Category, series: Series, single: boolean): string {
  return single ? category.label : `${category.label}, ${series.label}`;
}

export function blockPlot(input: BlockPlotInput, layout: Layout): Plot.PlotOptions {
  switch (input.type) {
    case 'bar': return bars(input, layout);
    case 'dot': return dots(input, layout);
    case 'line': return timeChart(input, layout, false);
    case 'area': return timeChart(input, layout, true);
  }
}

function bars({ data, format, currency }: BlockPlotInput, layout: Layout): Plot.PlotOptions {
  const single = data.series.length === 1;
  const groups: BarGroup[] = data.categories.map((category, k) => ({
    label: category.label,
    bars: data.series.map((series) => {
      const value = series.values[k]!;
      return {
        ...(single ? {} : { label: series.label }),
        value,
        highlight: category.highlight || series.highlight,
        datum: { label: datumLabel(category, series, single), value, text: format.full(value) },
      };
    }),
  }));
  return barChart(groups, currency, layout, format.short);
}

interface DotPoint {
  value: number;
  y: number;
  className: string;
  label: string;
}

/** A dot per category and series on one value scale; names down the side, a key on top. */
function dots({ data, format, axisLabel }: BlockPlotInput, layout: Layout): Plot.PlotOptions {
  const fs = layout.fontSize;
  const above = layout.name === 'phone';
  const single = data.series.length === 1;
  const classes = seriesClasses(data.series);
  const anyCategoryHighlight = data.categories.some((c) => c.highlight);
  const r = Math.round(fs * 0.4);
  const rowHeight = Math.round(fs * (above ? 2.6 : 1.8));
  const labelWidth = above ? 0 : Math.min(
    Math.ceil(Math.max(0, ...data.categories.map((c) => textWidth(c.label, fs)))) + 8,
    Math.round(layout.width * 0.4),
  );
  // Above the rows, top down: the axis label, the key (one row, when there are series), the ticks.
  const labelRow = Math.round(fs * 1.6);
  const keyRow = single ? 0 : Math.round(fs * 1.8);
  const marginTop = labelRow + keyRow + Math.round(fs * 1.6);
  const rowY = (k: number) => marginTop + rowHeight * k + rowHeight * (above ? 0.7 : 0.5);
  const points: DotPoint[] = data.categories.flatMap((category, k) =>
    data.series.map((series, s) => ({
      value: series.values[k]!,
      y: rowY(k),
      className: pointClass(category, classes[s]!, single, anyCategoryHighlight),
      label: datumLabel(category, series, single),
    })),
  );
  const spans = data.categories.map((_, k) => {
    const values = data.series.map((s) => s.values[k]!);
    return { y: rowY(k), x1: Math.min(...values), x2: Math.max(...values) };
  });
  const labels = data.categories.map((category, k) => ({
    text: fitText(category.label, above ? layout.width : labelWidth - 8, fs),
    y: above ? rowY(k) - fs * 0.9 : rowY(k),
    highlight: category.highlight,
  }));
  const max = Math.max(0, ...points.map((p) => p.value));
  const marginLeft = labelWidth + r + 2;
  const marginRight = Math.ceil(textWidth(format.short(max, false), fs) / 2) + 4;

  // The key: a dot and a name per series, in a row above the axis.
  let offset = 0;
  const key = single ? [] : data.series.flatMap((series, s) => {
    const dx = -marginLeft + offset;
    offset += r * 2 + 4 + textWidth(series.label, fs) + fs;
    const dy = -marginTop + labelRow + keyRow / 2;
    return [
      Plot.dot([series], { frameAnchor: 'top-left', dx: dx + r, dy, r, fill: 'currentColor', className: classes[s]! }),
      Plot.text([series], { frameAnchor: 'top-left', dx: dx + r * 2 + 4, dy, text: 'label', textAnchor: 'start', lineAnchor: 'middle', fill: 'currentColor', className: classes[s]! }),
    ];
  });

  return {
    height: Math.ceil(marginTop + rowHeight * data.categories.length + fs * 0.5),
    marginTop,
    marginBottom: 0,
    marginLeft,
    marginRight,
    x: { domain: [0, max || 1], nice: true },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.gridX({ ticks: above ? 3 : 5, className: 'chart__grid' }),
      Plot.axisX({
        anchor: 'top', ticks: above ? 3 : 5, tickSize: 0, tickFormat: (value: number) => format.short(value, false),
        label: axisLabel, labelAnchor: 'left', labelArrow: 'none', labelOffset: marginTop - fs, className: 'chart__axis',
      }),
      Plot.ruleX([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      ...(single ? [] : [Plot.ruleY(spans, { x1: 'x1', x2: 'x2', y: 'y', stroke: 'currentColor', className: 'chart__grid' })]),
      Plot.dot(points, {
        x: 'value', y: 'y', r, fill: 'currentColor', className: 'chart__point',
        ariaLabel: datumChannel((p: DotPoint) => ({ label: p.label, value: p.value, text: format.full(p.value), className: p.className })),
      }),
      ...[false, true].map((highlight) =>
        Plot.text(labels.filter((label) => label.highlight === highlight), {
          y: 'y', text: 'text', frameAnchor: 'left', dx: -marginLeft, textAnchor: 'start',
          lineAnchor: above ? 'bottom' : 'middle', fill: 'currentColor',
          className: highlight ? 'chart__label--highlight' : 'chart__label',
        }),
      ),
      ...key,
    ],
  };
}

interface TimePoint {
  date: Date;
  value: number;
  /** Band of a stacked area; equal to 0 and the value for lines. */
  y1: number;
  y2: number;
  className: string;
  label: string;
}

/** Dates for the time axis: every year, or January of each year for long monthly series. */
function timeTicks(categories: readonly Category[], x: string, most: number): { ticks: Date[]; format: string } {
  let dates = categories.map((c) => c.date!);
  const yearly = x === 'year' || dates.length >= 24;
  if (x === 'month' && yearly) dates = dates.filter((date) => date.getUTCMonth() === 0);
  const step = Math.max(1, Math.ceil(dates.length / most));
  return { ticks: dates.filter((_, k) => k % step === 0), format: yearly ? '%Y' : '%b %Y' };
}

/** Lines, or stacked areas, over months or years, each series named at its end. */
function timeChart({ data, x, format, axisLabel }: BlockPlotInput, layout: Layout, stacked: boolean): Plot.PlotOptions {
  const fs = layout.fontSize;
  const phone = layout.name === 'phone';
  const single = data.series.length === 1;
  const classes = seriesClasses(data.series);
  const anyCategoryHighlight = data.categories.some((c) => c.highlight);
  const base = data.categories.map(() => 0);
  const series = data.series.map((s, k) => ({
    label: s.label,
    className: classes[k]!,
    points: data.categories.map((category, c): TimePoint => {
      const value = s.values[c]!;
      const y1 = stacked ? base[c]! : 0;
      if (stacked) base[c] = y1 + value;
      return {
        date: category.date!, value, y1, y2: y1 + value,
        className: pointClass(category, classes[k]!, single, anyCategoryHighlight), label: datumLabel(category, s, single),
      };
    }),
  }));
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y2)));
  const height = phone ? 260 : Math.round(layout.width * 0.45);
  const marginTop = Math.round(fs * 2);
  const marginBottom = Math.round(fs * 2);
  const tickFormat = (value: number) => format.short(value, false);
  const ticks = phone ? 3 : 5;
  const axis = timeTicks(data.categories, x, phone ? 4 : 8);

  // End labels, nudged apart so that no two overlap: lines at their last value, areas in
  // the middle of their band.
  const inner = height - marginTop - marginBottom;
  const ends = single ? [] : series
    .map((s) => {
      const last = s.points.at(-1)!;
      const value = stacked ? (last.y1 + last.y2) / 2 : last.value;
      return { ...last, text: s.label, className: s.className, at: value, py: marginTop + inner * (1 - value / (max || 1)) };
    })
    .sort((a, b) => a.py - b.py);
  let floor = -Infinity;
  const labels = ends.map((end) => {
    const py = Math.max(end.py, floor + fs * 1.2);
    floor = py;
    return { ...end, dy: py - end.py };
  });
  const marginRight = single ? fs : Math.ceil(Math.max(...labels.map((label) => textWidth(label.text, fs)))) + 10;

  return {
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft: Math.ceil(textWidth(tickFormat(max), fs)) + 8,
    x: { type: 'utc' },
    y: { domain: [0, max || 1], nice: true },
    marks: [
      Plot.gridY({ ticks, className: 'chart__grid' }),
      Plot.axisY({ ticks, tickFormat, tickSize: 0, className: 'chart__axis', label: axisLabel, labelAnchor: 'top', labelArrow: 'none' }),
      Plot.axisX({ ticks: axis.ticks, tickFormat: axis.format, className: 'chart__axis' }),
      ...series.flatMap((s) => [
        stacked
          ? Plot.areaY(s.points, { x: 'date', y1: 'y1', y2: 'y2', fill: 'currentColor', fillOpacity: 0.85, className: s.className })
          : Plot.line(s.points, { x: 'date', y: 'value', stroke: 'currentColor', strokeWidth: 2, className: s.className }),
        // A point per value for the tooltips; visible only where a category is highlighted.
        Plot.dot(s.points, {
          x: 'date', y: 'y2', r: phone ? 3 : 4, fill: 'currentColor',
          fillOpacity: (p: TimePoint) => (p.className === HIGHLIGHT ? 1 : 0),
          ariaLabel: datumChannel((p: TimePoint) => ({ label: p.label, value: p.value, text: format.full(p.value), className: p.className })),
        }),
      ]),
      Plot.ruleY([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      ...labels.map((label) =>
        Plot.text([label], {
          x: 'date', y: 'at', text: 'text', dx: 6, dy: label.dy, textAnchor: 'start', fill: 'currentColor', className: label.className,
        }),
      ),
    ],
  };
}
