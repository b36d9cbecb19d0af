// The colour key: drawn inside the artboard, above the chart, whenever colour carries meaning
// that the marks do not say in words (series of stacked bars, columns, areas and dots; a
// highlight). Lines and grouped bars name their series directly and get none for series,
// unless the definition writes a legend for the highlighted ones.
import * as Plot from '@observablehq/plot';
import { strings, type Lang } from '../i18n/index.ts';
import type { ChartData } from './data.ts';
import { textIn, type ChartDefinition } from './definition.ts';
import { HIGHLIGHT, seriesClasses, MUTED } from './colours.ts';
import { textWidth } from './layouts.ts';
import type { Layout } from './spec.ts';

export interface LegendItem {
  label: string;
  className: string;
}

export interface Legend {
  items: LegendItem[];
  /** Height the key takes above the chart, 0 without one. */
  height: number;
  /** Marks for the key, given the chart's margins (they are drawn relative to the frame). */
  marks(marginLeft: number, marginTop: number): Plot.Markish[];
}

/** What the highlight colour means as the definition says it: the legend, else the marker word, else the attribute value matched. */
export function highlightMeaning(definition: ChartDefinition, lang: Lang): string | undefined {
  const highlight = definition.highlight!;
  return textIn(definition.legend, lang) ?? textIn(definition.highlightLabel, lang) ?? ('attribute' in highlight ? highlight.value : undefined);
}

/** The names of the highlighted categories and series, in the chart's language. */
export function highlightedLabels(data: ChartData): string[] {
  return [...data.categories.filter((c) => c.highlight), ...data.series.filter((s) => s.highlight)].map((item) => item.label);
}

/** The key's word for the highlight colour: its meaning, else the names it marks (not the values as typed). */
const highlightKey = (data: ChartData, definition: ChartDefinition, lang: Lang): string =>
  highlightMeaning(definition, lang) ?? strings(lang).chart.list(highlightedLabels(data));

export function legendItems(data: ChartData, definition: ChartDefinition, lang: Lang): LegendItem[] {
  const { type } = definition;
  if (type === 'table') return [];
  const items: LegendItem[] = [];
  const classes = seriesClasses(data);
  const namedOnMarks = type === 'line' || (type === 'bar' && !definition.stack);
  if (data.series.length > 1 && !namedOnMarks) {
    data.series.forEach((series, k) => {
      if (classes[k] !== MUTED) items.push({ label: series.label, className: classes[k]! });
    });
    if (classes.includes(MUTED)) items.push({ label: strings(lang).chart.other, className: MUTED });
  }
  // Highlighted categories take the highlight colour with one series, and always on lines and areas (their points).
  const highlightColour = data.series.length === 1 || type === 'line' || type === 'area';
  if (highlightColour && data.categories.some((c) => c.highlight)) {
    items.push({ label: highlightKey(data, definition, lang), className: HIGHLIGHT });
  }
  // Series named on the marks need no key, but a legend the definition writes is shown.
  const highlighted = data.series.findIndex((s) => s.highlight);
  if (namedOnMarks && highlighted !== -1 && definition.legend) {
    items.push({ label: highlightKey(data, definition, lang), className: classes[highlighted]! });
  }
  return items;
}

export function layoutLegend(items: readonly LegendItem[], layout: Layout): Legend {
  const fs = layout.fontSize;
  const swatch = Math.round(fs * 0.8);
  const rowHeight = Math.round(fs * 1.5);
  const gap = fs;
  let x = 0;
  let row = 0;
  const placed = items.map((item) => {
    const width = swatch + 4 + textWidth(item.label, fs);
    if (x > 0 && x + width > layout.width) {
      x = 0;
      row++;
    }
    const at = { ...item, x, y: row * rowHeight + rowHeight / 2 };
    x += width + gap;
    return at;
  });
  const height = items.length === 0 ? 0 : (row + 1) * rowHeight + Math.round(fs * 0.5);
  return {
    items: [...items],
    height,
    marks: (marginLeft, marginTop) =>
      placed.flatMap((item) => [
        Plot.dot([item], {
          frameAnchor: 'top-left',
          dx: -marginLeft + item.x + swatch / 2,
          dy: -marginTop + item.y,
          r: swatch / 2,
          symbol: 'square',
          fill: 'currentColor',
          className: item.className,
        }),
        Plot.text([item], {
          frameAnchor: 'top-left',
          dx: -marginLeft + item.x + swatch + 4,
          dy: -marginTop + item.y,
          text: 'label',
          textAnchor: 'start',
          lineAnchor: 'middle',
          fill: 'currentColor',
          className: 'chart__key-label',
        }),
      ]),
  };
}
