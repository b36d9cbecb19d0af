// The benchmark's input: a large GACC-like English download (monthly rows, every quirk of the
// real format), generated once from a seed and cached. It is pure ASCII, so its bytes are the
// same in GB18030 and UTF-8 and DuckDB, which reads only UTF-8, can read the very same file.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeGaccFile, type GaccFileLayout, type GaccRow } from '../sample/gacc-writer.ts';
import { between, mulberry32, type Random } from '../sample/random.ts';

/** Bump when the generated rows change, so an old cached file is not reused. */
const FORMAT_VERSION = 1;

export const MONTHS = 12;
const YEAR = 2023;
const CODE_COUNT = 8_000;

const LAYOUT: GaccFileLayout = {
  language: 'en',
  currency: 'CNY',
  columns: ['date', 'code', 'commodity', 'partnerCode', 'partner', 'modeCode', 'mode', 'placeCode', 'place', 'quantity', 'unit', 'quantity2', 'unit2'],
};

// Listed most-frequent first: picks are skewed towards the start of each list.
const PARTNERS: readonly (readonly [string, string])[] = [
  ['502', 'United States'],
  ['116', 'Japan'],
  ['133', 'Korea,Rep.'],
  ['110', 'Hong Kong,China'],
  ['344', 'Russia'],
  ['141', 'Vietnam'],
  ['122', 'Malaysia'],
  ['304', 'Germany'],
  ['601', 'Australia'],
  ['136', 'Thailand'],
  ['132', 'Singapore'],
  ['303', 'United Kingdom'],
  ['305', 'France'],
  ['112', 'Indonesia'],
  ['124', 'Mongolia'],
  ['109', 'Korea,DPR'],
];
const MODES: readonly (readonly [string, string])[] = [
  ['10', 'General trade'],
  ['15', 'Processing trade'],
  ['34', 'Bonded logistics'],
  ['19', 'Border trade'],
  ['33', 'Bonded warehouse'],
  ['14', 'Assembly trade'],
  ['11', 'Aid'],
];
const PLACES: readonly (readonly [string, string])[] = [
  ['44', 'Guangdong'],
  ['32', 'Jiangsu'],
  ['33', 'Zhejiang'],
  ['31', 'Shanghai'],
  ['37', 'Shandong'],
  ['11', 'Beijing'],
  ['35', 'Fujian'],
  ['12', 'Tianjin'],
  ['21', 'Liaoning'],
  ['50', 'Chongqing'],
  ['51', 'Sichuan'],
  ['13', 'Hebei'],
  ['22', 'Jilin'],
  ['23', 'Heilongjiang'],
  ['65', 'Xinjiang'],
  ['15', 'Inner Mongolia'],
];
const QUALIFIERS = [
  'Other',
  'Fresh',
  'Frozen',
  'Dried',
  'Crude',
  'Refined',
  'Woven',
  'Knitted',
  'Alloy',
  'Steel',
  'Copper',
  'Cotton',
  'Plastic',
  'Electric',
  'Parts of',
];
const NOUNS = [
  'fish',
  'ores',
  'wigs',
  'pumps',
  'valves',
  'motors',
  'tyres',
  'yarn',
  'fabric',
  'sheets',
  'tubes',
  'wire',
  'paper',
  'toys',
  'lamps',
  'glass',
  'engines',
  'cells',
  'cables',
  'fruit',
];
const UNITS = ['kg', 'kg', 'kg', 'kg', 'unit', 'pair', 'm2', 'litre'];

export interface BenchFile {
  path: string;
  rows: number;
  bytes: number;
  /** False when a cached file was reused. */
  generated: boolean;
}

/**
 * Returns the cached file for this row count and seed, generating it first if needed. The
 * file is written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a truncated file that a later run would trust.
 */
