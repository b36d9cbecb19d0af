import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTables, commonName, ReferenceBuildError, type CurrentTables, type GaccCodeLists } from './build.ts';
import type { CodeName } from './code-lists.ts';
import { loadReference } from './load.ts';

const list = (rows: [string, string][]): CodeName[] => rows.map(([code, name]) => ({ code, name }));

const LISTS: GaccCodeLists = {
  partners: {
    en: list([
      ['109', 'Korea,DPR'],
      ['102', 'Bahrian'],
      ['213', 'Congo'],
      ['252', 'Congo,DR'],
      ['110', 'Hong Kong，China'],
      ['142', 'China'],
      ['199', 'Oth. Asia nes'],
    ]),
    zh: list([
      ['109', '朝鲜'],
      ['102', '巴林'],
      ['213', '刚果(布)'],
      ['252', '刚果(金)'],
      ['110', '中国香港'],
      ['142', '中国'],
      ['199', '亚洲其他国家(地区)'],
    ]),
  },
  regimes: {
    en: list([
      ['19', 'Border Trade'],
      ['10', 'Ordinary Trade'],
    ]),
    zh: list([
      ['19', '边境小额贸易'],
      ['10', '一般贸易'],
    ]),
  },
  provinces: {
    zh: list([
      ['22', '吉林省'],
      ['21', '辽宁省'],
    ]),
  },
  hs8: {
    en: list([
      ['72022100', 'Ferrosilicon, >55% silicon'],
      ['01012100', 'Live pure-bred breeding horses'],
    ]),
    zh: list([
      ['01012100', '改良种用马'],
      ['72022100', '硅铁，按重量计含硅量＞55%'],
    ]),
  },
};

const PARTNERS_HEADER = 'gacc_code,iso2,iso3,name_en,name_zh,name_ko,gacc_name_en,gacc_name_zh,hand_kept\n';
const CURRENT: CurrentTables = {
  partners:
    `${PARTNERS_HEADER}142,,,China (re-imports),中国(复进口),중국(재수입),old,old,China's own goods coming back\n` +
    '199,,,Other Asia,亚洲其他国家(地区),기타 아시아,,,"residual, no ISO code"\n' +
    "888,,,A partner of old downloads,,,,,no longer in GACC's list\n",
  regimes: 'code,name_en,name_zh,name_ko\n10,,,일반무역\n19,stale,stale,변경소액무역\n',
  provinces: 'code,name_en,name_zh,name_ko\n21,Liaoning,,랴오닝성\n22,Jilin,,지린성\n',
};

