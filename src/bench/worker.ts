// One benchmark contender, run in a process of its own so that its peak memory is its own.
// Prints one JSON line (WorkerResult) on stdout. Runnable by hand too, for profiling:
//   npx node --cpu-prof src/bench/worker.ts ours path/to/file.csv
//   npx node src/bench/worker.ts duckdb path/to/file.csv
//   npx node src/bench/worker.ts data-step RAW_DIR OUT_DIR REFERENCE_DIR AGGREGATES_FILE [no-parquet]
//   npx node src/bench/worker.ts duckdb-data-step path/to/file.csv OUT_DIR
// Each contender imports its code only when chosen, so no process carries another's modules.
// (Type imports are erased, so they load nothing.)
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';

export type Contender = 'ours' | 'duckdb' | 'data-step' | 'duckdb-data-step';

export interface WorkerResult {
  contender: Contender;
  /** Time spent in the contender itself, without process start-up. */
  seconds: number;
  /** User and system CPU time of every thread of this process since it started, seconds: less disturbed than wall time by other work on the host. */
  cpuSeconds: number;
  /** Peak resident set size of this process, in bytes. */
  maxRss: number;
  rows: number;
  /** Distinct (commodity code, partner code) pairs; the data step does not group. */
  groups?: number;
  /** Sum of all values, as a decimal string (DuckDB sums into 128-bit integers). */
  total: string;
}

interface Outcome {
  rows: number;
  groups?: number;
  total: bigint;
}

/** The project's streaming reader, grouping as it goes: sum of value by (hs_code, partner_code). */
async function runOurs(path: string): Promise<Outcome> {
  const { readGaccFile } = await import('../sources/gacc/read-file.ts');
  // Keyed by code, then partner: the reader returns the same string for the same code, so
  // nested lookups hash nothing new per row, where a joined key would build a string.
  const sums = new Map<string, Map<string, number>>();
  const result = await readGaccFile(
    { file: 'bench.csv', path, flow: 'import', source: 'benchmark', synthetic: true },
    {
      onRecord(record) {
        let byPartner = sums.get(record.hs_code);
        if (!byPartner) sums.set(record.hs_code, (byPartner = new Map()));
        byPartner.set(record.partner_code, (byPartner.get(record.partner_code) ?? 0) + record.value);
      },
    },
  );
  if (result.rejections.length > 0) {
    const first = result.rejections[0]!;
    throw new Error(`our reader rejected ${result.rejections.length} row(s); first at line ${first.line}: ${first.reason}`);
  }
  let total = 0n;
  let groups = 0;
  for (const byPartner of sums.values()) {
    groups += byPartner.size;
    for (const sum of byPartner.values()) total += BigInt(sum);
  }
  return { rows: result.report.rows, groups, total };
}

const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
// The trailing comma gives every line an empty last column, which the queries ignore.
const READ_CSV = (path: string) => `read_csv(${quoted(path)}, all_varchar = true, header = true, delim = ',', quote = '"')`;
const GROUP_BY = (from: string) => `
  SELECT "Commodity code", "Trading partner code",
         sum(CAST(replace("Renminbi Yuan", ',', '') AS BIGINT)) AS total, count(*) AS n
  FROM ${from}
  GROUP BY ALL`;

/** DuckDB's reader: sum of value by (commodity code, partner code). */
async function runDuckDb(path: string): Promise<Outcome> {
  return withDuckDb(async (connection) => sumGroups(await connection.runAndReadAll(GROUP_BY(READ_CSV(path)))));
}

/** DuckDB doing what the data step does: read the download, write every row out as CSV, group. */
async function runDuckDbDataStep(path: string, outDir: string): Promise<Outcome> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(outDir, { recursive: true });
  return withDuckDb(async (connection) => {
    await connection.run(`CREATE TEMP TABLE download AS SELECT * FROM ${READ_CSV(path)}`);
    await connection.run(`COPY download TO ${quoted(`${outDir}/records.csv`)} (HEADER)`);
    return sumGroups(await connection.runAndReadAll(GROUP_BY('download')));
  });
}

async function withDuckDb(use: (connection: DuckDBConnection) => Promise<Outcome>): Promise<Outcome> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function sumGroups(groups: DuckDBResultReader): Outcome {
  let total = 0n;
  let rows = 0n;
  const table = groups.getColumns();
  const totals = table[2]!;
  const counts = table[3]!;
  for (let i = 0; i < totals.length; i++) {
    total += totals[i] as bigint;
    rows += counts[i] as bigint;
  }
  return { rows: Number(rows), groups: totals.length, total };
}

/** The whole `npm run data` step: read, check, aggregate, write records.csv (and records.parquet). */
async function runDataStep(rawDir: string, outDir: string, referenceDir: string, aggregatesFile: string, parquet: boolean): Promise<Outcome> {
  const { runDataStep: run } = await import('../pipeline.ts');
  const result = await run({ rawDir, outDir, referenceDir, aggregatesFile, parquet });
  const total = result.report.files.reduce((sum, file) => sum + BigInt(file.total_value), 0n);
  return { rows: result.records, total };
}

const USAGE = 'usage: worker.ts ours FILE | duckdb FILE | data-step RAW_DIR OUT_DIR REFERENCE_DIR AGGREGATES_FILE [no-parquet] | duckdb-data-step FILE OUT_DIR';

async function main(args: string[]): Promise<void> {
  const [contender, ...rest] = args;
  const parquet = rest.at(-1) !== 'no-parquet';
  const paths = parquet ? rest : rest.slice(0, -1);
  const arity = { ours: 1, duckdb: 1, 'data-step': 4, 'duckdb-data-step': 2 }[contender as Contender];
  if (paths.length !== arity) throw new Error(USAGE);
  const started = performance.now();
  let outcome: Outcome;
  switch (contender) {
    case 'ours':
      outcome = await runOurs(paths[0]!);
      break;
    case 'duckdb':
      outcome = await runDuckDb(paths[0]!);
      break;
    case 'data-step':
      outcome = await runDataStep(paths[0]!, paths[1]!, paths[2]!, paths[3]!, parquet);
      break;
    case 'duckdb-data-step':
      outcome = await runDuckDbDataStep(paths[0]!, paths[1]!);
      break;
    default:
      throw new Error(USAGE);
  }
  const cpu = process.cpuUsage();
  const result: WorkerResult = {
    contender: contender as Contender,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // resourceUsage reports kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    rows: outcome.rows,
    groups: outcome.groups,
    total: outcome.total.toString(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
