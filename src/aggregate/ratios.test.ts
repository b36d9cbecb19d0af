import { describe, expect, it } from 'vitest';
import { declarationProblems, rates, record, reference, run } from './fixtures.ts';

const AGGREGATES = `
aggregates:
  top-2023:
    flow: import
    period: 2023-01..2023-10
    group_by: [product]
    sort: [-value]
    rank: true
  top-2022:
    flow: import
    period: 2022-01..2022-10
    group_by: [product]
  by-year:
    flow: import
    years: [2022, 2023]
    months: 01..10
    group_by: [year]
`;

const RECORDS = [
  record({ hs_code: '67041100', value: 600 }),
  record({ hs_code: '72022100', value: 300 }),
  record({ hs_code: '25041010', value: 100 }),
  record({ hs_code: '72022100', value: 120, period_start: '2022-05', period_end: '2022-05' }),
  record({ hs_code: '67041100', value: 80, period_start: '2022-05', period_end: '2022-05' }),
];

const run2 = (facts: string) => run(`${AGGREGATES}facts:\n${facts}`, RECORDS);

describe('stat: share', () => {
  it("is the picked rows' part of the aggregate's total, as a ratio, with the row's label and rank", () => {
    const { facts } = run2(`
  ferrosilicon-share:
    aggregate: top-2023
    where: { product: ferrosilicon }
    stat: share
  minerals-share:
    aggregate: top-2023
    where: { product_group: minerals }
    stat: share
`);
    expect(facts['ferrosilicon-share']).toMatchObject({ value: 0.3, unit: 'percent', label: 'Ferrosilicon', names: { ko: '규소철' }, rank: 2 });
    expect(facts['minerals-share']).toMatchObject({ value: 0.4, unit: 'percent' });
    expect(facts['minerals-share']!.label).toBeUndefined();
    expect(facts['ferrosilicon-share']!.usd).toBeUndefined();
  });

  it('divides by another fact with of:', () => {
    const { facts, problems } = run2(`
  top-two-of-2023:
    aggregate: top-2023
    top: 2
    stat: share
    of: total-2023
  total-2023:
    aggregate: by-year
    where: { year: 2023 }
`);
    expect(problems).toEqual([]);
    expect(facts['top-two-of-2023']).toMatchObject({ value: 0.9, unit: 'percent' });
  });

  it('fails when its whole is zero', () => {
    const { problems } = run(
      `${AGGREGATES.replace('group_by: [year]', 'group_by: [year]\n    complete: [year]')}facts:
  nothing-2023:
    aggregate: by-year
    where: { year: 2022 }
  part:
    aggregate: top-2023
    where: { product: wigs }
    stat: share
    of: nothing-2023
`,
      RECORDS.slice(0, 3).concat(record({ hs_code: '72022100', value: 0, period_start: '2022-05', period_end: '2022-05' })),
    );
    expect(problems.map((p) => p.message)).toEqual(['fact part: its whole (fact nothing-2023) is zero']);
  });

  it('of a limited aggregate needs of:, since the rows past the limit are not in its total', () => {
    expect(
      declarationProblems(`${AGGREGATES.replace('rank: true', 'rank: true\n    limit: 2')}facts:
  s:
    aggregate: top-2023
    where: { product: wigs }
    stat: share
`),
    ).toEqual(['fact s: aggregate top-2023 keeps only its first 2 rows, so its total is not the whole; give of: <fact>']);
  });
});

