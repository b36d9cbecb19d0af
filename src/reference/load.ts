// The reference tables in data/reference/: partners, customs regimes, provinces and HS8
// names (built from GACC's code lists by `npm run reference`, with hand-kept parts), editorial
// products and groups, sanctions lists, exchange rates. They are data, edited by people, so
// every mistake is reported with the file and line it is in.
import type { Flow, Names, Problem } from '../contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';

export type Labels = { en: string; zh?: string; ko?: string };

export interface Partner {
  gacc_code: string;
  /** ISO 3166-1 codes; empty for the hand-kept partners no ISO code fits. */
  iso2: string;
  iso3: string;
  name: Labels;
  /** GACC's own names, as its code lists print them. */
  gacc_name: Names;
  /** Why the row is written by hand rather than taken from the ISO names; absent for ISO rows. */
  hand_kept?: string;
}

export interface Product {
  key: string;
  /** Commodity-code prefixes that belong to the product. */
  hs: string[];
  label: Labels;
  detail?: string;
  group?: string;
}

export interface ProductGroup {
  key: string;
  label: Labels;
  note?: string;
}

export interface SanctionGroup {
  key: string;
  label: Labels;
  hs: string[];
}

export interface SanctionList {
  id: string;
  resolution: number;
  year: number;
  paragraph: number;
  /** The customs flow the ban applies to: `export` means goods supplied to the country the list sanctions. */
  direction: Flow;
  summary: string;
  groups: SanctionGroup[];
}

export interface ExchangeRate {
  /** `YYYY` for a year's average, `YYYY-MM` for a month's. */
  period: string;
  cny_per_usd: number;
  source: string;
  /** The source in the languages the table gives (`source_ko`, `source_zh` beside `source`). */
  source_names: Names;
}

export interface Reference {
  partners: Map<string, Partner>;
  /** Customs regimes (trade modes) by their two-digit code. */
  regimes: Map<string, Labels>;
  /** Provinces of the importer or exporter by their two-digit code. */
  provinces: Map<string, Labels>;
  /** Official names of the HS8 codes, in English and Chinese. */
  hs8: Map<string, Names>;
  products: Product[];
  groups: Map<string, ProductGroup>;
  sanctions: SanctionList[];
  /** Yuan per dollar by period, `YYYY` or `YYYY-MM`. */
  rates: Map<string, ExchangeRate>;
}

export const REFERENCE_FILES = {
  partners: 'partners.csv',
  regimes: 'regimes.csv',
  provinces: 'provinces.csv',
  hs8: 'hs8-2023.csv',
  products: 'products.yaml',
  sanctions: 'sanctions.yaml',
  rates: 'rates.csv',
} as const;

const CODE_NAME_COLUMNS = ['code', 'name_en', 'name_zh', 'name_ko'] as const;

/** The columns of the CSV tables, in order: what `npm run reference` writes and loading expects. */
export const TABLE_COLUMNS = {
  partners: ['gacc_code', 'iso2', 'iso3', 'name_en', 'name_zh', 'name_ko', 'gacc_name_en', 'gacc_name_zh', 'hand_kept'],
  regimes: CODE_NAME_COLUMNS,
  provinces: CODE_NAME_COLUMNS,
  hs8: ['code', 'en', 'zh'],
  rates: ['period', 'cny_per_usd', 'source'],
} as const;

export class ReferenceError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`the reference tables have ${problems.length} problem(s)`);
    this.problems = problems;
  }
}

export async function loadReference(dir: string): Promise<Reference> {
  const problems: Problem[] = [];
  const read = async (name: string) => {
    try {
      return await readFile(join(dir, name), 'utf8');
    } catch {
      problems.push({ file: name, message: `missing from ${dir}` });
      return undefined;
    }
  };
  const [partnersText, regimesText, provincesText, hs8Text, productsText, sanctionsText, ratesText] = await Promise.all(
    Object.values(REFERENCE_FILES).map(read),
  );
  const reference: Reference = {
    partners: partnersText === undefined ? new Map() : readPartners(partnersText, problems),
    regimes: regimesText === undefined ? new Map() : readCodeNames(regimesText, REFERENCE_FILES.regimes, 'regime', problems),
    provinces: provincesText === undefined ? new Map() : readCodeNames(provincesText, REFERENCE_FILES.provinces, 'province', problems),
    hs8: hs8Text === undefined ? new Map() : readHs8(hs8Text, problems),
    ...(productsText === undefined ? { products: [], groups: new Map() } : readProducts(productsText, problems)),
    sanctions: sanctionsText === undefined ? [] : readSanctions(sanctionsText, problems),
    rates: ratesText === undefined ? new Map() : readRates(ratesText, problems),
  };
  if (problems.length > 0) throw new ReferenceError(problems);
  return reference;
}

