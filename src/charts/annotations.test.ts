import { describe, expect, it } from 'vitest';
import { annotationValues, describeAnnotations, placeAnnotations, type AnnotationAxes } from './annotations.ts';
import type { Annotation } from './definition.ts';
import { DESKTOP, PHONE, WIDE } from './layouts.ts';
import { renderArtboard } from './render.ts';
import { overlaps, svgDocument, testChart, textBoxes, yaml, type TextBox } from './fixtures.ts';

const note = (text: string, x: number): Annotation => ({ kind: 'note', text: { en: text }, x, line: 1 });

/** An upright axis where x values are pixels. */
const axes: AnnotationAxes = { valueAcross: false, x: (value) => Number(value), px: (value) => Number(value), bandTop: 0 };

describe('placeAnnotations', () => {
  const plot = { left: 40, right: 620 };

  it('puts texts that would collide in rows of their own, and the rest side by side', () => {
    const { placed, height } = placeAnnotations([note('First note', 100), note('Second note', 120), note('Far away', 500)], axes, DESKTOP, 'en', plot);
    expect(placed.map((item) => item.row)).toEqual([1 - 1, 1, 0]);
    expect(height).toBe(2 * Math.round(13 * 1.4));
    const [first, second] = placed;
    expect(first!.right < second!.left || second!.right < first!.left || first!.row !== second!.row).toBe(true);
  });

  it('sets a text right of its point, left of it near the right edge, and never past the artboard', () => {
    const { placed } = placeAnnotations(
      [note('Start', 100), note('Near the end', 600), note('A long text at the very edge of the chart', 630)],
      axes,
      DESKTOP,
      'en',
      plot,
    );
    expect(placed[0]!.left).toBe(103);
    expect(placed[1]!.right).toBe(597);
    for (const item of placed) {
      expect(item.left).toBeGreaterThanOrEqual(0);
      expect(item.right).toBeLessThanOrEqual(DESKTOP.width);
    }
  });

  it('wraps a text wider than the artboard over as many rows as it needs', () => {
    const text = 'The border closed in January 2020 and the trade between the two countries all but stopped';
    const { placed, height } = placeAnnotations([note(text, 50), note('Short', 60)], axes, PHONE, 'en', { left: 30, right: 310 });
    expect(placed[0]!.lines.length).toBeGreaterThan(1);
    expect(placed[0]!.lines.join(' ')).toBe(text);
    expect(placed[1]!.row).toBe(placed[0]!.lines.length);
    expect(height).toBe((placed[0]!.lines.length + 1) * Math.round(12 * 1.4));
  });

  it('leaves lines at a value of an upright axis out of the band', () => {
    const line: Annotation = { kind: 'line', text: { en: 'Average' }, y: 5, line: 1 };
    expect(placeAnnotations([line], axes, DESKTOP, 'en', plot)).toEqual({ placed: [], height: 0 });
    expect(placeAnnotations([line], { ...axes, valueAcross: true }, DESKTOP, 'en', plot).placed).toHaveLength(1);
  });
});

describe('annotationValues', () => {
  it('lists the values the value axis must reach', () => {
    expect(
      annotationValues([
        { kind: 'line', text: { en: 'a' }, y: 5, line: 1 },
        { kind: 'note', text: { en: 'b' }, x: '2020-01', line: 2 },
        { kind: 'range', text: { en: 'c' }, from: 1, to: 2, line: 3 },
        { kind: 'note', text: { en: 'd' }, x: '2020-01', y: 7, line: 4 },
      ]),
    ).toEqual([5, 7]);
  });
});

describe('describeAnnotations', () => {
  const annotations: Annotation[] = [
    { kind: 'note', text: { en: 'Border closes', ko: '국경 폐쇄' }, x: '2020-01', line: 1 },
    { kind: 'range', text: { en: 'Closed', ko: '폐쇄' }, from: '2020-01', to: '2021-12', line: 2 },
    { kind: 'line', text: { en: 'Average', ko: '평균' }, y: 5, line: 3 },
  ];
  const where = (value: string | number) => `<${value}>`;

  it('words each annotation with where it stands', () => {
    expect(describeAnnotations(annotations, 'en', where, (y) => `${y} yuan`)).toBe(
      'Marked on the chart: "Border closes" at <2020-01>; "Closed" from <2020-01> to <2021-12>; a line for "Average" at 5 yuan.',
    );
    expect(describeAnnotations(annotations, 'ko', where, (y) => `${y}위안`)).toBe(
      "그래픽 표시: <2020-01>에 '국경 폐쇄'; <2020-01>부터 <2021-12>까지 '폐쇄'; 5위안에 '평균' 기준선.",
    );
    expect(describeAnnotations([], 'en', where, String)).toBe('');
  });
});

