// The data step's contract with what comes after it: records.csv and its columns, report.json,
// rejected.csv, a failed run leaving the last good output alone, repeatable bytes, and an
// unchanged run kept by `npm run build`.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, describe, expect, it } from 'vitest';
import { runDataStep } from '../../src/pipeline.ts';
import { SAMPLE_PROJECT, sampleRawDir } from '../site/helpers.ts';
import {
  failingRun,
  fixture,
  gaccLine,
  gb18030,
  readOutputs,
  RECORDS_HEADER_TEXT,
  REFERENCE,
  removeTempDirs,
  runCase,
  SOURCES_ENTRY,
  tempDir,
  ZH_COLUMNS,
} from './helpers.ts';

afterAll(removeTempDirs);

describe('records.csv', () => {
  it('starts with exactly the documented header', async () => {
    const { outputs } = await runCase(fixture('overlap-none'));
    const text = outputs.get('records.csv')!.toString('utf8');
    expect(text.slice(0, text.indexOf('\n'))).toBe(RECORDS_HEADER_TEXT);
  });

  it('has one row per accepted input row, in file then line order, and matches the report', async () => {
    const { result, outputs } = await runCase(fixture('rejected-rows'), { allowRejects: true });
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    const accepted = result.report.files.reduce((sum, f) => sum + f.rows, 0);
    expect(records).toHaveLength(accepted);
    expect(result.records).toBe(accepted);
    const keys = records.map((r) => [r.file!, Number(r.line)] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]));
    // Per file, the records' values add up to the report's total.
    for (const file of result.report.files) {
      const sum = records.filter((r) => r.file === file.file).reduce((s, r) => s + Number(r.value), 0);
      expect(sum).toBe(file.total_value);
    }
  });

  it('keeps names with commas, double quotes and line breaks exactly, as RFC 4180 CSV', async () => {
    const raw = await tempDir('ingest-raw-');
    const names = ['Korea,DPR', '"Special" grade, 99%', '硅铁，“特级”', 'two\nlines'];
    let text = gaccLine(ZH_COLUMNS.slice(0, 5).concat('人民币'));
    names.forEach((name, k) => (text += gaccLine(['202301', `7202210${k}`, name, '109', name, '1,000'])));
    await writeFile(join(raw, 'kp-imports-2023.csv'), gb18030(text));
    await writeFile(join(raw, 'sources.yaml'), SOURCES_ENTRY('kp-imports-2023.csv', 'import', '2023-01..2023-10'));
    const { outputs } = await runCase(raw);
    const records = csvParse(outputs.get('records.csv')!.toString('utf8'));
    expect(records.map((r) => [r.line, r.commodity, r.partner])).toEqual([
      ['2', names[0], names[0]],
      ['3', names[1], names[1]],
      ['4', names[2], names[2]],
      ['5', names[3], names[3]],
    ]);
  });
});

describe('report.json', () => {
  it("carries each file's provenance from sources.yaml", async () => {
    const { outputs } = await runCase(fixture('overlap-none'));
    const report = JSON.parse(outputs.get('report.json')!.toString('utf8')) as { files: Record<string, unknown>[]; rejected: unknown[]; warnings: unknown[] };
    expect(report.rejected).toEqual([]);
    expect(report.files.map((f) => [f.file, f.flow, f.synthetic, f.period_start, f.period_end])).toEqual([
      ['kp-exports-2023.csv', 'export', true, '2023-05', '2023-05'],
      ['kp-imports-2023-h1.csv', 'import', true, '2023-05', '2023-05'],
      ['kp-imports-2023-h2.csv', 'import', true, '2023-05', '2023-06'],
    ]);
    for (const file of report.files) expect(file.source).toMatch(/not GACC figures/);
  });
});

describe('rejections and --allow-rejects', () => {
  it('without rejections there is no rejected.csv', async () => {
    const { outputs } = await runCase(fixture('gacc-zh-cny'), { allowRejects: true });
    expect([...outputs.keys()]).toEqual(['aggregates.json', 'facts.json', 'records.csv', 'records.parquet', 'report.json']);
  });

  it('with allowRejects the step succeeds and writes rejected.csv beside the records', async () => {
    const { outputs, result } = await runCase(fixture('rejected-rows'), { allowRejects: true });
    expect([...outputs.keys()]).toEqual(['aggregates.json', 'facts.json', 'records.csv', 'records.parquet', 'rejected.csv', 'report.json']);
    expect(csvParse(outputs.get('rejected.csv')!.toString('utf8'))).toHaveLength(result.report.rejected.length);
  });
});

