// type: column — vertical columns, a band per category: one column per series side by side,
// or stacked. Bands sit on a linear scale (band k spans k to k + 1), so grouped columns,
// annotations and category ticks share one x channel.
import * as Plot from '@observablehq/plot';
import { annotationBand, annotationMarks, annotationValues, type AnnotationAxes } from '../annotations.ts';
import { cellClass, seriesClasses } from '../colours.ts';
import { namesValue } from '../data.ts';
import type { AxisValue } from '../definition.ts';
import { datumChannel, type Datum } from '../datum.ts';
import { fitText, textWidth } from '../layouts.ts';
import { valueAxisLabel, valueScale } from './value-axis.ts';
import { datumOf, type DrawChart } from './input.ts';

interface Column {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  className: string;
  datum: Datum;
}

const PADDING = 0.15;

export const drawColumn: DrawChart = (input, layout) => {
  const { data, definition } = input;
  const fs = layout.fontSize;
  const phone = layout.name === 'phone';
  const classes = seriesClasses(data);
  const n = data.categories.length;
  const groups = definition.stack ? 1 : data.series.length;
  const columns: Column[] = [];
  const totals: { x: number; y: number; text: string }[] = [];
  data.categories.forEach((category, k) => {
    let base = 0;
    const width = (1 - PADDING * 2) / groups;
    data.series.forEach((series, s) => {
      const value = series.drawn[k]!;
      if (data.hideZero && value === 0) return;
      const slot = definition.stack ? 0 : s;
      const x1 = k + PADDING + slot * width;
      const y1 = definition.stack ? base : 0;
      columns.push({ x1, x2: x1 + width, y1, y2: y1 + value, className: cellClass(category, classes[s]!, data), datum: datumOf(input, category, series, k) });
      if (definition.stack) base += value;
    });
    if (definition.stack || groups === 1) totals.push({ x: k + 0.5, y: base || Math.max(0, ...data.series.map((s) => s.drawn[k]!)), text: '' });
  });
  const max = Math.max(0, ...columns.map((column) => column.y2), ...annotationValues(definition.annotations));
  const ticks = phone ? 3 : 5;
  const scale = valueScale(max, ticks);
  const tickFormat = (value: number) => data.format.label(value, false);
  // Plot draws ticks 9px left of the plot.
  const marginLeft = Math.ceil(Math.max(...scale.ticks.map((tick) => textWidth(tickFormat(tick), fs)))) + 10;
  const marginRight = fs;
  const plotWidth = layout.width - marginLeft - marginRight;
  const band = plotWidth / Math.max(1, n);
  // Value labels on single columns where each fits over its column.
  const labelled = totals.filter((total) => textWidth(data.format.label(total.y, false), fs) <= band * (1 - PADDING));
  const showValues = labelled.length === totals.length && totals.length > 0;
  // Category labels: every one that fits, else every second, third… one.
  const widest = Math.max(...data.categories.map((category) => textWidth(category.label, fs)));
  const step = Math.max(1, Math.ceil((widest + fs) / band));
  // A label is centred on its column: as wide as the columns up to the next, and no wider than keeps it on the artboard.
  const tickRoom = (k: number) => {
    const centre = marginLeft + (k + 0.5) * band;
    return Math.min(band * step - 4, 2 * Math.min(centre, layout.width - centre));
  };

  const xOf = (value: AxisValue, edge: 'start' | 'middle' | 'end'): number => {
    const text = String(value);
    let k = data.categories.findIndex((category) => namesValue(input.aggregate, definition.x, category.key, text));
    if (k === -1) {
      // A time value between the categories shown (a year with no column): the boundary there.
      k = data.categories.findIndex((category) => category.key > text);
      return k === -1 ? n : k;
    }
    return edge === 'start' ? k : edge === 'end' ? k + 1 : k + 0.5;
  };
  const marginBottom = Math.round(fs * 2);
  const plotHeight = (phone ? 240 : Math.round(layout.width * 0.42)) - marginBottom;
  const px = (value: number) => marginLeft + (value / Math.max(1, n)) * plotWidth;
  const py = (value: number) => plotHeight * (1 - value / scale.domain[1]);
  // The value labels over the columns, which texts on annotation lines keep clear of.
  const valueBoxes = showValues
    ? totals.map((total) => {
        const half = textWidth(data.format.label(total.y, false), fs) / 2;
        const middle = py(total.y) - fs * 0.7;
        return { left: px(total.x) - half, right: px(total.x) + half, top: middle - fs * 0.6, bottom: middle + fs * 0.6 };
      })
    : [];
  const axes = (bandTop: number): AnnotationAxes => ({ valueAcross: false, x: xOf, px: (value) => px(Number(value)), py, labels: valueBoxes, bandTop });
  const plotSpan = { left: marginLeft, right: layout.width - marginRight };
  const annotationRows = annotationBand(definition.annotations, axes(0), layout, input.lang, plotSpan);
  // Above the plot, top down: the key (input.top), annotation texts, the axis heading, value labels.
  const axisRow = Math.round(fs * 1.8);
  const marginTop = input.top + annotationRows + axisRow + (showValues ? fs : 0);
  const notes = annotationMarks(definition.annotations, axes(-marginTop + input.top), layout, input.lang, plotSpan);
  const height = plotHeight + marginBottom + marginTop;

  return {
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    x: { domain: [0, Math.max(1, n)], axis: null },
    y: { domain: scale.domain },
    marks: [
      ...notes.behind,
      Plot.gridY(scale.ticks, { className: 'chart__grid' }),
      Plot.axisY(scale.ticks, { tickFormat, tickSize: 0, className: 'chart__axis', label: null }),
      valueAxisLabel(input.axisLabel, marginLeft, marginTop - input.top - annotationRows - 3),
      Plot.rect(columns, {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: 'currentColor',
        className: 'chart__bar',
        ariaLabel: datumChannel((column: Column) => ({ ...column.datum, className: column.className })),
      }),
      Plot.ruleY([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      Plot.text(
        data.categories.flatMap((category, k) => (k % step === 0 ? [{ x: k + 0.5, text: fitText(category.label, tickRoom(k), fs) }] : [])),
        {
          x: 'x',
          frameAnchor: 'bottom',
          dy: fs * 1.1,
          text: 'text',
          lineAnchor: 'middle',
          fill: 'currentColor',
          className: 'chart__tick',
        },
      ),
      ...(showValues
        ? [
            Plot.text(totals, {
              x: 'x',
              y: 'y',
              text: (total: { y: number }) => data.format.label(total.y, false),
              dy: -fs * 0.7,
              fill: 'currentColor',
              className: 'chart__value',
            }),
          ]
        : []),
      ...notes.above,
    ],
  };
};