/** A chart of each type with every kind of annotation its axes take, long texts among them. */
const CHARTS: Record<string, string> = {
  bar: yaml(
    'type: bar',
    'aggregate: ranked-products',
    'x: product',
    'top: 5',
    'highlight: { product_group: minerals }',
    'legend: Minerals',
    'title: T',
    'dek: D',
    'annotations:',
    '  - line: A quarter of the largest import',
    '    y: 270000000',
    '  - line: Half',
    '    y: 540000000',
    '  - note: Far beyond every bar',
    '    y: 1400000000',
  ),
  column: yaml(
    'type: column',
    'aggregate: products-by-year',
    'x: year',
    'colour: product',
    'stack: true',
    'title: T',
    'dek: D',
    'annotations:',
    '  - note: Border closed',
    '    x: 2021',
    '  - range: Pandemic years',
    '    from: 2020',
    '    to: 2021',
    '  - line: Target',
    '    y: 800000000',
    '  - line: Target revised',
    '    y: 780000000',
  ),
  line: yaml(
    'type: line',
    'aggregate: monthly-by-product',
    'x: month',
    'colour: product',
    'title: T',
    'dek: D',
    'annotations:',
    '  - range: The border is closed',
    '    from: 2020-01',
    '    to: 2021-12',
    '  - note: Trade resumes after the border reopens in early 2022 to freight trains',
    '    x: 2022-01',
    '  - note: Peak',
    '    x: 2022-05',
    '    y: 23000000',
    '  - range: To the end',
    '    from: 2023-06',
    '    to: 2023-10',
  ),
  area: yaml(
    'type: area',
    'aggregate: monthly-by-product',
    'x: month',
    'colour: product',
    'stack: true',
    'title: T',
    'dek: D',
    'annotations:',
    '  - range: Closed',
    '    from: 2020-01',
    '    to: 2021-12',
    '  - line: Average',
    '    y: 30000000',
    '  - line: Reopening',
    '    x: 2022-01',
  ),
  'column with value labels': yaml(
    'type: column',
    'aggregate: products-by-year',
    'x: product',
    'colour: year',
    'stack: true',
    'title: T',
    'dek: D',
    'annotations:',
    '  - line: Target',
    '    y: 90000000',
    '  - line: A reference line with a long text that wraps on a phone',
    '    y: 100000000',
    '  - note: Note',
    '    y: 120000000',
  ),
  'line with lines close together': yaml(
    'type: line',
    'aggregate: products-by-year',
    'x: year',
    'colour: product',
    'title: T',
    'dek: D',
    'annotations:',
    '  - line: A reference line with a long text',
    '    y: 100000000',
    '  - note: Note',
    '    y: 120000000',
    '  - line: Top',
    '    y: 181000000',
  ),
  dot: yaml(
    'type: dot',
    'aggregate: products-by-year',
    'x: product',
    'colour: year',
    'title: T',
    'dek: D',
    'annotations:',
    '  - line: Plan',
    '    y: 100000000',
    '  - note: Above plan',
    '    y: 110000000',
    '  - line: Twice the plan, far past every dot',
    '    y: 400000000',
  ),
};

/** Boxes of the element's kind inside the SVG, as [left, top, right, bottom] from their attributes. */
function shapeBoxes(svg: string, selector: string): [number, number, number, number][] {
  return [...svgDocument(svg).querySelectorAll(selector)].map((element) => {
    const n = (name: string) => Number(element.getAttribute(name) ?? 0);
    if (element.localName === 'line') return [Math.min(n('x1'), n('x2')), Math.min(n('y1'), n('y2')), Math.max(n('x1'), n('x2')), Math.max(n('y1'), n('y2'))];
    return [n('x'), n('y'), n('x') + n('width'), n('y') + n('height')];
  });
}