describe('a failed run', () => {
  async function goodOutput() {
    const { out, outputs } = await runCase(fixture('gacc-zh-cny'));
    return { out, before: outputs };
  }

  it.each([
    ['rejected rows', 'rejected-rows'],
    ['an unreadable file', 'file-errors'],
    ['a manifest problem', 'manifest-unknown-key'],
    ['overlapping files', 'overlap-months'],
  ])('because of %s leaves the previous output folder untouched', async (_why, name) => {
    const { out, before } = await goodOutput();
    const siblings = await readdir(dirname(out));
    await failingRun({ rawDir: fixture(name), outDir: out, referenceDir: REFERENCE });
    expect(await readOutputs(out)).toEqual(before);
    // No scratch or half-swapped folder is left beside it.
    expect(await readdir(dirname(out))).toEqual(siblings);
  });
});

describe('declared periods no download covers', () => {
  it('fail the step, naming them, instead of becoming zeros', async () => {
    // The sample data without 2022's exports: sanctioned exports "zero in 2022" would be made up.
    const raw = await tempDir('ingest-raw-');
    await cp(await sampleRawDir(), raw, { recursive: true });
    await rm(join(raw, 'kp-exports-2022.csv'));
    const manifest = await readFile(join(raw, 'sources.yaml'), 'utf8');
    await writeFile(join(raw, 'sources.yaml'), manifest.replace(/^- file: kp-exports-2022\.csv\n(?: {2}.*\n)+/m, ''));
    const error = await failingRun({
      rawDir: raw,
      outDir: await tempDir('ingest-out-'),
      referenceDir: REFERENCE,
      aggregatesFile: join(SAMPLE_PROJECT, 'data/aggregates.yaml'),
    });
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^aggregate sanctioned-exports declares 2022, but no download of exports in CNY with partner 109 covers it/),
    ]);
  });
});

describe('repeatability', () => {
  it('two runs give byte-identical outputs', async () => {
    const first = await runCase(fixture('rejected-rows'), { allowRejects: true });
    const second = await runCase(fixture('rejected-rows'), { allowRejects: true });
    expect(first.outputs.size).toBe(6);
    expect(second.outputs).toEqual(first.outputs);
  });

  it('a second run into the same folder replaces the output with the same bytes', async () => {
    const { out, outputs } = await runCase(fixture('overlap-none'));
    await runDataStep({ rawDir: fixture('overlap-none'), outDir: out, referenceDir: REFERENCE });
    expect(await readOutputs(out)).toEqual(outputs);
  });
});

describe('keeping an unchanged run', () => {
  async function keptCase() {
    const raw = await tempDir('ingest-raw-');
    await cp(fixture('overlap-none'), raw, { recursive: true });
    const reference = await tempDir('ingest-reference-');
    await cp(REFERENCE, reference, { recursive: true });
    const options = { rawDir: raw, outDir: join(await tempDir('ingest-out-'), 'build'), referenceDir: reference, keepUnchanged: true };
    const first = await runDataStep(options);
    return { raw, reference, options, first, outputs: await readOutputs(options.outDir) };
  }

  it('keeps the outputs, and reports the same counts, when nothing it reads changed', async () => {
    const { options, first, outputs } = await keptCase();
    expect(first.kept).toBeUndefined();
    expect(outputs.has('last-run.json')).toBe(true);
    const second = await runDataStep(options);
    expect(second.kept).toBe(true);
    expect([second.records, second.aggregates, second.facts]).toEqual([first.records, first.aggregates, first.facts]);
    expect(second.report).toEqual(first.report);
    expect(await readOutputs(options.outDir)).toEqual(outputs);
  });

  it.each([
    ['a download', (raw: string) => join(raw, 'kp-exports-2023.csv')],
    ['sources.yaml', (raw: string) => join(raw, 'sources.yaml')],
    ['a reference table', (_raw: string, reference: string) => join(reference, 'products.yaml')],
  ])('reads everything again when %s changed', async (_what, file) => {
    const { raw, reference, options } = await keptCase();
    const path = file(raw, reference);
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.from('\r\n')]));
    expect((await runDataStep(options)).kept).toBeUndefined();
  });

  it('reads everything again when an option changed or an output is missing', async () => {
    const { options } = await keptCase();
    expect((await runDataStep({ ...options, allowRejects: true })).kept).toBeUndefined();
    await rm(join(options.outDir, 'facts.json'));
    expect((await runDataStep({ ...options, allowRejects: true })).kept).toBeUndefined();
    expect((await runDataStep({ ...options, allowRejects: true })).kept).toBe(true);
  });

  it('leaves no digest when not asked to keep, so a later run cannot mistake its outputs', async () => {
    const { options } = await keptCase();
    await runDataStep({ ...options, keepUnchanged: false });
    expect((await readOutputs(options.outDir)).has('last-run.json')).toBe(false);
    expect((await runDataStep(options)).kept).toBeUndefined();
  });
});
