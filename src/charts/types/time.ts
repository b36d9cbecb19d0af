// type: line and type: area — series over months or years. Lines are named at their ends
// instead of in a key; areas stack when `stack: true` and are keyed. An invisible point per
// value carries the tooltip; highlighted months or years show theirs.
import * as Plot from '@observablehq/plot';
import { annotationBand, annotationMarks, annotationValues, type AnnotationAxes } from '../annotations.ts';
import { cellClass, HIGHLIGHT, seriesClasses } from '../colours.ts';
import type { Category } from '../data.ts';
import type { AxisValue } from '../definition.ts';
import { datumChannel, type Datum } from '../datum.ts';
import { textWidth } from '../layouts.ts';
import { formatPeriod } from '../../format/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { datumOf, type DrawChart, type DrawInput } from './input.ts';
import { valueAxisLabel, valueScale } from './value-axis.ts';

interface TimePoint {
  date: Date;
  /** Band of a stacked area; 0 and the value otherwise. */
  y1: number;
  y2: number;
  className: string;
  datum: Datum;
}

/** Start of a month "2020-01" or a year "2020", or of the month or year after it. */
export function dateAt(value: AxisValue, after: boolean): Date {
  const text = String(value);
  const year = Number(text.slice(0, 4));
  if (text.length === 4) return new Date(Date.UTC(year + (after ? 1 : 0), 0, 1));
  return new Date(Date.UTC(year, Number(text.slice(5, 7)) - 1 + (after ? 1 : 0), 1));
}

/** Ticks for the time axis, at most `most` of them: years, or months for short series. */
function timeTicks(categories: readonly Category[], x: string, most: number, lang: Lang): { ticks: Date[]; format: (date: Date) => string } {
  let dates = categories.map((c) => c.date!);
  const yearly = x === 'year' || dates.length >= 24;
  if (x === 'month' && yearly) dates = dates.filter((date) => date.getUTCMonth() === 0);
  const step = Math.max(1, Math.ceil(dates.length / most));
  const year = (date: Date) => (lang === 'ko' ? `${date.getUTCFullYear()}년` : String(date.getUTCFullYear()));
  const month = (date: Date) => {
    const text = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    return formatPeriod({ start: text, end: text }, lang);
  };
  return { ticks: dates.filter((_, k) => k % step === 0), format: yearly ? year : month };
}