function problemsOf(lists: GaccCodeLists, current: CurrentTables): string[] {
  try {
    buildTables(lists, current);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ReferenceBuildError);
    return (error as ReferenceBuildError).problems;
  }
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('building the reference tables from GACC code lists', () => {
  const tables = buildTables(LISTS, CURRENT);

  it("gives partners ISO codes and names, matched on GACC's English or Chinese name, and keeps GACC's names beside them", () => {
    const rows = csvParse(tables['partners.csv']!);
    expect(rows.map((row) => [row.gacc_code, row.iso2, row.iso3, row.name_en, row.name_ko, row.gacc_name_en])).toEqual([
      ['102', 'BH', 'BHR', 'Bahrain', '바레인', 'Bahrian'],
      ['109', 'KP', 'PRK', 'North Korea', '북한', 'Korea,DPR'],
      // Named in no ISO list: mapped by hand in ISO_BY_GACC_CODE.
      ['110', 'HK', 'HKG', 'Hong Kong', '홍콩', 'Hong Kong，China'],
      ['142', '', '', 'China (re-imports)', '중국(재수입)', 'China'],
      ['199', '', '', 'Other Asia', '기타 아시아', 'Oth. Asia nes'],
      // "Congo" names two ISO countries; the Chinese name decides.
      ['213', 'CG', 'COG', 'Republic of the Congo', '콩고', 'Congo'],
      ['252', 'CD', 'COD', 'Democratic Republic of the Congo', '콩고 민주 공화국', 'Congo,DR'],
      ['888', '', '', 'A partner of old downloads', '', ''],
    ]);
    // Hand-kept rows keep their reason and names; only GACC's names are refreshed.
    expect(rows.find((row) => row.gacc_code === '142')).toMatchObject({
      name_zh: '中国(复进口)',
      gacc_name_zh: '中国',
      hand_kept: "China's own goods coming back",
    });
  });

  it("takes regime names from GACC's lists and keeps the Korean and English names people wrote", () => {
    expect(tables['regimes.csv']).toBe('code,name_en,name_zh,name_ko\n10,Ordinary Trade,一般贸易,일반무역\n19,Border Trade,边境小额贸易,변경소액무역\n');
    expect(tables['provinces.csv']).toBe('code,name_en,name_zh,name_ko\n21,Liaoning,辽宁省,랴오닝성\n22,Jilin,吉林省,지린성\n');
  });

  it('joins the English and Chinese HS8 names by code, sorted', () => {
    expect(tables['hs8-2023.csv']).toBe(
      'code,en,zh\n01012100,Live pure-bred breeding horses,改良种用马\n72022100,"Ferrosilicon, >55% silicon",硅铁，按重量计含硅量＞55%\n',
    );
  });

  it('gives the same bytes whatever order the lists come in', () => {
    const reverse = <T extends Record<string, CodeName[]>>(lists: T): T =>
      Object.fromEntries(Object.entries(lists).map(([lang, rows]) => [lang, [...rows].reverse()])) as T;
    const reversed: GaccCodeLists = {
      partners: reverse(LISTS.partners),
      regimes: reverse(LISTS.regimes),
      provinces: reverse(LISTS.provinces),
      hs8: reverse(LISTS.hs8),
    };
    expect(buildTables(reversed, CURRENT)).toEqual(tables);
  });

  it('writes tables the loader accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reference-build-'));
    dirs.push(dir);
    await cp('data/reference', dir, { recursive: true });
    for (const [file, text] of Object.entries(tables)) await writeFile(join(dir, file), text);
    const reference = await loadReference(dir);
    expect(reference.partners.get('109')).toEqual({
      gacc_code: '109',
      iso2: 'KP',
      iso3: 'PRK',
      name: { en: 'North Korea', zh: '朝鲜', ko: '북한' },
      gacc_name: { en: 'Korea,DPR', zh: '朝鲜' },
    });
    expect(reference.partners.get('199')!.hand_kept).toBe('residual, no ISO code');
    expect(reference.regimes.get('19')).toEqual({ en: 'Border Trade', zh: '边境小额贸易', ko: '변경소액무역' });
    expect(reference.hs8.get('01012100')).toEqual({ en: 'Live pure-bred breeding horses', zh: '改良种用马' });
  });

  it('lists every partner no ISO name matches, every ISO code matched twice and every name nobody wrote', () => {
    const lists: GaccCodeLists = {
      ...LISTS,
      partners: { en: LISTS.partners.en, zh: [...LISTS.partners.zh, { code: '998', name: '朝鲜' }] },
    };
    expect(problemsOf(lists, { partners: PARTNERS_HEADER, regimes: CURRENT.regimes!.replace('일반무역', ''), provinces: undefined })).toEqual([
      'partners.csv: GACC partner 199 (Oth. Asia nes / 亚洲其他国家(地区)) matches no ISO 3166 name; add its code to ISO_BY_GACC_CODE, or write its row by hand with a reason in hand_kept',
      'partners.csv: GACC partners 109 and 998 both match ISO code KP; write one of them by hand with a reason in hand_kept',
      'regimes.csv: regime 10 (一般贸易) has no name_ko; write it in the table',
      'provinces.csv: province 21 (辽宁省) has no name_en; write it in the table',
      'provinces.csv: province 21 (辽宁省) has no name_ko; write it in the table',
      'provinces.csv: province 22 (吉林省) has no name_en; write it in the table',
      'provinces.csv: province 22 (吉林省) has no name_ko; write it in the table',
    ]);
  });
});

describe('commonName', () => {
  it('takes a shorter name in common use, but no abbreviation and no inverted form', () => {
    expect(commonName(['United States of America', 'United States', 'USA', 'U.S.A.'])).toBe('United States');
    expect(commonName(['Russian Federation', 'Russia'])).toBe('Russia');
    expect(commonName(['South Korea', 'Korea, Republic of', 'Republic of Korea'])).toBe('South Korea');
    expect(commonName(['United Kingdom', 'UK', 'Great Britain'])).toBe('United Kingdom');
    expect(commonName(['Brazil'])).toBe('Brazil');
    expect(commonName(['Czech Republic', 'Czechia'])).toBe('Czech Republic');
  });
});
