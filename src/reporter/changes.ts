// The change report: what a data run changed in the figures a story cites. Each run compares
// its facts and aggregates with the previous run's, writes changes.md beside them and hands
// back a short summary for the terminal, so a new download that moves a number in the prose
// ("imports-2024: 181.53M → 185.2M yuan (+2%)") or a rank ("top-partners-2024: Uruguay
// rank 6 → 5") does not go unnoticed.
import type { Aggregate, AggregateRow, AggregatesFile, Fact, FactUnit, FactsFile, Period } from '../contract/index.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nameOf } from '../charts/names.ts';
import { formatPercent, formatPeriod, formatValue } from '../format/index.ts';

export const CHANGES_FILE = 'changes.md';

export interface RunOutputs {
  facts: FactsFile;
  aggregates: AggregatesFile;
}

export interface ChangeReport {
  /** False on the first run into a folder: there was nothing to compare with. */
  compared: boolean;
  /** One line per change to a fact. */
  facts: string[];
  /** Lines per aggregate: ranks, rows in and out, period, and how many values moved. */
  aggregates: string[];
  /** Every changed value of every aggregate, for the file only. */
  details: string[];
}

/** Values in the detail list per aggregate; the rest are counted. */
const DETAILS_PER_AGGREGATE = 20;

/** "181.53M yuan", "$25.8M", "5", "second". */
function amount(value: number, unit: FactUnit): string {
  if (unit === 'rank') return formatValue(value, 'rank', { lang: 'en' });
  const text = formatValue(value, unit, { lang: 'en', short: true, precision: 2 });
  return unit === 'CNY' ? `${text} yuan` : text;
}

/** "181.53M → 185.2M yuan (+2%)": the unit once, at the end. */
function move(before: number, after: number, unit: FactUnit): string {
  const [from, to] = [amount(before, unit), amount(after, unit)];
  const arrow = unit === 'CNY' ? `${from.replace(/ yuan$/, '')} → ${to}` : `${from} → ${to}`;
  if (before === 0) return arrow;
  const ratio = (after - before) / before;
  const percent = formatPercent(Math.abs(ratio), { precision: Math.abs(ratio) < 0.001 ? 2 : 1 });
  return `${arrow} (${ratio < 0 ? '−' : '+'}${percent})`;
}

const periodText = (period: Period) => formatPeriod(period, 'en');
const samePeriod = (a: Period, b: Period) => a.start === b.start && a.end === b.end;

function compareFact(key: string, before: Fact, after: Fact): string[] {
  const lines: string[] = [];
  if (before.unit !== after.unit) lines.push(`${key}: now ${amount(after.value, after.unit)} (was ${amount(before.value, before.unit)})`);
  else if (before.value !== after.value) lines.push(`${key}: ${move(before.value, after.value, after.unit)}`);
  if (before.label !== after.label && after.label !== undefined) lines.push(`${key}: now ${after.label}${before.label ? ` (was ${before.label})` : ''}`);
  if (before.rank !== after.rank && after.rank !== undefined) lines.push(`${key}: rank ${before.rank ?? 'none'} → ${after.rank}`);
  if (!samePeriod(before.period, after.period)) lines.push(`${key}: period ${periodText(before.period)} → ${periodText(after.period)}`);
  if (before.usd?.rate !== after.usd?.rate) {
    // Every dollar figure printed from the fact moves with its rate.
    const rate = (usd: Fact['usd']) => (usd ? `${usd.rate} (${usd.rate_year})` : 'none');
    lines.push(`${key}: dollar rate ${rate(before.usd)} → ${rate(after.usd)} yuan per dollar`);
  }
  if (before.synthetic !== after.synthetic) lines.push(`${key}: now from ${after.synthetic ? 'sample' : 'real'} data`);
  return lines;
}

function compareFacts(before: FactsFile, after: FactsFile): string[] {
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const [old, now] = [before[key], after[key]];
    if (!old && now) lines.push(`${key}: new fact, ${amount(now.value, now.unit)}`);
    else if (old && !now) lines.push(`${key}: removed (stories that cite it will fail)`);
    else if (old && now) lines.push(...compareFact(key, old, now));
  }
  return lines;
}

const rowKey = (aggregate: Aggregate, row: AggregateRow) => aggregate.dimensions.map((d) => String(row[d])).join('\u0000');
const rowLabel = (aggregate: Aggregate, row: AggregateRow) =>
  aggregate.dimensions.map((d) => nameOf(aggregate, d, String(row[d] ?? ''), 'en', row)).join(', ') || 'total';