function drawTime(input: DrawInput, layout: Parameters<DrawChart>[1], area: boolean): Plot.PlotOptions {
  const { data, definition } = input;
  const fs = layout.fontSize;
  const phone = layout.name === 'phone';
  const stacked = area && definition.stack;
  const classes = seriesClasses(data);
  const base = data.categories.map(() => 0);
  const series = data.series.map((s, k) => ({
    label: s.label,
    className: classes[k]!,
    points: data.categories.map((category, c): TimePoint => {
      const value = s.drawn[c]!;
      const y1 = stacked ? base[c]! : 0;
      if (stacked) base[c] = y1 + value;
      const className = cellClass(category, classes[k]!, data);
      return { date: category.date!, y1, y2: y1 + value, className: category.highlight ? HIGHLIGHT : className, datum: datumOf(input, category, s, c) };
    }),
  }));
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y2)), ...annotationValues(definition.annotations));
  const ticks = phone ? 3 : 5;
  const scale = valueScale(max, ticks);
  const tickFormat = (value: number) => data.format.label(value, false);
  const axis = timeTicks(data.categories, definition.x, phone ? 4 : 8, input.lang);
  const single = data.series.length === 1;
  // Plot draws value ticks 9px left of the plot; the first time tick, centred on the plot's left edge, needs half its width.
  const firstTick = axis.ticks[0]?.getTime() === data.categories[0]?.date?.getTime() ? axis.ticks[0] : undefined;
  const marginLeft = Math.ceil(
    Math.max(Math.max(...scale.ticks.map((tick) => textWidth(tickFormat(tick), fs))) + 10, firstTick ? textWidth(axis.format(firstTick), fs) / 2 : 0),
  );
  const plotHeight = phone ? 220 : Math.round(layout.width * 0.4);

  // End labels for lines (areas have a key), nudged apart so no two overlap.
  const ends =
    area || single
      ? []
      : series
          .map((s) => {
            const last = s.points.at(-1)!;
            return { date: last.date, at: last.y2, text: s.label, className: s.className, py: plotHeight * (1 - last.y2 / scale.domain[1]) };
          })
          .sort((a, b) => a.py - b.py);
  let floor = -Infinity;
  const labels = ends.map((end) => {
    const py = Math.max(end.py, floor + fs * 1.2);
    floor = py;
    return { ...end, dy: py - end.py };
  });
  const marginRight = labels.length === 0 ? fs : Math.ceil(Math.max(...labels.map((label) => textWidth(label.text, fs)))) + 10;

  const first = data.categories[0]?.date ?? new Date(0);
  const last = data.categories.at(-1)?.date ?? new Date(0);
  const span = Math.max(1, last.getTime() - first.getTime());
  const plotSpan = { left: marginLeft, right: layout.width - marginRight };
  const xPixel = (date: Date) => marginLeft + ((date.getTime() - first.getTime()) / span) * (plotSpan.right - plotSpan.left);
  // A tick whose label would stick out of the artboard, or run into the one before, is left out.
  let previous = -Infinity;
  const timeTicksShown = axis.ticks.filter((date) => {
    const half = textWidth(axis.format(date), fs) / 2;
    const at = xPixel(date);
    if (at - half < 0 || at + half > layout.width || at - half < previous + fs / 2) return false;
    previous = at + half;
    return true;
  });
  // Dates outside the months drawn (a range to the end of the last one) stop at the frame.
  const within = (date: Date) => new Date(Math.min(Math.max(date.getTime(), first.getTime()), last.getTime()));
  const axes = (bandTop: number): AnnotationAxes => ({
    valueAcross: false,
    x: (value, edge) => within(dateAt(value, edge === 'end')),
    px: (value) => xPixel(new Date(Number(value))),
    py: (value) => plotHeight * (1 - value / scale.domain[1]),
    bandTop,
  });
  const band = annotationBand(definition.annotations, axes(0), layout, input.lang, plotSpan);
  // Above the plot, top down: the key (input.top), annotation texts, the axis heading.
  const axisRow = Math.round(fs * 2);
  const marginTop = input.top + band + axisRow;
  const notes = annotationMarks(definition.annotations, axes(-marginTop + input.top), layout, input.lang, plotSpan);

  return {
    height: plotHeight + marginTop + Math.round(fs * 2),
    marginTop,
    marginRight,
    marginBottom: Math.round(fs * 2),
    marginLeft,
    x: { type: 'utc', domain: [first, last] },
    y: { domain: scale.domain },
    marks: [
      ...notes.behind,
      Plot.gridY(scale.ticks, { className: 'chart__grid' }),
      Plot.axisY(scale.ticks, { tickFormat, tickSize: 0, className: 'chart__axis', label: null }),
      valueAxisLabel(input.axisLabel, marginLeft, axisRow - 3),
      Plot.axisX({ ticks: timeTicksShown, tickFormat: axis.format, className: 'chart__axis' }),
      ...series.flatMap((s) => [
        area
          ? Plot.areaY(s.points, { x: 'date', y1: 'y1', y2: 'y2', fill: 'currentColor', fillOpacity: stacked ? 0.85 : 0.35, className: s.className })
          : Plot.line(s.points, { x: 'date', y: 'y2', stroke: 'currentColor', strokeWidth: 2, className: s.className }),
        Plot.dot(s.points, {
          x: 'date',
          y: 'y2',
          r: phone ? 3 : 4,
          fill: 'currentColor',
          fillOpacity: (p: TimePoint) => (p.className === HIGHLIGHT ? 1 : 0),
          ariaLabel: datumChannel((p: TimePoint) => ({ ...p.datum, className: p.className })),
        }),
      ]),
      Plot.ruleY([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      ...labels.map((label) =>
        Plot.text([label], { x: 'date', y: 'at', text: 'text', dx: 6, dy: label.dy, textAnchor: 'start', fill: 'currentColor', className: label.className }),
      ),
      ...notes.above,
    ],
  };
}

export const drawLine: DrawChart = (input, layout) => drawTime(input, layout, false);
export const drawArea: DrawChart = (input, layout) => drawTime(input, layout, true);
