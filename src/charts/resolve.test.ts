import { describe, expect, it } from 'vitest';
import { parseChartDefinition } from './definition.ts';
import { resolveChart } from './resolve.ts';
import { chartFailure, testAggregates, yaml } from './fixtures.ts';

const ranked = (...extra: string[]) => yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'title: T', 'dek: D', ...extra);
const byYear = (...extra: string[]) => yaml('type: column', 'aggregate: products-by-year', 'x: product', 'colour: year', 'title: T', 'dek: D', ...extra);
const monthly = (...extra: string[]) => yaml('type: line', 'aggregate: monthly-by-product', 'x: month', 'colour: product', 'title: T', 'dek: D', ...extra);

describe('resolveChart', () => {
  it('hands back the definition with the aggregate it draws', () => {
    const aggregates = testAggregates();
    const definition = parseChartDefinition(ranked('highlight: { product_group: minerals }', 'sort: [graphite, wigs]'), { lang: 'en' });
    const resolved = resolveChart(definition, aggregates);
    expect(resolved.definition).toBe(definition);
    expect(resolved.aggregate).toBe(aggregates['ranked-products']);
  });

  it.each([
    ['the id', ranked('highlight: ferrosilicon')],
    ['the English name, in any case', ranked('highlight: [tungsten ORE, Graphite]')],
    ['a series of the colour field', byYear('highlight: 2023')],
    ['an attribute of the rows', ranked('highlight: { product_group: MINERALS }')],
    ['a series by its name', byYear('sort: { series: 2023 }')],
    ['an order by names', ranked('sort: [Graphite, wigs]')],
  ])('accepts values written as %s', (_, text) => {
    expect(() => resolveChart(parseChartDefinition(text, { lang: 'en' }), testAggregates())).not.toThrow();
  });
});

