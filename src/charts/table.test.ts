import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { Aggregate } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { chartCsv } from './frame.ts';
import { cellNumber, cellText } from './table.ts';
import { testChart, yaml } from './fixtures.ts';

function tableOf(lines: string[], lang: Lang = 'en', change?: (aggregate: Aggregate) => void) {
  const { spec, aggregate } = testChart(yaml(...lines, 'title: T', 'dek: D', 'id: chart'), lang);
  change?.(aggregate);
  return { table: spec.table(aggregate), csv: chartCsv(spec, aggregate) };
}

const ranked = (...keys: string[]) => ['type: bar', 'aggregate: ranked-products', 'x: product', 'top: 3', ...keys];
const byYear = (...keys: string[]) => ['type: column', 'aggregate: products-by-year', 'x: product', 'colour: year', 'top: 2', ...keys];
const texts = (rows: unknown[][]) => rows.map((row) => row.map((cell) => cellText(cell as never)));

describe('chartTable', () => {
  it('shows by default what the chart draws: a row per category, the amount in full', () => {
    expect(tableOf(ranked()).table).toEqual({
      columns: [{ label: 'Product' }, { label: 'Imports (yuan)', numeric: true }],
      rows: [
        ['Wigs and false eyelashes', 1_080_412_000],
        ['Ferrosilicon', 181_530_000],
        ['Tungsten ore', 151_920_000],
      ],
    });
    const exports = tableOf(['type: bar', 'aggregate: groups-by-year', 'x: sanction_group', 'top: 1']).table;
    expect(exports.columns[1]).toEqual({ label: 'Exports (yuan)', numeric: true });
  });

  it('gives each series its own column', () => {
    const { table } = tableOf(byYear());
    expect(table.columns.map((column) => column.label)).toEqual(['Product', '2019 (yuan)', '2021 (yuan)', '2022 (yuan)', '2023 (yuan)']);
    expect(table.rows[0]).toEqual(['Ferrosilicon', 108_918_000, 3_630_600, 127_071_000, 181_530_000]);
  });

  it('shows the fields columns: names, in their order, with rank, share, highlight and new headings', () => {
    const { table } = tableOf(
      ranked('highlight: { product_group: minerals }', 'legend: Mineral', 'columns: [rank, { product: Item }, product_group, highlight, value, share]'),
    );
    expect(table.columns).toEqual([
      { label: 'Rank', numeric: true },
      { label: 'Item' },
      { label: 'Product group' },
      { label: 'Mineral' },
      { label: 'Imports (yuan)', numeric: true },
      { label: 'Share', numeric: true },
    ]);
    expect(texts(table.rows)).toEqual([
      ['1', 'Wigs and false eyelashes', '', 'No', '1080412000', '61%'],
      ['2', 'Ferrosilicon', 'minerals', 'Yes', '181530000', '10.3%'],
      ['3', 'Tungsten ore', 'minerals', 'Yes', '151920000', '8.6%'],
    ]);
    expect(cellNumber(table.rows[1]![5]!)).toBeCloseTo(0.1025, 4);
  });

  it('heads the highlight column with the legend, else the marker word, else "Highlighted"', () => {
    const heading = (...keys: string[]) => tableOf(ranked(...keys, 'columns: [product, highlight]')).table.columns[1]!.label;
    expect(heading('highlight: wigs', 'highlight_label: biggest', 'legend: The biggest')).toBe('The biggest');
    expect(heading('highlight: wigs', 'highlight_label: biggest')).toBe('biggest');
    expect(heading('highlight: wigs')).toBe('Highlighted');
  });

  it('numbers rows by their place when the aggregate has no rank', () => {
    const { table } = tableOf(byYear('columns: [rank, product]', 'sort: label'));
    expect(table.rows).toEqual([
      [1, 'Ferrosilicon'],
      [2, 'Graphite'],
    ]);
  });

  it('goes long, a row per category and series, when columns names the colour field, leaving zeros out with hide_zero', () => {
    const columns = 'columns: [product, year, value]';
    const long = tableOf(['type: bar', 'aggregate: products-by-year', 'x: product', 'colour: year', columns]).table;
    expect(long.columns.map((column) => column.label)).toEqual(['Product', 'Year', 'Imports (yuan)']);
    expect(long.rows).toHaveLength(20);
    expect(long.rows.slice(0, 2)).toEqual([
      ['Ferrosilicon', '2019', 108_918_000],
      ['Ferrosilicon', '2021', 3_630_600],
    ]);
    const hidden = tableOf(['type: bar', 'aggregate: products-by-year', 'x: product', 'colour: year', columns, 'hide_zero: true']).table;
    expect(hidden.rows).toHaveLength(19);
    expect(hidden.rows).not.toContainEqual(['Silicon carbide', '2021', 0]);
  });

  it("is written in the chart's language: headings, names, yes and no", () => {
    const { table } = tableOf(ranked('highlight: wigs', 'columns: [product, highlight, { value: { en: Amount, ko: 금액 } }, share]'), 'ko');
    expect(table.columns.map((column) => column.label)).toEqual(['품목', '강조', '금액', '비중']);
    expect(texts(table.rows).map((row) => row.slice(0, 2))).toEqual([
      ['가발', '예'],
      ['규소철', '아니요'],
      ['텅스텐광', '아니요'],
    ]);
    expect(tableOf(byYear(), 'ko').table.columns.map((column) => column.label)).toEqual([
      '품목',
      '2019년(위안)',
      '2021년(위안)',
      '2022년(위안)',
      '2023년(위안)',
    ]);
  });
});

describe('chartCsv', () => {
  it('writes the table as CSV with a header row and raw numbers', () => {
    const { csv } = tableOf(ranked('columns: [product, rank, value, share]'));
    expect(csv).toBe(
      'Product,Rank,Imports (yuan),Share\nWigs and false eyelashes,1,1080412000,61%\nFerrosilicon,2,181530000,10.3%\nTungsten ore,3,151920000,8.6%\n',
    );
  });

  it('round-trips names with commas, quotes and line breaks', () => {
    const { csv } = tableOf(ranked(), 'en', (aggregate) => {
      aggregate.names!.product!.ferrosilicon!.en = 'Ferro, "silicon"\nalloy';
    });
    const parsed = csvParse(csv);
    expect(parsed.columns).toEqual(['Product', 'Imports (yuan)']);
    expect(parsed[1]).toEqual({ Product: 'Ferro, "silicon"\nalloy', 'Imports (yuan)': '181530000' });
  });

  it("names the conversion rates on a last line, in the chart's language", () => {
    const converted = (aggregate: Aggregate) => {
      aggregate.conversion = { to: 'CNY', rates: [{ period: '2023', rate: 7.0467, source: 'PBOC' }] };
    };
    expect(tableOf(ranked(), 'en', converted).csv.trimEnd().split('\n').at(-1)).toBe('Amounts restated at 7.0467 (2023; PBOC).');
    expect(tableOf(ranked(), 'ko', converted).csv.trimEnd().split('\n').at(-1)).toBe('금액은 7.0467 (2023; PBOC)로 환산했습니다.');
  });

  it('heads its columns in Korean for a Korean chart', () => {
    expect(tableOf(ranked(), 'ko').csv.split('\n')[0]).toBe('품목,수입(위안)');
  });
});
