// A small reference and record maker for the aggregate tests, and a run of the declarations
// over records the way the data step runs them (builders, then facts).
import type { Aggregate, Problem, TradeRecord } from '../contract/index.ts';
import type { ExchangeRate, Reference } from '../reference/load.ts';
import { parseDeclarations } from './declarations.ts';
import { AggregateBuilder } from './engine.ts';
import { Classifier } from './classify.ts';
import { computeFacts } from './facts.ts';

export const RATE_SOURCE = 'PBoC';

export function rates(entries: Record<string, number>): Map<string, ExchangeRate> {
  return new Map(
    Object.entries(entries).map(([period, cny_per_usd]) => [
      period,
      { period, cny_per_usd, source: `${RATE_SOURCE} ${period}`, source_names: { en: `${RATE_SOURCE} ${period}` } },
    ]),
  );
}

export const reference: Reference = {
  partners: new Map([
    ['109', { gacc_code: '109', iso2: 'KP', iso3: 'PRK', name: { en: 'North Korea', zh: '朝鲜', ko: '북한' }, gacc_name: { en: 'Korea,DPR', zh: '朝鲜' } }],
    [
      '344',
      {
        gacc_code: '344',
        iso2: 'RU',
        iso3: 'RUS',
        name: { en: 'Russian Federation', zh: '俄罗斯', ko: '러시아연방' },
        gacc_name: { en: 'Russian Federation', zh: '俄罗斯联邦' },
      },
    ],
  ]),
  regimes: new Map([['19', { en: 'Border Trade', zh: '边境小额贸易', ko: '변경소액무역' }]]),
  provinces: new Map([['22', { en: 'Jilin', zh: '吉林省', ko: '지린성' }]]),
  hs8: new Map([
    ['72022100', { en: 'Ferrosilicon, containing by weight more than 55% of silicon', zh: '按重量计含硅量在55%以上的硅铁' }],
    ['27160000', { en: 'Electrical energy', zh: '电力' }],
    ['25041010', { en: 'Natural crystalline flake graphite', zh: '天然鳞片石墨' }],
    ['25041090', { en: 'Other natural graphite in powder or in flakes', zh: '其他粉末或片状天然石墨' }],
  ]),
  products: [
    { key: 'ferrosilicon', hs: ['720221'], label: { en: 'Ferrosilicon', zh: '硅铁', ko: '규소철' }, group: 'minerals' },
    { key: 'graphite', hs: ['2504', '380110'], label: { en: 'Graphite' }, group: 'minerals' },
    { key: 'wigs', hs: ['6704'], label: { en: 'Wigs' } },
  ],
  groups: new Map([['minerals', { key: 'minerals', label: { en: 'Minerals' } }]]),
  sanctions: [
    {
      id: 'p7',
      resolution: 2397,
      year: 2017,
      paragraph: 7,
      direction: 'export',
      summary: 'ban',
      groups: [
        { key: 'machinery', label: { en: 'Machinery', ko: '기계' }, hs: ['84', '85'] },
        { key: 'vehicles', label: { en: 'Vehicles' }, hs: ['86', '87', '88', '89'] },
      ],
    },
  ],
  rates: rates({ 2023: 7.0467 }),
};

let line = 1;
export function record(partial: Partial<TradeRecord>): TradeRecord {
  return {
    file: 'a.csv',
    line: ++line,
    flow: 'import',
    period_start: '2023-01',
    period_end: '2023-01',
    hs_code: '72022100',
    commodity: '',
    partner_code: '109',
    partner: '朝鲜',
    trade_mode_code: '19',
    trade_mode: '',
    place_code: '22',
    place: '',
    quantity: null,
    unit: '',
    quantity2: null,
    unit2: '',
    value: 0,
    currency: 'CNY',
    ...partial,
  };
}

export interface Run {
  aggregates: Map<string, Aggregate>;
  facts: ReturnType<typeof computeFacts>['facts'];
  /** Problems of the facts. */
  problems: Problem[];
  /** Problems of the builders: records no rate applies to. */
  recordProblems: Problem[];
}

export function run(yaml: string, records: TradeRecord[], options: { synthetic?: boolean; reference?: Reference } = {}): Run {
  const ref = options.reference ?? reference;
  const declarations = parseDeclarations(yaml, 'aggregates.yaml', ref);
  const classifier = new Classifier(ref);
  const builders = declarations.aggregates.map((d) => new AggregateBuilder(d, classifier, ref));
  for (const r of records) for (const b of builders) b.add(r, options.synthetic ?? false);
  const aggregates = new Map<string, Aggregate>(builders.map((b) => [b.declaration.id, b.finish()]));
  const { facts, problems } = computeFacts(declarations.facts, aggregates, ref.rates, 'aggregates.yaml');
  return { aggregates, facts, problems, recordProblems: builders.flatMap((b) => b.problems()) };
}

/** The problems a declaration text is refused with, or [] when it is accepted. */
export function declarationProblems(yaml: string): string[] {
  try {
    parseDeclarations(yaml, 'aggregates.yaml', reference);
    return [];
  } catch (error) {
    return (error as { problems: Problem[] }).problems.map((p) => p.message);
  }
}
