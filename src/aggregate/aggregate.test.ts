import { describe, expect, it } from 'vitest';
import { parseDeclarations, DeclarationError } from './declarations.ts';
import { record, reference, run } from './fixtures.ts';

describe('declared aggregates', () => {
  const records = [
    record({ hs_code: '72022100', value: 100, period_start: '2023-01', period_end: '2023-01' }),
    record({ hs_code: '72022100', value: 50, period_start: '2023-02', period_end: '2023-02', trade_mode_code: '10' }),
    record({ hs_code: '25041010', value: 30 }),
    record({ hs_code: '38011000', value: 5 }),
    record({ hs_code: '67041100', value: 500 }),
    record({ hs_code: '99999999', commodity: '其他', value: 7 }),
    record({ hs_code: '72022100', value: 1000, period_start: '2023-11', period_end: '2023-11' }),
    record({ hs_code: '72022100', value: 999, partner_code: '344' }),
    record({ hs_code: '72022100', value: 999, currency: 'USD' }),
  ];
  const yaml = `
aggregates:
  top:
    flow: import
    partner: "109"
    period: 2023-01..2023-10
    group_by: [product]
    sort: [-value]
    rank: true
facts:
  ferrosilicon:
    aggregate: top
    where: { product: ferrosilicon }
  minerals-in-top-two:
    aggregate: top
    top: 2
    where: { product_group: minerals }
    stat: count
`;

  it('groups codes into editorial products by longest prefix, ranks by value, and keeps the other codes', () => {
    const { aggregates } = run(yaml, records);
    const rows = aggregates.get('top')!.rows;
    expect(rows.map((r) => [r.rank, r.product, r.value])).toEqual([
      [1, 'wigs', 500],
      [2, 'ferrosilicon', 150],
      [3, 'graphite', 35],
      [4, 'hs-99999999', 7],
    ]);
    expect(rows[3]!.product_label).toBe('其他');
    expect(rows[1]!.product_group).toBe('minerals');
  });

  it('leaves out other partners, other currencies and months outside the period', () => {
    const { facts } = run(yaml, records);
    expect(facts.ferrosilicon!.value).toBe(150);
  });

  it('gives facts their rank, period, label and a dollar value at the declared rate', () => {
    const { facts } = run(yaml, records, { synthetic: true });
    expect(facts.ferrosilicon).toMatchObject({
      rank: 2,
      unit: 'CNY',
      label: 'Ferrosilicon',
      synthetic: true,
      period: { start: '2023-01', end: '2023-10' },
      usd: { value: Math.round(150 / 7.0467), rate: 7.0467, rate_year: 2023, rate_source: 'PBoC 2023' },
    });
    expect(facts['minerals-in-top-two']).toMatchObject({ value: 1, unit: 'count' });
  });

  it('fills zero rows for completed dimensions and sums years over the declared months only', () => {
    const exports = [
      record({ flow: 'export', hs_code: '84011000', value: 400, period_start: '2023-03', period_end: '2023-03' }),
      record({ flow: 'export', hs_code: '85011000', value: 600, period_start: '2023-10', period_end: '2023-10' }),
      record({ flow: 'export', hs_code: '85011000', value: 9, period_start: '2023-12', period_end: '2023-12' }),
      record({ flow: 'export', hs_code: '01011000', value: 9, period_start: '2022-03', period_end: '2022-03' }),
    ];
    const { aggregates, facts } = run(
      `
aggregates:
  banned:
    flow: export
    years: [2022, 2023]
    months: 01..10
    sanctions: p7
    group_by: [year, sanction_group]
    complete: [year, sanction_group]
facts:
  banned-2022:
    aggregate: banned
    where: { year: 2022 }
    stat: sum
  banned-2023-max:
    aggregate: banned
    where: { year: 2023 }
    stat: max
`,
      exports,
    );
    expect(aggregates.get('banned')!.rows.map((r) => [r.year, r.sanction_group, r.value])).toEqual([
      [2022, 'machinery', 0],
      [2022, 'vehicles', 0],
      [2023, 'machinery', 1000],
      [2023, 'vehicles', 0],
    ]);
    expect(facts['banned-2022']).toMatchObject({ value: 0, period: { start: '2022-01', end: '2022-10' } });
    expect(facts['banned-2023-max']).toMatchObject({ value: 1000, label: 'Machinery' });
  });

  it('does not split a total over several months into a monthly series', () => {
    const { aggregates } = run(
      `
aggregates:
  monthly:
    flow: import
    period: 2023-01..2023-10
    group_by: [month]
`,
      [record({ value: 3 }), record({ value: 4, period_start: '2023-01', period_end: '2023-10' })],
    );
    expect(aggregates.get('monthly')!.rows).toEqual([{ month: '2023-01', value: 3, records: 1 }]);
  });

  it('reports declaration mistakes by id, all at once', () => {
    const mistakes = () =>
      parseDeclarations(
        `
aggregates:
  broken:
    flow: imports
    period: 2023-13..2023-10
    group_by: [produce]
facts:
  orphan:
    aggregate: nowhere
`,
        'aggregates.yaml',
        reference,
      );
    expect(mistakes).toThrow(DeclarationError);
    try {
      mistakes();
    } catch (error) {
      const messages = (error as DeclarationError).problems.map((p) => p.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'aggregate broken: flow must be import or export',
          expect.stringContaining('aggregate broken: "2023-13..2023-10" is not a period'),
          expect.stringContaining('aggregate broken: unknown dimension "produce"'),
          'fact orphan: aggregate "nowhere" is not declared',
        ]),
      );
    }
  });

  it('fails a fact whose filter matches nothing, or more than one row without a stat', () => {
    const { problems } = run(
      `
aggregates:
  top:
    flow: import
    period: 2023-01..2023-10
    group_by: [product]
facts:
  missing:
    aggregate: top
    where: { product: tungsten }
  ambiguous:
    aggregate: top
`,
      records,
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('fact ambiguous: 4 rows of aggregate top match'),
      expect.stringContaining('fact missing: no row of aggregate top matches {"product":"tungsten"}'),
    ]);
  });
});
