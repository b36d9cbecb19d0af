// records.parquet holds the same rows as records.csv, typed, as DuckDB reads them back; and
// the same input gives the same bytes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, type TradeRecord } from '../../src/contract/index.ts';
import { RecordsParquet, ROW_GROUP, TEXT_COLUMNS } from '../../src/records-parquet.ts';
import { fixture, removeTempDirs, runCase, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

async function duckRows(path: string): Promise<{ types: string[]; rows: Record<string, unknown>[]; codecs: string[]; encodings: Map<string, string> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const file = `'${path.replaceAll("'", "''")}'`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${file})`);
    const read = await connection.runAndReadAll(`SELECT * FROM read_parquet(${file})`);
    const codecs = await connection.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata(${file}) ORDER BY 1`);
    const encodings = await connection.runAndReadAll(`SELECT path_in_schema, string_agg(DISTINCT encodings, ', ') FROM parquet_metadata(${file}) GROUP BY 1`);
    return {
      types: described.getRows().map((row) => `${String(row[0])} ${String(row[1])}`),
      rows: read.getRowObjects(),
      codecs: codecs.getRows().map((row) => String(row[0])),
      encodings: new Map(encodings.getRows().map((row) => [String(row[0]), String(row[1])])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A DuckDB value as records.csv writes it: no quantity as an empty field, numbers plain. */
const asCsv = (value: unknown) => (value === null ? '' : String(value));

// Chinese names and a decimal quantity; English names with commas and missing quantities;
// names with quotes; a totals file with a fixed period.
describe.each(['gacc-zh-cny', 'gacc-en-usd', 'inner-quotes', 'totals-no-month'])('records.parquet of fixture %s', (name) => {
  it('has the typed columns, Zstandard pages, text in dictionaries and, read by DuckDB, the rows of records.csv', async () => {
    const { out } = await runCase(fixture(name), { allowRejects: true });
    const { types, rows, codecs, encodings } = await duckRows(join(out, 'records.parquet'));
    expect(codecs).toEqual(['ZSTD']);
    for (const column of TEXT_COLUMNS) expect(encodings.get(column), column).toContain('RLE_DICTIONARY');
    expect(types).toEqual(
      RECORD_COLUMNS.map(
        (column) => `${column} ${column === 'line' ? 'INTEGER' : column === 'value' ? 'BIGINT' : column.startsWith('quantity') ? 'DOUBLE' : 'VARCHAR'}`,
      ),
    );
    const { outputs } = await runCase(fixture(name), { allowRejects: true });
    const csv = csvParse(outputs.get('records.csv')!.toString('utf8'));
    expect(csv.length).toBeGreaterThan(0);
    expect(rows.map((row) => Object.fromEntries(RECORD_COLUMNS.map((column) => [column, asCsv(row[column])])))).toEqual(csv.map((row) => ({ ...row })));
  });

  it('is byte-identical across runs', async () => {
    const first = await runCase(fixture(name), { allowRejects: true });
    const second = await runCase(fixture(name), { allowRejects: true });
    expect(first.outputs.get('records.parquet')!.equals(second.outputs.get('records.parquet')!)).toBe(true);
  });
});

// More rows than one row group, so that the writing thread refills its column arrays and
// cuts the last, short group; the writer is fed as the data step feeds it, awaiting drained().
describe('records.parquet of several row groups', () => {
  const ROWS = 2 * ROW_GROUP + 7;
  const record = (k: number): TradeRecord => ({
    file: 'many.csv',
    line: k + 2,
    flow: 'import',
    period_start: `2023-0${(k % 9) + 1}`,
    period_end: `2023-0${(k % 9) + 1}`,
    hs_code: String(10_000_000 + (k % 5_000)),
    commodity: `Goods "${k % 5_000}", other`,
    partner_code: String(k % 200),
    partner: `Partner ${k % 200}`,
    trade_mode_code: '10',
    trade_mode: 'General trade',
    place_code: String(k % 31),
    place: `Place ${k % 31}`,
    quantity: k % 3 === 0 ? null : k / 4,
    unit: k % 3 === 0 ? '' : 'kg',
    quantity2: null,
    unit2: '',
    value: k * 1_000_003,
    currency: 'CNY',
  });
  const write = async (path: string) => {
    const parquet = new RecordsParquet(path);
    for (let k = 0; k < ROWS; k++) {
      parquet.add(record(k));
      if (k % 10_000 === 9_999) await parquet.drained();
    }
    await parquet.close();
  };

  it('holds every row, in order, as DuckDB reads it back, and the same bytes each time', async () => {
    const dir = await tempDir();
    await write(join(dir, 'a.parquet'));
    await write(join(dir, 'b.parquet'));
    const { rows } = await duckRows(join(dir, 'a.parquet'));
    expect(rows).toHaveLength(ROWS);
    for (const k of [0, 1, ROW_GROUP - 1, ROW_GROUP, 2 * ROW_GROUP, ROWS - 1]) {
      expect({ ...rows[k], line: Number(rows[k]!.line), value: Number(rows[k]!.value) }).toEqual(record(k));
    }
    expect(rows.reduce((sum, row) => sum + BigInt(row.value as bigint), 0n)).toBe(BigInt((((ROWS - 1) * ROWS) / 2) * 1_000_003));
    expect((await readFile(join(dir, 'a.parquet'))).equals(await readFile(join(dir, 'b.parquet')))).toBe(true);
  });
});
