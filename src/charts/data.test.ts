import { describe, expect, it } from 'vitest';
import type { Aggregate } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { readChartData } from './data.ts';
import { parseChartDefinition } from './definition.ts';
import { nameOf } from './names.ts';
import { monthlyByProduct, productsByYear, rankedProducts, yaml } from './fixtures.ts';

/** The chart's data as the definition (a few keys over a base) reads it. */
function dataOf(aggregate: Aggregate, keys: string[], lang: Lang = 'en') {
  const definition = parseChartDefinition(yaml(...keys, 'title: T', 'dek: D'), { lang });
  return readChartData(aggregate, definition, lang);
}

const ranked = (...keys: string[]) => dataOf(rankedProducts(), ['type: bar', 'aggregate: ranked-products', 'x: product', ...keys]);
const byYear = (...keys: string[]) => dataOf(productsByYear(), ['type: column', 'aggregate: products-by-year', 'x: product', 'colour: year', ...keys]);
const labels = (data: { categories: { label: string }[] }) => data.categories.map((category) => category.label);

describe('readChartData', () => {
  it('makes a category per value of x and one series of the measure, named for the flow and unit', () => {
    const data = ranked();
    expect(data.categories).toHaveLength(12);
    expect(data.categories[1]).toEqual({ key: 'ferrosilicon', label: 'Ferrosilicon', highlight: false });
    expect(data.series.map((s) => s.label)).toEqual(['Imports (yuan)']);
    expect(data.series[0]!.values.slice(0, 2)).toEqual([1_080_412_000, 181_530_000]);
    expect(data).toMatchObject({ lang: 'en', time: false, highlighting: false, hideZero: false });
  });

  it('makes a series per value of colour, a cell per category and series', () => {
    const data = byYear();
    expect(labels(data)).toEqual(['Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Silicon carbide', 'Graphite']);
    expect(data.series.map((s) => s.label)).toEqual(['2019', '2021', '2022', '2023']);
    expect(data.series.map((s) => s.values[3])).toEqual([38_880_000, 0, 45_360_000, 64_800_000]);
  });

  it('adds up rows that share x, summing the other dimensions away', () => {
    const aggregate = monthlyByProduct();
    const data = dataOf(aggregate, ['type: line', 'aggregate: monthly-by-product', 'x: month']);
    const january = aggregate.rows.filter((row) => row.month === '2019-01').reduce((sum, row) => sum + Number(row.value), 0);
    expect(data.series).toHaveLength(1);
    expect(data.series[0]!.values[0]).toBe(january);
  });

  it('puts time in order with dates and names it in the language', () => {
    const aggregate = monthlyByProduct();
    aggregate.rows.reverse();
    const data = dataOf(aggregate, ['type: line', 'aggregate: monthly-by-product', 'x: month', 'colour: product']);
    expect(data.time).toBe(true);
    expect(data.categories).toHaveLength(58);
    expect(data.categories[0]).toMatchObject({ key: '2019-01', label: 'January 2019', date: new Date(Date.UTC(2019, 0, 1)) });
    expect(data.categories.at(-1)).toMatchObject({ key: '2023-10', label: 'October 2023' });
    const korean = dataOf(aggregate, ['type: line', 'aggregate: monthly-by-product', 'x: month', 'colour: product'], 'ko');
    expect(korean.categories[0]!.label).toBe('2019년 1월');
    expect(korean.series.map((s) => s.label)).toEqual(['텅스텐광', '규소철']);
  });

  it('names categories in the story language, falling back to English, then the label the data gives', () => {
    const data = dataOf(rankedProducts(), ['type: bar', 'aggregate: ranked-products', 'x: product'], 'ko');
    expect(labels(data).slice(0, 4)).toEqual(['가발', '규소철', '텅스텐광', 'Molybdenum ore']);
    expect(data.series[0]!.label).toBe('수입(위안)');
    const aggregate = rankedProducts();
    delete aggregate.names;
    expect(nameOf(aggregate, 'product', 'hs-03074310', 'ko', aggregate.rows[10])).toBe('冻鱿鱼');
    expect(nameOf(aggregate, 'product', 'unknown', 'en')).toBe('unknown');
    expect(nameOf(aggregate, 'year', '2023', 'ko')).toBe('2023년');
  });

  describe('sort', () => {
    it('puts bars by value and columns in data order unless told', () => {
      const aggregate = rankedProducts();
      aggregate.rows.reverse();
      const bars = dataOf(aggregate, ['type: bar', 'aggregate: ranked-products', 'x: product']);
      expect(labels(bars).slice(0, 2)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon']);
      const columns = dataOf(aggregate, ['type: column', 'aggregate: ranked-products', 'x: product']);
      expect(labels(columns).slice(0, 2)).toEqual(['Parts of musical instruments', '冻鱿鱼']);
    });

    it('sorts by the total of every series, or by one series', () => {
      expect(labels(byYear('sort: value'))).toEqual(['Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Silicon carbide', 'Graphite']);
      const aggregate = productsByYear();
      for (const row of aggregate.rows) if (row.product === 'graphite' && row.year === 2021) row.value = 10_000_000;
      const data = dataOf(aggregate, ['type: column', 'aggregate: products-by-year', 'x: product', 'colour: year', 'sort: { series: "2021" }']);
      expect(labels(data)[0]).toBe('Graphite');
      expect(data.series[1]!.values[0]).toBe(10_000_000);
    });

    it('sorts by label in the language, by the data, or in a fixed order with the rest after', () => {
      expect(labels(byYear('sort: label'))).toEqual(['Ferrosilicon', 'Graphite', 'Molybdenum ore', 'Silicon carbide', 'Tungsten ore']);
      expect(labels(ranked('sort: data')).at(-1)).toBe('Parts of musical instruments');
      expect(labels(byYear('sort: [graphite, Tungsten ore]'))).toEqual(['Graphite', 'Tungsten ore', 'Ferrosilicon', 'Molybdenum ore', 'Silicon carbide']);
    });
  });

  it('keeps the first N with top, after sorting', () => {
    expect(labels(ranked('top: 3', 'sort: label'))).toEqual(['Electricity', 'Ferrosilicon', 'Graphite']);
  });

  it('drops with hide_zero the items and series zero everywhere, before top counts', () => {
    const aggregate = productsByYear();
    for (const row of aggregate.rows) if (row.product === 'graphite' || row.year === 2021) row.value = 0;
    const keys = ['type: column', 'aggregate: products-by-year', 'x: product', 'colour: year'];
    expect(dataOf(aggregate, keys).series).toHaveLength(4);
    const data = dataOf(aggregate, [...keys, 'hide_zero: true']);
    expect(data.hideZero).toBe(true);
    expect(labels(data)).toEqual(['Ferrosilicon', 'Tungsten ore', 'Molybdenum ore', 'Silicon carbide']);
    expect(data.series.map((s) => s.label)).toEqual(['2019', '2022', '2023']);
    const zeroFirst = rankedProducts();
    zeroFirst.rows[0]!.value = 0;
    expect(labels(dataOf(zeroFirst, ['type: bar', 'aggregate: ranked-products', 'x: product', 'sort: data', 'top: 2', 'hide_zero: true']))).toEqual([
      'Ferrosilicon',
      'Tungsten ore',
    ]);
  });

  describe('highlight', () => {
    it('marks categories by value or by an attribute of their rows', () => {
      const byValue = ranked('highlight: [wigs, Graphite]');
      expect(byValue.categories.filter((c) => c.highlight).map((c) => c.key)).toEqual(['wigs', 'graphite']);
      expect(byValue.highlighting).toBe(true);
      const byAttribute = ranked('highlight: { product_group: minerals }');
      expect(byAttribute.categories.filter((c) => c.highlight).map((c) => c.key)).toEqual([
        'ferrosilicon',
        'tungsten',
        'molybdenum',
        'silicon-carbide',
        'graphite',
      ]);
      expect(byAttribute.series[0]!.highlight).toBe(false);
    });

    it('marks series by a value of the colour field, or an attribute match on it', () => {
      for (const data of [byYear('highlight: 2023'), byYear('highlight: { year: 2023 }')]) {
        expect(data.series.map((s) => s.highlight)).toEqual([false, false, false, true]);
        expect(data.categories.some((c) => c.highlight)).toBe(false);
        expect(data.highlighting).toBe(true);
      }
    });
  });

  describe('format: percent', () => {
    it("draws each value's share of the whole aggregate, even when top leaves some out", () => {
      const data = ranked('top: 2', 'format: percent');
      const total = rankedProducts().rows.reduce((sum, row) => sum + Number(row.value), 0);
      expect(data.series[0]!.drawn).toEqual([1_080_412_000 / total, 181_530_000 / total]);
      expect(data.series[0]!.values).toEqual([1_080_412_000, 181_530_000]);
      expect(data.format.percent).toBe(true);
    });

    it("draws with several series each one's share of its category", () => {
      const data = byYear('format: percent');
      const shares = data.series.map((s) => s.drawn[0]!);
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
      expect(shares[3]).toBeCloseTo(181_530_000 / (108_918_000 + 3_630_600 + 127_071_000 + 181_530_000), 12);
    });

    it('keeps the shares beside the amounts in every format', () => {
      const data = ranked('top: 2');
      expect(data.series[0]!.drawn).toEqual(data.series[0]!.values);
      expect(data.series[0]!.shares).toEqual(ranked('top: 2', 'format: percent').series[0]!.drawn);
    });
  });
});
