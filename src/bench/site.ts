// npm run bench [-- --rows N --runs N --stories N --revision REV]: where the project stands,
// in one table: what a story page and an embed page make a reader download (gzipped), how
// long the whole site takes to build, how the build grows with an archive of generated
// stories (cold and warm), and the ingest comparison with DuckDB. Prints figures; judges
// only the budgets.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUDGETS, pageWeight, type PageWeight } from '../build/budgets.ts';
import { compareIngest, ingestTargets } from './ingest.ts';
import { MB, measureScale, SCALE_DEFAULTS, scaleTargets, summarise, type BuildSummary } from './scale.ts';
import { formatSpread } from './stats.ts';

const KB = 1024;

interface Row {
  metric: string;
  value: string;
  target: string;
  status: string;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '2000000' },
      runs: { type: 'string', default: String(SCALE_DEFAULTS.runs) },
      stories: { type: 'string', default: String(SCALE_DEFAULTS.stories) },
      revision: { type: 'string' },
    },
  });
  const runs = wholeNumber('--runs', values.runs);
  const stories = wholeNumber('--stories', values.stories);
  const rows: Row[] = [];

  const started = performance.now();
  const code = await run(process.execPath, ['scripts/build.ts']);
  if (code !== 0) throw new Error('npm run build failed; its errors are shown above');
  rows.push({ metric: 'build: data step + site (s)', value: ((performance.now() - started) / 1000).toFixed(1), target: '', status: '' });

  const story = readdirSync('dist', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['embed', 'data', '_astro'].includes(entry.name) && existsSync(join('dist', entry.name, 'index.html')))
    .map((entry) => `${entry.name}/index.html`)[0];
  const embed = existsSync('dist/embed')
    ? readdirSync('dist/embed', { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `embed/${e.name}/index.html`)[0]
    : undefined;
  for (const page of [story, embed]) {
    if (!page) continue;
    rows.push(...weightRows(pageWeight('dist', page)));
  }

  const measured = await measureScale({ runs, stories, charts: SCALE_DEFAULTS.charts, revision: values.revision });
  const scale = summarise(measured);
  const scaled = `with ${stories} generated stories of ${SCALE_DEFAULTS.charts} chart blocks`;
  rows.push(
    scaleRow(`scale: shipped site, cold`, scale.shippedCold),
    scaleRow(`scale: shipped site, warm`, scale.shippedWarm),
    scaleRow(`scale: ${scaled}, cold`, scale.scaledCold),
    scaleRow(`scale: ${scaled}, warm`, scale.scaledWarm),
  );
  for (const target of scaleTargets(scale))
    rows.push({ metric: `scale: ${target.name}`, value: target.value, target: target.target, status: target.holds ? 'holds' : 'MISSED' });
  rows.push(...stealRows('scale', measured.hostSteal));

  const comparison = await compareIngest(Number(values.rows));
  for (const run of comparison.runs) {
    rows.push({
      metric: `ingest ${run.label}: wall (s) / CPU (s) / peak (MB)`,
      value: `${run.wall.toFixed(2)} / ${run.cpu.toFixed(2)} / ${(run.result.maxRss / (1 << 20)).toFixed(0)}`,
      target: '',
      status: '',
    });
  }
  for (const target of ingestTargets(comparison))
    rows.push({ metric: `ingest: ${target.name}`, value: target.value, target: '', status: target.holds ? 'holds' : 'MISSED' });
  rows.push(...stealRows('ingest', comparison.hostSteal));
  if (comparison.problems.length > 0)
    rows.push({ metric: 'ingest: results agree with DuckDB', value: comparison.problems.join('; '), target: '', status: 'FAILED' });

  printRows(rows);
  return comparison.problems.length > 0 ? 1 : 0;
}

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${text}"`);
  return value;
}

/** Median and range of one kind of build: wall time, CPU time and peak memory of its process tree. */
function scaleRow(label: string, summary: BuildSummary): Row {
  const peak = { median: summary.peak.median / MB, min: summary.peak.min / MB, max: summary.peak.max / MB };
  return {
    metric: `${label}: wall s / CPU s / peak MB`,
    value: `${formatSpread(summary.wall)} / ${formatSpread(summary.cpu)} / ${formatSpread(peak, 0)}`,
    target: '',
    status: '',
  };
}

/** The host's share of the CPU time while `part` ran, where the system reports it: wall times above rise with it. */
function stealRows(part: string, share: number | undefined): Row[] {
  if (share === undefined) return [];
  return [{ metric: `${part}: CPU time the host took from this machine (steal)`, value: `${(share * 100).toFixed(0)}%`, target: '', status: '' }];
}

function weightRows(weight: PageWeight): Row[] {
  const budget = BUDGETS.find((b) => b.pages.test(weight.page));
  const kb = (bytes: number) => (bytes / KB).toFixed(1);
  const jsOk = budget ? weight.js <= budget.maxJs : true;
  return [
    { metric: `${weight.page}: JS (KB gz)`, value: kb(weight.js), target: budget ? `≤ ${budget.maxJs / KB}` : '', status: jsOk ? 'holds' : 'OVER' },
    { metric: `${weight.page}: CSS (KB gz)`, value: kb(weight.css), target: '', status: '' },
    { metric: `${weight.page}: HTML + JS + CSS (KB gz)`, value: kb(weight.html + weight.js + weight.css), target: '', status: '' },
  ];
}

function printRows(rows: Row[]): void {
  const header: Row = { metric: 'metric', value: 'value', target: 'target', status: 'status' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const widths = { metric: width('metric'), value: width('value'), target: width('target'), status: width('status') };
  console.log('');
  for (const row of all) {
    console.log(`${row.metric.padEnd(widths.metric)}  ${row.value.padStart(widths.value)}  ${row.target.padEnd(widths.target)}  ${row.status}`);
  }
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', resolve);
  });
}
