import { describe, expect, it } from 'vitest';
import { stableStringify } from '../json.ts';
import { declarationProblems, rates, record, reference, run } from './fixtures.ts';

/** A reference whose rates table has a month's rate beside the years'. */
const withMonthly = { ...reference, rates: rates({ 2022: 6.7261, 2023: 7.0467, '2023-02': 6.8 }) };

const BY_PARTNER = `
aggregates:
  by-partner:
    flow: import
    period: 2022-01..2023-10
    convert_to: USD
    group_by: [partner]
    sort: [partner]
facts:
  korea:
    aggregate: by-partner
    where: { partner: "109" }
  russia:
    aggregate: by-partner
    where: { partner: "344" }
`;

describe('aggregates that restate values in another currency', () => {
  it('take yuan and dollar downloads together, converting only the records not already in the target currency', () => {
    const { aggregates, facts } = run(BY_PARTNER, [
      record({ partner_code: '109', currency: 'CNY', value: 7_046_700, period_start: '2023-03', period_end: '2023-03' }),
      record({ partner_code: '344', currency: 'USD', value: 500, period_start: '2023-03', period_end: '2023-03' }),
    ]);
    const aggregate = aggregates.get('by-partner')!;
    expect(aggregate.currency).toBe('USD');
    expect(aggregate.rows.map((row) => [row.partner, row.value, row.rate_periods])).toEqual([
      ['109', 1_000_000, '2023'],
      ['344', 500, ''],
    ]);
    expect(aggregate.conversion).toEqual({ to: 'USD', rates: [{ period: '2023', rate: 7.0467, source: 'PBoC 2023', source_names: { en: 'PBoC 2023' } }] });
    expect(facts.korea).toMatchObject({ value: 1_000_000, unit: 'USD', conversion: { to: 'USD', rates: [{ period: '2023', rate: 7.0467 }] } });
    // The dollar row was not converted, so its fact names no rate.
    expect(facts.russia!.conversion).toBeUndefined();
    expect(facts.russia!.usd).toBeUndefined();
  });

  it('restate dollars in yuan just as well', () => {
    const { aggregates } = run(
      `
aggregates:
  total:
    flow: import
    period: 2023-01..2023-10
    convert_to: CNY
    group_by: [year]
`,
      [record({ currency: 'USD', value: 1000 }), record({ currency: 'CNY', value: 33 })],
    );
    expect(aggregates.get('total')!.rows[0]).toMatchObject({ year: 2023, value: 7047 + 33 });
  });

  it("use a month's own rate where the table has one, and its year's otherwise", () => {
    const { aggregates } = run(
      `
aggregates:
  monthly:
    flow: import
    period: 2023-01..2023-10
    convert_to: USD
    group_by: [month]
`,
      [
        record({ value: 6_800_000, period_start: '2023-02', period_end: '2023-02' }),
        record({ value: 7_046_700, period_start: '2023-03', period_end: '2023-03' }),
      ],
      { reference: withMonthly },
    );
    const aggregate = aggregates.get('monthly')!;
    expect(aggregate.rows.map((row) => [row.month, row.value, row.rate_periods])).toEqual([
      ['2023-02', 1_000_000, '2023-02'],
      ['2023-03', 1_000_000, '2023'],
    ]);
    expect(aggregate.conversion!.rates.map((rate) => rate.period)).toEqual(['2023', '2023-02']);
  });

  it("use the year's rate for a record spanning several months of one year", () => {
    const { aggregates } = run(
      `
aggregates:
  total:
    flow: import
    period: 2023-01..2023-10
    convert_to: USD
    group_by: [year]
`,
      [record({ value: 7_046_700, period_start: '2023-01', period_end: '2023-10' })],
      { reference: withMonthly },
    );
    expect(aggregates.get('total')!.rows[0]).toMatchObject({ value: 1_000_000, rate_periods: '2023' });
  });

  it('sum each rate period exactly and round once, whatever order the records come in', () => {
    const records = [1, 2, 3, 4, 5, 6, 7].map((value, k) => record({ value, period_start: `2023-0${(k % 3) + 1}`, period_end: `2023-0${(k % 3) + 1}` }));
    const yaml = 'aggregates:\n  total:\n    flow: import\n    period: 2023-01..2023-10\n    convert_to: USD\n    group_by: [year]\n';
    const forward = run(yaml, records, { reference: withMonthly }).aggregates.get('total')!;
    const backward = run(yaml, [...records].reverse(), { reference: withMonthly }).aggregates.get('total')!;
    // 2023-02 at 6.8 (2 + 5 yuan), the rest at 7.0467: about 3.96 dollars in all.
    expect(forward.rows[0]!.value).toBe(Math.round(7 / 6.8 + 21 / 7.0467));
    expect(stableStringify(backward)).toBe(stableStringify(forward));
  });

  it('fail a record no declared rate applies to, naming its period, file and line, and convert nothing at a guess', () => {
    const missing = record({ file: 'kp-2024.csv', value: 5, period_start: '2024-03', period_end: '2024-03' });
    const { aggregates, recordProblems } = run(BY_PARTNER.replace('2022-01..2023-10', '2022-01..2024-12'), [
      missing,
      record({ file: 'kp-2024.csv', value: 6, period_start: '2024-03', period_end: '2024-03' }),
      record({ value: 7_046_700, period_start: '2023-03', period_end: '2023-03' }),
    ]);
    expect(recordProblems).toEqual([
      {
        file: 'kp-2024.csv',
        line: missing.line,
        message: 'aggregate by-partner restates CNY in USD, but rates.csv has no rate for 2024-03 nor for 2024; add the official rate and its source',
      },
    ]);
    expect(aggregates.get('by-partner')!.rows).toEqual([expect.objectContaining({ partner: '109', value: 1_000_000 })]);
  });

  it('fail a record whose months span two years, which no one rate fits', () => {
    const { recordProblems } = run(BY_PARTNER, [record({ value: 5, period_start: '2022-11', period_end: '2023-02' })]);
    expect(recordProblems.map((p) => p.message)).toEqual([
      expect.stringContaining("the record's months, 2022-11..2023-02, span more than one year, so no one rate applies"),
    ]);
  });

  it('need no rate for records already in the target currency', () => {
    const { recordProblems, aggregates } = run(BY_PARTNER.replace('2022-01..2023-10', '2024-01..2024-12'), [
      record({ currency: 'USD', value: 5, period_start: '2024-03', period_end: '2024-03' }),
    ]);
    expect(recordProblems).toEqual([]);
    expect(aggregates.get('by-partner')!.conversion).toEqual({ to: 'USD', rates: [] });
  });

  it('narrow to one currency when currency is given beside convert_to', () => {
    const { aggregates } = run(BY_PARTNER.replace('convert_to: USD', 'convert_to: USD\n    currency: CNY'), [
      record({ partner_code: '109', value: 7_046_700, period_start: '2023-03', period_end: '2023-03' }),
      record({ partner_code: '344', currency: 'USD', value: 500, period_start: '2023-03', period_end: '2023-03' }),
    ]);
    expect(aggregates.get('by-partner')!.rows.map((row) => row.partner)).toEqual(['109']);
  });

  it('leave aggregates without convert_to as they were: one currency, no conversion', () => {
    const { aggregates } = run(BY_PARTNER.replace('    convert_to: USD\n', ''), [
      record({ partner_code: '109', value: 70 }),
      record({ partner_code: '344', currency: 'USD', value: 500 }),
    ]);
    const aggregate = aggregates.get('by-partner')!;
    expect(aggregate).toMatchObject({ currency: 'CNY', rows: [{ partner: '109', value: 70, records: 1, partner_name: 'North Korea' }] });
    expect(aggregate.conversion).toBeUndefined();
    expect(aggregate.rows[0]!.rate_periods).toBeUndefined();
  });

  it('refuse a currency they cannot restate in', () => {
    expect(declarationProblems('aggregates:\n  a:\n    flow: import\n    period: 2023-01..2023-10\n    convert_to: EUR\n')).toEqual([
      'aggregate a: convert_to must be CNY or USD',
    ]);
  });
});
