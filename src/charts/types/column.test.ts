import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, WIDE } from '../layouts.ts';
import { renderArtboard } from '../render.ts';
import { overlaps, svgDocument, testChart, textBoxes, yaml } from '../fixtures.ts';

function drawn(text: string, layout = DESKTOP, change?: (aggregate: ReturnType<typeof testChart>['aggregate']) => void) {
  const { spec, aggregate } = testChart(text);
  change?.(aggregate);
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  const root = svgDocument(svg);
  const columns = [...root.querySelectorAll('rect[data-value]')].map((rect) => {
    const n = (name: string) => Number(rect.getAttribute(name));
    return {
      label: rect.getAttribute('data-label')!,
      value: Number(rect.getAttribute('data-value')),
      className: rect.getAttribute('class')!,
      x1: n('x'),
      x2: n('x') + n('width'),
      y1: n('y'),
      y2: n('y') + n('height'),
    };
  });
  const grid = [...root.querySelectorAll('.chart__grid line')].map((line) => Number(line.getAttribute('y1')));
  return { columns, grid, texts: textBoxes(svg), width, height };
}

const byYear = (...keys: string[]) => yaml('type: column', 'aggregate: products-by-year', 'x: year', 'colour: product', 'title: T', 'dek: D', ...keys);
const ranked = (...keys: string[]) => yaml('type: column', 'aggregate: ranked-products', 'x: product', 'top: 4', 'title: T', 'dek: D', ...keys);
const classed = (texts: ReturnType<typeof drawn>['texts'], name: string) => texts.filter((box) => box.classes.includes(name));

describe('type: column', () => {
  it('draws a column per category, rising from one baseline as high as its value', () => {
    const { columns } = drawn(ranked());
    expect(columns.map((column) => column.label)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon', 'Tungsten ore', 'Molybdenum ore']);
    expect(new Set(columns.map((column) => column.y2)).size).toBe(1);
    const heights = columns.map((column) => column.y2 - column.y1);
    expect(heights[1]! / heights[0]!).toBeCloseTo(181_530_000 / 1_080_412_000, 2);
    for (let k = 1; k < columns.length; k++) expect(columns[k]!.x1).toBeGreaterThan(columns[k - 1]!.x2);
  });

  it('sets the series of a category side by side, or stacks them with stack: true', () => {
    const grouped = drawn(byYear()).columns.slice(0, 5);
    expect(grouped.map((column) => column.label)).toEqual([
      '2019, Ferrosilicon',
      '2019, Tungsten ore',
      '2019, Molybdenum ore',
      '2019, Silicon carbide',
      '2019, Graphite',
    ]);
    for (let k = 1; k < 5; k++) expect(grouped[k]!.x1).toBeCloseTo(grouped[k - 1]!.x2, 1);
    expect(new Set(grouped.map((column) => column.y2)).size).toBe(1);
    const stacked = drawn(byYear('stack: true')).columns.slice(0, 5);
    expect(new Set(stacked.map((column) => column.x1)).size).toBe(1);
    for (let k = 1; k < 5; k++) expect(stacked[k]!.y2).toBeCloseTo(stacked[k - 1]!.y1, 1);
  });

  it.each([PHONE, DESKTOP, WIDE])('keeps every column under the top gridline on the $name artboard', (layout) => {
    for (const text of [ranked(), byYear('stack: true'), byYear()]) {
      const { columns, grid } = drawn(text, layout);
      const top = Math.min(...grid);
      for (const column of columns) expect(column.y1).toBeGreaterThanOrEqual(top - 0.01);
    }
  });

  it('covers values just past a round number too', () => {
    const { columns, grid } = drawn(ranked().replace('top: 4', 'top: 1'), DESKTOP, (aggregate) => {
      aggregate.rows[0]!.value = 1_000_000_001;
    });
    expect(columns[0]!.y1).toBeGreaterThanOrEqual(Math.min(...grid) - 0.01);
    expect(Math.min(...grid)).toBeLessThan(columns[0]!.y1 - 1);
  });

  it('writes values over single columns where they fit, and names the axis above the ticks, clear of the key', () => {
    const single = drawn(ranked());
    expect(classed(single.texts, 'chart__value').map((box) => box.text)).toEqual(['1.1B', '181.5M', '151.9M', '98.4M']);
    const stacked = drawn(byYear('stack: true'));
    const heading = classed(stacked.texts, 'chart__axis-label');
    expect(heading.map((box) => box.text)).toEqual(['Imports (yuan)']);
    for (const other of stacked.texts) if (other !== heading[0]) expect(overlaps(heading[0]!, other), other.text).toBe(false);
    const key = classed(stacked.texts, 'chart__key-label');
    expect(key.map((box) => box.text)).toEqual(['Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Silicon carbide', 'Graphite']);
    expect(heading[0]!.top).toBeGreaterThan(Math.max(...key.map((box) => box.bottom)));
  });

  it('names every category below its column, or every second one when they would crowd', () => {
    const few = classed(drawn(byYear()).texts, 'chart__tick').map((box) => box.text);
    expect(few).toEqual(['2019', '2021', '2022', '2023']);
    const many = drawn(yaml('type: column', 'aggregate: monthly-by-product', 'x: month', 'title: T', 'dek: D'), PHONE);
    const ticks = classed(many.texts, 'chart__tick');
    expect(ticks.length).toBeLessThan(58);
    expect(ticks.length).toBeGreaterThan(1);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k]!.left).toBeGreaterThan(ticks[k - 1]!.right);
  });

  it('keeps every text inside the artboard, long names under the first and last columns too', () => {
    const names = yaml('type: column', 'aggregate: ranked-products', 'x: product', 'title: T', 'dek: D');
    for (const [layout, text] of [PHONE, DESKTOP, WIDE].flatMap(
      (layout) =>
        [
          [layout, byYear('stack: true')],
          [layout, names],
        ] as const,
    )) {
      const { texts, width, height } = drawn(text, layout);
      for (const box of texts) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, box.text).toBeLessThanOrEqual(width + 0.5);
        expect(box.top, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.bottom, box.text).toBeLessThanOrEqual(height + 0.5);
      }
    }
  });

  it('colours a highlighted column and mutes the rest', () => {
    expect(drawn(ranked('highlight: tungsten')).columns.map((column) => column.className)).toEqual([
      'chart__bar',
      'chart__bar',
      'chart__bar--highlight',
      'chart__bar',
    ]);
  });
});
