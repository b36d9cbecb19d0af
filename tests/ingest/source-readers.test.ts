// The data step reads each file with the reader its sources.yaml entry names by `format:`.
// A tiny reader of a made-up format, registered here only, stands in for a second source:
// its records reach records.csv, records.parquet, the report, the overlap check and the
// aggregates like a GACC download's; an unknown format stops the step at its entry's line.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rejection } from '../../src/contract/index.ts';
import { readerRegistry, SOURCE_READERS } from '../../src/sources/index.ts';
import { readGaccFile } from '../../src/sources/gacc/read-file.ts';
import type { SourceReader } from '../../src/sources/types.ts';
import { failingRun, fixture, REFERENCE, removeTempDirs, runCase, SOURCES_ENTRY, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

/**
 * The made-up format: a header line, then `month|code|name|partner code|value` per row, in
 * dollars, with no trade mode, place or quantities.
 */
const pipeReader: SourceReader = {
  format: 'pipe-test',
  writesRecordsCsv: false,
  async read(source, { onRecord, onBytes }) {
    const text = await readFile(source.path, 'utf8');
    const rejections: Rejection[] = [];
    const months: string[] = [];
    let rows = 0;
    let total = 0;
    text.split('\n').forEach((row, k) => {
      if (k === 0 || row === '') return;
      const line = k + 1;
      const [month = '', code = '', name = '', partner = '', value = ''] = row.split('|');
      if (!/^\d+$/.test(value)) {
        rejections.push({ file: source.file, line, reason: `value "${value}" is not a whole number` });
        return;
      }
      rows++;
      total += Number(value);
      months.push(month);
      onRecord({
        file: source.file,
        line,
        flow: source.flow,
        period_start: month,
        period_end: month,
        hs_code: code,
        commodity: name,
        partner_code: partner,
        partner: `Partner ${partner}`,
        trade_mode_code: '',
        trade_mode: '',
        place_code: '',
        place: '',
        quantity: null,
        unit: '',
        quantity2: null,
        unit2: '',
        value: Number(value),
        currency: 'USD',
      });
    });
    onBytes?.(Buffer.byteLength(text));
    months.sort();
    return {
      report: {
        file: source.file,
        encoding: 'utf-8',
        language: 'en',
        rows,
        rejected: rejections.length,
        currency: 'USD',
        period_start: months[0] ?? '',
        period_end: months.at(-1) ?? '',
        total_value: total,
        synthetic: source.synthetic,
        flow: source.flow,
        source: source.source,
      },
      rejections,
      warnings: [{ file: source.file, message: 'a warning from the test reader' }],
      keyFields: ['partner_code'],
    };
  },
};

const readers = readerRegistry([...SOURCE_READERS.values(), pipeReader]);

const PIPE_FILE =
  'month|code|name|partner|value\n2023-01|84713000|Laptops, "thin"|116|1200\n2023-02|84713000|Laptops, "thin"|116|800\n2023-02|85171300|Phones|116|12x\n';

/** The GACC fixture gacc-zh-cny (imports from partner 109, 2023) beside a file in the made-up format. */
async function mixedRaw(pipeFile: string, format = pipeReader.format): Promise<string> {
  const raw = await tempDir('ingest-raw-');
  await cp(fixture('gacc-zh-cny'), raw, { recursive: true });
  await writeFile(join(raw, 'partner-data.csv'), pipeFile);
  const manifest = await readFile(join(raw, 'sources.yaml'), 'utf8');
  await writeFile(join(raw, 'sources.yaml'), `${manifest}${SOURCES_ENTRY('partner-data.csv', 'import')}  format: ${format}\n`);
  return raw;
}

const AGGREGATES = `aggregates:
  dollar-imports:
    description: Imports in dollars by commodity code (test)
    flow: import
    currency: USD
    period: 2023-01..2023-02
    group_by: [hs_code]
`;

describe('a second source reader, named by format: in sources.yaml', () => {
  it("has its records written, checked and aggregated beside the GACC download's", async () => {
    const raw = await mixedRaw(PIPE_FILE);
    const aggregatesFile = join(await tempDir('ingest-agg-'), 'aggregates.yaml');
    await writeFile(aggregatesFile, AGGREGATES);
    const { result, out, outputs } = await runCase(raw, { readers, allowRejects: true, aggregatesFile });

    const lines = outputs.get('records.csv')!.toString('utf8').split('\n');
    expect(lines.filter((line) => line.startsWith('partner-data.csv,'))).toEqual([
      'partner-data.csv,2,import,2023-01,2023-01,84713000,"Laptops, ""thin""",116,Partner 116,,,,,,,,,1200,USD',
      'partner-data.csv,3,import,2023-02,2023-02,84713000,"Laptops, ""thin""",116,Partner 116,,,,,,,,,800,USD',
    ]);
    const gaccRecords = csvParse(outputs.get('records.csv')!.toString('utf8')).filter((r) => r.file === 'kp-imports-2023.csv');
    expect(gaccRecords.length).toBe(result.report.files.find((f) => f.file === 'kp-imports-2023.csv')!.rows);

    expect(result.report.files.map((f) => [f.file, f.rows, f.rejected, f.total_value, f.currency])).toEqual([
      ['kp-imports-2023.csv', gaccRecords.length, 0, expect.any(Number), 'CNY'],
      ['partner-data.csv', 2, 1, 2000, 'USD'],
    ]);
    expect(result.report.rejected).toEqual([{ file: 'partner-data.csv', line: 4, reason: 'value "12x" is not a whole number' }]);
    expect(result.report.warnings).toContainEqual({ file: 'partner-data.csv', message: 'a warning from the test reader' });

    const aggregates = JSON.parse(outputs.get('aggregates.json')!.toString('utf8')) as Record<string, { rows: Record<string, unknown>[] }>;
    expect(aggregates['dollar-imports']!.rows).toEqual([expect.objectContaining({ hs_code: '84713000', value: 2000 })]);

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const parquet = `'${join(out, 'records.parquet').replaceAll("'", "''")}'`;
      const read = await connection.runAndReadAll(`SELECT file, count(*)::INTEGER AS n FROM read_parquet(${parquet}) GROUP BY file ORDER BY file`);
      expect(read.getRows()).toEqual([
        ['kp-imports-2023.csv', gaccRecords.length],
        ['partner-data.csv', 2],
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('has its records checked for overlaps with the key fields its files have', async () => {
    // The GACC fixture holds ferrosilicon (72022100) from partner 109 in 2023-02; a file
    // with no trade mode or place column covers every trade mode and place of it.
    const raw = await mixedRaw('month|code|name|partner|value\n2023-02|72022100|Ferrosilicon|109|500\n');
    const error = await failingRun({ rawDir: raw, outDir: await tempDir('ingest-out-'), referenceDir: REFERENCE, readers });
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'kp-imports-2023.csv',
        message: expect.stringMatching(/^overlaps partner-data\.csv \(line 2\): both hold imports of code 72022100, partner 109 in 2023-02;/),
      }),
    ]);
  });

  it("stops at the entry's line when no reader reads its format, naming the formats known", async () => {
    const raw = await mixedRaw(PIPE_FILE, 'comtrade');
    const error = await failingRun({ rawDir: raw, outDir: await tempDir('ingest-out-'), referenceDir: REFERENCE, readers });
    expect(error.problems).toEqual([
      {
        file: 'sources.yaml',
        line: 6,
        message: 'the entry for partner-data.csv has format "comtrade", which no reader reads; the formats known are gacc, pipe-test',
      },
    ]);
  });
});

describe('records.csv from a reader that hands over records only', () => {
  // The GACC reader writes its records.csv lines as bytes; wrapped so that it passes only
  // records, the data step formats them itself, and must come to the very same bytes.
  const recordsOnly: SourceReader = {
    format: 'gacc-records-only',
    writesRecordsCsv: false,
    read: (source, { onRecord }) => readGaccFile(source, { onRecord }),
  };
  const recordsOnlyReaders = readerRegistry([...SOURCE_READERS.values(), recordsOnly]);

  // Chinese names and decimal quantities; English names with commas and missing quantities;
  // names with quotes; a totals file with a fixed period.
  it.each(['gacc-zh-cny', 'gacc-en-usd', 'inner-quotes', 'totals-no-month'])("is byte for byte the GACC reader's for fixture %s", async (name) => {
    const raw = await tempDir('ingest-raw-');
    await cp(fixture(name), raw, { recursive: true });
    const manifest = await readFile(join(raw, 'sources.yaml'), 'utf8');
    await writeFile(join(raw, 'sources.yaml'), manifest.replace(/^- file: (.*)$/gm, `- file: $1\n  format: ${recordsOnly.format}`));
    const expected = (await runCase(fixture(name), { allowRejects: true })).outputs;
    const formatted = (await runCase(raw, { allowRejects: true, readers: recordsOnlyReaders })).outputs;
    expect(formatted.get('records.csv')!.length).toBeGreaterThan(200);
    expect(formatted.get('records.csv')!.toString('utf8')).toBe(expected.get('records.csv')!.toString('utf8'));
    expect(formatted.get('records.parquet')!.equals(expected.get('records.parquet')!)).toBe(true);
  });
});
