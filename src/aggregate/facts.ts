// Named facts: the figures the prose cites, each taken from a declared aggregate, with its
// period, its rank where the aggregate is ranked, its names, a dollar conversion at the
// declared annual rate of its year, and the rates of any currency restating it rests on.
// Ratios come after the facts they divide: a share of the aggregate's total or of another
// fact, a change from one fact to another.
import type { Aggregate, AggregateRow, Conversion, Fact, FactsFile, Names, Period, Problem } from '../contract/index.ts';
import type { ExchangeRate } from '../reference/load.ts';
import { ROW_STATS, type FactDeclaration } from './declarations.ts';
import { RATE_PERIODS_FIELD } from './engine.ts';

/** The columns that say what a row is, by the dimension they describe, in the order a label is looked for. */
const LABEL_FIELDS = [
  ['product', 'product_label'],
  ['sanction_group', 'sanction_label'],
  ['partner', 'partner_name'],
  ['hs_code', 'commodity'],
  ['trade_mode', 'trade_mode_name'],
  ['place', 'place_name'],
] as const;

export function computeFacts(
  declarations: readonly FactDeclaration[],
  aggregates: ReadonlyMap<string, Aggregate>,
  rates: ReadonlyMap<string, ExchangeRate>,
  file: string,
): { facts: FactsFile; problems: Problem[] } {
  const facts: FactsFile = {};
  const problems: Problem[] = [];
  const rowStats: readonly string[] = ROW_STATS;
  const sorted = [...declarations].sort((a, b) => (a.key < b.key ? -1 : 1));
  // Facts of rows first: ratios divide them.
  for (const declaration of [...sorted.filter((d) => rowStats.includes(d.stat)), ...sorted.filter((d) => !rowStats.includes(d.stat))]) {
    const fail = (message: string) => problems.push({ file, message: `fact ${declaration.key}: ${message}` });
    const fact =
      declaration.stat === 'change' ? changeFact(declaration, facts, fail) : rowFact(declaration, aggregates.get(declaration.aggregate)!, facts, fail);
    if (!fact) continue;
    if (fact.unit === 'CNY') {
      const year = fact.period.start.slice(0, 4);
      const rate = rates.get(year);
      if (rate && fact.period.end.startsWith(year)) {
        fact.usd = {
          value: Math.round(fact.value / rate.cny_per_usd),
          rate: rate.cny_per_usd,
          rate_year: Number(year),
          rate_source: rate.source,
          rate_source_names: rate.source_names,
        };
      }
    }
    facts[declaration.key] = fact;
  }
  return { facts, problems };
}

function rowFact(declaration: FactDeclaration, aggregate: Aggregate, facts: FactsFile, fail: (message: string) => void): Fact | undefined {
  const rows = aggregate.rows.filter((row) => matches(row, declaration));
  if (rows.length === 0 && declaration.stat !== 'count') {
    fail(`no row of aggregate ${aggregate.id} matches ${JSON.stringify(declaration.where)}; the data may lack it, or the filter is misspelt`);
    return undefined;
  }
  if (declaration.stat === 'value' && rows.length > 1) {
    fail(`${rows.length} rows of aggregate ${aggregate.id} match; narrow "where" to one row or choose a stat (sum, min, max, count, share)`);
    return undefined;
  }
  const measure = declaration.measure;
  const amountUnit = measure === 'records' ? 'count' : aggregate.currency;
  const sum = (of: AggregateRow[]) => of.reduce((total, row) => total + Number(row[measure]), 0);
  let picked: AggregateRow | undefined;
  let value: number;
  let conversionRows = rows;
  let whole: Fact | undefined;
  switch (declaration.stat) {
    case 'count':
      value = rows.length;
      break;
    case 'sum':
      value = sum(rows);
      break;
    case 'min':
      picked = extreme(rows, measure, (a, b) => a < b);
      value = Number(picked[measure]);
      break;
    case 'max':
      picked = extreme(rows, measure, (a, b) => a > b);
      value = Number(picked[measure]);
      break;
    case 'share': {
      whole = declaration.of === undefined ? undefined : facts[declaration.of];
      if (declaration.of !== undefined && !whole) {
        fail(`its whole, fact ${declaration.of}, could not be computed`);
        return undefined;
      }
      if (whole && whole.unit !== amountUnit) {
        fail(`its part is in ${amountUnit} but fact ${declaration.of} is in ${whole.unit}; a share divides like by like`);
        return undefined;
      }
      const total = whole ? whole.value : sum(aggregate.rows);
      if (total === 0) {
        fail(`its whole (${whole ? `fact ${declaration.of}` : `the total of aggregate ${aggregate.id}`}) is zero`);
        return undefined;
      }
      if (!whole) conversionRows = aggregate.rows;
      if (rows.length === 1) picked = rows[0];
      value = sum(rows) / total;
      break;
    }
    default:
      picked = rows[0]!;
      value = Number(picked[measure]);
  }
  const ratio = declaration.stat === 'share';
  const fact: Fact = {
    key: declaration.key,
    description: declaration.description,
    value,
    unit: ratio ? 'percent' : declaration.stat === 'count' ? 'count' : amountUnit,
    period: periodOf(rows, aggregate),
    aggregate: aggregate.id,
    synthetic: aggregate.synthetic || Boolean(whole?.synthetic),
  };
  if (picked) {
    Object.assign(fact, rowNames(picked, aggregate));
    if (typeof picked.rank === 'number') fact.rank = picked.rank;
  }
  const conversion = mergeConversions([rowsConversion(conversionRows, aggregate), whole?.conversion]);
  if (conversion && declaration.stat !== 'count' && amountUnit !== 'count') fact.conversion = conversion;
  return fact;
}

