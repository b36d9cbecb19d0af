// How records are written to records.csv (the columns are the contract's RECORD_COLUMNS):
// fields quoted only when they must be (RFC 4180), numbers as JavaScript writes them, no
// quantity as an empty field. The reader writes each line's bytes itself (src/ingest/
// segment.ts) from these rules, since formatting two million records as strings costs more
// than reading them.
import { closeSync, openSync, writeSync } from 'node:fs';
import { RECORDS_HEADER } from './contract/index.ts';

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

/**
 * records.csv, written as the reader hands over each segment's lines as bytes: large
 * synchronous writes, no strings for the garbage collector, no backpressure to manage.
 */
export class RecordsFile {
  private readonly fd: number;
  count = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, `${RECORDS_HEADER}\n`);
  }

  write(lines: Uint8Array, records: number): void {
    for (let done = 0; done < lines.length;) done += writeSync(this.fd, lines, done, lines.length - done);
    this.count += records;
  }

  close(): void {
    closeSync(this.fd);
  }
}
