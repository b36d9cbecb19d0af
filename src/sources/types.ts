// What the data step asks of a source reader: read one file declared in sources.yaml and hand
// over its rows as TradeRecords, in file order, with a report of the file. The data step
// does everything else (records.csv, records.parquet, the overlap check, aggregates), so a
// reader knows nothing but its own format.
import type { FileReport, Flow, Names, Problem, Rejection, TradeRecord } from '../contract/index.ts';
import type { MonthRange } from '../months.ts';

/** One file to read, with what its sources.yaml entry says about it. */
export interface SourceFile {
  /** Path relative to the raw folder, `/`-separated: what reports and records name. */
  file: string;
  /** Where to read it. */
  path: string;
  flow: Flow;
  /** Declared in the manifest; a reader whose rows carry no month needs it. */
  period?: MonthRange;
  synthetic: boolean;
  /** Provenance from the manifest, carried into the report for the pages' source notes. */
  source: string;
  source_names?: Names;
  license?: string;
  notes?: string;
}

export interface ReadOptions {
  /** Each accepted row, in file order. */
  onRecord: (record: TradeRecord) => void;
  /**
   * Offered to readers that write records.csv lines themselves (`writesRecordsCsv`): the
   * lines (with '\n') of the records just passed to onRecord, as UTF-8 bytes valid until the
   * next call. Cheaper than the data step formatting every record again.
   */
  onRecordsCsv?: (bytes: Uint8Array, records: number) => void;
  /**
   * Awaited between batches of records, when given: a consumer that works behind the reader
   * (records.parquet is encoded on another thread) holds it back until it has caught up.
   */
  ready?: () => Promise<void>;
  /** Called with the number of bytes consumed since the last call, for the progress bar. */
  onBytes?: (bytes: number) => void;
}

/** A record field a file may lack; the overlap check takes a missing one to mean every value. */
export type KeyField = 'partner_code' | 'trade_mode_code' | 'place_code';

export interface SourceReadResult {
  report: FileReport;
  /** Rows that could not be read exactly, with their line and what to fix. */
  rejections: Rejection[];
  /** What a reporter should know about the file but that does not stop the data step. */
  warnings: Problem[];
  /** Which of the key fields the file has (the others are '' in its records). */
  keyFields: readonly KeyField[];
}

export interface SourceReader {
  /** What a sources.yaml entry writes as `format:` for files this reader reads. */
  format: string;
  /**
   * True when `read` passes every record's records.csv line to `onRecordsCsv`; otherwise the
   * data step writes the lines from the records (src/records.ts says how).
   */
  writesRecordsCsv: boolean;
  /**
   * Reads the file. A problem with the file as a whole (it cannot be decoded, its header is
   * not this format's) throws a FileError naming the file and, where it can, the line.
   */
  read(source: SourceFile, options: ReadOptions): Promise<SourceReadResult>;
}