describe('stat: change', () => {
  it('is to ÷ from − 1 as a ratio, with the multiple in times, and keeps the name both facts share', () => {
    const { facts, problems } = run2(`
  ferrosilicon-2022:
    aggregate: top-2022
    where: { product: ferrosilicon }
  ferrosilicon-2023:
    aggregate: top-2023
    where: { product: ferrosilicon }
  ferrosilicon-growth:
    description: Growth of ferrosilicon imports
    stat: change
    from: ferrosilicon-2022
    to: ferrosilicon-2023
  wigs-2023:
    aggregate: top-2023
    where: { product: wigs }
  wigs-against-ferrosilicon:
    stat: change
    from: ferrosilicon-2023
    to: wigs-2023
`);
    expect(problems).toEqual([]);
    expect(facts['ferrosilicon-growth']).toEqual({
      key: 'ferrosilicon-growth',
      description: 'Growth of ferrosilicon imports',
      value: 1.5,
      times: 2.5,
      unit: 'percent',
      period: { start: '2023-01', end: '2023-10' },
      aggregate: 'top-2023',
      label: 'Ferrosilicon',
      names: { en: 'Ferrosilicon', zh: '硅铁', ko: '규소철' },
      synthetic: false,
    });
    expect(facts['wigs-against-ferrosilicon']).toMatchObject({ value: 1, times: 2 });
    expect(facts['wigs-against-ferrosilicon']!.label).toBeUndefined();
  });

  it('fails from zero, and between facts in different units', () => {
    const { problems } = run(
      `${AGGREGATES}  dollars:
    flow: import
    period: 2023-01..2023-10
    convert_to: USD
    group_by: [year]
facts:
  zero-2022:
    aggregate: top-2022
    where: { product: graphite }
  graphite-2023:
    aggregate: top-2023
    where: { product: graphite }
  from-zero:
    stat: change
    from: zero-2022
    to: graphite-2023
  in-dollars:
    aggregate: dollars
    where: { year: 2023 }
  mixed:
    stat: change
    from: graphite-2023
    to: in-dollars
`,
      [...RECORDS, record({ hs_code: '25041010', value: 0, period_start: '2022-05', period_end: '2022-05' })],
      { reference: { ...reference, rates: rates({ 2023: 7 }) } },
    );
    expect(problems.map((p) => p.message)).toEqual([
      'fact from-zero: fact zero-2022 is zero, so a change from it has no ratio',
      'fact mixed: fact graphite-2023 is in CNY but fact in-dollars is in USD; a change compares like with like (restate both with convert_to)',
    ]);
  });

  it('carries the rates of the conversions its facts rest on', () => {
    const { facts } = run(
      `
aggregates:
  dollars:
    flow: import
    years: [2022, 2023]
    months: 01..10
    convert_to: USD
    group_by: [year]
facts:
  y2022:
    aggregate: dollars
    where: { year: 2022 }
  y2023:
    aggregate: dollars
    where: { year: 2023 }
  growth:
    stat: change
    from: y2022
    to: y2023
`,
      [record({ value: 67_261, period_start: '2022-03', period_end: '2022-03' }), record({ value: 140_934, period_start: '2023-03', period_end: '2023-03' })],
      { reference: { ...reference, rates: rates({ 2022: 6.7261, 2023: 7.0467 }) } },
    );
    expect(facts.growth).toMatchObject({
      value: 1,
      times: 2,
      unit: 'percent',
      conversion: {
        to: 'USD',
        rates: [
          { period: '2022', rate: 6.7261 },
          { period: '2023', rate: 7.0467 },
        ],
      },
    });
  });
});

describe('ratio declarations', () => {
  it('report every misuse of of, from and to by fact', () => {
    expect(
      declarationProblems(`${AGGREGATES}facts:
  base:
    aggregate: top-2023
    where: { product: wigs }
  base-share:
    aggregate: top-2023
    where: { product: wigs }
    stat: share
  value-with-of:
    aggregate: top-2023
    where: { product: wigs }
    of: base
  change-with-where:
    stat: change
    from: base
    to: base
    where: { product: wigs }
  change-without-to:
    stat: change
    from: base
  change-from-nowhere:
    stat: change
    from: nowhere
    to: base
  share-of-a-share:
    aggregate: top-2023
    stat: share
    of: base-share
  share-of-itself:
    aggregate: top-2023
    stat: share
    of: share-of-itself
  ratio:
    aggregate: top-2023
    stat: mean
`),
    ).toEqual([
      'fact value-with-of: "of" goes with stat: share',
      'fact change-with-where: a change is computed from its from and to facts; "where" does not apply',
      'fact change-without-to: stat: change needs from: <fact> and to: <fact>',
      'fact change-from-nowhere: from names fact "nowhere", which is not declared',
      'fact share-of-a-share: of names fact "base-share", a ratio itself; name a fact of an amount or a count',
      'fact share-of-itself: of names the fact itself',
      'fact ratio: stat must be value, sum, min, max, count, share or change',
    ]);
  });
});
