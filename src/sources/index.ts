// The source readers the data step knows, by the `format:` a sources.yaml entry gives (the
// default is `gacc`). The data step depends on nothing else of a reader.
//
// A second source (UN Comtrade's partner-reported data, say) is one folder beside gacc/
// whose index.ts exports a SourceReader (types.ts), and one entry in SOURCE_READERS. Its
// `read` opens the file, throws a FileError for a file it cannot read at all, and calls
// `onRecord` for every row it accepts, in file order, with every TradeRecord field filled
// ('' for a field the format lacks, null for a missing quantity), whole-number values in
// the currency it reports, and the line the row starts on; between batches of rows it awaits
// `ready` when given, which holds it back while records.parquet catches up. A row it cannot read exactly
// becomes a rejection with its line and what to fix, never a guess. It returns the file's
// report (rows, rejections, period, total value, and the entry's provenance as given), any
// warnings, and which key fields its files have. Unless it sets `writesRecordsCsv`, the
// data step writes records.csv from the records itself.
import type { SourceReader } from './types.ts';
import { gaccReader } from './gacc/index.ts';

export const DEFAULT_FORMAT = 'gacc';

/** Readers by format, checking that no two claim the same one. */
export function readerRegistry(readers: readonly SourceReader[]): ReadonlyMap<string, SourceReader> {
  const registry = new Map<string, SourceReader>();
  for (const reader of readers) {
    if (registry.has(reader.format)) throw new Error(`two source readers claim the format "${reader.format}"`);
    registry.set(reader.format, reader);
  }
  return registry;
}

export const SOURCE_READERS = readerRegistry([gaccReader]);
