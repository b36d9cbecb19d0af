// The sample data `npm run sample` writes must reproduce every figure in the launch story's
// brief. The generator writes into a folder of the test's own, so this holds whatever data a
// newsroom keeps in data/raw; data/raw itself holds that sample byte for byte or none of it.
// Figures are recomputed here straight from records.csv, not from the project's aggregates,
// so a bug in the aggregation cannot hide a bug in the data (or the other way round).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse, type DSVRowString } from 'd3-dsv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDataStep, type DataStepResult } from '../src/pipeline.ts';
import { generateSample } from '../scripts/sample/generate.ts';

const SHIPPED_RAW = 'data/raw';
const REFERENCE = 'data/reference';
const KP = '109';
const MINERALS = ['ferrosilicon', 'tungsten', 'molybdenum', 'silicon-carbide', 'graphite'];

interface Product {
  key: string;
  hs: string[];
  group?: string;
}

let tmp: string;
/** Where the generator wrote the sample for this test. */
let raw: string;
let result: DataStepResult;
let records: DSVRowString[];
let products: Product[];
let sanctionGroups: { key: string; hs: string[] }[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'sample-data-'));
  raw = join(tmp, 'raw');
  await generateSample(raw);
  result = await runDataStep({ rawDir: raw, outDir: join(tmp, 'build'), referenceDir: REFERENCE, allowRejects: false });
  records = csvParse(await readFile(join(tmp, 'build', 'records.csv'), 'utf8'));
  products = (parse(await readFile(join(REFERENCE, 'products.yaml'), 'utf8')) as { products: Product[] }).products;
  const sanctions = parse(await readFile(join(REFERENCE, 'sanctions.yaml'), 'utf8')) as { lists: { id: string; groups: { key: string; hs: string[] }[] }[] };
  sanctionGroups = sanctions.lists.find((list) => list.id === 'unscr-2397-p7')!.groups;
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Editorial product key by longest matching code prefix, else the code itself. */
function productOf(code: string): string {
  let best: { key: string; length: number } | undefined;
  for (const product of products) {
    for (const prefix of product.hs) {
      if (code.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = { key: product.key, length: prefix.length };
    }
  }
  return best?.key ?? code;
}

/** Records of one flow with North Korea, monthly, within `start..end` (YYYY-MM). */
function kp(flow: 'import' | 'export', start: string, end: string): DSVRowString[] {
  return records.filter((r) => r.flow === flow && r.partner_code === KP && r.period_start! >= start && r.period_end! <= end);
}

function sumBy(rows: DSVRowString[], key: (row: DSVRowString) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    expect(row.currency).toBe('CNY');
    sums.set(key(row), (sums.get(key(row)) ?? 0) + Number(row.value));
  }
  return sums;
}

function ranking(year: number): [string, number][] {
  const sums = sumBy(kp('import', `${year}-01`, `${year}-10`), (r) => productOf(r.hs_code!));
  return [...sums].sort((a, b) => b[1] - a[1]);
}

function total(sums: Map<string, number>, keys: string[]): number {
  return keys.reduce((sum, key) => sum + (sums.get(key) ?? 0), 0);
}

describe('the sample data as the data step reads it', () => {
  it('is read whole: no rejected rows, no file at the 10,000-row cut, every source synthetic', async () => {
    expect(result.report.rejected).toEqual([]);
    expect(result.report.files).toHaveLength(11);
    for (const file of result.report.files) {
      expect(file.rows).toBeGreaterThan(0);
      expect(file.rows).toBeLessThan(10_000);
      expect(file.synthetic).toBe(true);
      // A file of plain ASCII is the same bytes in GB18030 and UTF-8, so either reading is right.
      const ascii = (await readFile(join(raw, file.file))).every((byte) => byte < 0x80);
      if (!ascii) expect(file.encoding, file.file).toBe('gb18030');
    }
  });

  it('names North Korea as real downloads do, full-width comma included', () => {
    const partners = (file: string) => new Set(records.filter((r) => r.file === file).map((r) => r.partner));
    expect(partners('kp-imports-2019.csv')).toEqual(new Set(['Korea\uff0cDPR']));
    expect(partners('kp-imports-2020.csv')).toEqual(new Set(['Korea,DPR']));
    expect(partners('kp-imports-2023-01-10.csv')).toEqual(new Set(['朝鲜']));
  });

  it('is what the generator wrote the last time, wherever data/raw keeps it', async () => {
    // The same bytes every time: a second run writes what the first did.
    const again = join(tmp, 'again');
    await generateSample(again);
    const names = (await readdir(raw)).sort();
    expect((await readdir(again)).sort()).toEqual(names);
    for (const name of names) expect((await readFile(join(again, name))).equals(await readFile(join(raw, name))), name).toBe(true);
    // data/raw holds the whole sample as generated, or none of it (a newsroom's own downloads).
    const shipped = new Set(await readdir(SHIPPED_RAW));
    const kept = names.filter((name) => name !== 'sources.yaml' && shipped.has(name));
    if (kept.length === 0) return;
    expect(kept, 'data/raw holds part of the sample; run npm run sample').toEqual(names.filter((name) => name !== 'sources.yaml'));
    for (const name of names) {
      expect((await readFile(join(SHIPPED_RAW, name))).equals(await readFile(join(raw, name))), `${name} differs; run npm run sample`).toBe(true);
    }
  });
});

