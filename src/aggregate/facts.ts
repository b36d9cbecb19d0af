// Named facts: the figures the prose cites, each taken from a declared aggregate, with its
// period, its rank where the aggregate is ranked, and a dollar conversion at the declared
// annual rate of its year.
import type { Aggregate, AggregateRow, Fact, FactsFile, Period, Problem } from '../contract/index.ts';
import type { ExchangeRate } from '../reference/load.ts';
import type { FactDeclaration } from './declarations.ts';

export function computeFacts(
  declarations: readonly FactDeclaration[],
  aggregates: ReadonlyMap<string, Aggregate>,
  rates: ReadonlyMap<number, ExchangeRate>,
  file: string,
): { facts: FactsFile; problems: Problem[] } {
  const facts: FactsFile = {};
  const problems: Problem[] = [];
  for (const declaration of [...declarations].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const aggregate = aggregates.get(declaration.aggregate)!;
    const rows = aggregate.rows.filter((row) => matches(row, declaration));
    const fail = (message: string) => problems.push({ file, message: `fact ${declaration.key}: ${message}` });
    if (rows.length === 0 && declaration.stat !== 'count') {
      fail(`no row of aggregate ${aggregate.id} matches ${JSON.stringify(declaration.where)}; the data may lack it, or the filter is misspelt`);
      continue;
    }
    if (declaration.stat === 'value' && rows.length > 1) {
      fail(`${rows.length} rows of aggregate ${aggregate.id} match; narrow "where" to one row or choose a stat (sum, min, max, count)`);
      continue;
    }
    const measure = declaration.measure;
    let picked: AggregateRow | undefined;
    let value: number;
    switch (declaration.stat) {
      case 'count': value = rows.length; break;
      case 'sum': value = rows.reduce((total, row) => total + Number(row[measure]), 0); break;
      case 'value': picked = rows[0]!; value = Number(picked[measure]); break;
      case 'min': picked = extreme(rows, measure, (a, b) => a < b); value = Number(picked[measure]); break;
      case 'max': picked = extreme(rows, measure, (a, b) => a > b); value = Number(picked[measure]); break;
    }
    const period = periodOf(rows, aggregate);
    const fact: Fact = {
      key: declaration.key,
      description: declaration.description,
      value,
      unit: declaration.stat === 'count' ? 'count' : measure === 'records' ? 'count' : aggregate.currency,
      period,
      aggregate: aggregate.id,
      synthetic: aggregate.synthetic,
    };
    if (picked) {
      const label = rowLabel(picked);
      if (label) fact.label = label;
      if (typeof picked.rank === 'number') fact.rank = picked.rank;
    }
    if (fact.unit === 'CNY') {
      const year = Number(period.start.slice(0, 4));
      const rate = rates.get(year);
      if (rate && period.end.startsWith(String(year))) {
        fact.usd = { value: Math.round(value / rate.cny_per_usd), rate: rate.cny_per_usd, rate_year: year, rate_source: rate.source };
      }
    }
    facts[declaration.key] = fact;
  }
  return { facts, problems };
}

function matches(row: AggregateRow, declaration: FactDeclaration): boolean {
  if (declaration.top !== undefined && !(typeof row.rank === 'number' && row.rank <= declaration.top)) return false;
  return Object.entries(declaration.where).every(([field, wanted]) => String(row[field]) === String(wanted));
}

function extreme(rows: AggregateRow[], measure: string, better: (a: number, b: number) => boolean): AggregateRow {
  return rows.reduce((best, row) => (better(Number(row[measure]), Number(best[measure])) ? row : best));
}

function rowLabel(row: AggregateRow): string | undefined {
  const label = row.product_label ?? row.sanction_label ?? row.partner_name ?? row.commodity;
  return label === undefined || label === '' ? undefined : String(label);
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
