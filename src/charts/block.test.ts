import type { AggregatesFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { ChartBlockError, DEFAULT_CREDIT, parseChartBlock } from './block.ts';
import { renderChartFigure } from './frame.ts';
import { DESKTOP, PHONE } from './layouts.ts';
import { renderArtboard } from './render.ts';
import * as fixtures from './fixtures.ts';

const aggregates: AggregatesFile = {
  'top-imports-2023': fixtures.topImports(),
  'minerals-by-year': fixtures.mineralsByYear(),
  'monthly-ferrosilicon-tungsten': fixtures.monthlyFerrosiliconTungsten(),
};

const block = (...lines: string[]) => lines.join('\n');
const TOP = block('type: bar', 'aggregate: top-imports-2023', 'x: product', 'top: 5', 'highlight: ferrosilicon', 'title: Top five', 'dek: The five largest imports.');

/** The error a block stops with: its line within the block and its message. */
function failure(text: string): { line: number; message: string } {
  try {
    parseChartBlock(text, aggregates);
  } catch (error) {
    if (error instanceof ChartBlockError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected the block to fail');
}

describe('parseChartBlock', () => {
  it('builds a spec with the words of the block and a default credit and id', () => {
    const { spec, width } = parseChartBlock(TOP, aggregates);
    expect(spec).toMatchObject({ id: 'top-five', aggregate: 'top-imports-2023', title: 'Top five', dek: 'The five largest imports.', credit: DEFAULT_CREDIT });
    expect(spec.notes).toBeUndefined();
    expect(width).toBe('text');
  });

  it('tabulates the first `top` categories and describes them in words', () => {
    const { spec, aggregate } = parseChartBlock(TOP, aggregates);
    expect(spec.table(aggregate)).toEqual({
      columns: [{ label: 'Product' }, { label: 'Imports (yuan)', numeric: true }],
      rows: [
        ['Wigs and false eyelashes', 1_080_412_000], ['Ferrosilicon', 181_530_000], ['Tungsten ore', 151_920_000],
        ['Molybdenum ore', 98_400_000], ['Electricity', 71_200_000],
      ],
    });
    expect(spec.describe(aggregate)).toMatch(/^Wigs and false eyelashes, 1\.08 billion yuan; Ferrosilicon, 181\.53 million yuan;/);
  });

  it('splits each category by the colour field into a column per series', () => {
    const { spec, aggregate } = parseChartBlock(block('type: dot', 'aggregate: minerals-by-year', 'x: product', 'colour: year', 'title: T', 'dek: D'), aggregates);
    const table = spec.table(aggregate);
    expect(table.columns.map((c) => c.label)).toEqual(['Product', '2019 (yuan)', '2021 (yuan)', '2022 (yuan)', '2023 (yuan)']);
    expect(table.rows[0]).toEqual(['Ferrosilicon', 108_918_000, 3_630_600, 127_071_000, 181_530_000]);
  });

  it('puts time on x in order, sums other dimensions away, and names months', () => {
    const { spec, aggregate } = parseChartBlock(block('type: area', 'aggregate: monthly-ferrosilicon-tungsten', 'x: month', 'title: T', 'dek: D'), aggregates);
    const rows = spec.table(aggregate).rows;
    expect(rows).toHaveLength(58);
    expect(rows[0]![0]).toBe('January 2019');
    const january = aggregate.rows.filter((row) => row.month === '2019-01').reduce((sum, row) => sum + Number(row.value), 0);
    expect(rows[0]![1]).toBe(january);
    expect(spec.describe(aggregate)).toMatch(/^From .* in January 2019 to .* in October 2023/);
  });

  it.each(['bar', 'dot'])('draws a %s chart with a datum per mark, highlighted marks classed', (type) => {
    const { spec, aggregate } = parseChartBlock(TOP.replace('type: bar', `type: ${type}`), aggregates);
    for (const layout of [PHONE, DESKTOP]) {
      const { svg } = renderArtboard(spec, aggregate, layout);
      expect(svg.match(/data-value=/g)).toHaveLength(5);
      expect(svg.match(/class="chart__bar--highlight"/g)).toHaveLength(1);
      expect(svg).toContain('data-text="181.53 million yuan" data-value="181530000" data-label="Ferrosilicon"');
    }
  });

  it.each(['line', 'area'])('draws a %s chart with one point per month and series and names the series', (type) => {
    const { spec, aggregate } = parseChartBlock(
      block(`type: ${type}`, 'aggregate: monthly-ferrosilicon-tungsten', 'x: month', 'colour: product', 'highlight: Tungsten ore', 'title: T', 'dek: D'), aggregates);
    const { svg } = renderArtboard(spec, aggregate, DESKTOP);
    expect(svg.match(/data-value=/g)).toHaveLength(2 * 58);
    expect(svg).toContain('>Tungsten ore</text>');
    expect(svg).toContain('data-label="October 2023, Ferrosilicon"');
    // The highlighted series takes the first series colour; the other is muted.
    expect(svg).toMatch(/class="chart__series-1"><text[^>]*>Tungsten ore/);
    expect(svg).toMatch(/class="chart__bar"><text[^>]*>Ferrosilicon/);
  });

  it('renders through the same frame as a registered chart, wide when asked', () => {
    const { spec, aggregate, width } = parseChartBlock(`${TOP}\nwidth: wide\nnotes: Sample note.\nsource: Korea Customs`, aggregates);
    const html = renderChartFigure(spec, aggregate, { placement: width, csvHref: 'x.csv' });
    expect(html).toMatch(/^<figure class="chart chart--wide" id="chart-top-five">/);
    expect(html).toContain('<p class="chart__notes">Note: Sample note.</p>');
    expect(html).toContain('Source: Korea Customs. Sample data generated for this project, not GACC figures.');
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it.each([
    ['an unknown aggregate, with a suggestion', block('type: bar', 'aggregate: top-imports-2032', 'x: product', 'title: T', 'dek: D'), 2, /unknown aggregate "top-imports-2032".*Did you mean "top-imports-2023"\?/],
    ['an unknown field', block('type: bar', 'aggregate: top-imports-2023', 'title: T', 'dek: D', 'x: products'), 5, /has no field "products" for x\. Did you mean "product"\?/],
    ['an unknown colour field', block('type: bar', 'aggregate: minerals-by-year', 'x: product', 'colour: yaer', 'title: T', 'dek: D'), 4, /has no field "yaer" for colour\. Did you mean "year"\?/],
    ['a bad type', block('type: pie', 'aggregate: top-imports-2023', 'x: product', 'title: T', 'dek: D'), 1, /unknown chart type "pie".*Types: "bar", "line", "area" and "dot"/],
    ['an unknown key', block('type: bar', 'aggregate: top-imports-2023', 'x: product', 'color: product', 'title: T', 'dek: D'), 4, /unknown key "color".*Did you mean "colour"\?/],
    ['a measure that does not exist', block('type: bar', 'aggregate: top-imports-2023', 'x: product', 'y: tonnes', 'title: T', 'dek: D'), 4, /no measure "tonnes" for y/],
    ['a line over something other than time', block('type: line', 'aggregate: top-imports-2023', 'x: product', 'title: T', 'dek: D'), 3, /x must be "month" or "year"/],
    ['a highlight that matches nothing', block('type: bar', 'aggregate: top-imports-2023', 'x: product', 'highlight: ferosilicon', 'title: T', 'dek: D'), 4, /highlight "ferosilicon".*Did you mean "ferrosilicon"\?/],
    ['a missing title', block('type: bar', 'aggregate: top-imports-2023', 'x: product', 'dek: D'), 1, /needs "title:"/],
    ['YAML that does not parse', block('type: bar', 'aggregate: [top', 'x: product'), 3, /not valid YAML/],
    ['a bad width', `${TOP}\nwidth: full`, 8, /width must be "text" or "wide"/],
  ])('reports %s at its line', (_what, text, line, message) => {
    const error = failure(text);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });
});
