import { describe, expect, it } from 'vitest';
import type { Lang } from '../../i18n/index.ts';
import { DESKTOP, PHONE, WIDE } from '../layouts.ts';
import { renderArtboard } from '../render.ts';
import { monthlyByProduct, overlaps, svgDocument, testChart, textBoxes, yaml } from '../fixtures.ts';
import { dateAt } from './time.ts';

/** The y coordinates a path passes through. */
const pathYs = (d: string) => [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((match) => Number(match[2]));

function drawn(text: string, layout = DESKTOP, lang: Lang = 'en') {
  const { spec, aggregate } = testChart(text, lang);
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  const root = svgDocument(svg);
  const shapes = [...root.querySelectorAll('path')].filter(
    (path) => /^chart__(series-\d|bar)$/.test(path.parentElement!.getAttribute('class') ?? '') && !path.getAttribute('d')!.startsWith('M-'),
  );
  const points = [...root.querySelectorAll('circle[data-value]')];
  const grid = [...root.querySelectorAll('.chart__grid line')].map((line) => Number(line.getAttribute('y1')));
  return { root, shapes, points, grid, texts: textBoxes(svg), width, height };
}

const monthly = (type: string, ...keys: string[]) => yaml(`type: ${type}`, 'aggregate: monthly-by-product', 'x: month', 'title: T', 'dek: D', ...keys);
const classed = (texts: ReturnType<typeof drawn>['texts'], name: string) => texts.filter((box) => box.classes.includes(name));

describe('type: line', () => {
  it('draws a line per series, coloured in turn, each named at its end in its colour', () => {
    const { shapes, points, texts } = drawn(monthly('line', 'colour: product'));
    expect(shapes.map((path) => path.parentElement!.getAttribute('class'))).toEqual(['chart__series-1', 'chart__series-2']);
    expect(shapes.every((path) => path.parentElement!.getAttribute('stroke') === 'currentColor' || path.getAttribute('stroke') === 'currentColor')).toBe(true);
    expect(points).toHaveLength(116);
    const ends = texts.filter((box) => box.classes.includes('chart__series-1') || box.classes.includes('chart__series-2'));
    expect(ends.map((box) => box.text)).toEqual(expect.arrayContaining(['Ferrosilicon', 'Tungsten ore']));
    expect(ends).toHaveLength(2);
    expect(overlaps(ends[0]!, ends[1]!)).toBe(false);
    expect(classed(texts, 'chart__key-label')).toEqual([]);
  });

  it('names a single line by its axis heading alone', () => {
    const { shapes, texts } = drawn(monthly('line'));
    expect(shapes).toHaveLength(1);
    expect(classed(texts, 'chart__axis-label').map((box) => box.text)).toEqual(['Imports (yuan)']);
    expect(texts.filter((box) => box.text === 'Ferrosilicon')).toEqual([]);
  });

  it.each([PHONE, DESKTOP, WIDE])('stays under the top gridline on the $name artboard', (layout) => {
    for (const text of [monthly('line', 'colour: product'), monthly('area', 'colour: product', 'stack: true'), monthly('line')]) {
      const { shapes, grid } = drawn(text, layout);
      const top = Math.min(...grid);
      for (const path of shapes) expect(Math.min(...pathYs(path.getAttribute('d')!))).toBeGreaterThanOrEqual(top - 0.01);
    }
  });

  it('shows the points of highlighted months, and hides the rest until hovered', () => {
    const { points } = drawn(monthly('line', 'highlight: [2022-05, 2023-01]'));
    const shown = points.filter((point) => point.getAttribute('fill-opacity') === '1');
    expect(shown.map((point) => [point.getAttribute('data-label'), point.getAttribute('class')])).toEqual([
      ['May 2022', 'chart__bar--highlight'],
      ['January 2023', 'chart__bar--highlight'],
    ]);
    expect(points.filter((point) => point.getAttribute('fill-opacity') === '0')).toHaveLength(56);
  });

  it("ticks years on a long series and months on a short one, in the chart's language", () => {
    // The time axis: the ticks below the plot, not the value ticks beside it.
    const axis = (text: string, lang: Lang = 'en', layout = DESKTOP) => {
      const { texts, grid } = drawn(text, layout, lang);
      return classed(texts, 'chart__axis')
        .filter((box) => box.top > Math.max(...grid))
        .map((box) => box.text);
    };
    expect(axis(monthly('line'))).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(axis(monthly('line'), 'ko')).toEqual(['2019년', '2020년', '2021년', '2022년', '2023년']);
    expect(axis(monthly('line'), 'en', PHONE)).toEqual(['2019', '2021', '2023']);
    const year = monthlyByProduct();
    year.rows = year.rows.filter((row) => String(row.month) >= '2023-01');
    const { spec, aggregate } = testChart(monthly('line'), 'en', { 'monthly-by-product': year });
    const ticks = textBoxes(renderArtboard(spec, aggregate, DESKTOP).svg)
      .filter((box) => box.classes.includes('chart__axis') && /[a-z]/.test(box.text))
      .map((box) => box.text);
    expect(ticks.slice(0, 2)).toEqual(['January 2023', 'March 2023']);
    for (const layout of [PHONE, DESKTOP]) {
      const { svg, width } = renderArtboard(spec, aggregate, layout);
      const boxes = textBoxes(svg).filter((box) => box.classes.includes('chart__axis') && /[a-z]/.test(box.text));
      for (const box of boxes) expect(box.left >= 0 && box.right <= width, `${box.text} on ${layout.name}`).toBe(true);
      for (let k = 1; k < boxes.length; k++) expect(overlaps(boxes[k - 1]!, boxes[k]!)).toBe(false);
    }
  });

  it('keeps the axis heading clear of the colour key and every other text', () => {
    const { texts } = drawn(monthly('area', 'colour: product', 'annotations:', '  - range: Closed', '    from: 2020-01', '    to: 2021-12'), PHONE);
    const heading = classed(texts, 'chart__axis-label')[0]!;
    expect(classed(texts, 'chart__key-label')).toHaveLength(2);
    for (const other of texts) if (other !== heading) expect(overlaps(heading, other), other.text).toBe(false);
  });

  it('keeps every text inside the artboard', () => {
    for (const layout of [PHONE, DESKTOP, WIDE]) {
      const { texts, width, height } = drawn(monthly('line', 'colour: product'), layout);
      for (const box of texts) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, box.text).toBeLessThanOrEqual(width + 0.5);
        expect(box.top, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.bottom, box.text).toBeLessThanOrEqual(height + 0.5);
      }
    }
  });
});

