import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, WIDE } from '../layouts.ts';
import { renderArtboard } from '../render.ts';
import { overlaps, svgDocument, testChart, textBoxes, yaml } from '../fixtures.ts';

function drawn(text: string, layout = DESKTOP, lang: 'en' | 'ko' = 'en') {
  const { spec, aggregate } = testChart(text, lang);
  const { svg, width, height } = renderArtboard(spec, aggregate, layout);
  const root = svgDocument(svg);
  const dots = [...root.querySelectorAll('circle[data-value]')].map((dot) => ({
    label: dot.getAttribute('data-label')!,
    className: dot.getAttribute('class')!,
    x: Number(dot.getAttribute('cx')),
    y: Number(dot.getAttribute('cy')),
  }));
  const grid = [...root.querySelectorAll('.chart__grid line')]
    .filter((line) => line.getAttribute('x1') === line.getAttribute('x2'))
    .map((line) => Number(line.getAttribute('x1')));
  const joins = [...root.querySelectorAll('.chart__grid line')].filter((line) => line.getAttribute('y1') === line.getAttribute('y2'));
  return { dots, grid, joins, texts: textBoxes(svg), width, height };
}

const ranked = (...keys: string[]) => yaml('type: dot', 'aggregate: ranked-products', 'x: product', 'top: 5', 'title: T', 'dek: D', ...keys);
const byYear = (...keys: string[]) => yaml('type: dot', 'aggregate: products-by-year', 'x: product', 'colour: year', 'title: T', 'dek: D', ...keys);

describe('type: dot', () => {
  it('sets a dot per category on its own row, sorted by value, further right for more', () => {
    const { dots, joins } = drawn(ranked());
    expect(dots.map((dot) => dot.label)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Electricity']);
    for (let k = 1; k < dots.length; k++) {
      expect(dots[k]!.y).toBeGreaterThan(dots[k - 1]!.y);
      expect(dots[k]!.x).toBeLessThan(dots[k - 1]!.x);
    }
    expect(joins).toHaveLength(0);
  });

  it('puts every series of a row on the same line, joined by a rule, coloured in turn', () => {
    const { dots, joins } = drawn(byYear());
    expect(dots).toHaveLength(20);
    const row = dots.slice(0, 4);
    expect(new Set(row.map((dot) => dot.y)).size).toBe(1);
    expect(row.map((dot) => dot.className)).toEqual(['chart__series-1', 'chart__series-2', 'chart__series-3', 'chart__series-4']);
    expect(joins).toHaveLength(5);
    expect(Number(joins[0]!.getAttribute('x1'))).toBeCloseTo(Math.min(...row.map((dot) => dot.x)), 1);
    expect(Number(joins[0]!.getAttribute('x2'))).toBeCloseTo(Math.max(...row.map((dot) => dot.x)), 1);
  });

  it.each([PHONE, DESKTOP, WIDE])('keeps every dot left of the last gridline on the $name artboard', (layout) => {
    for (const text of [ranked(), byYear()]) {
      const { dots, grid } = drawn(text, layout);
      for (const dot of dots) expect(dot.x).toBeLessThanOrEqual(Math.max(...grid) + 0.01);
    }
  });

  it('names rows beside the dots on desktop and above them on phones, highlighted ones with their word', () => {
    const text = ranked('highlight: { product_group: minerals }', 'highlight_label: { en: mineral, ko: 광물 }', 'id: k');
    const desktop = drawn(text);
    const labels = desktop.texts.filter((box) => box.classes.includes('chart__label') || box.classes.includes('chart__label--highlight'));
    expect(labels.map((box) => box.text).sort()).toEqual([
      'Electricity',
      'Ferrosilicon (mineral)',
      'Molybdenum ore (mineral)',
      'Tungsten ore (mineral)',
      'Wigs and false eyelashes',
    ]);
    for (const box of labels) expect(box.right).toBeLessThan(Math.min(...desktop.dots.map((dot) => dot.x)));
    const phone = drawn(text, PHONE);
    const above = phone.texts.filter((box) => box.classes.includes('chart__label'));
    for (const box of above) {
      const dot = phone.dots.find((d) => box.text === d.label)!;
      expect(box.bottom).toBeLessThan(dot.y);
    }
    expect(
      drawn(text, DESKTOP, 'ko')
        .texts.filter((box) => box.classes.includes('chart__label--highlight'))
        .map((box) => box.text),
    ).toContain('규소철(광물)');
  });

  it('keys its series above the axis, and keeps every text inside the artboard and apart, long tick labels too', () => {
    for (const [layout, format] of [PHONE, DESKTOP].flatMap(
      (layout) =>
        [
          [layout, 'short'],
          [layout, 'full'],
        ] as const,
    )) {
      const { texts, width, height } = drawn(byYear(`format: ${format}`), layout);
      expect(texts.filter((box) => box.classes.includes('chart__key-label')).map((box) => box.text)).toEqual(['2019', '2021', '2022', '2023']);
      expect(texts.filter((box) => box.classes.includes('chart__axis') && /\d/.test(box.text)).length).toBeGreaterThanOrEqual(2);
      const ticks = drawn(ranked(`format: ${format}`), layout).texts.filter((box) => box.classes.includes('chart__axis'));
      for (let k = 1; k < ticks.length; k++) expect(overlaps(ticks[k - 1]!, ticks[k]!), `${ticks[k - 1]!.text} / ${ticks[k]!.text}`).toBe(false);
      for (const box of texts) {
        expect(box.left, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, box.text).toBeLessThanOrEqual(width + 0.5);
        expect(box.top, box.text).toBeGreaterThanOrEqual(-0.5);
        expect(box.bottom, box.text).toBeLessThanOrEqual(height + 0.5);
      }
      const fixed = texts.filter((box) => box.classes.some((name) => name === 'chart__key-label' || name === 'chart__axis') || box.text === 'Imports (yuan)');
      expect(fixed.filter((box) => box.text === 'Imports (yuan)')).toHaveLength(1);
      for (const a of fixed) for (const b of fixed) if (a !== b) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
    }
  });
});
