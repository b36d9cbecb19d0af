// Builds the partner, regime, province and HS8 tables of data/reference/ from GACC's own code
// lists and the ISO 3166 names of i18n-iso-countries (`npm run reference`). What people wrote
// is kept: partner rows marked hand_kept, and the names GACC's lists do not give (Korean
// regime and province names, English province names). Output is sorted by code, so the same
// inputs always give the same bytes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvFormat, csvParse } from 'd3-dsv';
import countries from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import koCountries from 'i18n-iso-countries/langs/ko.json' with { type: 'json' };
import zhCountries from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { decodeCodeList, parseHs8List, parseNameList, type CodeName } from './code-lists.ts';
import { REFERENCE_FILES, TABLE_COLUMNS } from './load.ts';

for (const locale of [enCountries, zhCountries, koCountries]) countries.registerLocale(locale);

/** The platform's export file names, in the folder `npm run reference` reads. */
export const CODE_LIST_FILES = {
  partners: { en: 'en-TradingPartner.csv', zh: 'zh-TradingPartner.csv' },
  regimes: { en: 'en-CustomsRegime.csv', zh: 'zh-CustomsRegime.csv' },
  provinces: { zh: 'china_customs_provinces.csv' },
  hs8: { en: 'en-hs8-2023.csv', zh: 'zh-hs8-2023.csv' },
} as const;

export interface GaccCodeLists {
  partners: { en: CodeName[]; zh: CodeName[] };
  regimes: { en: CodeName[]; zh: CodeName[] };
  provinces: { zh: CodeName[] };
  hs8: { en: CodeName[]; zh: CodeName[] };
}

/** The tables that are built, as their current text (absent when the table does not exist yet). */
export type CurrentTables = Partial<Record<'partners' | 'regimes' | 'provinces', string>>;

