// npm run bench:ingest [-- --rows N --seed S --runs N]: our streaming GACC reader against
// DuckDB on one large generated download, and the full data step against DuckDB doing the
// same work (read, write every row out, group), each contender in its own process, round
// after round. Prints the median wall time and peak memory of each with the range over the
// runs; fails only when a contender crashes or the results disagree, since timings vary from
// machine to machine.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBenchFile } from './dataset.ts';
import { readCpuTimes, stealNote, stealShare } from './host-steal.ts';
import type { WorkerResult } from './worker.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules/.cache/customs-story-bench');
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REFERENCE_DIR = join(ROOT, 'data/reference');

const DEFAULT_ROWS = 2_000_000;
const DEFAULT_SEED = 2023;
const DEFAULT_RUNS = 3;
const READER_TARGET = 1.5;
const DATA_STEP_TARGET = 2.5;
const MEMORY_TARGET_MB = 300;
/** Sizes are shown in MiB, labelled MB as memory tools usually do. */
const MB = 1 << 20;

/** The data step's aggregate for the benchmark: the same grouping as the DuckDB queries. */
const BENCH_AGGREGATES = `aggregates:
  by-code-and-partner:
    description: Imports by commodity code and trading partner (benchmark)
    flow: import
    period: 2023-01..2023-12
    group_by: [hs_code, partner]
`;

const HELP = `Usage: npm run bench:ingest -- [--rows N] [--seed S] [--runs N]

Generates (once, cached in ${relative(ROOT, CACHE_DIR)}) a GACC-like CSV of N data rows
(default ${DEFAULT_ROWS.toLocaleString('en-US')}), then, --runs times (default ${DEFAULT_RUNS}), times our
streaming reader and DuckDB summing value by commodity code and partner, and the full data
step (with and without records.parquet) and DuckDB reading, writing every row out and
grouping, each in its own process. Shows medians and ranges. Exits non-zero only if a
contender fails or the results disagree.`;

export interface Run {
  label: string;
  /** Median wall time over the runs, seconds. */
  wall: number;
  /** Fastest and slowest run. */
  range: [number, number];
  /** Median CPU time over the runs, seconds. */
  cpu: number;
  /** The median run's result, with the highest peak memory of all runs. */
  result: WorkerResult;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: String(DEFAULT_ROWS) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`--rows must be a positive whole number, got "${values.rows}"`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got "${values.runs}"`);

  const comparison = await compareIngest(rows, seed, runs);
  printTable(comparison);
  if (comparison.problems.length > 0) {
    for (const problem of comparison.problems) console.error(`bench: results disagree: ${problem}`);
    return 1;
  }
  const { ours } = comparison;
  console.log(
    `\nresults agree: ${ours.result.groups!.toLocaleString('en-US')} groups, ${ours.result.rows.toLocaleString('en-US')} rows, grand total ${BigInt(ours.result.total).toLocaleString('en-US')} yuan (the data step's total matches)`,
  );
  for (const target of ingestTargets(comparison)) console.log(`target: ${target.name}: ${target.holds ? 'holds' : 'MISSED'} (${target.value})`);
  return 0;
}

export interface IngestComparison {
  runs: Run[];
  ours: Run;
  duckdb: Run;
  dataStep: Run;
  dataStepCsvOnly: Run;
  duckdbDataStep: Run;
  /** Each run's ratios, for their range: reader ÷ DuckDB, data step ÷ DuckDB's. */
  readerRatios: number[];
  dataStepRatios: number[];
  /** The host's share of this machine's CPU time during the runs, where the system reports it. */
  hostSteal: number | undefined;
  problems: string[];
}

