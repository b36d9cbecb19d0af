// type: dot — a row per category, a dot per series on one value scale across; names down the
// side (above the row on phones), a thin rule joining a row's dots when there are several.
import * as Plot from '@observablehq/plot';
import { annotationBand, annotationMarks, annotationValues, type AnnotationAxes } from '../annotations.ts';
import { cellClass, seriesClasses } from '../colours.ts';
import { datumChannel, type Datum } from '../datum.ts';
import { fitText, textWidth } from '../layouts.ts';
import { strings } from '../../i18n/index.ts';
import { valueScale } from './value-axis.ts';
import { datumOf, type DrawChart } from './input.ts';

interface DotPoint {
  value: number;
  y: number;
  className: string;
  datum: Datum;
}

export const drawDot: DrawChart = (input, layout) => {
  const { data, definition } = input;
  const fs = layout.fontSize;
  const above = layout.name === 'phone';
  const single = data.series.length === 1;
  const classes = seriesClasses(data);
  const r = Math.round(fs * 0.4);
  const rowHeight = Math.round(fs * (above ? 2.6 : 1.8));
  const labelText = (k: number) => {
    const category = data.categories[k]!;
    return category.highlight && input.marker ? strings(input.lang).chart.marker(category.label, input.marker) : category.label;
  };
  const labelWidth = above
    ? 0
    : Math.min(Math.ceil(Math.max(0, ...data.categories.map((_, k) => textWidth(labelText(k), fs)))) + 8, Math.round(layout.width * 0.4));
  const max = Math.max(0, ...data.series.flatMap((s) => s.drawn), ...annotationValues(definition.annotations));
  const marginLeft = labelWidth + r + 2;
  const tickText = (value: number) => data.format.label(value, false);
  // Fewer ticks where their labels would run into each other ("1,000,000,000" with format: full).
  const scaleWith = (count: number) => valueScale(max, count);
  const crowded = (scale: ReturnType<typeof valueScale>) =>
    scale.ticks.length > 2 &&
    Math.max(...scale.ticks.map((tick) => textWidth(tickText(tick), fs))) + fs > (layout.width - marginLeft) / (scale.ticks.length - 1);
  let scale = scaleWith(above ? 3 : 5);
  for (let count = (above ? 3 : 5) - 1; count >= 1 && crowded(scale); count--) scale = scaleWith(count);
  const marginRight = Math.ceil(textWidth(tickText(scale.domain[1]), fs) / 2) + 4;
  const plotSpan = { left: marginLeft, right: layout.width - marginRight };
  const axes = (bandTop: number): AnnotationAxes => ({
    valueAcross: true,
    px: (value) => marginLeft + (Number(value) / scale.domain[1]) * (plotSpan.right - plotSpan.left),
    bandTop,
  });
  const band = annotationBand(definition.annotations, axes(0), layout, input.lang, plotSpan);
  // Above the rows, top down: the key (input.top), annotation texts, the axis label, the ticks.
  const marginTop = input.top + band + Math.round(fs * 3.2);
  const rowY = (k: number) => marginTop + rowHeight * k + rowHeight * (above ? 0.7 : 0.5);
  const points: DotPoint[] = data.categories.flatMap((category, k) =>
    data.series.flatMap((series, s) =>
      data.hideZero && series.drawn[k] === 0
        ? []
        : [
            {
              value: series.drawn[k]!,
              y: rowY(k),
              className: cellClass(category, classes[s]!, data),
              datum: datumOf(input, category, series, k),
            },
          ],
    ),
  );
  const spans = data.categories.map((_, k) => {
    const values = data.series.map((s) => s.drawn[k]!);
    return { y: rowY(k), x1: Math.min(...values), x2: Math.max(...values) };
  });
  const labels = data.categories.map((category, k) => ({
    text: fitText(labelText(k), above ? layout.width : labelWidth - 8, fs),
    y: above ? rowY(k) - fs * 0.9 : rowY(k),
    highlight: category.highlight,
  }));
  const notes = annotationMarks(definition.annotations, axes(-marginTop + input.top), layout, input.lang, plotSpan);

  return {
    height: Math.ceil(marginTop + rowHeight * data.categories.length + fs * 0.5),
    marginTop,
    marginBottom: 0,
    marginLeft,
    marginRight,
    x: { domain: scale.domain },
    y: { type: 'identity', axis: null },
    marks: [
      ...notes.behind,
      Plot.gridX(scale.ticks, { className: 'chart__grid' }),
      Plot.axisX(scale.ticks, {
        anchor: 'top',
        tickSize: 0,
        tickFormat: tickText,
        label: input.axisLabel,
        labelAnchor: 'left',
        labelArrow: 'none',
        labelOffset: Math.round(fs * 2.5),
        className: 'chart__axis',
      }),
      Plot.ruleX([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      ...(single ? [] : [Plot.ruleY(spans, { x1: 'x1', x2: 'x2', y: 'y', stroke: 'currentColor', className: 'chart__grid' })]),
      Plot.dot(points, {
        x: 'value',
        y: 'y',
        r,
        fill: 'currentColor',
        className: 'chart__point',
        ariaLabel: datumChannel((p: DotPoint) => ({ ...p.datum, className: p.className })),
      }),
      ...[false, true].map((highlight) =>
        Plot.text(
          labels.filter((label) => label.highlight === highlight),
          {
            y: 'y',
            text: 'text',
            frameAnchor: 'left',
            dx: -marginLeft,
            textAnchor: 'start',
            lineAnchor: above ? 'bottom' : 'middle',
            fill: 'currentColor',
            className: highlight ? 'chart__label--highlight' : 'chart__label',
          },
        ),
      ),
      ...notes.above,
    ],
  };
};