describe('imports from North Korea, January–October 2023', () => {
  it('have the brief’s top ten, ferrosilicon second and tungsten third', () => {
    const top = ranking(2023).slice(0, 10);
    expect(top).toEqual([
      ['wigs', 1_083_460_000],
      ['ferrosilicon', 181_530_000],
      ['tungsten', 151_920_000],
      ['electricity', 104_270_000],
      ['molybdenum', 96_810_000],
      ['silicon-carbide', 47_350_000],
      ['shoe-uppers', 38_640_000],
      ['graphite', 29_180_000],
      ['watch-movements', 21_770_000],
      ['bristles', 15_460_000],
    ]);
  });

  it('have five minerals in the top ten', () => {
    const groups = new Map(products.map((p) => [p.key, p.group]));
    const minerals = ranking(2023)
      .slice(0, 10)
      .filter(([key]) => groups.get(key) === 'minerals');
    expect(minerals.map(([key]) => key).sort()).toEqual([...MINERALS].sort());
  });

  it('have 30 or more other products, each below 12 million yuan', () => {
    const others = ranking(2023).slice(10);
    expect(others.length).toBeGreaterThanOrEqual(30);
    for (const [, value] of others) expect(value).toBeLessThan(12_000_000);
  });

  it('keep the leading zero of bristle codes and hold graphite under all its codes', () => {
    const codes = new Set(kp('import', '2023-01', '2023-10').map((r) => r.hs_code));
    expect(codes).toContain('05021010');
    for (const code of ['25041010', '25041091', '25041099', '25049000', '38011000']) expect(codes).toContain(code);
  });
});

describe('imports from North Korea in earlier years', () => {
  it('2022: tungsten and ferrosilicon are the top two', () => {
    expect(
      ranking(2022)
        .slice(0, 2)
        .map(([key]) => key),
    ).toEqual(['tungsten', 'ferrosilicon']);
  });

  it('2021: only small amounts of ferrosilicon and silicon carbide', () => {
    const sums = new Map(ranking(2021));
    const ferrosilicon = sums.get('ferrosilicon') ?? 0;
    const siliconCarbide = sums.get('silicon-carbide') ?? 0;
    expect(ferrosilicon).toBeGreaterThan(1_000_000);
    expect(ferrosilicon).toBeLessThan(2_000_000);
    expect(siliconCarbide).toBeGreaterThan(100_000);
    expect(siliconCarbide).toBeLessThan(1_000_000);
    const total2021 = [...sums.values()].reduce((a, b) => a + b, 0);
    const total2023 = ranking(2023).reduce((a, [, v]) => a + v, 0);
    expect(total2021).toBeLessThan(total2023 / 50);
  });

  it('minerals in 2023 are well above 2019, and grow from 2021 on', () => {
    const minerals = (year: number) => total(new Map(ranking(year)), MINERALS);
    expect(minerals(2023)).toBeGreaterThan(3 * minerals(2019));
    expect(minerals(2022)).toBeGreaterThan(10 * minerals(2021));
    expect(minerals(2023)).toBeGreaterThan(minerals(2022));
  });

  it('2020: a normal January, then the border closes', () => {
    const months = sumBy(kp('import', '2020-01', '2020-12'), (r) => r.period_start!);
    const january = months.get('2020-01') ?? 0;
    let rest = 0;
    for (const [month, value] of months) if (month >= '2020-03') rest += value;
    expect(january).toBeGreaterThan(40_000_000);
    expect(rest).toBeLessThan(january / 2);
  });
});

describe('exports to North Korea banned by UNSCR 2397 paragraph 7', () => {
  const byGroup = (start: string, end: string) =>
    sumBy(kp('export', start, end), (r) => sanctionGroups.find((g) => g.hs.some((hs) => r.hs_code!.startsWith(hs)))?.key ?? 'other');

  it('are zero in 2019–2022', () => {
    const sums = byGroup('2019-01', '2022-12');
    for (const group of sanctionGroups) expect(sums.get(group.key) ?? 0).toBe(0);
    expect(sums.get('other')).toBeGreaterThan(0);
  });

  it('range from several hundred thousand to over 6 million yuan per group in January–October 2023', () => {
    const sums = byGroup('2023-01', '2023-10');
    const values = sanctionGroups.map((g) => sums.get(g.key) ?? 0);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(100_000);
    expect(Math.min(...values)).toBeLessThanOrEqual(999_999);
    expect(Math.max(...values)).toBeGreaterThan(6_000_000);
  });

  it('match the brief’s chapter totals in 2023', () => {
    const chapters = sumBy(kp('export', '2023-01', '2023-10'), (r) => r.hs_code!.slice(0, 2));
    const banned = [...chapters].filter(([chapter]) => chapter >= '72' && chapter <= '89');
    expect(new Map(banned)).toEqual(
      new Map([
        ['73', 1_125_000],
        ['76', 842_000],
        ['84', 3_914_000],
        ['85', 2_458_000],
        ['87', 486_000],
      ]),
    );
  });
});

describe('the comparison download from other partners', () => {
  it('holds dollar totals for January–October 2023, none from North Korea', () => {
    const rows = records.filter((r) => r.file === 'minerals-other-partners-2023-01-10-usd.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.currency).toBe('USD');
      expect(row.partner_code).not.toBe(KP);
      expect([row.period_start, row.period_end]).toEqual(['2023-01', '2023-10']);
      expect(row.hs_code).toHaveLength(6);
    }
  });
});
