// Annotations a reporter writes on a chart: a note at a point, a shaded range of the x axis,
// a reference line at a value. Drawn on every artboard: their texts sit in a band above the
// plot, in as many rows as keep them clear of each other, and inside the frame.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n/index.ts';
import { strings } from '../i18n/index.ts';
import type { Annotation, AxisValue } from './definition.ts';
import { textIn } from './definition.ts';
import { textWidth } from './layouts.ts';
import type { Layout } from './spec.ts';

/** How a chart places x values, given by the chart type that draws the annotations. */
export interface AnnotationAxes {
  /** Whether the value axis runs across (bar and dot charts) rather than up. */
  valueAcross: boolean;
  /** An x value in the chart's x channel; `edge` picks the start or end of a month, year or band. */
  x?(value: AxisValue, edge: 'start' | 'middle' | 'end'): Date | number;
  /** Roughly where a channel value lands in pixels, to keep text inside the frame. */
  px(value: Date | number): number;
  /** Pixels from the frame's top edge to where the band of annotation texts starts (negative: above it). */
  bandTop: number;
}

interface Placed {
  annotation: Annotation;
  text: string;
  at: Date | number;
  /** Pixel span of the text, for rows. */
  left: number;
  right: number;
  anchor: 'start' | 'end';
  row: number;
}

const rowHeight = (layout: Layout) => Math.round(layout.fontSize * 1.4);

/** Where a value-axis annotation's text stands: at its value, on the axis that runs across. */
function across(annotation: Annotation): number | undefined {
  return annotation.kind === 'range' ? undefined : annotation.y;
}

/** Lays the texts out in rows; returns them and the band's height. */
export function placeAnnotations(annotations: readonly Annotation[], axes: AnnotationAxes, layout: Layout, lang: Lang, plotWidth: { left: number; right: number }): { placed: Placed[]; height: number } {
  const fs = layout.fontSize;
  const rows: { left: number; right: number }[][] = [];
  const placed: Placed[] = [];
  for (const annotation of annotations) {
    const text = textIn(annotation.text, lang)!;
    let at: Date | number | undefined;
    if (annotation.kind === 'range') at = axes.x!(annotation.from, 'start');
    else if (axes.valueAcross) at = across(annotation);
    else if (annotation.x !== undefined) at = axes.x!(annotation.x, 'middle');
    // A line or note at a value of an upright axis sits on its own line, not in the band.
    if (at === undefined) continue;
    const width = textWidth(text, fs);
    const px = axes.px(at);
    const anchor = px + width > plotWidth.right ? 'end' : 'start';
    const left = anchor === 'start' ? Math.max(px, plotWidth.left) : px - width;
    const right = left + width;
    let row = rows.findIndex((spans) => spans.every((span) => right + fs < span.left || left > span.right + fs));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]!.push({ left, right });
    placed.push({ annotation, text, at, left, right, anchor, row });
  }
  return { placed, height: rows.length * rowHeight(layout) };
}

/** The marks of every annotation, drawn behind (ranges) and above (texts, lines) the data. */
export function annotationMarks(annotations: readonly Annotation[], axes: AnnotationAxes, layout: Layout, lang: Lang, plotWidth: { left: number; right: number }): { behind: Plot.Markish[]; above: Plot.Markish[] } {
  const fs = layout.fontSize;
  const { placed } = placeAnnotations(annotations, axes, layout, lang, plotWidth);
  const behind: Plot.Markish[] = [];
  const above: Plot.Markish[] = [];
  const bandY = (row: number) => axes.bandTop + row * rowHeight(layout) + rowHeight(layout) / 2;
  const channel = axes.valueAcross ? 'x' : 'x';
  for (const item of placed) {
    const { annotation } = item;
    const text = Plot.text([item], {
      [channel]: () => item.at, frameAnchor: 'top', dy: bandY(item.row), dx: item.anchor === 'start' ? 3 : -3,
      text: 'text', textAnchor: item.anchor, lineAnchor: 'middle', fill: 'currentColor', className: 'chart__annotation-text',
    });
    if (annotation.kind === 'range') {
      const to = axes.x!(annotation.to, 'end');
      behind.push(Plot.rect([item], { x1: () => item.at, x2: () => to, fill: 'currentColor', fillOpacity: 0.6, className: 'chart__annotation-range' }));
    } else {
      // A rule from the text down through the plot at that x, dashed so it is not read as data.
      above.push(Plot.ruleX([item], { x: () => item.at, stroke: 'currentColor', strokeDasharray: '3,3', className: 'chart__annotation' }));
      if (annotation.kind === 'note' && !axes.valueAcross && annotation.y !== undefined) {
        above.push(Plot.dot([annotation], { x: () => item.at, y: 'y', r: fs * 0.3, fill: 'currentColor', className: 'chart__annotation' }));
      }
    }
    above.push(text);
  }
  // Lines and notes at a value of an upright axis: drawn across at that value, text above the right end.
  if (!axes.valueAcross) {
    for (const annotation of annotations) {
      if (annotation.kind === 'range' || annotation.x !== undefined || annotation.y === undefined) continue;
      const text = textIn(annotation.text, lang)!;
      above.push(Plot.ruleY([annotation], { y: 'y', stroke: 'currentColor', strokeDasharray: '3,3', className: 'chart__annotation' }));
      above.push(Plot.text([{ ...annotation, text }], {
        y: 'y', frameAnchor: 'right', text: 'text', textAnchor: 'end', lineAnchor: 'bottom', dy: -3, fill: 'currentColor', className: 'chart__annotation-text',
      }));
    }
  }
  return { behind, above };
}

/** The band of annotation texts the chart must leave room for above its plot. */
export function annotationBand(annotations: readonly Annotation[], axes: AnnotationAxes, layout: Layout, lang: Lang, plotWidth: { left: number; right: number }): number {
  return placeAnnotations(annotations, axes, layout, lang, plotWidth).height;
}

/** The annotations in words, for the chart's description. */
export function describeAnnotations(annotations: readonly Annotation[], lang: Lang, where: (value: AxisValue) => string, value: (y: number) => string): string {
  if (annotations.length === 0) return '';
  const words = strings(lang).chart.describe;
  const items = annotations.map((annotation) => {
    const text = textIn(annotation.text, lang)!;
    if (annotation.kind === 'range') return words.rangeFromTo(text, where(annotation.from), where(annotation.to));
    const at = [annotation.x === undefined ? undefined : where(annotation.x), annotation.y === undefined ? undefined : value(annotation.y)].filter(Boolean).join(', ');
    return annotation.kind === 'note' ? words.noteAt(text, at) : words.lineAt(text, at);
  });
  return words.annotations(items);
}
