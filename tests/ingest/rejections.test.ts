// Rows that cannot be read exactly are rejected, each with its file, line and a reason a
// reporter can act on; they fail the data step unless --allow-rejects sets them aside.
import type { Rejection } from '../../src/contract/index.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failingRun,
  fixture,
  gaccLine,
  gb18030,
  independentValueSum,
  REFERENCE,
  removeTempDirs,
  runCase,
  SOURCES_ENTRY,
  tempDir,
  type CaseRun,
} from './helpers.ts';

afterAll(removeTempDirs);

const RAW = fixture('rejected-rows');
const IMPORTS = 'kp-imports-2023.csv';
const EXPORTS = 'kp-exports-2023.csv';

/** [what, file, line, reason] for every bad row of the fixture folder. */
const EXPECTED: [string, string, number, RegExp][] = [
  ['a row with one column missing', EXPORTS, 3, /^missing columns: the row has \d+ fields where the header has 14/],
  ['a row with one column too many', EXPORTS, 4, /^extra columns: the row has 15 fields where the header has 14/],
  ['a stray double quote', EXPORTS, 5, /^broken quoting/],
  ['a value with a misplaced thousands separator "12,34"', IMPORTS, 3, /^value "12,34" is not a whole number/],
  ['a value with a decimal fraction "1.5"', IMPORTS, 4, /^value "1\.5" is not a whole number/],
  ['a value that is not a number "abc"', IMPORTS, 5, /^value "abc" is not a whole number/],
  ['month 13 "202313"', IMPORTS, 6, /^impossible month "202313"/],
  ['a five-digit month "20231"', IMPORTS, 7, /^impossible month "20231"/],
  ['a month outside the period declared in sources.yaml', IMPORTS, 8, /^month 2023-11 is outside the period declared in sources\.yaml \(2023-01\.\.2023-10\)/],
  ['a code that lost its leading zero (7 digits)', IMPORTS, 9, /^commodity code "7202210" has 7 digits.*leading zero/],
  ['a 6-digit code in a file of 8-digit codes', IMPORTS, 10, /^commodity code "720221" has 6 digits but this file's codes have 8/],
  ['a commodity code with a letter', IMPORTS, 11, /^commodity code "7202210A" is not a number/],
  ['a quantity that is not a number "1.2.3"', IMPORTS, 12, /^quantity "1\.2\.3" is not a number/],
  ['bytes that are not GB18030 text in the commodity name', IMPORTS, 13, /^the commodity name cannot be decoded/],
  ['a partner code with a letter O for a zero', IMPORTS, 14, /^trading partner code "1O9" is not a number/],
];

describe('rejected rows (fixture rejected-rows, run with allowRejects)', () => {
  let run: CaseRun;
  beforeAll(async () => {
    run = await runCase(RAW, { allowRejects: true });
  });

  it.each(EXPECTED)('rejects %s: %s line %i', (_what, file, line, reason) => {
    const found = run.result.report.rejected.filter((r) => r.file === file && r.line === line);
    expect(found, `a rejection for ${file}:${line}`).toHaveLength(1);
    expect(found[0]!.reason).toMatch(reason);
  });

  it('rejects those rows and no others', () => {
    const got = run.result.report.rejected.map((r) => `${r.file}:${r.line}`).sort();
    expect(got).toEqual(EXPECTED.map(([, file, line]) => `${file}:${line}`).sort());
  });

  it('keeps every good row, with its line', () => {
    const records = csvParse(run.outputs.get('records.csv')!.toString('utf8'));
    expect(records.map((r) => `${r.file}:${r.line}:${r.value}`)).toEqual([
      `${EXPORTS}:2:12000`,
      `${EXPORTS}:6:16000`,
      `${IMPORTS}:2:1000000`,
      `${IMPORTS}:15:11000`,
    ]);
    expect(run.result.records).toBe(4);
  });

  it('writes rejected.csv with file, line, reason and the readable value of each rejected row', () => {
    const text = run.outputs.get('rejected.csv')!.toString('utf8');
    expect(text.split('\n')[0]).toBe('file,line,reason,value');
    const rows = csvParse(text);
    expect(rows).toHaveLength(run.result.report.rejected.length);
    rows.forEach((row, k) => {
      const rejection: Rejection = run.result.report.rejected[k]!;
      expect(row).toEqual({
        file: rejection.file,
        line: String(rejection.line),
        reason: rejection.reason,
        value: rejection.value === undefined ? '' : String(rejection.value),
      });
    });
    // Rows whose value itself was readable keep it, so sums can be reconciled.
    const value = (file: string, line: number) => rows.find((r) => r.file === file && r.line === String(line))!.value;
    expect(value(IMPORTS, 6)).toBe('2000');
    expect(value(IMPORTS, 13)).toBe('9000');
    expect(value(IMPORTS, 3)).toBe('');
  });

  it('counts accepted and rejected rows per file in report.json', () => {
    const report = JSON.parse(run.outputs.get('report.json')!.toString('utf8')) as { files: { file: string; rows: number; rejected: number }[] };
    expect(report.files.map(({ file, rows, rejected }) => ({ file, rows, rejected }))).toEqual([
      { file: EXPORTS, rows: 2, rejected: 3 },
      { file: IMPORTS, rows: 2, rejected: 12 },
    ]);
  });

  it.each([IMPORTS, EXPORTS])('reconciles %s: total_value plus readable rejected values is the sum of the value column', async (file) => {
    const written = JSON.parse(run.outputs.get('report.json')!.toString('utf8')) as typeof run.result.report;
    const report = written.files.find((f) => f.file === file)!;
    const rejectedValues = written.rejected.filter((r) => r.file === file && r.value !== undefined).reduce((sum, r) => sum + r.value!, 0);
    const expected = independentValueSum(await readFile(join(RAW, file)), 'gb18030');
    expect(report.total_value + rejectedValues).toBe(expected);
  });
});

describe('rejected rows without allowRejects', () => {
  it('fail the data step with a DataStepError naming each file and line, and write nothing', async () => {
    const out = join(await tempDir(), 'build');
    const error = await failingRun({ rawDir: RAW, outDir: out, referenceDir: REFERENCE });
    expect(error.message).toMatch(/15 row\(s\) could not be read exactly/);
    expect(error.message).toMatch(/--allow-rejects/);
    expect(error.problems.map((p) => `${p.file}:${p.line}`).sort()).toEqual(EXPECTED.map(([, file, line]) => `${file}:${line}`).sort());
    for (const problem of error.problems) {
      const [, , , reason] = EXPECTED.find(([, file, line]) => file === problem.file && line === problem.line)!;
      expect(problem.message).toMatch(reason);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('rows in files written inside the test', () => {
  async function readFolder(files: Record<string, Buffer | string>, manifest: string) {
    const raw = await tempDir('ingest-raw-');
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(raw, name), bytes);
    await writeFile(join(raw, 'sources.yaml'), manifest);
    return runCase(raw, { allowRejects: true });
  }

  it('rejects a short row as missing columns when the value column is not last, instead of reading shifted fields', async () => {
    // The download's columns in another order; row 3 has lost its partner name, so the
    // trailing comma's empty field would otherwise stand in for it.
    const text =
      gaccLine(['商品编码', '人民币', '商品名称', '贸易伙伴名称']) +
      gaccLine(['72022100', '1,000', '硅铁', '朝鲜']) +
      '"26110000","2,000","钨矿砂及其精矿",\r\n' +
      gaccLine(['28492000', '3,000', '碳化硅', '朝鲜']);
    const { result } = await readFolder({ 'kp-imports-2023.csv': gb18030(text) }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected).toEqual([
      expect.objectContaining({ file: 'kp-imports-2023.csv', line: 3, reason: expect.stringMatching(/^missing columns/) }),
    ]);
    expect(result.records).toBe(2);
  });

  it('accepts a complete row that lacks the trailing comma in a file whose header has one', async () => {
    // A row typed in by hand below a GACC download: every column is there, only the empty
    // column after the trailing comma is not.
    const text =
      gaccLine(['数据年月', '商品编码', '商品名称', '人民币']) + gaccLine(['202301', '72022100', '硅铁', '1,000']) + '"202302","72022100","硅铁","2,000"\r\n';
    const { result } = await readFolder({ 'kp-imports-2023.csv': gb18030(text) }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected).toEqual([]);
    expect(result.report.files[0]!.total_value).toBe(3000);
  });

  it('accepts rows with a trailing comma when the header has none', async () => {
    const text = '数据年月,商品编码,商品名称,人民币\n202301,72022100,硅铁,1000,\n202302,72022100,硅铁,2000\n';
    const { result } = await readFolder({ 'kp-imports-2023.csv': text }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected).toEqual([]);
    expect(result.records).toBe(2);
  });

  it('never gives a width reason that contradicts itself ("3 fields where the header has 3")', async () => {
    const text =
      gaccLine(['数据年月', '商品编码', '商品名称', '人民币']) +
      '"202301","72022100","硅铁","1,000"\r\n' +
      '"202301","72022100","1,000",\r\n' +
      '"202301","72022100","硅铁","特级","1,000",\r\n' +
      '"202301","72022100","硅铁","1,000","x"\r\n';
    const { result } = await readFolder({ 'kp-imports-2023.csv': gb18030(text) }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    for (const { reason } of result.report.rejected) {
      const counts = /the row has (\d+) fields where the header has (\d+)/.exec(reason);
      if (counts) expect(counts[1], reason).not.toBe(counts[2]);
    }
    expect(result.report.rejected.map((r) => r.line)).toEqual(expect.arrayContaining([3, 4, 5]));
  });

  it('keeps line numbers true after a quoted name that holds a line break', async () => {
    const text =
      gaccLine(['数据年月', '商品编码', '商品名称', '人民币']) +
      gaccLine(['202301', '72022100', '硅铁\r\n(特级)', '1,000']) +
      gaccLine(['202301', '2611000', '钨矿砂', '2,000']) +
      gaccLine(['202301', '26110000', '钨矿砂', '3,000']);
    const { result, outputs } = await readFolder({ 'kp-imports-2023.csv': gb18030(text) }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected.map((r) => r.line)).toEqual([4]);
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    expect(records.map((r) => [r.line, r.commodity])).toEqual([
      ['2', '硅铁\r\n(特级)'],
      ['5', '钨矿砂'],
    ]);
  });

  it('rejects a GB18030 name cut in the middle of a character', async () => {
    const text = Buffer.concat([
      gb18030(gaccLine(['数据年月', '商品编码', '商品名称', '人民币']) + gaccLine(['202301', '72022100', '硅铁', '1,000']) + '"202301","26110000","钨'),
      Buffer.from([0xbf]), // first byte of 矿 (BF F3) without its second
      gb18030('","2,000",\r\n'),
    ]);
    const { result } = await readFolder({ 'kp-imports-2023.csv': text }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected).toEqual([
      { file: 'kp-imports-2023.csv', line: 3, reason: expect.stringMatching(/^the commodity name cannot be decoded/), value: 2000 },
    ]);
  });

  // A reporter's UTF-8 file with one damaged byte: only that row should suffer.
  const damaged = (header: string, good: string[]) =>
    Buffer.concat([
      Buffer.from(header + good[0]!),
      Buffer.from('"202301","72022100","'),
      Buffer.from([0xe7, 0xa1]),
      Buffer.from('","Korea DPR","2,000",\r\n'), // 硅 (E7 A1 85) cut short
      Buffer.from(good[1]!),
    ]);

  it('rejects only the damaged row of a UTF-8 file with English headers, and reads the others as UTF-8', async () => {
    const bytes = damaged(gaccLine(['Date of data', 'Commodity code', 'Commodity', 'Trading partner', 'Renminbi Yuan']), [
      gaccLine(['202301', '28492000', 'Silicon carbide – crude', 'Korea，DPR', '1,000']),
      gaccLine(['202302', '26110000', 'Tungsten ores', 'Korea，DPR', '3,000']),
    ]);
    const { result, outputs } = await readFolder({ 'kp-imports-2023.csv': bytes }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.files[0]!.encoding).toBe('utf-8');
    expect(result.report.rejected).toEqual([
      { file: 'kp-imports-2023.csv', line: 3, reason: expect.stringMatching(/^the commodity name cannot be decoded/), value: 2000 },
    ]);
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    expect(records.map((r) => [r.line, r.commodity, r.partner])).toEqual([
      ['2', 'Silicon carbide – crude', 'Korea，DPR'],
      ['4', 'Tungsten ores', 'Korea，DPR'],
    ]);
  });

  it('rejects only the damaged row of a UTF-8 file with Chinese headers, instead of failing on the header', async () => {
    const bytes = damaged(gaccLine(['数据年月', '商品编码', '商品名称', '贸易伙伴名称', '人民币']), [
      gaccLine(['202301', '28492000', '碳化硅', '朝鲜', '1,000']),
      gaccLine(['202302', '26110000', '钨矿砂', '朝鲜', '3,000']),
    ]);
    const { result } = await readFolder({ 'kp-imports-2023.csv': bytes }, SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    expect(result.report.rejected.map((r) => [r.line, r.reason])).toEqual([[3, expect.stringMatching(/cannot be decoded/)]]);
    expect(result.records).toBe(2);
  });
});
