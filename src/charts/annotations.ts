// Annotations a reporter writes on a chart: a note at a point, a shaded range of the x axis,
// a reference line at a value. Drawn on every artboard: their texts sit in a band above the
// plot, in as many rows as keep them clear of each other, and inside the frame; a line at a
// value of an upright axis carries its text on the line.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n/index.ts';
import { strings } from '../i18n/index.ts';
import type { Annotation, AxisValue } from './definition.ts';
import { textIn } from './definition.ts';
import { textWidth, wrapText } from './layouts.ts';
import type { Layout } from './spec.ts';

/** How a chart places x values, given by the chart type that draws the annotations. */
export interface AnnotationAxes {
  /** Whether the value axis runs across (bar and dot charts) rather than up. */
  valueAcross: boolean;
  /** An x value in the chart's x channel; `edge` picks the start or end of a month, year or band. */
  x?(value: AxisValue, edge: 'start' | 'middle' | 'end'): Date | number;
  /** Roughly where a channel value lands in pixels, to keep text inside the frame. */
  px(value: Date | number): number;
  /** Where a value of an upright value axis lands, in pixels down from the frame's top. */
  py?(value: number): number;
  /** Labels the chart writes inside its plot (x from the artboard's left, y from the frame's top), which texts on value lines keep clear of. */
  labels?: Box[];
  /** Pixels from the frame's top edge to where the band of annotation texts starts (negative: above it). */
  bandTop: number;
}

/** A text's box in pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Placed {
  annotation: Annotation;
  /** The text, in as many lines as it needs to fit the artboard. */
  lines: string[];
  at: Date | number;
  /** Pixel span of the text. */
  left: number;
  right: number;
  /** The first of the band's rows it takes. */
  row: number;
}

/** Pixels between a text and the point or rule it labels. */
const PAD = 3;

const rowHeight = (layout: Layout) => Math.round(layout.fontSize * 1.4);

/** Where a value-axis annotation's text stands: at its value, on the axis that runs across. */
function across(annotation: Annotation): number | undefined {
  return annotation.kind === 'range' ? undefined : annotation.y;
}

/** Values of the value axis the annotations stand at: the axis must reach them, or they would be drawn outside the frame. */
export function annotationValues(annotations: readonly Annotation[]): number[] {
  return annotations.flatMap((annotation) => (annotation.kind !== 'range' && annotation.y !== undefined ? [annotation.y] : []));
}

/** Lines and notes at a value of an upright axis: drawn across the plot at that value, not in the band. */
const atValue = (annotation: Annotation): annotation is Annotation & { y: number } =>
  annotation.kind !== 'range' && annotation.x === undefined && annotation.y !== undefined;

/**
 * Lays the band's texts out: each beside its point (to the right where it fits, else to the
 * left), inside the artboard, in the first rows that keep it clear of the others by a
 * text height. Returns them and the band's height.
 */
export function placeAnnotations(
  annotations: readonly Annotation[],
  axes: AnnotationAxes,
  layout: Layout,
  lang: Lang,
  plotWidth: { left: number; right: number },
): { placed: Placed[]; height: number } {
  const fs = layout.fontSize;
  const rows: { left: number; right: number }[][] = [];
  const placed: Placed[] = [];
  for (const annotation of annotations) {
    let at: Date | number | undefined;
    if (annotation.kind === 'range') at = axes.x!(annotation.from, 'start');
    else if (axes.valueAcross) at = across(annotation);
    else if (annotation.x !== undefined) at = axes.x!(annotation.x, 'middle');
    if (at === undefined) continue;
    const lines = wrapText(textIn(annotation.text, lang)!, layout.width, fs);
    const width = Math.max(...lines.map((line) => textWidth(line, fs)));
    const px = axes.px(at);
    const beside = px + PAD + width <= plotWidth.right ? px + PAD : px - PAD - width;
    const left = Math.max(0, Math.min(beside, layout.width - width));
    const right = left + width;
    const free = (row: number) => (rows[row] ?? []).every((span) => right + fs < span.left || left > span.right + fs);
    let row = 0;
    while (!lines.every((_, k) => free(row + k))) row++;
    lines.forEach((_, k) => (rows[row + k] ??= []).push({ left, right }));
    placed.push({ annotation, lines, at, left, right, row });
  }
  return { placed, height: rows.length * rowHeight(layout) };
}

