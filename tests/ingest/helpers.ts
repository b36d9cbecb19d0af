// Shared pieces for the ingest tests: where the fixtures are, running the data step into a
// throwaway folder, and writing GACC-format lines for files generated inside a test.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { csvParseRows } from 'd3-dsv';
import { expect } from 'vitest';
import { runDataStep, type DataStepOptions, type DataStepResult } from '../../src/pipeline.ts';
import { DataStepError, formatProblem } from '../../src/ingest/errors.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export const RECORDS_HEADER_TEXT =
  'file,line,flow,period_start,period_end,hs_code,commodity,partner_code,partner,trade_mode_code,trade_mode,place_code,place,quantity,unit,quantity2,unit2,value,currency';

export const ZH_COLUMNS = [
  '数据年月',
  '商品编码',
  '商品名称',
  '贸易伙伴编码',
  '贸易伙伴名称',
  '贸易方式编码',
  '贸易方式名称',
  '注册地编码',
  '注册地名称',
  '第一数量',
  '第一计量单位',
  '第二数量',
  '第二计量单位',
];

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Temporary folders made by a test file; remove them all with `removeTempDirs` in afterAll. */
const made: string[] = [];

export async function tempDir(prefix = 'ingest-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** One GACC line: every field double-quoted (quotes doubled), a trailing comma, CRLF. */
export function gaccLine(fields: readonly string[], ending = '\r\n'): string {
  return `${fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')},${ending}`;
}

export function gb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export const SOURCES_ENTRY = (file: string, flow: 'import' | 'export', period?: string) =>
  `- file: ${file}\n  flow: ${flow}\n${period ? `  period: ${period}\n` : ''}  source: "Generated inside a test, in the format of a GACC download; not GACC figures"\n  synthetic: true\n`;

export interface CaseRun {
  result: DataStepResult;
  out: string;
  /** Every output file, by name, as bytes. */
  outputs: Map<string, Buffer>;
}

export async function runCase(rawDir: string, options: Partial<DataStepOptions> = {}): Promise<CaseRun> {
  const out = join(await tempDir('ingest-out-'), 'build');
  let result: DataStepResult;
  try {
    result = await runDataStep({ rawDir, outDir: out, referenceDir: REFERENCE, ...options });
  } catch (error) {
    // Say what the problems were, not just how many.
    if (error instanceof DataStepError) throw new Error(`${error.message}: ${error.problems.map(formatProblem).join('; ')}`);
    throw error;
  }
  return { result, out, outputs: await readOutputs(out) };
}

export async function readOutputs(dir: string): Promise<Map<string, Buffer>> {
  const outputs = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) outputs.set(name, await readFile(join(dir, name)));
  return outputs;
}

/** Runs the data step expecting it to fail, and returns the error. */
export async function failingRun(options: DataStepOptions): Promise<DataStepError> {
  const error = await runDataStep(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the data step should have failed').toBeInstanceOf(DataStepError);
  return error as DataStepError;
}

/**
 * The sum of a download's value column, worked out without the project's reader: decode the
 * whole file, parse it with d3-dsv, and add every value that is plainly a whole number (digits,
 * or digits grouped by three with commas).
 */
export function independentValueSum(bytes: Buffer, encoding: 'gb18030' | 'utf-8'): number {
  let text = encoding === 'gb18030' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const rows = csvParseRows(text).filter((row) => !(row.length === 1 && row[0] === ''));
  const header = rows[0]!.map((name) => name.trim().toLowerCase());
  const index = header.findIndex((name) => ['人民币', '美元', 'renminbi yuan', 'us dollar'].includes(name));
  expect(index, 'value column').toBeGreaterThanOrEqual(0);
  let sum = 0;
  for (const row of rows.slice(1)) {
    const field = (row[index] ?? '').trim();
    if (/^(\d+|\d{1,3}(,\d{3})+)$/.test(field)) sum += Number(field.replaceAll(',', ''));
  }
  return sum;
}