function changeFact(declaration: FactDeclaration, facts: FactsFile, fail: (message: string) => void): Fact | undefined {
  const from = facts[declaration.from!];
  const to = facts[declaration.to!];
  if (!from || !to) {
    fail(`fact ${from ? declaration.to : declaration.from} could not be computed`);
    return undefined;
  }
  if (from.unit !== to.unit) {
    fail(`fact ${from.key} is in ${from.unit} but fact ${to.key} is in ${to.unit}; a change compares like with like (restate both with convert_to)`);
    return undefined;
  }
  if (from.value === 0) {
    fail(`fact ${from.key} is zero, so a change from it has no ratio`);
    return undefined;
  }
  const times = to.value / from.value;
  const fact: Fact = {
    key: declaration.key,
    description: declaration.description,
    value: times - 1,
    times,
    unit: 'percent',
    period: to.period,
    aggregate: to.aggregate,
    synthetic: from.synthetic || to.synthetic,
  };
  // A change of one thing (one product from one year to the next) keeps its name.
  if (from.label !== undefined && from.label === to.label) {
    fact.label = to.label;
    if (to.names) fact.names = to.names;
  }
  const conversion = mergeConversions([from.conversion, to.conversion]);
  if (conversion) fact.conversion = conversion;
  return fact;
}

function matches(row: AggregateRow, declaration: FactDeclaration): boolean {
  if (declaration.top !== undefined && !(typeof row.rank === 'number' && row.rank <= declaration.top)) return false;
  return Object.entries(declaration.where).every(([field, wanted]) => String(row[field]) === String(wanted));
}

function extreme(rows: AggregateRow[], measure: string, better: (a: number, b: number) => boolean): AggregateRow {
  return rows.reduce((best, row) => (better(Number(row[measure]), Number(best[measure])) ? row : best));
}

/** The picked row's English label and its names in every language, from the first dimension that describes it. */
function rowNames(row: AggregateRow, aggregate: Aggregate): { label?: string; names?: Names } {
  for (const [dimension, column] of LABEL_FIELDS) {
    const label = row[column];
    if (label === undefined || label === '') continue;
    const names = aggregate.names?.[dimension]?.[String(row[dimension])];
    return { label: String(label), ...(names ? { names } : {}) };
  }
  return {};
}

/** The rates the rows' values were restated at, or undefined when the aggregate does not convert or they needed none. */
function rowsConversion(rows: AggregateRow[], aggregate: Aggregate): Conversion | undefined {
  if (!aggregate.conversion) return undefined;
  const periods = new Set(
    rows.flatMap((row) =>
      String(row[RATE_PERIODS_FIELD] ?? '')
        .split(' ')
        .filter(Boolean),
    ),
  );
  const rates = aggregate.conversion.rates.filter((rate) => periods.has(rate.period));
  return rates.length > 0 ? { to: aggregate.conversion.to, rates } : undefined;
}

function mergeConversions(conversions: (Conversion | undefined)[]): Conversion | undefined {
  const present = conversions.filter((c): c is Conversion => c !== undefined);
  if (present.length === 0) return undefined;
  const rates = new Map(present.flatMap((c) => c.rates).map((rate) => [rate.period, rate]));
  return { to: present[0]!.to, rates: [...rates.values()].sort((a, b) => (a.period < b.period ? -1 : 1)) };
}

/** The months the matched rows cover: a year's rows cover that year's declared months. */
function periodOf(rows: AggregateRow[], aggregate: Aggregate): Period {
  const months = rows.filter((row) => typeof row.month === 'string').map((row) => String(row.month));
  if (months.length === rows.length && months.length > 0) {
    months.sort();
    return { start: months[0]!, end: months[months.length - 1]! };
  }
  const years = rows.filter((row) => typeof row.year === 'number').map((row) => Number(row.year));
  if (years.length === rows.length && years.length > 0) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    return { start: `${first}${aggregate.period.start.slice(4)}`, end: `${last}${aggregate.period.end.slice(4)}` };
  }
  return aggregate.period;
}
