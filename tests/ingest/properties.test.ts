// Property tests on whole files: whatever codes and names a download holds, reading it gives
// them back exactly, and the way the file is cut into read chunks changes nothing.
import type { Rejection, TradeRecord } from '../../src/contract/index.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGaccFile } from '../../src/sources/gacc/read-file.ts';
import type { SourceFile } from '../../src/sources/types.ts';
import { fixture, gaccLine, gb18030, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await tempDir('ingest-prop-');
});

const CJK = [...'硅铁钨矿砂及其精矿碳化硅石墨人造猪鬃马牛羊鱼冻改良种用其他鳞片状天然钼未焙烧的'];
const FULL_WIDTH = [...'，。、；：“”‘’（）《》【】％＋－／　'];
const ASCII = [..."abcdefXYZ0123456789 -/%&'.()"];
const NAME_UNIT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CJK) },
  { weight: 2, arbitrary: fc.constantFrom(...FULL_WIDTH) },
  { weight: 3, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(',', '"', '""', ', ') },
);
/** A commodity name as GACC could print it; the reader trims names, so these come trimmed. */
const NAME = fc.array(NAME_UNIT, { maxLength: 24 }).map((units) => units.join('').trim());

const DIGIT = fc.constantFrom(...'0123456789');
const code = (length: number) =>
  fc
    .tuple(
      fc.oneof({ weight: 1, arbitrary: fc.constant('0') }, { weight: 1, arbitrary: DIGIT }),
      fc.array(DIGIT, { minLength: length - 1, maxLength: length - 1 }),
    )
    .map(([first, rest]) => first + rest.join(''));

interface Row {
  code: string;
  name: string;
  value: number;
  grouped: boolean;
}

const rowsOfLength = (length: number) =>
  fc.array(fc.record({ code: code(length), name: NAME, value: fc.nat({ max: 1e12 }), grouped: fc.boolean() }), { minLength: 1, maxLength: 30 });
const ROWS = fc.constantFrom(2, 4, 6, 8).chain(rowsOfLength);

const HEADER = ['数据年月', '商品编码', '商品名称', '贸易伙伴编码', '贸易伙伴名称', '人民币'];

function gaccText(rows: Row[], ending = '\r\n'): string {
  let text = gaccLine(HEADER, ending);
  for (const row of rows) {
    const value = row.grouped ? row.value.toLocaleString('en-US') : String(row.value);
    text += gaccLine(['202305', row.code, row.name, '109', 'Korea，DPR', value], ending);
  }
  return text;
}

async function writeTemp(bytes: Buffer): Promise<string> {
  const path = join(dir, `prop-${counter++}.csv`);
  await writeFile(path, bytes);
  return path;
}

function source(path: string): SourceFile {
  return { file: 'kp-imports-2023.csv', path, flow: 'import', period: { start: 2023 * 12, end: 2023 * 12 + 9 }, synthetic: true, source: 'property test' };
}

async function readAll(path: string, chunkSize?: number): Promise<{ records: TradeRecord[]; rejections: Rejection[] }> {
  const records: TradeRecord[] = [];
  const result = await readGaccFile(source(path), { onRecord: (r) => records.push(r), ...(chunkSize ? { chunkSize } : {}) });
  return { records, rejections: result.rejections };
}

describe('codes and names survive a GACC-format file (GB18030, quoted, trailing comma, CRLF)', () => {
  it('keeps every row, code, name and value, on the right line', async () => {
    await fc.assert(
      fc.asyncProperty(ROWS, async (rows) => {
        const path = await writeTemp(gb18030(gaccText(rows)));
        const { records, rejections } = await readAll(path);
        expect(rejections).toEqual([]);
        expect(records.map((r) => ({ line: r.line, code: r.hs_code, name: r.commodity, value: r.value, partner: r.partner }))).toEqual(
          rows.map((row, k) => ({ line: k + 2, code: row.code, name: row.name, value: row.value, partner: 'Korea，DPR' })),
        );
      }),
      { numRuns: 150 },
    );
  });
});

/** A download with some troubles: blank lines, a row with a stray quote, a bad value. */
const MESSY = fc.record({
  rows: fc.constantFrom(2, 4, 6, 8).chain(rowsOfLength),
  damage: fc.array(fc.constantFrom('blank', 'stray-quote', 'bad-value', 'multiline-name'), { maxLength: 4 }),
  at: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
});

function messyText({ rows, damage, at }: { rows: Row[]; damage: string[]; at: number[] }, ending: string): string {
  const lines = gaccText(rows, ending)
    .split(ending)
    .slice(0, -1)
    .map((line) => line + ending);
  damage.forEach((kind, k) => {
    const where = 1 + (at[k]! % lines.length);
    if (kind === 'blank') lines.splice(where, 0, ending);
    else if (kind === 'stray-quote') lines.splice(where, 0, `"202305","0101","Horse "Pony"","109","朝鲜","5",${ending}`);
    else if (kind === 'bad-value') lines.splice(where, 0, `"202305","0101","马","109","朝鲜","5,00",${ending}`);
    else lines.splice(where, 0, `"202305","0101","马${ending}(种用)","109","朝鲜","5",${ending}`);
  });
  return lines.join('');
}

describe('the row scanner gives the same rows whatever the read chunk size', () => {
  const SIZES = [7, 64, 1000];

  async function sameForEveryChunkSize(bytes: Buffer): Promise<void> {
    const path = await writeTemp(bytes);
    const whole = await readAll(path);
    for (const chunkSize of SIZES) {
      const chunked = await readAll(path, chunkSize);
      expect(chunked, `chunkSize ${chunkSize}`).toEqual(whole);
    }
  }

  it('for files with LF line endings', async () => {
    await fc.assert(
      fc.asyncProperty(MESSY, (messy) => sameForEveryChunkSize(gb18030(messyText(messy, '\n')))),
      { numRuns: 60 },
    );
  });

  it('for files with CRLF line endings, as GACC writes them', async () => {
    await fc.assert(
      fc.asyncProperty(MESSY, (messy) => sameForEveryChunkSize(gb18030(messyText(messy, '\r\n')))),
      { numRuns: 60 },
    );
  });

  it('for the GACC fixture, with every chunk size from 1 to 200 bytes', async () => {
    const path = join(fixture('gacc-zh-cny'), 'kp-imports-2023.csv');
    const whole = await readAll(path);
    expect(whole.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    const wrong: number[] = [];
    for (let chunkSize = 1; chunkSize <= 200; chunkSize++) {
      const chunked = await readAll(path, chunkSize);
      if (JSON.stringify(chunked) !== JSON.stringify(whole)) wrong.push(chunkSize);
    }
    expect(wrong, 'chunk sizes that change the result').toEqual([]);
  });
});