export async function ensureBenchFile(cacheDir: string, rows: number, seed: number, onProgress?: (rowsWritten: number) => void): Promise<BenchFile> {
  const path = join(cacheDir, `gacc-en-${rows}-seed${seed}-v${FORMAT_VERSION}.csv`);
  if (existsSync(path)) return { path, rows, bytes: (await stat(path)).size, generated: false };
  await mkdir(cacheDir, { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  try {
    await writeGaccFile(partial, LAYOUT, benchRows(rows, seed, onProgress), { encoding: 'utf-8', batchRows: 20_000 });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, rows, bytes: (await stat(path)).size, generated: true };
}

interface Key {
  code: string;
  commodity: string;
  unit: string | null;
  partner: readonly [string, string];
  mode: readonly [string, string];
  place: readonly [string, string];
  /** Typical monthly value in yuan; each month varies around it. */
  scale: number;
  /** Yuan per unit of quantity. */
  price: number;
  /** Some products also report a second quantity. */
  hasSecond: boolean;
}

/** Month by month, the same set of keys (product × partner × regime × place), like a real monthly query. */
function* benchRows(rows: number, seed: number, onProgress?: (rowsWritten: number) => void): Generator<GaccRow> {
  const random = mulberry32(seed);
  const keys = drawKeys(random, Math.ceil(rows / MONTHS));
  let written = 0;
  for (let month = 1; month <= MONTHS; month++) {
    const date = `${YEAR}${month < 10 ? '0' : ''}${month}`;
    for (const key of keys) {
      if (written === rows) return;
      const value = Math.max(1, Math.round(key.scale * between(random, 0.3, 1.7)));
      const quantity = key.unit === null ? null : Math.max(1, Math.round(value / key.price));
      yield {
        date,
        code: key.code,
        commodity: key.commodity,
        partnerCode: key.partner[0],
        partner: key.partner[1],
        modeCode: key.mode[0],
        mode: key.mode[1],
        placeCode: key.place[0],
        place: key.place[1],
        quantity,
        unit: key.unit,
        quantity2: key.hasSecond && quantity !== null ? Math.max(1, Math.round(quantity / 4)) : null,
        unit2: key.hasSecond ? 'unit' : null,
        value,
      };
      if (++written % 100_000 === 0) onProgress?.(written);
    }
  }
  onProgress?.(written);
}

function drawKeys(random: Random, count: number): Key[] {
  const products = drawProducts(random);
  const space = products.length * PARTNERS.length * MODES.length * PLACES.length;
  if (count > space / 4) throw new Error(`too many rows for the benchmark generator: at most ${Math.floor(space / 4) * MONTHS}`);
  const seen = new Set<number>();
  const keys: Key[] = [];
  while (keys.length < count) {
    const p = skewed(random, products.length, 2);
    const partner = skewed(random, PARTNERS.length, 2);
    const mode = skewed(random, MODES.length, 3);
    const place = skewed(random, PLACES.length, 2);
    const id = ((p * PARTNERS.length + partner) * MODES.length + mode) * PLACES.length + place;
    if (seen.has(id)) continue;
    seen.add(id);
    const product = products[p]!;
    keys.push({
      ...product,
      partner: PARTNERS[partner]!,
      mode: MODES[mode]!,
      place: PLACES[place]!,
      scale: Math.exp(between(random, 6, 15)),
    });
  }
  return keys;
}

type Product = Pick<Key, 'code' | 'commodity' | 'unit' | 'price' | 'hasSecond'>;

/** Distinct 8-digit codes across chapters 01–97 (so some have leading zeros), each with one name and unit. */
function drawProducts(random: Random): Product[] {
  const codes = new Set<string>();
  const products: Product[] = [];
  while (products.length < CODE_COUNT) {
    const chapter = 1 + Math.floor(random() * 97);
    if (chapter === 77) continue; // reserved in the HS, never used
    const code = `${chapter < 10 ? '0' : ''}${chapter}${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
    if (codes.has(code)) continue;
    codes.add(code);
    const name = `${pick(random, QUALIFIERS)} ${pick(random, NOUNS)}`;
    products.push({
      code,
      // Some names carry a comma, which must stay inside the quoted field.
      commodity: random() < 0.15 ? `${name}, nes` : name,
      unit: random() < 0.03 ? null : pick(random, UNITS),
      price: Math.exp(between(random, 1, 7)),
      hasSecond: random() < 0.2,
    });
  }
  return products;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** An index below `n`, more often small: real trade concentrates on a few partners and places. */
function skewed(random: Random, n: number, power: number): number {
  return Math.floor(random() ** power * n);
}
