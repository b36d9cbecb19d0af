// The hand-kept reference tables in data/reference/: partners, editorial products and
// groups, sanctions lists, exchange rates. They are data, edited by people, so every
// mistake is reported with the file it is in.
import type { Flow, Problem } from '../contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';

export type Labels = { en: string; zh?: string; ko?: string };

export interface Partner {
  gacc_code: string;
  iso2: string;
  iso3: string;
  name: Labels;
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
  /** The customs flow the ban applies to: `export` means goods supplied to North Korea. */
  direction: Flow;
  summary: string;
  groups: SanctionGroup[];
}

export interface ExchangeRate {
  year: number;
  cny_per_usd: number;
  source: string;
}

export interface Reference {
  partners: Map<string, Partner>;
  products: Product[];
  groups: Map<string, ProductGroup>;
  sanctions: SanctionList[];
  rates: Map<number, ExchangeRate>;
}

export const REFERENCE_FILES = {
  partners: 'partners.csv',
  products: 'products.yaml',
  sanctions: 'sanctions.yaml',
  rates: 'rates.csv',
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
  const [partnersText, productsText, sanctionsText, ratesText] = await Promise.all(
    Object.values(REFERENCE_FILES).map(read),
  );
  const reference: Reference = {
    partners: partnersText === undefined ? new Map() : readPartners(partnersText, problems),
    ...(productsText === undefined ? { products: [], groups: new Map() } : readProducts(productsText, problems)),
    sanctions: sanctionsText === undefined ? [] : readSanctions(sanctionsText, problems),
    rates: ratesText === undefined ? new Map() : readRates(ratesText, problems),
  };
  if (problems.length > 0) throw new ReferenceError(problems);
  return reference;
}

function readPartners(text: string, problems: Problem[]): Map<string, Partner> {
  const partners = new Map<string, Partner>();
  csvParse(text).forEach((row, i) => {
    const line = i + 2;
    const code = row.gacc_code ?? '';
    if (!/^\d{3}$/.test(code)) problems.push({ file: REFERENCE_FILES.partners, line, message: `gacc_code "${code}" is not a three-digit GACC partner code` });
    else if (partners.has(code)) problems.push({ file: REFERENCE_FILES.partners, line, message: `partner ${code} is listed twice` });
    else if (!row.name_en) problems.push({ file: REFERENCE_FILES.partners, line, message: `partner ${code} has no English name` });
    else {
      partners.set(code, {
        gacc_code: code,
        iso2: row.iso2 ?? '',
        iso3: row.iso3 ?? '',
        name: { en: row.name_en, ...(row.name_zh ? { zh: row.name_zh } : {}), ...(row.name_ko ? { ko: row.name_ko } : {}) },
      });
    }
  });
  return partners;
}

function readRates(text: string, problems: Problem[]): Map<number, ExchangeRate> {
  const rates = new Map<number, ExchangeRate>();
  csvParse(text).forEach((row, i) => {
    const line = i + 2;
    const year = Number(row.year);
    const rate = Number(row.cny_per_usd);
    if (!Number.isInteger(year) || !(rate > 0)) problems.push({ file: REFERENCE_FILES.rates, line, message: 'needs a year and a positive cny_per_usd' });
    else if (!row.source) problems.push({ file: REFERENCE_FILES.rates, line, message: `the ${year} rate has no source` });
    else if (rates.has(year)) problems.push({ file: REFERENCE_FILES.rates, line, message: `${year} is listed twice` });
    else rates.set(year, { year, cny_per_usd: rate, source: row.source });
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
  return value.every((code) => typeof code === 'string' && /^\d{2,8}$/.test(code)) ? value as string[] : undefined;
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
    else if (group !== undefined && (typeof group !== 'string' || !groups.has(group))) problems.push({ file, message: `product ${key} names group "${String(group)}", which is not declared under groups` });
    else {
      products.push({
        key, hs, label,
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
    if (!/^[a-z0-9-]+$/.test(id) || typeof resolution !== 'number' || typeof year !== 'number' || typeof paragraph !== 'number'
      || (direction !== 'import' && direction !== 'export') || typeof summary !== 'string' || groups.length === 0) {
      problems.push({ file, message: `list "${id}" needs id, resolution, year, paragraph, direction (import or export), summary and groups` });
      continue;
    }
    lists.push({ id, resolution, year, paragraph, direction, summary, groups });
  }
  return lists;
}
