// Reads the story's declared aggregates and facts (data/aggregates.yaml): which records,
// grouped how, summed how, and which figures the prose may cite. Declarations are data, so
// a new chart or figure needs no new code, and every mistake is reported by its id.
import type { Currency, Flow, Problem } from '../contract/index.ts';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { parseMonthRange, type MonthRange } from '../months.ts';
import { hasUnquotedCodes, QUOTE_CODES, type Reference } from '../reference/load.ts';

export const DIMENSIONS = ['year', 'month', 'product', 'hs_code', 'hs_chapter', 'partner', 'trade_mode', 'place', 'sanction_group'] as const;
export type DimensionName = (typeof DIMENSIONS)[number];
export const MEASURES = ['value', 'records'] as const;
export type MeasureName = (typeof MEASURES)[number];

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface AggregateDeclaration {
  id: string;
  description: string;
  flow: Flow;
  /** The currency of the aggregate's values. */
  currency: Currency;
  /** The currencies of the records it takes: only `currency` unless it converts. */
  recordCurrencies: Currency[];
  /** Set when the aggregate restates records of other currencies in `currency` at the declared rates. */
  convertTo?: Currency;
  /** The months a record must fall in: a range, optionally narrowed to some years and months of the year. */
  period: MonthRange;
  years?: number[];
  monthsOfYear?: { from: number; to: number };
  partners?: string[];
  products?: string[];
  productGroup?: string;
  sanctions?: string;
  hs?: string[];
  groupBy: DimensionName[];
  complete: DimensionName[];
  sort: SortKey[];
  rank: boolean;
  limit?: number;
}

/** Stats taken from an aggregate's rows alone. */
export const ROW_STATS = ['value', 'sum', 'min', 'max', 'count'] as const;
/** Stats that are ratios: `share` of the aggregate's total (or of another fact), `change` from one fact to another. */
export const RATIO_STATS = ['share', 'change'] as const;
export type FactStat = (typeof ROW_STATS)[number] | (typeof RATIO_STATS)[number];

export interface FactDeclaration {
  key: string;
  description: string;
  /** The aggregate the rows come from; for `change`, the `to` fact's. */
  aggregate: string;
  where: Record<string, string | number>;
  /** Only rows ranked this high or higher. */
  top?: number;
  stat: FactStat;
  measure: MeasureName;
  /** `share`: the fact whose value is the whole, instead of the aggregate's total. */
  of?: string;
  /** `change`: the facts the change runs from and to. */
  from?: string;
  to?: string;
}

export interface Declarations {
  aggregates: AggregateDeclaration[];
  facts: FactDeclaration[];
}

export class DeclarationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`the aggregate declarations have ${problems.length} problem(s)`);
    this.problems = problems;
  }
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const AGGREGATE_KEYS = new Set([
  'description',
  'flow',
  'currency',
  'convert_to',
  'period',
  'years',
  'months',
  'partner',
  'products',
  'product_group',
  'sanctions',
  'hs',
  'group_by',
  'complete',
  'sort',
  'rank',
  'limit',
]);
const FACT_KEYS = new Set(['description', 'aggregate', 'where', 'top', 'stat', 'measure', 'of', 'from', 'to']);
const CURRENCIES: readonly Currency[] = ['CNY', 'USD'];

export async function readDeclarations(path: string, name: string, reference: Reference): Promise<Declarations> {
  return parseDeclarations(await readFile(path, 'utf8'), name, reference);
}