describe('type: area', () => {
  it('draws see-through areas from zero, or stacks them opaque with stack: true', () => {
    const overlaid = drawn(monthly('area', 'colour: product'));
    expect(overlaid.shapes.map((path) => path.parentElement!.getAttribute('fill-opacity'))).toEqual(['0.35', '0.35']);
    const stacked = drawn(monthly('area', 'colour: product', 'stack: true'));
    expect(stacked.shapes.map((path) => path.parentElement!.getAttribute('fill-opacity'))).toEqual(['0.85', '0.85']);
    // An area's outline runs along its top, then back along its base: stacked, the second's base is the first's top.
    const [first, second] = stacked.shapes.map((path) => pathYs(path.getAttribute('d')!));
    expect(second!.slice(58).reverse()).toEqual(first!.slice(0, 58));
    const [ground] = overlaid.shapes.map((path) => pathYs(path.getAttribute('d')!));
    expect(new Set(ground!.slice(58))).toEqual(new Set([Math.max(...overlaid.grid)]));
  });

  it('keys its series instead of naming them at the ends', () => {
    const { texts } = drawn(monthly('area', 'colour: product'));
    expect(classed(texts, 'chart__key-label').map((box) => box.text)).toEqual(['Ferrosilicon', 'Tungsten ore']);
    expect(texts.filter((box) => box.classes.includes('chart__series-1'))).toEqual([]);
  });
});

describe('dateAt', () => {
  it('gives the start of a month or year, or of the one after', () => {
    expect(dateAt('2020-01', false)).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(dateAt('2020-12', true)).toEqual(new Date(Date.UTC(2021, 0, 1)));
    expect(dateAt(2020, true)).toEqual(new Date(Date.UTC(2021, 0, 1)));
  });
});
