// The thread that encodes records.parquet (see records-parquet.ts): takes row groups of
// dictionary numbers and typed arrays, turns them back into the column values, writes them,
// and gives the arrays back.
import { parentPort, workerData } from 'node:worker_threads';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { RECORD_COLUMNS } from './contract/index.ts';
import {
  NUMBER_COLUMNS,
  RECORDS_PARQUET_SCHEMA,
  rowGroupTransferList,
  TEXT_COLUMNS,
  type ParquetWorkerReply,
  type RowGroupMessage,
} from './records-parquet.ts';

const { path } = workerData as { path: string };
// Without min/max statistics: comparing every string of every column cost more than the
// rest of the writing, and these files are read whole or filtered by value, not skipped through.
const writer = new ParquetWriter({ writer: fileWriter(path), schema: RECORDS_PARQUET_SCHEMA, createdBy: 'customs-story', statistics: false });
const dictionaries: string[][] = TEXT_COLUMNS.map(() => []);
const textIndex = new Map<string, number>(TEXT_COLUMNS.map((name, k) => [name, k]));
const numberIndex = new Map<string, number>(NUMBER_COLUMNS.map((name, k) => [name, k]));

function write({ rows, codes, newTexts, numbers }: RowGroupMessage): void {
  for (let c = 0; c < TEXT_COLUMNS.length; c++) dictionaries[c]!.push(...newTexts[c]!);
  const columnData = RECORD_COLUMNS.map((name) => {
    const t = textIndex.get(name);
    if (t !== undefined) {
      const dictionary = dictionaries[t]!;
      const code = codes[t]!;
      const data = new Array<string>(rows);
      for (let i = 0; i < rows; i++) data[i] = dictionary[code[i]!]!;
      return { name, data };
    }
    const number = numbers[numberIndex.get(name)!]!;
    if (name === 'value') {
      const data = new BigInt64Array(rows);
      for (let i = 0; i < rows; i++) data[i] = BigInt(number[i]!);
      return { name, data };
    }
    const data = new Array<number | null>(rows);
    for (let i = 0; i < rows; i++) data[i] = Number.isNaN(number[i]) ? null : number[i]!;
    return { name, data };
  });
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
