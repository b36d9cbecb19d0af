// records.parquet holds the same rows as records.csv, typed, as DuckDB reads them back; and
// the same input gives the same bytes.
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../../src/contract/index.ts';
import { fixture, removeTempDirs, runCase } from './helpers.ts';

afterAll(removeTempDirs);

async function duckRows(path: string): Promise<{ types: string[]; rows: Record<string, unknown>[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const file = `'${path.replaceAll("'", "''")}'`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${file})`);
    const read = await connection.runAndReadAll(`SELECT * FROM read_parquet(${file})`);
    return { types: described.getRows().map((row) => `${String(row[0])} ${String(row[1])}`), rows: read.getRowObjects() };
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
  it('has the typed columns and, read by DuckDB, the rows of records.csv', async () => {
    const { out } = await runCase(fixture(name), { allowRejects: true });
    const { types, rows } = await duckRows(join(out, 'records.parquet'));
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