/** The marks of every annotation, drawn behind (ranges) and above (texts, lines) the data. */
export function annotationMarks(
  annotations: readonly Annotation[],
  axes: AnnotationAxes,
  layout: Layout,
  lang: Lang,
  plotWidth: { left: number; right: number },
): { behind: Plot.Markish[]; above: Plot.Markish[] } {
  const fs = layout.fontSize;
  const height = rowHeight(layout);
  const { placed } = placeAnnotations(annotations, axes, layout, lang, plotWidth);
  const behind: Plot.Markish[] = [];
  const above: Plot.Markish[] = [];
  for (const item of placed) {
    const { annotation } = item;
    const text = Plot.text([item], {
      x: () => item.at,
      frameAnchor: 'top',
      dy: axes.bandTop + item.row * height + (item.lines.length * height) / 2,
      dx: item.left - axes.px(item.at),
      text: () => item.lines.join('\n'),
      lineHeight: height / fs,
      textAnchor: 'start',
      lineAnchor: 'middle',
      fill: 'currentColor',
      className: 'chart__annotation-text',
    });
    if (annotation.kind === 'range') {
      const to = axes.x!(annotation.to, 'end');
      behind.push(Plot.rect([item], { x1: () => item.at, x2: () => to, fill: 'currentColor', fillOpacity: 0.6, className: 'chart__annotation-range' }));
    } else {
      // A rule through the plot at that x, dashed so it is not read as data.
      above.push(Plot.ruleX([item], { x: () => item.at, stroke: 'currentColor', strokeDasharray: '3,3', className: 'chart__annotation' }));
      if (annotation.kind === 'note' && !axes.valueAcross && annotation.y !== undefined) {
        above.push(Plot.dot([annotation], { x: () => item.at, y: 'y', r: fs * 0.3, fill: 'currentColor', className: 'chart__annotation' }));
      }
    }
    above.push(text);
  }
  if (axes.valueAcross) return { behind, above };
  // At a value of an upright axis: a rule across, its text along the rule inside the plot, at
  // the first place clear of the chart's labels and of the texts on other lines: the rule's
  // right end, above or below, then its left end, then as many rows further from the rule as
  // it takes.
  const taken: Box[] = [...(axes.labels ?? [])];
  const row = rowHeight(layout);
  const bottom = axes.py?.(0) ?? Infinity;
  for (const annotation of annotations.filter(atValue)) {
    const lines = wrapText(textIn(annotation.text, lang)!, plotWidth.right - plotWidth.left - PAD, fs);
    const width = Math.max(...lines.map((line) => textWidth(line, fs)));
    const height = lines.length * row;
    const y = axes.py?.(annotation.y) ?? 0;
    const distances = Array.from({ length: Number.isFinite(bottom) ? Math.ceil(bottom / row) : 4 }, (_, k) => k);
    const spots = distances.flatMap((away) =>
      [plotWidth.right - width, plotWidth.left + PAD].flatMap((left) =>
        [false, true].map((below) => {
          const offset = PAD + away * row;
          return {
            left,
            below,
            offset,
            box: { left, right: left + width, top: below ? y + offset : y - offset - height, bottom: below ? y + offset + height : y - offset },
          };
        }),
      ),
    );
    const clear = (box: Box) =>
      box.top >= 0 &&
      box.bottom <= bottom &&
      taken.every((other) => box.right <= other.left || other.right <= box.left || box.bottom <= other.top || other.bottom <= box.top);
    const spot = spots.find((candidate) => clear(candidate.box)) ?? spots[0]!;
    taken.push(spot.box);
    above.push(Plot.ruleY([annotation], { y: 'y', stroke: 'currentColor', strokeDasharray: '3,3', className: 'chart__annotation' }));
    above.push(
      Plot.text([{ ...annotation, text: lines.join('\n') }], {
        y: 'y',
        frameAnchor: 'left',
        dx: spot.left - plotWidth.left,
        text: 'text',
        textAnchor: 'start',
        lineHeight: row / fs,
        lineAnchor: spot.below ? 'top' : 'bottom',
        dy: spot.below ? spot.offset : -spot.offset,
        fill: 'currentColor',
        className: 'chart__annotation-text',
      }),
    );
  }
  return { behind, above };
}

/** The band of annotation texts the chart must leave room for above its plot. */
export function annotationBand(
  annotations: readonly Annotation[],
  axes: AnnotationAxes,
  layout: Layout,
  lang: Lang,
  plotWidth: { left: number; right: number },
): number {
  return placeAnnotations(annotations, axes, layout, lang, plotWidth).height;
}

/** The annotations in words, for the chart's description. */
export function describeAnnotations(annotations: readonly Annotation[], lang: Lang, where: (value: AxisValue) => string, value: (y: number) => string): string {
  if (annotations.length === 0) return '';
  const words = strings(lang).chart.describe;
  const items = annotations.map((annotation) => {
    const text = textIn(annotation.text, lang)!;
    if (annotation.kind === 'range') return words.rangeFromTo(text, where(annotation.from), where(annotation.to));
    const at = [annotation.x === undefined ? undefined : where(annotation.x), annotation.y === undefined ? undefined : value(annotation.y)]
      .filter(Boolean)
      .join(', ');
    return annotation.kind === 'note' ? words.noteAt(text, at) : words.lineAt(text, at);
  });
  return words.annotations(items);
}