describe.each(Object.entries(CHARTS))('annotations on a %s chart', (type, text) => {
  const { spec, aggregate, definition } = testChart(text);

  it.each([PHONE, DESKTOP, WIDE])('are drawn on the $name artboard, inside the frame and clear of every other text', (layout) => {
    const { svg, width, height } = renderArtboard(spec, aggregate, layout);
    const boxes = textBoxes(svg);
    const notes = boxes.filter((box) => box.classes.includes('chart__annotation-text'));
    const written = definition.annotations.map((annotation) => annotation.text.en!.replace(/\s+/g, ''));
    expect(notes.map((box) => box.text.replace(/\s+/g, '')).sort()).toEqual([...written].sort());
    const inside = (box: TextBox) => box.left >= -0.5 && box.right <= width + 0.5 && box.top >= -0.5 && box.bottom <= height + 0.5;
    for (const box of boxes) expect(inside(box), `${box.text} at ${box.left}–${box.right}, ${box.top}–${box.bottom} in ${width}×${height}`).toBe(true);
    for (const box of notes) {
      for (const other of boxes) if (other !== box) expect(overlaps(box, other), `"${box.text}" overlaps "${other.text}"`).toBe(false);
    }
    for (const [left, top, right, bottom] of shapeBoxes(svg, '.chart__annotation line, .chart__annotation-range rect')) {
      expect(left).toBeGreaterThanOrEqual(-0.5);
      expect(top).toBeGreaterThanOrEqual(-0.5);
      expect(right).toBeLessThanOrEqual(width + 0.5);
      expect(bottom).toBeLessThanOrEqual(height + 0.5);
    }
  });

  it('keep the band of texts clear of the data marks', () => {
    const { svg } = renderArtboard(spec, aggregate, DESKTOP);
    const across = type === 'bar' || type === 'dot';
    const inBand = new Set(definition.annotations.filter((a) => across || a.kind === 'range' || a.x !== undefined).map((a) => a.text.en!));
    const band = textBoxes(svg).filter((box) => box.classes.includes('chart__annotation-text') && inBand.has(box.text));
    expect(band).toHaveLength(inBand.size);
    const marks = shapeBoxes(svg, 'rect[data-value], circle[data-value]');
    for (const box of band) {
      for (const [left, top, right, bottom] of marks) {
        expect(box.left < right && left < box.right && box.top < bottom && top < box.bottom, `"${box.text}" over a mark`).toBe(false);
      }
    }
  });

  it('are part of the description', () => {
    const description = spec.describe(aggregate);
    expect(description).toContain('Marked on the chart: ');
    for (const annotation of definition.annotations) expect(description).toContain(annotation.text.en!);
  });

  it('widen the value axis to reach every value they stand at', () => {
    const { svg, width } = renderArtboard(spec, aggregate, DESKTOP);
    const reach = Math.max(0, ...annotationValues(definition.annotations));
    if (type.startsWith('column ')) return;
    if (type === 'bar') {
      // No axis: the rule at the farthest value stands inside the artboard, past the longest bar.
      const rules = shapeBoxes(svg, '.chart__annotation line').map(([left]) => left);
      const longest = Math.max(...shapeBoxes(svg, 'rect[data-value]').map(([, , right]) => right));
      expect(Math.max(...rules)).toBeGreaterThan(longest);
      expect(Math.max(...rules)).toBeLessThan(width);
    } else if (reach > 0) {
      const ticks = textBoxes(svg)
        .filter((box) => box.classes.includes('chart__axis'))
        .map((box) => shortNumber(box.text));
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(reach);
    }
  });
});

/** "800M" → 800000000: a tick as the short format writes it. */
function shortNumber(text: string): number {
  const match = /^([\d.]+)([KMB]?)$/.exec(text);
  return match ? Number(match[1]) * ({ '': 1, K: 1e3, M: 1e6, B: 1e9 } as Record<string, number>)[match[2]!]! : Number.NaN;
}

describe('a rule at a value on a bar chart', () => {
  it('runs along the bars, not through the key and the texts above them', () => {
    const { spec, aggregate } = testChart(CHARTS.bar!);
    const { svg } = renderArtboard(spec, aggregate, DESKTOP);
    const firstBar = Math.min(...shapeBoxes(svg, 'rect[data-value]').map(([, top]) => top));
    const keyBottom = Math.max(
      ...textBoxes(svg)
        .filter((box) => box.classes.includes('chart__key-label') || box.classes.includes('chart__annotation-text'))
        .map((box) => box.bottom),
    );
    for (const [, top] of shapeBoxes(svg, '.chart__annotation line')) {
      expect(top).toBeGreaterThanOrEqual(keyBottom - 1);
      expect(top).toBeLessThanOrEqual(firstBar);
    }
  });
});