export function parseDeclarations(text: string, file: string, reference: Reference): Declarations {
  const problems: Problem[] = [];
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(text) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new DeclarationError([{ file, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const aggregates: AggregateDeclaration[] = [];
  for (const [id, raw] of Object.entries((data.aggregates ?? {}) as Record<string, Record<string, unknown>>)) {
    const report = (message: string) => problems.push({ file, message: `aggregate ${id}: ${message}` });
    const declaration = readAggregate(id, raw ?? {}, reference, report);
    if (declaration) aggregates.push(declaration);
  }
  const byId = new Map(aggregates.map((a) => [a.id, a]));
  const rawFacts = (data.facts ?? {}) as Record<string, Record<string, unknown>>;
  const facts: FactDeclaration[] = [];
  for (const [key, raw] of Object.entries(rawFacts)) {
    const report = (message: string) => problems.push({ file, message: `fact ${key}: ${message}` });
    const declaration = readFact(key, raw ?? {}, byId, rawFacts, report);
    if (declaration) facts.push(declaration);
  }
  if (problems.length > 0) throw new DeclarationError(problems);
  return { aggregates, facts };
}

function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}

function readAggregate(id: string, raw: Record<string, unknown>, reference: Reference, report: (m: string) => void): AggregateDeclaration | undefined {
  const before = { count: 0 };
  const fail = (message: string) => {
    before.count++;
    report(message);
  };
  if (!ID.test(id)) fail('ids are lower-case letters, digits and dashes');
  for (const key of Object.keys(raw)) if (!AGGREGATE_KEYS.has(key)) fail(`unknown key "${key}"`);
  const flow = raw.flow;
  if (flow !== 'import' && flow !== 'export') fail('flow must be import or export');
  const convertTo = raw.convert_to;
  if (convertTo !== undefined && !CURRENCIES.includes(convertTo as Currency)) fail('convert_to must be CNY or USD');
  // With convert_to, `currency` narrows the records taken to one currency; without, it is the only one taken.
  const recordCurrency = raw.currency ?? (convertTo === undefined ? 'CNY' : undefined);
  if (recordCurrency !== undefined && !CURRENCIES.includes(recordCurrency as Currency)) fail('currency must be CNY or USD');
  const currency = (convertTo ?? recordCurrency) as Currency;

  let period: MonthRange | undefined;
  let years: number[] | undefined;
  let monthsOfYear: { from: number; to: number } | undefined;
  if (raw.years !== undefined) {
    years = list(raw.years)!.map(Number);
    if (years.some((y) => !Number.isInteger(y))) fail('years must be a list of years');
    const months = String(raw.months ?? '01..12');
    const match = /^(\d{1,2})\.\.(\d{1,2})$/.exec(months);
    const from = Number(match?.[1]);
    const to = Number(match?.[2]);
    if (!match || from < 1 || to > 12 || from > to) fail('months must be a range of months of the year, e.g. 01..10');
    else {
      monthsOfYear = { from, to };
      const sorted = [...years].sort((a, b) => a - b);
      period = { start: sorted[0]! * 12 + from - 1, end: sorted[sorted.length - 1]! * 12 + to - 1 };
    }
    if (raw.period !== undefined) fail('give either period or years (with months), not both');
  } else if (raw.period !== undefined) {
    try {
      period = parseMonthRange(String(raw.period));
    } catch (error) {
      fail((error as Error).message);
    }
  } else fail('needs a period (YYYY-MM..YYYY-MM) or years with months');

  const products = list(raw.products);
  for (const product of products ?? []) {
    if (!reference.products.some((p) => p.key === product)) fail(`unknown product "${product}" (see data/reference/products.yaml)`);
  }
  const productGroup = raw.product_group === undefined ? undefined : String(raw.product_group);
  if (productGroup !== undefined && !reference.groups.has(productGroup)) fail(`unknown product_group "${productGroup}"`);
  const sanctions = raw.sanctions === undefined ? undefined : String(raw.sanctions);
  if (sanctions !== undefined) {
    const sanctionList = reference.sanctions.find((s) => s.id === sanctions);
    if (!sanctionList) fail(`unknown sanctions list "${sanctions}" (see data/reference/sanctions.yaml)`);
    else if (sanctionList.direction !== flow) fail(`sanctions list ${sanctions} applies to ${sanctionList.direction}s, not ${String(flow)}s`);
  }
  const groupBy = (list(raw.group_by) ?? []) as DimensionName[];
  const complete = (list(raw.complete) ?? []) as DimensionName[];
  for (const dimension of [...groupBy, ...complete]) {
    if (!(DIMENSIONS as readonly string[]).includes(dimension)) fail(`unknown dimension "${dimension}"; use ${DIMENSIONS.join(', ')}`);
  }
  for (const dimension of complete) if (!groupBy.includes(dimension)) fail(`complete names "${dimension}", which is not in group_by`);
  if (groupBy.includes('sanction_group') && !sanctions) fail('grouping by sanction_group needs a sanctions list');
  const sort = (list(raw.sort) ?? []).map((field) => ({ field: field.replace(/^-/, ''), descending: field.startsWith('-') }));
  const limit = raw.limit === undefined ? undefined : Number(raw.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) fail('limit must be a positive whole number');
  if (hasUnquotedCodes(raw.hs)) fail(QUOTE_CODES);
  else if (raw.hs !== undefined && !(list(raw.hs) ?? []).every((code) => /^\d{2,8}$/.test(code))) fail('hs must be commodity-code prefixes of 2 to 8 digits');
  if (before.count > 0 || !period) return undefined;
  const partners = list(raw.partner);
  const hs = list(raw.hs);
  return {
    id,
    description: String(raw.description ?? id),
    flow: flow as Flow,
    currency,
    recordCurrencies: recordCurrency === undefined ? [...CURRENCIES] : [recordCurrency as Currency],
    ...(convertTo === undefined ? {} : { convertTo: convertTo as Currency }),
    period,
    ...(years ? { years } : {}),
    ...(monthsOfYear ? { monthsOfYear } : {}),
    ...(partners ? { partners } : {}),
    ...(products ? { products } : {}),
    ...(productGroup ? { productGroup } : {}),
    ...(sanctions ? { sanctions } : {}),
    ...(hs ? { hs } : {}),
    groupBy,
    complete,
    sort,
    rank: raw.rank === true,
    ...(limit ? { limit } : {}),
  };
}

function readFact(
  key: string,
  raw: Record<string, unknown>,
  aggregates: Map<string, AggregateDeclaration>,
  rawFacts: Record<string, Record<string, unknown>>,
  report: (m: string) => void,
): FactDeclaration | undefined {
  let ok = true;
  const fail = (message: string) => {
    ok = false;
    report(message);
  };
  if (!ID.test(key)) fail('keys are lower-case letters, digits and dashes');
  for (const name of Object.keys(raw)) if (!FACT_KEYS.has(name)) fail(`unknown key "${name}"`);
  const stat = (raw.stat ?? 'value') as FactStat;
  const stats: readonly string[] = [...ROW_STATS, ...RATIO_STATS];
  if (!stats.includes(stat)) {
    fail(`stat must be ${stats.slice(0, -1).join(', ')} or ${stats[stats.length - 1]}`);
    return undefined;
  }
  const allowed = stat === 'change' ? ['from', 'to'] : stat === 'share' ? ['of'] : [];
  for (const name of ['of', 'from', 'to']) {
    if (raw[name] !== undefined && !allowed.includes(name)) fail(`"${name}" goes with stat: ${name === 'of' ? 'share' : 'change'}`);
  }
  /** A fact this one is computed from: declared, and taken from rows rather than itself a ratio. */
  const referenced = (name: string): string | undefined => {
    const other = String(raw[name]);
    const declared = rawFacts[other];
    if (!declared) fail(`${name} names fact "${other}", which is not declared`);
    else if (other === key) fail(`${name} names the fact itself`);
    else if ((RATIO_STATS as readonly string[]).includes(String(declared.stat)))
      fail(`${name} names fact "${other}", a ratio itself; name a fact of an amount or a count`);
    else return other;
    return undefined;
  };
  if (stat === 'change') {
    for (const name of ['aggregate', 'where', 'top', 'measure'])
      if (raw[name] !== undefined) fail(`a change is computed from its from and to facts; "${name}" does not apply`);
    if (raw.from === undefined || raw.to === undefined) {
      fail('stat: change needs from: <fact> and to: <fact>');
      return undefined;
    }
    const from = referenced('from');
    const to = referenced('to');
    const aggregate = to === undefined ? undefined : aggregates.get(String(rawFacts[to]!.aggregate));
    if (!ok || from === undefined || !aggregate) return undefined;
    return { key, description: String(raw.description ?? key), aggregate: aggregate.id, where: {}, stat, measure: 'value', from, to };
  }
  const aggregate = aggregates.get(String(raw.aggregate));
  if (!aggregate) fail(`aggregate "${String(raw.aggregate)}" is not declared`);
  const where = (raw.where ?? {}) as Record<string, string | number>;
  for (const field of Object.keys(where)) {
    const known = aggregate && (aggregate.groupBy.includes(field as DimensionName) || ATTRIBUTE_FIELDS.has(field) || (field === 'rank' && aggregate.rank));
    if (aggregate && !known) fail(`where names "${field}", which the aggregate's rows do not have`);
  }
  const measure = (raw.measure ?? 'value') as MeasureName;
  if (!(MEASURES as readonly string[]).includes(measure)) fail(`measure must be one of ${MEASURES.join(', ')}`);
  const top = raw.top === undefined ? undefined : Number(raw.top);
  if (top !== undefined && (!Number.isInteger(top) || !aggregate?.rank)) fail('top needs a whole number and a ranked aggregate');
  const of = stat === 'share' && raw.of !== undefined ? referenced('of') : undefined;
  if (stat === 'share' && raw.of === undefined && aggregate?.limit) {
    fail(`aggregate ${aggregate.id} keeps only its first ${aggregate.limit} rows, so its total is not the whole; give of: <fact>`);
  }
  if (!ok || !aggregate) return undefined;
  return { key, description: String(raw.description ?? key), aggregate: aggregate.id, where, ...(top ? { top } : {}), stat, measure, ...(of ? { of } : {}) };
}

/** Descriptive columns that rows carry beside their dimensions, usable in `where`. */
export const ATTRIBUTE_FIELDS = new Set(['product_label', 'product_group', 'commodity', 'partner_name', 'trade_mode_name', 'place_name', 'sanction_label']);