export class ReferenceBuildError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the reference tables cannot be built: ${problems.length} problem(s)`);
    this.problems = problems;
  }
}

/**
 * GACC partners whose names, in either language, match no ISO name in i18n-iso-countries
 * ("Hong Kong，China", "Nepal, FDR"…), with the ISO 3166-1 code each stands for.
 */
export const ISO_BY_GACC_CODE: Readonly<Record<string, string>> = {
  '110': 'HK',
  '121': 'MO',
  '125': 'NP',
  '143': 'TW',
  '260': 'SS',
  '354': 'MK',
  '356': 'VA',
  '408': 'BO',
  '417': 'CW',
};

export async function readGaccCodeLists(dir: string): Promise<GaccCodeLists> {
  const text = async (file: string) => decodeCodeList(await readFile(join(dir, file)));
  const names = async (file: string, digits: number) => parseNameList(await text(file), digits, file);
  const hs8 = async (file: string) => parseHs8List(await text(file), file);
  const { partners, regimes, provinces } = CODE_LIST_FILES;
  return {
    partners: { en: await names(partners.en, 3), zh: await names(partners.zh, 3) },
    regimes: { en: await names(regimes.en, 2), zh: await names(regimes.zh, 2) },
    provinces: { zh: await names(provinces.zh, 2) },
    hs8: { en: await hs8(CODE_LIST_FILES.hs8.en), zh: await hs8(CODE_LIST_FILES.hs8.zh) },
  };
}

/** Every table's new text by file name in data/reference/; throws ReferenceBuildError listing what is missing. */
export function buildTables(lists: GaccCodeLists, current: CurrentTables): Record<string, string> {
  const problems: string[] = [];
  const tables = {
    [REFERENCE_FILES.partners]: buildPartners(lists.partners, current.partners, problems),
    [REFERENCE_FILES.regimes]: buildCodeNames(
      'regime',
      REFERENCE_FILES.regimes,
      { en: lists.regimes.en, zh: lists.regimes.zh },
      current.regimes,
      ['name_ko'],
      problems,
    ),
    [REFERENCE_FILES.provinces]: buildCodeNames(
      'province',
      REFERENCE_FILES.provinces,
      { zh: lists.provinces.zh },
      current.provinces,
      ['name_en', 'name_ko'],
      problems,
    ),
    [REFERENCE_FILES.hs8]: table(
      TABLE_COLUMNS.hs8,
      joinByCode({ en: lists.hs8.en, zh: lists.hs8.zh }).map(([code, names]) => ({ code, ...names })),
    ),
  };
  if (problems.length > 0) throw new ReferenceBuildError(problems);
  return tables;
}

type Row = Record<string, string>;

function table(columns: readonly string[], rows: Row[]): string {
  return `${csvFormat(rows, [...columns])}\n`;
}

function rowsByCode(text: string | undefined, codeColumn: string): Map<string, Row> {
  return new Map((text ? csvParse(text) : []).map((row) => [row[codeColumn] ?? '', row as Row]));
}

/** The codes of one or more lists with each list's name, sorted by code. */
function joinByCode<L extends string>(lists: Partial<Record<L, CodeName[]>>): [string, Partial<Record<L, string>>][] {
  const joined = new Map<string, Partial<Record<L, string>>>();
  for (const [lang, list] of Object.entries(lists) as [L, CodeName[]][]) {
    for (const { code, name } of list) {
      const names: Partial<Record<L, string>> = joined.get(code) ?? {};
      names[lang] = name;
      joined.set(code, names);
    }
  }
  return [...joined].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The name a newsroom writes: ISO's official name unless the library knows a shorter form of
 * it in common use ("United States" of "United States of America", "Russia", "Iran"), never an
 * abbreviation, an inverted form ("Korea, Republic of") or another name ("Great Britain").
 */
export function commonName(names: readonly string[]): string {
  const [official = '', ...aliases] = names;
  const lower = official.toLowerCase();
  const common = aliases.find(
    (name) =>
      !name.includes(',') &&
      !/^[A-Z.]+$/.test(name) &&
      name.length < official.length &&
      (lower.includes(name.toLowerCase()) || lower.startsWith(name.toLowerCase().slice(0, -1))),
  );
  return common ?? official;
}

/** Where Korean newsrooms write another name than the library's (official, or the other side's) one. */
const KOREAN_NAMES: Readonly<Record<string, string>> = { KR: '한국', TW: '대만', RU: '러시아', CZ: '체코' };

function buildPartners(lists: GaccCodeLists['partners'], currentText: string | undefined, problems: string[]): string {
  const current = rowsByCode(currentText, 'gacc_code');
  const file = REFERENCE_FILES.partners;
  const rows: Row[] = [];
  const codeOfIso = new Map<string, string>();
  const gaccCodes = new Set<string>();
  for (const [code, gacc] of joinByCode({ en: lists.en, zh: lists.zh })) {
    gaccCodes.add(code);
    const gaccNames = { gacc_name_en: gacc.en ?? '', gacc_name_zh: gacc.zh ?? '' };
    const kept = current.get(code);
    if (kept?.hand_kept) {
      rows.push({ ...pick(kept, TABLE_COLUMNS.partners), ...gaccNames });
      continue;
    }
    const iso2 = ISO_BY_GACC_CODE[code] ?? isoMatch(gacc.en, gacc.zh);
    if (!iso2) {
      problems.push(
        `${file}: GACC partner ${code} (${[gacc.en, gacc.zh].filter(Boolean).join(' / ')}) matches no ISO 3166 name; add its code to ISO_BY_GACC_CODE, or write its row by hand with a reason in hand_kept`,
      );
      continue;
    }
    const other = codeOfIso.get(iso2);
    if (other) problems.push(`${file}: GACC partners ${other} and ${code} both match ISO code ${iso2}; write one of them by hand with a reason in hand_kept`);
    codeOfIso.set(iso2, code);
    rows.push({
      gacc_code: code,
      iso2,
      iso3: countries.alpha2ToAlpha3(iso2) ?? '',
      name_en: commonName(countries.getName(iso2, 'en', { select: 'all' }) ?? []),
      name_zh: countries.getName(iso2, 'zh') ?? '',
      name_ko: KOREAN_NAMES[iso2] ?? countries.getName(iso2, 'ko') ?? '',
      ...gaccNames,
      hand_kept: '',
    });
  }
  // Partners GACC's list no longer has (codes of older downloads) stay as they are.
  for (const [code, row] of current) if (!gaccCodes.has(code)) rows.push(pick(row, TABLE_COLUMNS.partners));
  // A short name two partners would share ("Congo") says neither: both keep their official one.
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.name_en!, (counts.get(row.name_en!) ?? 0) + 1);
  for (const row of rows) {
    if (!row.hand_kept && counts.get(row.name_en!)! > 1) row.name_en = countries.getName(row.iso2!, 'en') ?? row.name_en!;
  }
  rows.sort((a, b) => (a.gacc_code! < b.gacc_code! ? -1 : 1));
  return table(TABLE_COLUMNS.partners, rows);
}

function pick(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? '']));
}

/** Names compared loosely: full-width and ASCII punctuation alike, case and spaces ignored. */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.,'()]/g, '');
}

let isoIndex: Map<string, Set<string>> | undefined;

/** Every English and Chinese ISO name and alias, to the codes it names (a few name two, "Congo"). */
function isoCodesNamed(lang: 'en' | 'zh', name: string | undefined): Set<string> {
  if (!isoIndex) {
    isoIndex = new Map();
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      for (const l of ['en', 'zh'] as const) {
        for (const alias of countries.getName(code, l, { select: 'all' }) as string[]) {
          const key = `${l}:${nameKey(alias)}`;
          isoIndex.set(key, (isoIndex.get(key) ?? new Set()).add(code));
        }
      }
    }
  }
  return name ? (isoIndex.get(`${lang}:${nameKey(name)}`) ?? new Set()) : new Set();
}

/** The one ISO code GACC's English and Chinese names agree on: both name it, or one does and the other names nothing. */
function isoMatch(en: string | undefined, zh: string | undefined): string | undefined {
  const byEn = isoCodesNamed('en', en);
  const byZh = isoCodesNamed('zh', zh);
  const candidates = byEn.size === 0 ? byZh : byZh.size === 0 ? byEn : new Set([...byEn].filter((code) => byZh.has(code)));
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/**
 * A table of two-digit codes: GACC's names where its lists give them, the `handColumns`
 * from the current table (names people wrote), and a problem for each one still missing.
 */
function buildCodeNames(
  what: string,
  file: string,
  lists: { en?: CodeName[]; zh?: CodeName[] },
  currentText: string | undefined,
  handColumns: readonly string[],
  problems: string[],
): string {
  const current = rowsByCode(currentText, 'code');
  const rows: Row[] = [];
  for (const [code, gacc] of joinByCode(lists)) {
    const kept = current.get(code) ?? {};
    const row: Row = { code, name_en: gacc.en ?? kept.name_en ?? '', name_zh: gacc.zh ?? kept.name_zh ?? '', name_ko: kept.name_ko ?? '' };
    for (const column of handColumns) {
      row[column] = kept[column]?.trim() ?? '';
      if (!row[column]) problems.push(`${file}: ${what} ${code} (${gacc.zh ?? gacc.en}) has no ${column}; write it in the table`);
    }
    rows.push(row);
  }
  return table(TABLE_COLUMNS.regimes, rows);
}
