// The thread that encodes records.parquet (see records-parquet.ts): takes row groups of
// dictionary numbers and typed arrays, turns them back into the column values, writes them,
// and gives the arrays back.
import { parentPort, workerData } from 'node:worker_threads';
import { zstdCompressSync } from 'node:zlib';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { RECORD_COLUMNS } from './contract/index.ts';
import {
  NUMBER_COLUMNS,
  RECORDS_PARQUET_SCHEMA,
  ROW_GROUP,
  rowGroupTransferList,
  TEXT_COLUMNS,
  type ParquetWorkerReply,
  type RowGroupMessage,
} from './records-parquet.ts';

const { path } = workerData as { path: string };
// Without min/max statistics: comparing every string of every column cost more than the
// rest of the writing, and these files are read whole or filtered by value, not skipped through.
// Pages are compressed with Zstandard by Node's own zlib: faster than the writer's Snappy in
// JavaScript and smaller, and DuckDB, BigQuery and Spark all read it.
const writer = new ParquetWriter({
  writer: fileWriter(path),
  schema: RECORDS_PARQUET_SCHEMA,
  createdBy: 'customs-story',
  statistics: false,
  codec: 'ZSTD',
  compressors: { ZSTD: (bytes) => zstdCompressSync(bytes) },
});
const dictionaries: string[][] = TEXT_COLUMNS.map(() => []);
const VALUE = NUMBER_COLUMNS.indexOf('value');
// The column values are made once, at a row group's length, and filled again for every
// group, which then leaves only the writer's own arrays as garbage. Only the last group is
// short; its arrays are cut to its rows.
const texts = TEXT_COLUMNS.map(() => new Array<string>(ROW_GROUP).fill(''));
const numbers = NUMBER_COLUMNS.map(() => new Array<number | null>(ROW_GROUP).fill(null));
const values = new BigInt64Array(ROW_GROUP);
// Every text column is dictionary-encoded: its values repeat across a group. Left to sample
// 1,000 rows, the writer judged the commodity codes too varied and wrote each row's code
// out, which took the data step's peak from about 360 MB to 435 MB on 2M rows.
const columnData = RECORD_COLUMNS.map((name) => {
  const t = TEXT_COLUMNS.indexOf(name);
  const n = NUMBER_COLUMNS.indexOf(name);
  return t !== -1 ? { name, data: texts[t]!, encoding: 'RLE_DICTIONARY' as const } : { name, data: n === VALUE ? values : numbers[n]! };
});
const VALUE_COLUMN = RECORD_COLUMNS.indexOf('value');

function write(group: RowGroupMessage): void {
  const { rows } = group;
  for (let c = 0; c < TEXT_COLUMNS.length; c++) {
    const dictionary = dictionaries[c]!;
    for (const text of group.newTexts[c]!) dictionary.push(text);
    const codes = group.codes[c]!;
    const data = texts[c]!;
    for (let i = 0; i < rows; i++) data[i] = dictionary[codes[i]!]!;
  }
  for (let c = 0; c < NUMBER_COLUMNS.length; c++) {
    const from = group.numbers[c]!;
    if (c === VALUE) {
      for (let i = 0; i < rows; i++) values[i] = BigInt(from[i]!);
      continue;
    }
    const data = numbers[c]!;
    for (let i = 0; i < rows; i++) data[i] = Number.isNaN(from[i]) ? null : from[i]!;
  }
  if (rows < ROW_GROUP) {
    for (const data of [...texts, ...numbers]) data.length = rows;
    columnData[VALUE_COLUMN]!.data = values.subarray(0, rows);
  }
  writer.write({ columnData, rowGroupSize: rows });
}

const reply = (message: ParquetWorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

parentPort!.on('message', (message: RowGroupMessage | { finish: true }) => {
  try {
    if ('finish' in message) {
      writer.finish();
      reply({ finished: true });
      return;
    }
    write(message);
    const arrays = { codes: message.codes, numbers: message.numbers };
    reply({ written: arrays }, rowGroupTransferList(arrays));
  } catch (error) {
    reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
