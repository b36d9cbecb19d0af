// Problems that stop the data step: files that cannot be read at all, a manifest that does
// not match the folder, downloads that would count the same trade twice. Each problem names
// the file (and the line, where there is one). Also the warning for a download cut at
// GACC's 10,000-row limit.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStepError } from '../../src/ingest/errors.ts';
import { failingRun, fixture, gaccLine, REFERENCE, removeTempDirs, runCase, SOURCES_ENTRY, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

async function failCase(name: string): Promise<{ error: DataStepError; out: string }> {
  const out = join(await tempDir(), 'build');
  const error = await failingRun({ rawDir: fixture(name), outDir: out, referenceDir: REFERENCE, allowRejects: true });
  return { error, out };
}

describe('files that cannot be read (fixture file-errors)', () => {
  let error: DataStepError;
  let out: string;
  beforeAll(async () => {
    ({ error, out } = await failCase('file-errors'));
  });

  const EXPECTED: [string, string, number | undefined, RegExp][] = [
    ['a value column in euros (Chinese header 欧元)', 'euro-zh.csv', 1, /value column "欧元" is in a unit we cannot read/],
    ['a value column in euros (English header "Euro")', 'euro-en.csv', 1, /value column "Euro" is in a unit we cannot read/],
    ['an unknown column', 'unknown-column.csv', 1, /unknown column "备注"/],
    ['a column named twice', 'duplicate-column.csv', 1, /column "商品编码" appears twice/],
    ['no month column and no period in sources.yaml', 'no-month-no-period.csv', 1, /no month column .*must give the period/],
    ['an empty file', 'empty.csv', undefined, /the file is empty/],
    ['a header without data rows', 'header-only.csv', 2, /header but no data rows/],
    ['a UTF-16 file', 'utf16.csv', undefined, /UTF-16/],
    ['binary junk with NUL bytes', 'binary.csv', undefined, /not a text file/],
  ];

  it.each(EXPECTED)('fails on %s, naming %s', (_what, file, line, message) => {
    const found = error.problems.filter((p) => p.file === file);
    expect(found, `one problem for ${file}`).toHaveLength(1);
    expect(found[0]!.message).toMatch(message);
    if (line !== undefined) expect(found[0]!.line).toBe(line);
  });

  it('lists every bad file, not just the first, and writes no output', () => {
    expect(error.problems.map((p) => p.file).sort()).toEqual(EXPECTED.map(([, file]) => file).sort());
    expect(error.message).toMatch(/9 problem\(s\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('manifest problems', () => {
  const CASES: [string, string, number | undefined, RegExp][] = [
    ['manifest-no-entry', 'kp-exports-2023.csv', undefined, /has no entry in sources\.yaml/],
    ['manifest-missing-file', 'sources.yaml', 6, /entry for kp-imports-2022\.csv names a file that is not in the raw folder/],
    ['manifest-no-flow', 'sources.yaml', 1, /entry for kp-imports-2023\.csv: flow must be "import" or "export"/],
    ['manifest-unknown-key', 'sources.yaml', 1, /unknown key "licence"/],
  ];

  it.each(CASES)('%s: fails naming %s', async (name, file, line, message) => {
    const { error } = await failCase(name);
    expect(error.problems).toEqual([{ file, ...(line === undefined ? {} : { line }), message: expect.stringMatching(message) }]);
  });

  it('manifest-bad-period: fails on a period that ends before it starts and on a malformed month, with their lines', async () => {
    const { error } = await failCase('manifest-bad-period');
    expect(error.problems).toEqual([
      { file: 'sources.yaml', line: 1, message: expect.stringMatching(/entry for kp-exports-2023\.csv: period "2023-10\.\.2023-01" ends before it starts/) },
      { file: 'sources.yaml', line: 6, message: expect.stringMatching(/entry for kp-imports-2023\.csv: "2023-1\.\.2023-10" is not a period/) },
    ]);
  });

  it('fails when the raw folder holds no CSV file', async () => {
    const raw = await tempDir('ingest-raw-');
    await writeFile(join(raw, 'sources.yaml'), '[]\n');
    const error = await failingRun({ rawDir: raw, outDir: join(raw, 'out'), referenceDir: REFERENCE });
    expect(error.problems).toEqual([{ file: raw, message: expect.stringMatching(/holds no CSV files/) }]);
  });
});

describe('overlapping downloads', () => {
  it('fails on two files holding the same trade in an overlapping month, naming both files', async () => {
    const { error } = await failCase('overlap-months');
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem!.file).toBe('kp-imports-2023-h1.csv');
    expect(problem!.message).toContain('kp-imports-2023-h2.csv (line 3)');
    expect(problem!.message).toMatch(/imports of code 72022100, partner 109, trade mode 10, place 22 in 2023-06/);
  });

  it('points at a row inside the overlapping months, not at the first row of that trade', async () => {
    // kp-imports-2023-h1.csv holds the trade in April (line 2) and June (line 4); only June overlaps.
    const { error } = await failCase('overlap-months');
    expect(error.problems[0]).toMatchObject({ file: 'kp-imports-2023-h1.csv', line: 4 });
  });

  it('fails on an 8-digit download and a 6-digit totals download whose codes share the prefix', async () => {
    const { error } = await failCase('overlap-prefix');
    expect(error.problems).toEqual([
      {
        file: 'kp-imports-2023-hs6-totals.csv',
        line: 3,
        message: expect.stringMatching(
          /^overlaps kp-imports-2023-hs8\.csv \(line 3\): both hold imports of code 720221, partner 109, trade mode 10, place 22 in 2023-03/,
        ),
      },
    ]);
  });

  it('accepts the same trade in adjacent months, in another place, and in the other flow', async () => {
    const { result } = await runCase(fixture('overlap-none'));
    expect(result.records).toBe(5);
    expect(result.report.files.map((f) => f.file)).toEqual(['kp-exports-2023.csv', 'kp-imports-2023-h1.csv', 'kp-imports-2023-h2.csv']);
  });
});

describe("GACC's 10,000-row download limit", () => {
  const HEADER = gaccLine(['Date of data', 'Commodity code', 'Commodity', 'Trading partner code', 'Trading partner', 'US dollar']);

  async function folderWithRows(rows: number, bad: number[] = []): Promise<string> {
    const raw = await tempDir('ingest-raw-');
    let text = HEADER;
    for (let k = 0; k < rows; k++) {
      const code = String(k).padStart(8, '0');
      text += gaccLine(['202301', code, `Product ${k}`, '109', 'Korea,DPR', bad.includes(k) ? 'n/a' : (k + 1).toLocaleString('en-US')]);
    }
    await writeFile(join(raw, 'all-products-2023-01.csv'), text);
    await writeFile(join(raw, 'sources.yaml'), SOURCES_ENTRY('all-products-2023-01.csv', 'import', '2023-01'));
    return raw;
  }

  it('warns that a file with exactly 10,000 data rows is probably cut short', async () => {
    const { result } = await runCase(await folderWithRows(10_000));
    expect(result.records).toBe(10_000);
    expect(result.report.warnings).toEqual([
      { file: 'all-products-2023-01.csv', message: expect.stringMatching(/exactly 10,000 data rows.*probably cut short/) },
    ]);
    expect(result.report.files[0]!.total_value).toBe((10_000 * 10_001) / 2);
  });

  it('counts rejected rows toward the 10,000', async () => {
    const { result } = await runCase(await folderWithRows(10_000, [17]), { allowRejects: true });
    expect(result.records).toBe(9_999);
    expect(result.report.rejected).toEqual([{ file: 'all-products-2023-01.csv', line: 19, reason: expect.stringMatching(/^value "n\/a"/) }]);
    expect(result.report.warnings).toHaveLength(1);
  });

  it('does not warn at 9,999 rows', async () => {
    const { result } = await runCase(await folderWithRows(9_999));
    expect(result.report.warnings).toEqual([]);
  });
});