function compareAggregate(id: string, before: Aggregate, after: Aggregate): { lines: string[]; details: string[] } {
  const lines: string[] = [];
  const details: string[] = [];
  if (!samePeriod(before.period, after.period)) lines.push(`${id}: period ${periodText(before.period)} → ${periodText(after.period)}`);
  const old = new Map(before.rows.map((row) => [rowKey(before, row), row]));
  const now = new Map(after.rows.map((row) => [rowKey(after, row), row]));
  const changed: { label: string; text: string; size: number }[] = [];
  for (const [key, row] of now) {
    const previous = old.get(key);
    const label = rowLabel(after, row);
    if (!previous) {
      lines.push(`${id}: new row ${label}, ${amount(Number(row.value), after.currency)}`);
      continue;
    }
    if (typeof row.rank === 'number' && previous.rank !== row.rank) lines.push(`${id}: ${label} rank ${previous.rank} → ${row.rank}`);
    const [from, to] = [Number(previous.value), Number(row.value)];
    if (from !== to) changed.push({ label, text: `${id}: ${label} ${move(from, to, after.currency)}`, size: Math.abs(to - from) });
  }
  for (const [key, row] of old) if (!now.has(key)) lines.push(`${id}: ${rowLabel(before, row)} is no longer in the data`);
  if (changed.length > 0) {
    const largest = changed.reduce((a, b) => (b.size > a.size ? b : a));
    const which = largest.text.slice(id.length + 2);
    lines.push(`${id}: ${changed.length} of ${now.size} values changed${changed.length === 1 ? `: ${which}` : `; the largest change: ${which}`}`);
    details.push(...changed.slice(0, DETAILS_PER_AGGREGATE).map((c) => c.text));
    if (changed.length > DETAILS_PER_AGGREGATE) details.push(`${id}: and ${changed.length - DETAILS_PER_AGGREGATE} more`);
  }
  return { lines, details };
}

export function compareRuns(before: RunOutputs | undefined, after: RunOutputs): ChangeReport {
  if (!before) return { compared: false, facts: [], aggregates: [], details: [] };
  const aggregates: string[] = [];
  const details: string[] = [];
  for (const id of [...new Set([...Object.keys(before.aggregates), ...Object.keys(after.aggregates)])].sort()) {
    const [old, now] = [before.aggregates[id], after.aggregates[id]];
    if (!old && now) aggregates.push(`${id}: new aggregate, ${now.rows.length} rows`);
    else if (old && !now) aggregates.push(`${id}: removed (charts drawn from it will fail)`);
    else if (old && now) {
      const compared = compareAggregate(id, old, now);
      aggregates.push(...compared.lines);
      details.push(...compared.details);
    }
  }
  return { compared: true, facts: compareFacts(before.facts, after.facts), aggregates, details };
}

const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}`);

export function changesMarkdown(report: ChangeReport): string {
  const lines = ['# Data changes', ''];
  if (!report.compared) lines.push('This is the first run into this folder: there was no previous run to compare with.');
  else if (report.facts.length + report.aggregates.length === 0) lines.push('No fact or aggregate changed since the previous run.');
  else {
    lines.push('What this run changed since the previous one. Check the prose and charts that cite anything listed.', '');
    lines.push('## Facts', '', ...(report.facts.length > 0 ? bullets(report.facts) : ['No fact changed.']), '');
    lines.push('## Aggregates', '', ...(report.aggregates.length > 0 ? bullets(report.aggregates) : ['No aggregate changed.']));
    if (report.details.length > 0) lines.push('', '## Changed values', '', ...bullets(report.details));
  }
  return `${lines.join('\n')}\n`;
}

/** A few lines for the terminal: facts first, then aggregates, and where to read the rest. */
export function changeSummary(report: ChangeReport, file: string, limit = 12): string[] {
  if (!report.compared) return [];
  const all = [...report.facts, ...report.aggregates];
  if (all.length === 0) return ['no fact or aggregate changed since the previous run'];
  const shown = all.slice(0, limit);
  const more = all.length - shown.length;
  return [`${all.length} change(s) since the previous run (${file}):`, ...shown.map((line) => `  ${line}`), ...(more > 0 ? [`  and ${more} more`] : [])];
}

async function readRun(dir: string): Promise<RunOutputs | undefined> {
  try {
    const [facts, aggregates] = await Promise.all(['facts.json', 'aggregates.json'].map((name) => readFile(join(dir, name), 'utf8')));
    return { facts: JSON.parse(facts!) as FactsFile, aggregates: JSON.parse(aggregates!) as AggregatesFile };
  } catch {
    return undefined;
  }
}

/** Compares the run in `newDir` with the one in `oldDir` and writes newDir/changes.md. */
export async function writeChangeReport(oldDir: string, newDir: string): Promise<ChangeReport> {
  const after = await readRun(newDir);
  if (!after) throw new Error(`${newDir} has no facts.json and aggregates.json to compare`);
  const report = compareRuns(await readRun(oldDir), after);
  await writeFile(join(newDir, CHANGES_FILE), changesMarkdown(report));
  return report;
}