/** A CSV table's rows, once its header is checked: a missing or renamed column is one problem, not one per row. */
function tableRows(text: string, file: string, columns: readonly string[], problems: Problem[], optional: readonly string[] = []): Record<string, string>[] {
  const rows = csvParse(text);
  const missing = columns.filter((column) => !rows.columns.includes(column));
  if (missing.length > 0) {
    problems.push({ file, line: 1, message: `the header lacks ${missing.join(', ')}; it must be ${columns.join(',')}` });
    return [];
  }
  const kept = [...columns, ...optional.filter((column) => rows.columns.includes(column))];
  return rows.map((row) => Object.fromEntries(kept.map((column) => [column, (row[column] ?? '').trim()])));
}

/** The names a row gives, under `prefix` + language (`name_en`, or plain `en`). */
function namesOf(row: Record<string, string>, prefix: string): Names {
  const names: Names = {};
  for (const lang of ['en', 'zh', 'ko'] as const) {
    const name = row[`${prefix}${lang}`];
    if (name) names[lang] = name;
  }
  return names;
}

function readPartners(text: string, problems: Problem[]): Map<string, Partner> {
  const file = REFERENCE_FILES.partners;
  const partners = new Map<string, Partner>();
  tableRows(text, file, TABLE_COLUMNS.partners, problems).forEach((row, i) => {
    const line = i + 2;
    const code = row.gacc_code!;
    const name = namesOf(row, 'name_');
    const { iso2, iso3, hand_kept } = row as Record<string, string>;
    const hasIso = /^[A-Z]{2}$/.test(iso2!) && /^[A-Z]{3}$/.test(iso3!);
    if (!/^\d{3}$/.test(code)) problems.push({ file, line, message: `gacc_code "${code}" is not a three-digit GACC partner code` });
    else if (partners.has(code)) problems.push({ file, line, message: `partner ${code} is listed twice` });
    else if (!name.en) problems.push({ file, line, message: `partner ${code} has no English name` });
    else if (!hasIso && (iso2 || iso3))
      problems.push({
        file,
        line,
        message: `partner ${code}: iso2 and iso3 must be ISO 3166-1 alpha-2 and alpha-3 codes (two and three capital letters), or both empty`,
      });
    else if (!hasIso && !hand_kept) problems.push({ file, line, message: `partner ${code} has no ISO code; say in hand_kept why none fits` });
    else {
      partners.set(code, {
        gacc_code: code,
        iso2: iso2!,
        iso3: iso3!,
        name: name as Labels,
        gacc_name: namesOf(row, 'gacc_name_'),
        ...(hand_kept ? { hand_kept } : {}),
      });
    }
  });
  return partners;
}

/** A table of two-digit codes with names in English, Chinese and Korean (regimes, provinces). */
function readCodeNames(text: string, file: string, what: string, problems: Problem[]): Map<string, Labels> {
  const names = new Map<string, Labels>();
  tableRows(text, file, CODE_NAME_COLUMNS, problems).forEach((row, i) => {
    const line = i + 2;
    const code = row.code!;
    const name = namesOf(row, 'name_');
    if (!/^\d{2}$/.test(code)) problems.push({ file, line, message: `code "${code}" is not a two-digit GACC ${what} code` });
    else if (names.has(code)) problems.push({ file, line, message: `${what} ${code} is listed twice` });
    else if (!name.en) problems.push({ file, line, message: `${what} ${code} has no English name` });
    else names.set(code, name as Labels);
  });
  return names;
}

function readHs8(text: string, problems: Problem[]): Map<string, Names> {
  const file = REFERENCE_FILES.hs8;
  const names = new Map<string, Names>();
  tableRows(text, file, TABLE_COLUMNS.hs8, problems).forEach((row, i) => {
    const line = i + 2;
    const code = row.code!;
    const name = namesOf(row, '');
    if (!/^\d{8}$/.test(code)) problems.push({ file, line, message: `code "${code}" is not an eight-digit HS code` });
    else if (names.has(code)) problems.push({ file, line, message: `code ${code} is listed twice` });
    else if (!name.en && !name.zh) problems.push({ file, line, message: `code ${code} has no name` });
    else names.set(code, name);
  });
  return names;
}

function readRates(text: string, problems: Problem[]): Map<string, ExchangeRate> {
  const file = REFERENCE_FILES.rates;
  const rates = new Map<string, ExchangeRate>();
  tableRows(text, file, TABLE_COLUMNS.rates, problems, ['source_zh', 'source_ko']).forEach((row, i) => {
    const line = i + 2;
    const period = row.period!;
    const rate = Number(row.cny_per_usd);
    if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period)) problems.push({ file, line, message: `period "${period}" is neither a year (YYYY) nor a month (YYYY-MM)` });
    else if (!(rate > 0)) problems.push({ file, line, message: `the ${period} rate needs a positive cny_per_usd (yuan per US dollar)` });
    else if (!row.source) problems.push({ file, line, message: `the ${period} rate has no source` });
    else if (rates.has(period)) problems.push({ file, line, message: `${period} is listed twice` });
    else rates.set(period, { period, cny_per_usd: rate, source: row.source!, source_names: { ...namesOf(row, 'source_'), en: row.source! } });
  });
  return rates;
}

