import { describe, expect, it } from 'vitest';
import { readChartData } from './data.ts';
import { DESKTOP, layoutsFor, PHONE } from './layouts.ts';
import { layoutLegend, legendItems } from './legend.ts';
import { renderArtboard } from './render.ts';
import { svgDocument, testChart, textBoxes, yaml } from './fixtures.ts';

const ranked = (...keys: string[]) => yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 6', 'title: T', 'dek: D', ...keys);
const byYear = (type: string, ...keys: string[]) =>
  yaml(`type: ${type}`, 'aggregate: products-by-year', 'x: product', 'colour: year', 'title: T', 'dek: D', ...keys);
const monthly = (type: string, ...keys: string[]) => yaml(`type: ${type}`, 'aggregate: monthly-by-product', 'x: month', 'title: T', 'dek: D', ...keys);

/** The key's items as the chart compiles them: label and colour class. */
function items(text: string, lang: 'en' | 'ko' = 'en') {
  const { definition, aggregate } = testChart(text, lang);
  return legendItems(readChartData(aggregate, definition, lang), definition, lang);
}

/** The key as drawn on every artboard: its labels, and its swatches' classes. */
function drawnKeys(text: string, lang: 'en' | 'ko' = 'en') {
  const { spec, aggregate, definition } = testChart(text, lang);
  return layoutsFor(definition.width).map((layout) => {
    const { svg } = renderArtboard(spec, aggregate, layout);
    const labels = textBoxes(svg)
      .filter((box) => box.classes.includes('chart__key-label'))
      .map((box) => box.text);
    const swatches = [...svgDocument(svg).querySelectorAll('path')]
      .filter((path) => path.getAttribute('d')?.startsWith('M-'))
      .map((path) => path.parentElement!.getAttribute('class'));
    return { labels, swatches };
  });
}

describe('the colour key', () => {
  it.each([
    ['bars of one series', ranked()],
    ['bars grouped by series, which name their series', byYear('bar')],
    ['lines, which name their series at their ends', monthly('line', 'colour: product')],
    ['a single line', monthly('line')],
    ['a single area', monthly('area')],
    ['a table', ranked().replace('type: bar', 'type: table')],
    ['columns of one series', ranked().replace('type: bar', 'type: column')],
    ['a dot per category', ranked().replace('type: bar', 'type: dot')],
  ])('is left out where colour means nothing the marks do not say: %s', (_, text) => {
    expect(items(text)).toEqual([]);
    for (const { labels, swatches } of drawnKeys(text)) {
      expect(labels).toEqual([]);
      expect(swatches).toEqual([]);
    }
  });

  it.each([
    ['stacked bars', byYear('bar', 'stack: true')],
    ['grouped columns', byYear('column')],
    ['stacked columns', byYear('column', 'stack: true')],
    ['dots', byYear('dot')],
    ['areas', monthly('area', 'colour: product')],
  ])('names every series by its colour for %s', (_, text) => {
    const series = text.includes('monthly') ? ['Ferrosilicon', 'Tungsten ore'] : ['2019', '2021', '2022', '2023'];
    expect(items(text)).toEqual(series.map((label, k) => ({ label, className: `chart__series-${k + 1}` })));
    for (const { labels, swatches } of drawnKeys(text)) {
      expect(labels).toEqual(series);
      expect(swatches).toEqual(series.map((_, k) => `chart__series-${k + 1}`));
    }
  });

  it("says what the highlight colour means in the legend's words, on every artboard", () => {
    const text = ranked('highlight: { product_group: minerals }', 'highlight_label: mineral', 'legend: Mineral for batteries');
    expect(items(text)).toEqual([{ label: 'Mineral for batteries', className: 'chart__bar--highlight' }]);
    for (const drawn of drawnKeys(text)) expect(drawn).toEqual({ labels: ['Mineral for batteries'], swatches: ['chart__bar--highlight'] });
  });

  it('falls back on the marker word, then the matched value, then the names highlighted', () => {
    expect(items(ranked('highlight: { product_group: minerals }', 'highlight_label: mineral'))[0]!.label).toBe('mineral');
    expect(items(ranked('highlight: { product_group: minerals }'))[0]!.label).toBe('minerals');
    expect(items(ranked('highlight: [wigs, tungsten]'))[0]!.label).toBe('Wigs and false eyelashes and Tungsten ore');
  });

  it('keys highlighted series with the others as "Other", and a written legend where series are named on the marks', () => {
    expect(items(byYear('dot', 'highlight: "2023"'))).toEqual([
      { label: '2023', className: 'chart__series-1' },
      { label: 'Other', className: 'chart__bar' },
    ]);
    expect(items(byYear('bar', 'highlight: "2023"'))).toEqual([]);
    expect(items(byYear('bar', 'highlight: "2023"', 'legend: The latest year'))).toEqual([{ label: 'The latest year', className: 'chart__series-1' }]);
  });

  it('keys highlighted months of a line, whose points take the highlight colour', () => {
    const text = monthly('line', 'colour: product', 'highlight: [2022-05, 2023-01]', 'legend: Record months');
    expect(items(text)).toEqual([{ label: 'Record months', className: 'chart__bar--highlight' }]);
    for (const { labels } of drawnKeys(text)) expect(labels).toEqual(['Record months']);
  });

  it("speaks the chart's language", () => {
    expect(items(byYear('dot', 'highlight: "2023"', 'id: k'), 'ko')).toEqual([
      { label: '2023년', className: 'chart__series-1' },
      { label: '기타', className: 'chart__bar' },
    ]);
    expect(items(ranked('id: k', 'highlight: { product_group: minerals }', 'legend: { en: Mineral, ko: 광물 }'), 'ko')[0]!.label).toBe('광물');
  });
});

describe('layoutLegend', () => {
  const legend = (labels: string[], layout = DESKTOP) =>
    layoutLegend(
      labels.map((label) => ({ label, className: 'chart__series-1' })),
      layout,
    );

  it('takes no room without items', () => {
    expect(legend([]).height).toBe(0);
    expect(legend([]).marks(10, 10)).toEqual([]);
  });

  it('wraps items into rows that stay inside the artboard', () => {
    const labels = ['Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Silicon carbide', 'Graphite'];
    expect(legend(labels, DESKTOP).height).toBe(Math.round(13 * 1.5) + Math.round(13 * 0.5));
    expect(legend(labels, PHONE).height).toBeGreaterThan(2 * Math.round(12 * 1.5));
    const { spec, aggregate } = testChart(byYear('column', 'stack: true').replace('x: product', 'x: year').replace('colour: year', 'colour: product'));
    const { svg, width } = renderArtboard(spec, aggregate, PHONE);
    const keys = textBoxes(svg).filter((box) => box.classes.includes('chart__key-label'));
    expect(keys.map((box) => box.text)).toEqual(labels);
    expect(new Set(keys.map((box) => box.top)).size).toBeGreaterThan(1);
    for (const box of keys) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
    }
  });
});