describe('mistakes against the data', () => {
  it.each([
    [
      'an unknown aggregate, with the close ones',
      ranked().replace('ranked-products', 'ranked-product'),
      2,
      /^unknown aggregate "ranked-product": it is not in aggregates\.json \(declare it in data\/aggregates\.yaml and run `npm run data`\)\. Did you mean "ranked-products"\?$/,
    ],
    [
      'an unknown aggregate, with the list when none is close',
      ranked().replace('ranked-products', 'zzz'),
      2,
      /Aggregates: "groups-by-year", "monthly-by-product", "products-by-year" and "ranked-products"\.$/,
    ],
    [
      'a field the aggregate lacks for x',
      ranked().replace('x: product', 'x: prodcut'),
      3,
      /^aggregate ranked-products has no field "prodcut" for x\. Did you mean "product"\?$/,
    ],
    [
      'a field the aggregate lacks for colour',
      byYear().replace('colour: year', 'colour: partner'),
      4,
      /^aggregate products-by-year has no field "partner" for colour\. Its fields: "year" and "product"\.$/,
    ],
    ['a measure the aggregate lacks', ranked('y: weight'), 6, /^aggregate ranked-products has no measure "weight" for y\. Measures: "value" and "records"\.$/],
    [
      'a line over something other than time',
      monthly().replace('x: month', 'x: product').replace('colour: product', 'colour: month'),
      3,
      /^a line chart runs over time: x must be "month" or "year", not "product"; use a bar, column or dot chart for "product"$/,
    ],
    ['top over time', monthly('top: 5'), 7, /^top keeps the first categories; it does not apply over time \(x: month\)$/],
    ['sort over time', monthly('sort: value'), 7, /^a chart over time \(x: month\) is always in time order; leave "sort:" out$/],
    [
      'a highlight that is no value',
      ranked('highlight: silver'),
      6,
      /^highlight "silver" is not a value of "product" in aggregate ranked-products\. Values: "wigs", "ferrosilicon"/,
    ],
    [
      'a highlight that is close to a value',
      ranked('highlight: [wigs, grafite]'),
      6,
      /^highlight "grafite" is not a value of "product" in aggregate ranked-products\. Did you mean "graphite"\?$/,
    ],
    [
      'a highlight by an attribute the rows lack',
      ranked('highlight: { product_grup: minerals }'),
      6,
      /^aggregate ranked-products has no field "product_grup" to highlight by\. Did you mean "product_group"/,
    ],
    [
      'a highlight by a value no row has',
      ranked('highlight: { product_group: metals }'),
      6,
      /^no row of aggregate ranked-products has product_group "metals"\. Values: "minerals"\.$/,
    ],
    ['a sort by a series without colour', ranked('sort: { series: "2023" }'), 6, /^sort by a series needs "colour:"/],
    [
      'a sort by a series that is not one',
      byYear('sort: { series: "2020" }'),
      7,
      /^"2020" is not a series of this chart; series: "2019", "2021", "2022" and "2023"$/,
    ],
    ['a sort order naming no value', ranked('sort: [wigs, gold]'), 6, /^"gold" in the sort order is not a value of product; values: "wigs"/],
    [
      'a column the table cannot show',
      ranked('columns: [product, price]'),
      6,
      /^"price" is not a column this chart can show\. Columns: "product", "value", "records", "highlight", "rank", "share"/,
    ],
    [
      'a highlight column without a highlight',
      ranked('columns: [product, highlight]'),
      6,
      /^the "highlight" column says which rows are highlighted, but the chart has no "highlight:"$/,
    ],
  ])('%s', (_, text, line, message) => {
    const failure = chartFailure(text);
    expect(failure.message).toMatch(message);
    expect(failure.line).toBe(line);
  });

  it.each([
    [
      'a table',
      yaml('type: table', 'aggregate: ranked-products', 'x: product', 'title: T', 'dek: D', 'annotations:', '  - line: L', '    y: 5'),
      /^a table has no axes to annotate$/,
    ],
    [
      'a bar chart at an x',
      ranked('annotations:', '  - note: N', '    x: wigs'),
      /^on a bar chart the values run across, so an annotation stands at a value: give it y/,
    ],
    [
      'a dot chart with a range',
      ranked('annotations:', '  - range: R', '    from: 1', '    to: 2').replace('type: bar', 'type: dot'),
      /^on a dot chart the values run across/,
    ],
    [
      'a month written wrongly',
      monthly('annotations:', '  - note: N', '    x: 2020-1'),
      /^x "2020-1" of an annotation must be a month written YYYY-MM, such as 2020-01$/,
    ],
    [
      'a year written wrongly',
      yaml('type: column', 'aggregate: products-by-year', 'x: year', 'title: T', 'dek: D', 'annotations:', '  - note: N', '    x: 20'),
      /^x "20" of an annotation must be a year, such as 2020$/,
    ],
    [
      'a month outside the chart',
      monthly('annotations:', '  - line: L', '    x: 2013-01'),
      /^x "2013-01" of an annotation is outside the chart, which runs from 2019-01 to 2023-10$/,
    ],
    [
      'a range outside the chart',
      monthly('annotations:', '  - range: R', '    from: 2024-01', '    to: 2024-06'),
      /^the range from 2024-01 to 2024-06 is outside the chart, which runs from 2019-01 to 2023-10$/,
    ],
    [
      'a range backwards in time',
      monthly('annotations:', '  - range: R', '    from: 2022-01', '    to: 2020-01'),
      /^a range runs from its start to its end: "from: 2022-01" comes after "to: 2020-01"$/,
    ],
    [
      'a range to a category that is none',
      byYear('annotations:', '  - range: R', '    from: graphite', '    to: wigs'),
      /^x "wigs" of an annotation is not a value of product/,
    ],
    [
      'a range backwards over columns',
      byYear('annotations:', '  - range: R', '    from: graphite', '    to: tungsten'),
      /^a range runs from its start to its end: "from: graphite" comes after "to: tungsten"$/,
    ],
    [
      'a category that is none',
      byYear('annotations:', '  - note: N', '    x: gold'),
      /^x "gold" of an annotation is not a value of product; values: "ferrosilicon"/,
    ],
  ])("annotations on %s, at the annotation's line", (_, text, message) => {
    const failure = chartFailure(text);
    expect(failure.message).toMatch(message);
    expect(failure.line).toBe(text.split('\n').indexOf('annotations:') + 2);
  });

  it("accepts a range that runs past the chart's months at one end", () => {
    expect(() =>
      resolveChart(parseChartDefinition(monthly('annotations:', '  - range: R', '    from: 2018-01', '    to: 2020-06'), { lang: 'en' }), testAggregates()),
    ).not.toThrow();
  });
});