function yamlOf(text: string, file: string, problems: Problem[]): Record<string, unknown> {
  try {
    const value: unknown = parseYaml(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push({ file, message: 'expected a mapping at the top level' });
  } catch (error) {
    problems.push({ file, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
  return {};
}

function labelsOf(value: unknown): Labels | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const labels = value as Record<string, unknown>;
  // Only these keys: an unquoted comma in a YAML flow mapping would otherwise pass silently.
  if (typeof labels.en !== 'string' || Object.keys(labels).some((key) => !['en', 'zh', 'ko'].includes(key))) return undefined;
  return labels as Labels;
}

/** What to do about HS codes written as YAML numbers, which lose their leading zeros (08 → 8). */
export const QUOTE_CODES = 'write HS codes in quotes, as ["0101", "08"]: unquoted, YAML reads them as numbers and drops leading zeros';

/** Whether a code or list of codes holds a YAML number rather than text. */
export function hasUnquotedCodes(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((code) => typeof code === 'number');
}

function codeList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((code) => typeof code === 'string' && /^\d{2,8}$/.test(code)) ? (value as string[]) : undefined;
}

function readProducts(text: string, problems: Problem[]): { products: Product[]; groups: Map<string, ProductGroup> } {
  const file = REFERENCE_FILES.products;
  const data = yamlOf(text, file, problems);
  const groups = new Map<string, ProductGroup>();
  for (const [key, value] of Object.entries((data.groups ?? {}) as Record<string, Record<string, unknown>>)) {
    const label = labelsOf(value.label);
    if (!label) problems.push({ file, message: `group ${key} needs a label with "en" (and optionally "zh", "ko"); quote labels that contain commas` });
    else groups.set(key, { key, label, ...(typeof value.note === 'string' ? { note: value.note } : {}) });
  }
  const products: Product[] = [];
  const keys = new Set<string>();
  for (const [i, value] of ((data.products ?? []) as Record<string, unknown>[]).entries()) {
    const key = typeof value.key === 'string' ? value.key : `#${i + 1}`;
    const label = labelsOf(value.label);
    const hs = codeList(value.hs);
    const group = value.group;
    if (keys.has(key)) problems.push({ file, message: `product ${key} is listed twice` });
    keys.add(key);
    if (!/^[a-z0-9-]+$/.test(key)) problems.push({ file, message: `product ${key} needs a key of lower-case letters, digits and dashes` });
    else if (!label) problems.push({ file, message: `product ${key} needs a label with "en" (and optionally "zh", "ko"); quote labels that contain commas` });
    else if (hasUnquotedCodes(value.hs)) problems.push({ file, message: `product ${key}: ${QUOTE_CODES}` });
    else if (!hs) problems.push({ file, message: `product ${key} needs hs: a list of commodity-code prefixes (2 to 8 digits, quoted)` });
    else if (group !== undefined && (typeof group !== 'string' || !groups.has(group)))
      problems.push({ file, message: `product ${key} names group "${String(group)}", which is not declared under groups` });
    else {
      products.push({
        key,
        hs,
        label,
        ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
        ...(typeof group === 'string' ? { group } : {}),
      });
    }
  }
  return { products, groups };
}

function readSanctions(text: string, problems: Problem[]): SanctionList[] {
  const file = REFERENCE_FILES.sanctions;
  const data = yamlOf(text, file, problems);
  const lists: SanctionList[] = [];
  for (const value of (data.lists ?? []) as Record<string, unknown>[]) {
    const id = String(value.id ?? '');
    const groups: SanctionGroup[] = [];
    for (const group of (value.groups ?? []) as Record<string, unknown>[]) {
      const label = labelsOf(group.label);
      const hs = codeList(group.hs);
      if (hasUnquotedCodes(group.hs)) problems.push({ file, message: `list ${id}, group ${String(group.key)}: ${QUOTE_CODES}` });
      else if (typeof group.key !== 'string' || !label || !hs) problems.push({ file, message: `list ${id}: each group needs key, label.en and hs codes` });
      else groups.push({ key: group.key, label, hs });
    }
    const { resolution, year, paragraph, direction, summary } = value;
    if (
      !/^[a-z0-9-]+$/.test(id) ||
      typeof resolution !== 'number' ||
      typeof year !== 'number' ||
      typeof paragraph !== 'number' ||
      (direction !== 'import' && direction !== 'export') ||
      typeof summary !== 'string' ||
      groups.length === 0
    ) {
      problems.push({ file, message: `list "${id}" needs id, resolution, year, paragraph, direction (import or export), summary and groups` });
      continue;
    }
    lists.push({ id, resolution, year, paragraph, direction, summary, groups });
  }
  return lists;
}
