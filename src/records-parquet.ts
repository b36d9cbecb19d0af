// records.parquet: the rows of records.csv, typed, for desks that query records in DuckDB or
// BigQuery. Codes stay text (leading zeros kept), quantities are nullable doubles, the value
// a 64-bit integer and the line a 32-bit one. Rows are gathered into column arrays and
// written a row group at a time, so memory stays flat however many records there are; the
// file holds no timestamps, so the same records give the same bytes.
import { RECORD_COLUMNS, type TradeRecord } from './contract/index.ts';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';

/** Rows per row group: large enough for good compression, small enough to keep memory flat. */
const ROW_GROUP = 50_000;

type Column = (typeof RECORD_COLUMNS)[number];

const INT32_COLUMNS: ReadonlySet<Column> = new Set(['line']);
const INT64_COLUMNS: ReadonlySet<Column> = new Set(['value']);
const DOUBLE_COLUMNS: ReadonlySet<Column> = new Set(['quantity', 'quantity2']);

function schemaElement(name: Column): SchemaElement {
  if (INT32_COLUMNS.has(name)) return { name, type: 'INT32', repetition_type: 'REQUIRED' };
  if (INT64_COLUMNS.has(name)) return { name, type: 'INT64', repetition_type: 'REQUIRED' };
  if (DOUBLE_COLUMNS.has(name)) return { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
  return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
}

const VALUE = RECORD_COLUMNS.indexOf('value');

export const RECORDS_PARQUET_SCHEMA: SchemaElement[] = [{ name: 'root', num_children: RECORD_COLUMNS.length }, ...RECORD_COLUMNS.map(schemaElement)];

export class RecordsParquet {
  private readonly writer: ParquetWriter;
  private columns: unknown[][] = RECORD_COLUMNS.map(() => []);
  /** INT64 columns take bigints. */
  private readonly values = new BigInt64Array(ROW_GROUP);
  private rows = 0;

  constructor(path: string) {
    // Without min/max statistics: comparing every string of every column cost more than the
    // rest of the writing, and these files are read whole or filtered by value, not skipped through.
    this.writer = new ParquetWriter({ writer: fileWriter(path), schema: RECORDS_PARQUET_SCHEMA, createdBy: 'customs-story', statistics: false });
  }

  add(record: TradeRecord): void {
    const columns = this.columns;
    for (let c = 0; c < RECORD_COLUMNS.length; c++) {
      if (c !== VALUE) columns[c]!.push(record[RECORD_COLUMNS[c]!]);
    }
    this.values[this.rows] = BigInt(record.value);
    if (++this.rows === ROW_GROUP) this.flush();
  }

  close(): void {
    this.flush();
    this.writer.finish();
  }

  private flush(): void {
    if (this.rows === 0) return;
    const columnData = RECORD_COLUMNS.map((name, c) => ({ name, data: c === VALUE ? this.values.subarray(0, this.rows) : this.columns[c]! }));
    this.writer.write({ columnData, rowGroupSize: this.rows });
    this.columns = RECORD_COLUMNS.map(() => []);
    this.rows = 0;
  }
}
