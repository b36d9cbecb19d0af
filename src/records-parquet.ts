// records.parquet: the rows of records.csv, typed, for desks that query records in DuckDB or
// BigQuery. Codes stay text (leading zeros kept), quantities are nullable doubles, the value
// a 64-bit integer and the line a 32-bit one. Rows are gathered into column arrays and
// written a row group at a time, so memory stays flat however many records there are; the
// file holds no timestamps, so the same records give the same bytes. The column arrays are
// made once, at their full length, and filled again for every row group: arrays this long
// live outside V8's young generation, so new ones per group would pile up as old garbage.
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
  private readonly columns: unknown[][] = RECORD_COLUMNS.map(() => new Array<unknown>(ROW_GROUP).fill(null));
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
    const row = this.rows;
    for (let c = 0; c < RECORD_COLUMNS.length; c++) {
      if (c !== VALUE) columns[c]![row] = record[RECORD_COLUMNS[c]!];
    }
    this.values[row] = BigInt(record.value);
    if (++this.rows === ROW_GROUP) this.flush();
  }

  close(): void {
    this.flush();
    this.writer.finish();
  }

  private flush(): void {
    if (this.rows === 0) return;
    // Only the last group is short; its arrays are cut to its rows, as nothing follows.
    if (this.rows < ROW_GROUP) for (const column of this.columns) column.length = this.rows;
    const columnData = RECORD_COLUMNS.map((name, c) => ({ name, data: c === VALUE ? this.values.subarray(0, this.rows) : this.columns[c]! }));
    this.writer.write({ columnData, rowGroupSize: this.rows });
    this.rows = 0;
  }
}
