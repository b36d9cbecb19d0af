import type { Aggregate, AggregateRow } from '../contract/index.ts';
// Hand-made aggregates in the shape the data step writes, for the chart tests.

function aggregate(id: string, partial: Partial<Aggregate> & Pick<Aggregate, 'dimensions' | 'rows'>): Aggregate {
  return {
    id,
    description: id,
    flow: 'import',
    currency: 'CNY',
    period: { start: '2023-01', end: '2023-10' },
    measures: ['value', 'records'],
    synthetic: true,
    sources: ['kp-imports-2023.csv'],
    ...partial,
  };
}

const PRODUCTS: [string, string, string, number][] = [
  ['wigs', 'Wigs and false eyelashes', '', 1_080_412_000],
  ['ferrosilicon', 'Ferrosilicon', 'minerals', 181_530_000],
  ['tungsten', 'Tungsten ore', 'minerals', 151_920_000],
  ['molybdenum', 'Molybdenum ore', 'minerals', 98_400_000],
  ['electricity', 'Electricity', '', 71_200_000],
  ['silicon-carbide', 'Silicon carbide', 'minerals', 64_800_000],
  ['shoe-uppers', 'Shoe uppers', '', 40_100_000],
  ['graphite', 'Graphite', 'minerals', 33_700_000],
  ['bristles', 'Pig bristles and hair', '', 21_000_000],
  ['watch-movements', 'Watch movements', '', 17_300_000],
  ['hs-03074310', '冻鱿鱼', '', 9_000_000],
  ['hs-92099200', 'Parts of musical instruments', '', 1_200_000],
];

export function topImports(): Aggregate {
  return aggregate('top-imports-2023', {
    dimensions: ['product'],
    rows: PRODUCTS.map(([product, product_label, product_group, value], k) => ({
      product, product_label, product_group, value, records: 10, rank: k + 1,
    })),
  });
}

const MINERALS = PRODUCTS.filter(([, , group]) => group === 'minerals');

export function mineralsByYear(): Aggregate {
  const scale: Record<number, number> = { 2019: 0.6, 2021: 0.02, 2022: 0.7, 2023: 1 };
  const rows: AggregateRow[] = [];
  for (const year of [2019, 2021, 2022, 2023]) {
    for (const [product, product_label, product_group, value] of MINERALS) {
      const amount = product === 'silicon-carbide' && year === 2021 ? 0 : Math.round(value * scale[year]!);
      rows.push({ year, product, product_label, product_group, value: amount, records: amount ? 4 : 0 });
    }
  }
  return aggregate('minerals-by-year', {
    period: { start: '2019-01', end: '2023-10' },
    dimensions: ['year', 'product'],
    rows,
  });
}

export function monthlyFerrosiliconTungsten(): Aggregate {
  const rows: AggregateRow[] = [];
  for (let index = 2019 * 12; index <= 2023 * 12 + 9; index++) {
    const year = Math.floor(index / 12);
    const month = `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
    const open = year === 2019 || year >= 2022;
    for (const [product, product_label, base] of [['ferrosilicon', 'Ferrosilicon', 18e6], ['tungsten', 'Tungsten ore', 15e6]] as const) {
      const value = open ? Math.round(base * (1 + 0.3 * Math.sin(index + base / 1e6))) : 0;
      rows.push({ month, product, product_label, product_group: 'minerals', value, records: value ? 2 : 0 });
    }
  }
  return aggregate('monthly-ferrosilicon-tungsten', {
    period: { start: '2019-01', end: '2023-10' },
    dimensions: ['month', 'product'],
    rows,
  });
}

export function sanctionedExports(): Aggregate {
  const groups: [string, string, number][] = [
    ['machinery', 'Industrial machinery', 6_320_000],
    ['vehicles', 'Transport vehicles', 486_000],
    ['metals', 'Iron, steel and other metals', 2_150_000],
  ];
  const rows: AggregateRow[] = [];
  for (const year of [2022, 2023]) {
    for (const [sanction_group, sanction_label, value] of groups) {
      rows.push({ year, sanction_group, sanction_label, value: year === 2023 ? value : 0, records: year === 2023 ? 3 : 0 });
    }
  }
  return aggregate('sanctioned-exports', {
    flow: 'export',
    period: { start: '2022-01', end: '2023-10' },
    dimensions: ['year', 'sanction_group'],
    rows,
    sources: ['kp-exports-2022.csv', 'kp-exports-2023-01-10.csv'],
  });
}
