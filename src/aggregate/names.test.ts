import { describe, expect, it } from 'vitest';
import { stableStringify } from '../json.ts';
import { record, run } from './fixtures.ts';

describe('names of dimension values in every language', () => {
  it('come from products.yaml for editorial products and from the HS8 list for other codes', () => {
    const { aggregates } = run(
      `
aggregates:
  top:
    flow: import
    period: 2023-01..2023-10
    group_by: [product]
`,
      [
        record({ hs_code: '72022100', commodity: '硅铁', value: 5 }),
        record({ hs_code: '27160000', commodity: '电力', value: 4 }),
        record({ hs_code: '99999999', commodity: '其他商品', value: 3 }),
        record({ hs_code: '99999998', commodity: 'Other goods', value: 2 }),
      ],
    );
    const aggregate = aggregates.get('top')!;
    expect(aggregate.names).toEqual({
      product: {
        ferrosilicon: { en: 'Ferrosilicon', zh: '硅铁', ko: '규소철' },
        'hs-27160000': { en: 'Electrical energy', zh: '电力' },
        // Codes the HS8 list does not know keep the download's text, in the language it is in.
        'hs-99999999': { zh: '其他商品' },
        'hs-99999998': { en: 'Other goods' },
      },
    });
    // The English label column charts read: the official English name, not GACC's Chinese text.
    expect(aggregate.rows.find((row) => row.product === 'hs-27160000')!.product_label).toBe('Electrical energy');
  });

  it('use the HS8 list for a shorter code only when one HS8 code lies under it', () => {
    const { aggregates } = run(
      `
aggregates:
  codes:
    flow: import
    period: 2023-01..2023-10
    group_by: [hs_code]
`,
      [
        record({ hs_code: '720221', commodity: 'Ferrosilicon, >55% Si' }),
        record({ hs_code: '250410', commodity: 'Natural graphite, powder or flakes' }),
        record({ hs_code: '2716', commodity: '电能' }),
      ],
    );
    const aggregate = aggregates.get('codes')!;
    expect(aggregate.names!.hs_code).toEqual({
      720221: { en: 'Ferrosilicon, containing by weight more than 55% of silicon', zh: '按重量计含硅量在55%以上的硅铁' },
      // Two HS8 codes (25041010, 25041090) lie under 250410: the list does not decide its name.
      250410: { en: 'Natural graphite, powder or flakes' },
      2716: { en: 'Electrical energy', zh: '电力' },
    });
    // The commodity column stays GACC's own text.
    expect(aggregate.rows.find((row) => row.hs_code === '2716')!.commodity).toBe('电能');
  });

  it('come from the reference tables for partners, trade modes and places, and from the download otherwise', () => {
    const { aggregates } = run(
      `
aggregates:
  by-partner:
    flow: import
    period: 2023-01..2023-10
    group_by: [partner, trade_mode, place]
`,
      [
        record({ partner_code: '109', partner: '朝鲜', trade_mode_code: '19', trade_mode: '边境小额贸易', place_code: '22', place: '吉林省' }),
        record({ partner_code: '999', partner: '中性包装原产国别', trade_mode_code: '98', trade_mode: 'New regime', place_code: '99', place: '' }),
      ],
    );
    const aggregate = aggregates.get('by-partner')!;
    expect(aggregate.names).toEqual({
      partner: { 109: { en: 'North Korea', zh: '朝鲜', ko: '북한' }, 999: { zh: '中性包装原产国别' } },
      trade_mode: { 19: { en: 'Border Trade', zh: '边境小额贸易', ko: '변경소액무역' }, 98: { en: 'New regime' } },
      place: { 22: { en: 'Jilin', zh: '吉林省', ko: '지린성' } },
    });
    expect(aggregate.rows.map((row) => [row.partner_name, row.trade_mode_name, row.place_name])).toEqual([
      ['North Korea', 'Border Trade', 'Jilin'],
      ['中性包装原产国别', 'New regime', ''],
    ]);
  });

  it('name sanctions groups, including those completed with zero rows, and reach the facts', () => {
    const { aggregates, facts } = run(
      `
aggregates:
  banned:
    flow: export
    period: 2023-01..2023-10
    sanctions: p7
    group_by: [sanction_group]
    complete: [sanction_group]
facts:
  machinery:
    aggregate: banned
    where: { sanction_group: machinery }
  vehicles:
    aggregate: banned
    where: { sanction_group: vehicles }
`,
      [record({ flow: 'export', hs_code: '84011000', value: 9 })],
    );
    expect(aggregates.get('banned')!.names).toEqual({ sanction_group: { machinery: { en: 'Machinery', ko: '기계' }, vehicles: { en: 'Vehicles' } } });
    expect(facts.machinery).toMatchObject({ label: 'Machinery', names: { en: 'Machinery', ko: '기계' } });
    expect(facts.vehicles).toMatchObject({ value: 0, label: 'Vehicles', names: { en: 'Vehicles' } });
  });

  it('leave out dimensions that have no names, and come out the same whatever order the records arrive in', () => {
    const yaml = `
aggregates:
  monthly:
    flow: import
    period: 2023-01..2023-10
    group_by: [month, product, partner]
`;
    const records = [
      record({ period_start: '2023-02', period_end: '2023-02', hs_code: '27160000', value: 2, partner_code: '344' }),
      record({ hs_code: '72022100', value: 1 }),
      record({ hs_code: '99999999', commodity: '其他', value: 3 }),
    ];
    const forward = run(yaml, records).aggregates.get('monthly')!;
    const backward = run(yaml, [...records].reverse()).aggregates.get('monthly')!;
    expect(Object.keys(forward.names!).sort()).toEqual(['partner', 'product']);
    expect(stableStringify(backward)).toBe(stableStringify(forward));
  });
});
