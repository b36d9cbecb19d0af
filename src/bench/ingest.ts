// npm run bench:ingest [-- --rows N --seed S]: our streaming GACC reader against DuckDB on
// one large generated download, each in its own process, one after the other. Prints wall
// time and peak memory; fails only when a contender crashes or the results disagree, since
// timings vary from machine to machine.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBenchFile } from './dataset.ts';
import type { WorkerResult } from './worker.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules/.cache/customs-story-bench');
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REFERENCE_DIR = join(ROOT, 'data/reference');

const DEFAULT_ROWS = 2_000_000;
const DEFAULT_SEED = 2023;
const TIME_TARGET = 2;
const MEMORY_TARGET_MB = 300;
/** Sizes are shown in MiB, labelled MB as memory tools usually do. */
const MB = 1 << 20;

const HELP = `Usage: npm run bench:ingest -- [--rows N] [--seed S]

Generates (once, cached in ${relative(ROOT, CACHE_DIR)}) a GACC-like CSV of N data rows
(default ${DEFAULT_ROWS.toLocaleString('en-US')}), then times our streaming reader and DuckDB
summing value by commodity code and partner, each in its own process, plus the full data
step for context. Exits non-zero only if a contender fails or the results disagree.`;

export interface Run {
  label: string;
  wall: number;
  result: WorkerResult;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: String(DEFAULT_ROWS) },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`--rows must be a positive whole number, got "${values.rows}"`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);

  const comparison = await compareIngest(rows, seed);
  printTable(comparison.runs, comparison.duckdb);
  if (comparison.problems.length > 0) {
    for (const problem of comparison.problems) console.error(`bench: results disagree: ${problem}`);
    return 1;
  }
  const { ours } = comparison;
  console.log(`\nresults agree: ${ours.result.groups!.toLocaleString('en-US')} groups, ${ours.result.rows.toLocaleString('en-US')} rows, grand total ${BigInt(ours.result.total).toLocaleString('en-US')} yuan (the data step's total matches)`);
  for (const target of ingestTargets(comparison)) console.log(`target: ${target.name}: ${target.holds ? 'holds' : 'MISSED'} (${target.value})`);
  return 0;
}

export interface IngestComparison {
  runs: Run[];
  ours: Run;
  duckdb: Run;
  problems: string[];
}

/** Times our reader, DuckDB and the full data step on one generated download of `rows` rows. */
export async function compareIngest(rows: number, seed = DEFAULT_SEED): Promise<IngestComparison> {
  const file = await ensureBenchFile(CACHE_DIR, rows, seed, (written) =>
    status(`generating benchmark data: ${written.toLocaleString('en-US')} / ${rows.toLocaleString('en-US')} rows`),
  );
  status('');
  console.log(
    `input: ${rows.toLocaleString('en-US')} rows, ${(file.bytes / MB).toFixed(1)} MB, ` +
      `${file.generated ? 'generated' : 'cached'} at ${relative(process.cwd(), file.path)}`,
  );
  const ours = await measure('ours (streaming reader)', ['ours', file.path]);
  const duckdb = await measure('DuckDB', ['duckdb', file.path]);
  const scratch = await mkdtemp(join(tmpdir(), 'customs-story-bench-'));
  let dataStep: Run;
  try {
    const raw = join(scratch, 'raw');
    await mkdir(raw);
    await symlink(file.path, join(raw, 'big.csv'));
    await writeFile(join(raw, 'sources.yaml'), '- file: big.csv\n  flow: import\n  source: benchmark\n  synthetic: true\n');
    dataStep = await measure('full data step', ['data-step', raw, join(scratch, 'out'), REFERENCE_DIR]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  status('');
  return { runs: [ours, duckdb, dataStep], ours, duckdb, problems: disagreements(ours.result, duckdb.result, dataStep.result) };
}

export function ingestTargets({ ours, duckdb }: IngestComparison): { name: string; holds: boolean; value: string }[] {
  const timeRatio = ours.wall / duckdb.wall;
  const peak = ours.result.maxRss / MB;
  return [
    { name: `ours within ${TIME_TARGET}× DuckDB's wall time`, holds: timeRatio <= TIME_TARGET, value: `${timeRatio.toFixed(2)}×` },
    { name: `ours peak memory under ${MEMORY_TARGET_MB} MB`, holds: peak < MEMORY_TARGET_MB, value: `${peak.toFixed(0)} MB` },
  ];
}

/** Runs one contender in a fresh Node process; wall time covers start-up to exit. */
async function measure(label: string, args: string[]): Promise<Run> {
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
  return { label, wall, result };
}

function disagreements(ours: WorkerResult, duckdb: WorkerResult, dataStep: WorkerResult): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: unknown, b: unknown, other: string) => {
    if (a !== b) problems.push(`${what}: ours ${String(a)}, ${other} ${String(b)}`);
  };
  compare('groups', ours.groups, duckdb.groups, 'DuckDB');
  compare('rows', ours.rows, duckdb.rows, 'DuckDB');
  compare('grand total', ours.total, duckdb.total, 'DuckDB');
  compare('rows', ours.rows, dataStep.rows, 'data step');
  compare('grand total', ours.total, dataStep.total, 'data step');
  return problems;
}

function printTable(runs: Run[], baseline: Run): void {
  const header = ['contender', 'wall (s)', 'in-process (s)', 'peak RSS (MB)', 'time ÷ DuckDB'];
  const lines = runs.map((run) => [
    run.label,
    run.wall.toFixed(2),
    run.result.seconds.toFixed(2),
    (run.result.maxRss / MB).toFixed(0),
    `${(run.wall / baseline.wall).toFixed(2)}×`,
  ]);
  const widths = header.map((name, i) => Math.max(name.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${format(header)}`);
  for (const line of lines) console.log(format(line));
  console.log('(the full data step is what `npm run data` does, records.csv written included; shown for context, not a target)');
}

/** One rewritten line of status on stderr, only when it is a terminal; '' clears it. */
function status(text: string): void {
  if (!process.stderr.isTTY) return;
  const width = (process.stderr.columns || 80) - 1;
  process.stderr.write(`\r${text.slice(0, width).padEnd(width)}${text ? '' : '\r'}`);
}