/** Times our reader, the data step and DuckDB doing the same, `runs` rounds on one generated download. */
export async function compareIngest(rows: number, seed = DEFAULT_SEED, runs = DEFAULT_RUNS): Promise<IngestComparison> {
  const file = await ensureBenchFile(CACHE_DIR, rows, seed, (written) =>
    status(`generating benchmark data: ${written.toLocaleString('en-US')} / ${rows.toLocaleString('en-US')} rows`),
  );
  status('');
  console.log(
    `input: ${rows.toLocaleString('en-US')} rows, ${(file.bytes / MB).toFixed(1)} MB, ` +
      `${file.generated ? 'generated' : 'cached'} at ${relative(process.cwd(), file.path)}; ${runs} run(s) of each`,
  );
  const scratch = await mkdtemp(join(tmpdir(), 'customs-story-bench-'));
  let hostSteal: number | undefined;
  const rounds: Record<'ours' | 'duckdb' | 'dataStep' | 'dataStepCsvOnly' | 'duckdbDataStep', Measured[]> = {
    ours: [],
    duckdb: [],
    dataStep: [],
    dataStepCsvOnly: [],
    duckdbDataStep: [],
  };
  try {
    const raw = join(scratch, 'raw');
    await mkdir(raw);
    await symlink(file.path, join(raw, 'big.csv'));
    await writeFile(join(raw, 'sources.yaml'), '- file: big.csv\n  flow: import\n  source: benchmark\n  synthetic: true\n');
    const aggregates = join(scratch, 'aggregates.yaml');
    await writeFile(aggregates, BENCH_AGGREGATES);
    const out = join(scratch, 'out');
    const cpuTimes = readCpuTimes();
    // Round after round, so that a change in the machine's load touches every contender.
    for (let round = 1; round <= runs; round++) {
      const of = `run ${round}/${runs}`;
      rounds.ours.push(await measure(`ours, ${of}`, ['ours', file.path]));
      rounds.duckdb.push(await measure(`DuckDB, ${of}`, ['duckdb', file.path]));
      rounds.dataStep.push(await measure(`data step, ${of}`, ['data-step', raw, out, REFERENCE_DIR, aggregates]));
      rounds.dataStepCsvOnly.push(await measure(`data step without Parquet, ${of}`, ['data-step', raw, out, REFERENCE_DIR, aggregates, 'no-parquet']));
      rounds.duckdbDataStep.push(await measure(`DuckDB data step, ${of}`, ['duckdb-data-step', file.path, join(scratch, 'duckdb-out')]));
    }
    hostSteal = stealShare(cpuTimes, readCpuTimes());
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  status('');
  const ours = summarise('ours (streaming reader)', rounds.ours);
  const duckdb = summarise('DuckDB (read, group)', rounds.duckdb);
  const dataStep = summarise('data step (CSV + Parquet)', rounds.dataStep);
  const dataStepCsvOnly = summarise('data step (CSV only)', rounds.dataStepCsvOnly);
  const duckdbDataStep = summarise('DuckDB (read, write CSV, group)', rounds.duckdbDataStep);
  const ratios = (a: Measured[], b: Measured[]) => a.map((run, k) => run.wall / b[k]!.wall);
  const problems = [
    ...disagreements(ours.result, duckdb.result, 'DuckDB', true),
    ...disagreements(ours.result, duckdbDataStep.result, 'DuckDB data step', true),
    ...disagreements(ours.result, dataStep.result, 'data step', false),
    ...disagreements(ours.result, dataStepCsvOnly.result, 'data step without Parquet', false),
  ];
  return {
    runs: [ours, duckdb, dataStep, dataStepCsvOnly, duckdbDataStep],
    ours,
    duckdb,
    dataStep,
    dataStepCsvOnly,
    duckdbDataStep,
    readerRatios: ratios(rounds.ours, rounds.duckdb),
    dataStepRatios: ratios(rounds.dataStep, rounds.duckdbDataStep),
    hostSteal,
    problems,
  };
}

interface Measured {
  wall: number;
  result: WorkerResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarise(label: string, measured: Measured[]): Run {
  const walls = measured.map((m) => m.wall);
  const wall = median(walls);
  const closest = measured.reduce((best, m) => (Math.abs(m.wall - wall) < Math.abs(best.wall - wall) ? m : best));
  const maxRss = Math.max(...measured.map((m) => m.result.maxRss));
  const cpu = median(measured.map((m) => m.result.cpuSeconds));
  return { label, wall, range: [Math.min(...walls), Math.max(...walls)], cpu, result: { ...closest.result, maxRss } };
}

const formatRatio = (ratios: number[]) => `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×)`;

export function ingestTargets(comparison: IngestComparison): { name: string; holds: boolean; value: string }[] {
  const { ours, dataStep, readerRatios, dataStepRatios } = comparison;
  const peak = Math.max(ours.result.maxRss, dataStep.result.maxRss) / MB;
  return [
    { name: `reader within ${READER_TARGET}× DuckDB's wall time (median)`, holds: median(readerRatios) <= READER_TARGET, value: formatRatio(readerRatios) },
    {
      name: `data step within ${DATA_STEP_TARGET}× DuckDB's read, write and group (median)`,
      holds: median(dataStepRatios) <= DATA_STEP_TARGET,
      value: formatRatio(dataStepRatios),
    },
    { name: `peak memory of reader and data step at most ${MEMORY_TARGET_MB} MB`, holds: peak <= MEMORY_TARGET_MB, value: `${peak.toFixed(0)} MB` },
  ];
}

/** Runs one contender in a fresh Node process; wall time covers start-up to exit. */
async function measure(label: string, args: string[]): Promise<Measured> {
  status(`running ${label}…`);
  const started = performance.now();
  const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => (stdout += text));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} failed (exit code ${code}); its error is shown above`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult;
  status('');
  console.log(`  ${label}: ${wall.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s, ${(result.maxRss / MB).toFixed(0)} MB`);
  return { wall, result };
}

function disagreements(ours: WorkerResult, other: WorkerResult, name: string, grouped: boolean): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: unknown, b: unknown) => {
    if (a !== b) problems.push(`${what}: ours ${String(a)}, ${name} ${String(b)}`);
  };
  if (grouped) compare('groups', ours.groups, other.groups);
  compare('rows', ours.rows, other.rows);
  compare('grand total', ours.total, other.total);
  return problems;
}

function printTable(comparison: IngestComparison): void {
  const header = ['contender', 'wall (s), median', 'range (s)', 'CPU (s), median', 'peak RSS (MB)', 'median ÷ DuckDB median'];
  const baseline = (run: Run) => (run === comparison.ours || run === comparison.duckdb ? comparison.duckdb : comparison.duckdbDataStep);
  const lines = comparison.runs.map((run) => [
    run.label,
    run.wall.toFixed(2),
    `${run.range[0].toFixed(2)}–${run.range[1].toFixed(2)}`,
    run.cpu.toFixed(2),
    (run.result.maxRss / MB).toFixed(0),
    `${(run.wall / baseline(run).wall).toFixed(2)}×`,
  ]);
  const widths = header.map((name, i) => Math.max(name.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${format(header)}`);
  for (const line of lines) console.log(format(line));
  console.log(
    '(the reader is compared with DuckDB reading and grouping; the data step, which is `npm run data` with one aggregate, with DuckDB reading, writing every row to CSV and grouping)',
  );
  // Runs of a round go one after another, so a pair shares the machine's state; medians of different runs need not.
  console.log("(the targets below divide each run by DuckDB's run in the same round and take the median of those ratios)");
  const steal = stealNote(comparison.hostSteal);
  if (steal) console.log(steal);
}

/** One rewritten line of status on stderr, only when it is a terminal; '' clears it. */
function status(text: string): void {
  if (!process.stderr.isTTY) return;
  const width = (process.stderr.columns || 80) - 1;
  process.stderr.write(`\r${text.slice(0, width).padEnd(width)}${text ? '' : '\r'}`);
}
