import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeclarations, DeclarationError } from '../aggregate/declarations.ts';
import { loadReference, ReferenceError } from './load.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The shipped reference tables with one file's text changed. */
async function referenceWith(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reference-'));
  dirs.push(dir);
  await cp('data/reference', dir, { recursive: true });
  await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  const error = await loadReference(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReferenceError);
  return (error as ReferenceError).problems.map((p) => p.message);
}

// YAML reads 0101 as the number 101 and 08 as 8, which would match chapters 80–89.
describe('HS codes written without quotes', () => {
  it('are refused in products.yaml, naming the product', async () => {
    const dir = await referenceWith('products.yaml', (text) => text.replace('hs: ["720221"]', 'hs: [720221]'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^product ferrosilicon: write HS codes in quotes/)]);
  });

  it('are refused in sanctions.yaml, naming the list and group', async () => {
    const dir = await referenceWith('sanctions.yaml', (text) => text.replace(/hs: \["84"/, 'hs: [84'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^list unscr-2397-p7, group \S+: write HS codes in quotes/)]);
  });

  it('are refused in an aggregate declaration', async () => {
    const reference = await loadReference('data/reference');
    const yaml = 'aggregates:\n  fruit:\n    flow: import\n    period: 2023-01..2023-10\n    hs: [08]\n    group_by: [hs_chapter]\n';
    const error = (() => {
      try {
        parseDeclarations(yaml, 'aggregates.yaml', reference);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DeclarationError);
    expect((error as DeclarationError).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^aggregate fruit: write HS codes in quotes/)]);
  });
});

describe('partners.csv', () => {
  it('names every GACC partner code, with ISO codes or a reason why none fits', async () => {
    const { partners } = await loadReference('data/reference');
    expect(partners.size).toBe(243);
    for (const partner of partners.values()) {
      expect(partner.name.en && partner.name.zh && partner.name.ko, partner.gacc_code).toBeTruthy();
      expect(partner.iso2 ? /^[A-Z]{2}$/.test(partner.iso2) : Boolean(partner.hand_kept), partner.gacc_code).toBe(true);
    }
    expect(partners.get('109')).toMatchObject({ iso2: 'KP', iso3: 'PRK', name: { en: 'North Korea', ko: '북한' }, gacc_name: { en: 'Korea,DPR', zh: '朝鲜' } });
    expect(partners.get('142')).toMatchObject({ iso2: '', iso3: '', name: { en: 'China (re-imports)' }, hand_kept: expect.any(String) });
  });

  it('refuses a row without ISO codes that does not say why, and malformed ISO codes', async () => {
    const dir = await referenceWith('partners.csv', (text) => text.replace(/^109,KP,PRK,/m, '109,,,').replace(/^133,KR,KOR,/m, '133,KR,K0R,'));
    expect(await problemsOf(dir)).toEqual([
      'partner 109 has no ISO code; say in hand_kept why none fits',
      'partner 133: iso2 and iso3 must be ISO 3166-1 alpha-2 and alpha-3 codes (two and three capital letters), or both empty',
    ]);
  });

  it('refuses a table whose header lacks a column, once', async () => {
    const dir = await referenceWith('partners.csv', (text) => text.replace('name_ko,', 'name_kr,'));
    expect(await problemsOf(dir)).toEqual([
      'the header lacks name_ko; it must be gacc_code,iso2,iso3,name_en,name_zh,name_ko,gacc_name_en,gacc_name_zh,hand_kept',
    ]);
  });
});

describe('regimes, provinces and HS8 names', () => {
  it('name the 20 regimes and 31 provinces in English, Chinese and Korean, and 8,957 HS8 codes in English and Chinese', async () => {
    const { regimes, provinces, hs8 } = await loadReference('data/reference');
    expect(regimes.size).toBe(20);
    expect(provinces.size).toBe(31);
    for (const names of [...regimes.values(), ...provinces.values()]) expect(Object.keys(names).sort()).toEqual(['en', 'ko', 'zh']);
    expect(regimes.get('19')).toEqual({ en: 'Border Trade', zh: '边境小额贸易', ko: '변경소액무역' });
    expect(provinces.get('21')).toEqual({ en: 'Liaoning', zh: '辽宁省', ko: '랴오닝성' });
    expect(hs8.size).toBe(8957);
    expect(hs8.get('72022100')).toEqual({ en: 'Ferro-silicon, containing by weight more than 55% of silicon', zh: '硅铁，按重量计含硅量＞55%' });
  });

  it('refuse codes of the wrong length and codes listed twice, naming the line', async () => {
    const regimes = await referenceWith('regimes.csv', (text) => `${text}1,Typo,,\n10,Ordinary Trade,一般贸易,일반무역\n`);
    expect(await problemsOf(regimes)).toEqual(['code "1" is not a two-digit GACC regime code', 'regime 10 is listed twice']);
    const hs8 = await referenceWith('hs8-2023.csv', (text) => `${text}7202210,Short,\n`);
    expect(await problemsOf(hs8)).toEqual(['code "7202210" is not an eight-digit HS code']);
  });
});

describe('rates.csv', () => {
  it("holds a month's rate beside the years', each with its source", async () => {
    const dir = await referenceWith('rates.csv', (text) => `${text}2023-03,6.9,"A fixture: a monthly rate for the test"\n`);
    const { rates } = await loadReference(dir);
    expect(rates.get('2023')).toMatchObject({ cny_per_usd: 7.0467 });
    expect(rates.get('2023-03')).toEqual({
      period: '2023-03',
      cny_per_usd: 6.9,
      source: 'A fixture: a monthly rate for the test',
      source_names: { en: 'A fixture: a monthly rate for the test' },
    });
  });

  it('names a source in other languages from source_ko and source_zh, where given', async () => {
    const dir = await referenceWith('rates.csv', (text) => `${text}2023-04,6.8,"A fixture",한국어 출처\n`);
    const { rates } = await loadReference(dir);
    expect(rates.get('2023-04')?.source_names).toEqual({ en: 'A fixture', ko: '한국어 출처' });
  });

  it('refuses periods that are neither a year nor a month, rates without a source, and periods listed twice', async () => {
    const dir = await referenceWith('rates.csv', (text) => `${text}2023-13,6.9,Someone\n2024-01,6.9,\n2023,7,Again\n`);
    expect(await problemsOf(dir)).toEqual([
      'period "2023-13" is neither a year (YYYY) nor a month (YYYY-MM)',
      'the 2024-01 rate has no source',
      '2023 is listed twice',
    ]);
  });
});
