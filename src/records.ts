// How records are written to records.csv (the columns are the contract's RECORD_COLUMNS):
// fields quoted only when they must be (RFC 4180), numbers as JavaScript writes them, no
// quantity as an empty field. The GACC reader writes each line's bytes itself (src/sources/
// gacc/segment.ts) from these rules, since formatting two million records as strings costs
// more than reading them; records from other readers are formatted here.
import { closeSync, openSync, writeSync } from 'node:fs';
import { RECORD_COLUMNS, RECORDS_HEADER, type TradeRecord } from './contract/index.ts';

/** Quotes a CSV field only when it must (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  return csvText(String(value));
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Free text as a records.csv field. */
export function csvText(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Characters of formatted lines gathered before they are written. */
const FORMATTED_BATCH = 1 << 20;

/**
 * records.csv, written as the reader hands over each segment's lines as bytes (large
 * synchronous writes, no strings for the garbage collector, no backpressure to manage), or
 * record by record for readers that do not write lines.
 */
export class RecordsFile {
  private readonly fd: number;
  count = 0;
  private formatted = '';

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, `${RECORDS_HEADER}\n`);
  }

  write(lines: Uint8Array, records: number): void {
    this.flushFormatted();
    this.writeBytes(lines);
    this.count += records;
  }

  add(record: TradeRecord): void {
    this.formatted += `${RECORD_COLUMNS.map((column) => csvField(record[column])).join(',')}\n`;
    this.count++;
    if (this.formatted.length >= FORMATTED_BATCH) this.flushFormatted();
  }

  close(): void {
    this.flushFormatted();
    closeSync(this.fd);
  }

  private flushFormatted(): void {
    if (this.formatted === '') return;
    this.writeBytes(Buffer.from(this.formatted));
    this.formatted = '';
  }

  private writeBytes(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}
