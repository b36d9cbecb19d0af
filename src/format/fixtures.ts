import type { Fact, FactsFile, UsdConversion } from '../contract/index.ts';
// Facts shaped like the data step's facts.json, shared by the format and markdown tests.
// Figures follow the story brief; the dollar value is the yuan value at the 2023 rate.

const PERIOD_2023 = { start: '2023-01', end: '2023-10' };

const USD_2023: Omit<UsdConversion, 'value'> = {
  rate: 7.0467,
  rate_year: 2023,
  rate_source: "People's Bank of China, annual average of the yuan's central parity rate against the US dollar",
};

export const ferrosilicon: Fact = {
  key: 'ferrosilicon-2023',
  description: 'Imports of ferrosilicon (HS 7202.21) from North Korea',
  value: 181_530_000,
  unit: 'CNY',
  period: PERIOD_2023,
  aggregate: 'top-imports-2023',
  rank: 2,
  usd: { ...USD_2023, value: 181_530_000 / USD_2023.rate },
  synthetic: true,
};

export const tungsten: Fact = {
  key: 'tungsten-2023',
  description: 'Imports of tungsten ores and concentrates (HS 2611) from North Korea',
  value: 151_920_000,
  unit: 'CNY',
  period: PERIOD_2023,
  aggregate: 'top-imports-2023',
  rank: 3,
  usd: { ...USD_2023, value: 151_920_000 / USD_2023.rate },
  synthetic: false,
};

export const mineralCount: Fact = {
  key: 'minerals-in-top-ten-2023',
  description: 'Minerals among the ten largest imports from North Korea',
  value: 5,
  unit: 'count',
  period: PERIOD_2023,
  aggregate: 'top-imports-2023',
  synthetic: false,
};

export const machineryExports: Fact = {
  key: 'machinery-exports-2023',
  description: 'Exports of machinery (HS 84) to North Korea',
  value: 6_372_000,
  unit: 'CNY',
  period: PERIOD_2023,
  aggregate: 'banned-exports-2023',
  synthetic: false,
};

export const sampleFacts: FactsFile = Object.fromEntries([ferrosilicon, tungsten, mineralCount, machineryExports].map((fact) => [fact.key, fact]));
