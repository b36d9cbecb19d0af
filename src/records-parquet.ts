// records.parquet: the rows of records.csv, typed, for desks that query records in DuckDB or
// BigQuery. Codes stay text (leading zeros kept), quantities are nullable doubles, the value
// a 64-bit integer and the line a 32-bit one. The file holds no timestamps, so the same
// records give the same bytes.
//
// Encoding Parquet costs about as much as reading the downloads, so a worker thread does it
// (records-parquet-worker.ts) while this thread goes on reading. Rows are gathered here a row
// group at a time into typed arrays, text as numbers into per-column dictionaries, and sent
// with the arrays transferred and only the texts the worker has not seen; memory stays flat
// however many records there are. `drained` is the back-pressure: the reader awaits it
// between segments, so at most a group or two wait while the worker encodes one.
import { RECORD_COLUMNS, type TradeRecord } from './contract/index.ts';
import { Worker } from 'node:worker_threads';
import type { SchemaElement } from 'hyparquet-writer';

/**
 * Rows per row group. The writer makes arrays of a group's length for every column; kept
 * under 16,384 entries of 8 bytes, V8's 128 KiB limit for ordinary objects, they die young,
 * where longer ones go straight to the old generation and pile up there until a full
 * collection: 50,000 rows took the data step's peak from 269-275 MB to 349-365 MB on 2M
 * rows, for a file 8% smaller.
 */
export const ROW_GROUP = 16_000;

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

export const RECORDS_PARQUET_SCHEMA: SchemaElement[] = [{ name: 'root', num_children: RECORD_COLUMNS.length }, ...RECORD_COLUMNS.map(schemaElement)];

/** The text columns, in RECORD_COLUMNS order. */
export const TEXT_COLUMNS = RECORD_COLUMNS.filter((name) => schemaElement(name).type === 'BYTE_ARRAY');
/** The number columns: line and value exact, quantities NaN where there is none. */
export const NUMBER_COLUMNS = RECORD_COLUMNS.filter((name) => schemaElement(name).type !== 'BYTE_ARRAY');

/** One row group as sent to the worker. */
export interface RowGroupMessage {
  rows: number;
  /** Per text column: each row's dictionary number, and the texts added to the dictionary since the last group. */
  codes: Int32Array[];
  newTexts: string[][];
  /** Per number column. */
  numbers: Float64Array[];
}

/** Messages from the worker. */
export type ParquetWorkerReply = { written: RowGroupArrays } | { finished: true } | { error: string };

/** A group's arrays, given back by the worker for the next group. */
export interface RowGroupArrays {
  codes: Int32Array[];
  numbers: Float64Array[];
}

function newArrays(): RowGroupArrays {
  return {
    codes: TEXT_COLUMNS.map(() => new Int32Array(ROW_GROUP)),
    numbers: NUMBER_COLUMNS.map(() => new Float64Array(ROW_GROUP)),
  };
}

/** The buffers to transfer with a group's arrays. */
export const rowGroupTransferList = (arrays: RowGroupArrays) => [...arrays.codes, ...arrays.numbers].map((array) => array.buffer as ArrayBuffer);

/** Groups sent and not yet written beyond which `drained` holds the reader back. */
const GROUPS_IN_FLIGHT = 2;

export class RecordsParquet {
  private readonly worker: Worker;
  private readonly dictionaries: Map<string, number>[] = TEXT_COLUMNS.map(() => new Map());
  private newTexts: string[][] = TEXT_COLUMNS.map(() => []);
  /** Each text column's value in the row before, and its number. */
  private readonly lastTexts: (string | undefined)[] = TEXT_COLUMNS.map(() => undefined);
  private readonly lastCodes = new Int32Array(TEXT_COLUMNS.length);
  private arrays: RowGroupArrays = newArrays();
  private readonly spares: RowGroupArrays[] = [];
  private rows = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private finished: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(path: string) {
    // A small young generation, as for the segment threads: the worker's garbage is mostly
    // row-group arrays, and the default young space would add tens of megabytes to the peak.
    this.worker = new Worker(new URL('./records-parquet-worker.ts', import.meta.url), {
      workerData: { path },
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    this.worker.on('message', (reply: ParquetWorkerReply) => {
      if ('written' in reply) {
        this.inFlight--;
        this.spares.push(reply.written);
        this.wake();
      } else if ('finished' in reply) this.finished?.resolve();
      else this.fail(new Error(`records.parquet: ${reply.error}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`records.parquet: the writing thread stopped (exit code ${code})`));
    });
  }

  add(record: TradeRecord): void {
    const row = this.rows;
    const { codes, numbers } = this.arrays;
    const { lastTexts, lastCodes } = this;
    for (let c = 0; c < TEXT_COLUMNS.length; c++) {
      const text = record[TEXT_COLUMNS[c]!] as string;
      // Many columns repeat the row before (file, flow, month, currency): no lookup for those.
      if (text === lastTexts[c]) {
        codes[c]![row] = lastCodes[c]!;
        continue;
      }
      const dictionary = this.dictionaries[c]!;
      let code = dictionary.get(text);
      if (code === undefined) {
        dictionary.set(text, (code = dictionary.size));
        this.newTexts[c]!.push(text);
      }
      codes[c]![row] = lastCodes[c] = code;
      lastTexts[c] = text;
    }
    for (let c = 0; c < NUMBER_COLUMNS.length; c++) numbers[c]![row] = (record[NUMBER_COLUMNS[c]!] as number | null) ?? NaN;
    if (++this.rows === ROW_GROUP) this.send();
  }

  /** Resolves once the worker has few enough groups left to write; rejects if it failed. */
  drained(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.inFlight < GROUPS_IN_FLIGHT) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Writes the last group and the footer, and waits for the worker to finish the file. */
  async close(): Promise<void> {
    try {
      this.send();
      const finished = new Promise<void>((resolve, reject) => (this.finished = { resolve, reject }));
      if (this.failure) throw this.failure;
      this.worker.postMessage({ finish: true });
      await finished;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stops the worker without finishing the file (the data step failed). */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private send(): void {
    if (this.rows === 0 || this.failure) return;
    const message: RowGroupMessage = { rows: this.rows, codes: this.arrays.codes, newTexts: this.newTexts, numbers: this.arrays.numbers };
    this.worker.postMessage(message, rowGroupTransferList(this.arrays));
    this.inFlight++;
    this.arrays = this.spares.pop() ?? newArrays();
    this.newTexts = TEXT_COLUMNS.map(() => []);
    this.rows = 0;
  }

  private wake(): void {
    if (this.inFlight >= GROUPS_IN_FLIGHT) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) waiter.reject(this.failure);
    this.finished?.reject(this.failure);
  }
}
