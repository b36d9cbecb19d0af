// The hostile-input corpus (tests/fixtures/hostile, described case by case in cases.yaml).
// Every raw folder goes through the real command, `node scripts/data.ts`, in a child process:
// it must exit non-zero, name file and line in exactly the expected problems, and leave no
// output behind, neither a new folder nor a change to a previous good one. Every story must
// be stopped by the frontmatter schema at the right field, or by the renderer at the right
// line of the right file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storySchema } from '../../src/story/schema.ts';
import { readStoryBody, renderStory } from '../../src/story/render.ts';
import { sampleFacts } from '../../src/format/fixtures.ts';
import { readOutputs, REFERENCE, removeTempDirs, tempDir } from '../ingest/helpers.ts';

afterAll(removeTempDirs);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const DATA_SCRIPT = join(ROOT, 'scripts', 'data.ts');
/** The valid raw folder whose output failed runs must leave alone; not a case. */
const PREVIOUS_GOOD = join(HOSTILE, '_previous-good');

interface ExpectedProblem {
  /** Data cases: the file the message names. Story render cases: story.md. */
  file?: string;
  line?: number;
  /** Story frontmatter cases: the field, dotted (corrections.0.date). */
  field?: string;
  message: string;
}

interface Case {
  case: string;
  kind: 'data' | 'story';
  what: string;
  problems: ExpectedProblem[];
}

const cases = parse(readFileSync(join(HOSTILE, 'cases.yaml'), 'utf8')) as Case[];
const dataCases = cases.filter((c) => c.kind === 'data');
const storyCases = cases.filter((c) => c.kind === 'story');

describe('the corpus', () => {
  it('has at least 30 cases, each a folder, and every folder is a case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const names = cases.map((c) => c.case);
    expect(new Set(names).size, 'case names are unique').toBe(names.length);
    const folders = readdirSync(HOSTILE, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...names].sort());
  });

  it.each(cases.map((c) => [c.case, c] as const))('%s is well formed', (_name, c) => {
    expect(['data', 'story']).toContain(c.kind);
    expect(c.what, 'says what it is').toBeTruthy();
    expect(c.problems.length).toBeGreaterThan(0);
    for (const problem of c.problems) {
      expect(() => new RegExp(problem.message)).not.toThrow();
      if (c.kind === 'data') expect(problem.file).toBeTruthy();
      // A story problem is either in the frontmatter (a field) or in the body (a line).
      else expect(problem.field === undefined).toBe(problem.line !== undefined);
    }
    const files = readdirSync(join(HOSTILE, c.case));
    if (c.kind === 'story') expect(files).toEqual(['story.md']);
    else
      expect(
        files.some((f) => f.toLowerCase().endsWith('.csv')),
        'a raw folder holds a CSV',
      ).toBe(true);
  });
});

interface CommandRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/data.ts` as `npm run data` would, on the Node running the tests (22). */
function runDataCommand(raw: string, out: string, scratch: string): Promise<CommandRun> {
  const args = [
    DATA_SCRIPT,
    '--raw',
    raw,
    '--out',
    out,
    '--reference',
    REFERENCE,
    // No story declarations: the corpus is about reading the raw folder.
    '--aggregates',
    join(scratch, 'no-aggregates.yaml'),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Path and SHA-256 of every file under a folder: to show a run did not write there. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return `${name}/`;
      return `${name} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checks a failed run's stderr: a summary, then exactly the expected problem lines. */
function expectProblems(run: CommandRun, expected: ExpectedProblem[]): void {
  const detail = `stderr:\n${run.stderr}`;
  expect(run.signal, `the command was killed (it hung?)\n${detail}`).toBeNull();
  expect(run.code, detail).toBe(1);
  expect(run.stderr, 'a crash, not a reported problem').not.toMatch(/^\s+at .+[:(]/m);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines[0], detail).toMatch(/^data: /);
  // Problem lines are indented by two spaces; the data step prints nothing else on failure.
  const problems = lines.slice(1);
  expect(
    problems.every((line) => line.startsWith('  ')),
    detail,
  ).toBe(true);
  for (const line of lines) expect(line.length, `a message too long to read: ${line.slice(0, 100)}…`).toBeLessThan(400);
  expect(problems, detail).toHaveLength(expected.length);
  const unmatched = [...problems];
  for (const problem of expected) {
    // "  file:line: message", or "  file: message" for a problem with no line.
    const prefix = `  ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: `;
    const message = new RegExp(problem.message);
    const k = unmatched.findIndex((line) => line.startsWith(prefix) && message.test(line.slice(prefix.length)));
    expect(k, `no problem line "${prefix}…" matching ${message}\n${detail}`).toBeGreaterThanOrEqual(0);
    unmatched.splice(k, 1);
  }
}

describe('every broken raw folder fails the data command, naming file and line, with no output', () => {
  beforeAll(() => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major, "run the tests with the project's Node 22 (npx vitest)").toBeGreaterThanOrEqual(22);
  });

  it.concurrent.each(dataCases.map((c) => [c.case, c] as const))('%s', async (_name, c) => {
    const raw = join(HOSTILE, c.case);
    const parent = await tempDir('hostile-out-');
    const scratch = await tempDir('hostile-scratch-');
    const rawBefore = fingerprint(raw);
    const run = await runDataCommand(raw, join(parent, 'build'), scratch);
    expectProblems(run, c.problems);
    // No output folder, and no scratch or half-swapped folder beside where it would be.
    expect(await readdir(parent)).toEqual([]);
    // Nothing was written into the raw folder either.
    expect(fingerprint(raw)).toEqual(rawBefore);
  });
});

describe('a failed data command leaves the previous good output byte-for-byte unchanged', () => {
  let good: string;
  let before: Map<string, Buffer>;

  beforeAll(async () => {
    good = join(await tempDir('hostile-good-'), 'build');
    const run = await runDataCommand(PREVIOUS_GOOD, good, await tempDir('hostile-scratch-'));
    expect(run.code, run.stderr).toBe(0);
    before = await readOutputs(good);
    expect([...before.keys()]).toEqual(expect.arrayContaining(['aggregates.json', 'facts.json', 'records.csv', 'report.json']));
    expect(before.get('records.csv')!.toString('utf8').trim().split('\n')).toHaveLength(4);
  });

  // One case for each way the step can stop: before it starts (no manifest; a folder named
  // like a CSV), on a file it cannot read, on rejected rows once every file has been read
  // into the scratch folder, and on overlapping files found at the very end.
  const STAGES = ['manifest-missing', 'folder-named-csv', 'utf16-le-bom', 'month-202313', 'extremely-long-line', 'overlap-months'];

  it.concurrent.each(STAGES)('when it fails on %s', async (name) => {
    const c = dataCases.find((d) => d.case === name)!;
    const parent = await tempDir('hostile-prev-');
    const out = join(parent, 'build');
    await cp(good, out, { recursive: true, preserveTimestamps: true });
    const stamps = (await readdir(out)).map((f) => statSync(join(out, f)).mtimeMs);
    const run = await runDataCommand(join(HOSTILE, name), out, await tempDir('hostile-scratch-'));
    expectProblems(run, c.problems);
    expect(await readOutputs(out)).toEqual(before);
    expect((await readdir(out)).map((f) => statSync(join(out, f)).mtimeMs)).toEqual(stamps);
    expect(await readdir(parent)).toEqual(['build']);
  });

  it('and a successful run replaces it (the check above can fail)', async () => {
    const parent = await tempDir('hostile-prev-');
    const out = join(parent, 'build');
    await cp(good, out, { recursive: true });
    // The overlap-months folder without its second file reads cleanly.
    const raw = join(HOSTILE, 'overlap-months');
    const trimmed = await tempDir('hostile-raw-');
    await cp(join(raw, 'kp-imports-2023-h1.csv'), join(trimmed, 'kp-imports-2023-h1.csv'));
    const entries = readFileSync(join(raw, 'sources.yaml'), 'utf8').split(/(?=^- )/m);
    await writeFile(join(trimmed, 'sources.yaml'), entries.filter((entry) => entry.includes('h1.csv')).join(''));
    const run = await runDataCommand(trimmed, out, await tempDir('hostile-scratch-'));
    expect(run.code, run.stderr).toBe(0);
    const after = await readOutputs(out);
    expect(after.get('records.csv')).not.toEqual(before.get('records.csv'));
    expect(after.get('records.csv')!.toString('utf8')).toContain('kp-imports-2023-h1.csv,4,import,2023-06,2023-06,72022100');
    expect(await readdir(parent)).toEqual(['build']);
  });
});

/** A zod issue's field, dotted; an unknown key counts as a field of its own. */
function issueFields(issue: { code: string; path: PropertyKey[]; keys?: string[] }): string[] {
  const base = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys) return issue.keys.map((key) => [...base, key].join('.'));
  return [base.join('.')];
}

describe('every broken story is stopped at the right field or line', () => {
  it.each(storyCases.map((c) => [c.case, c] as const))('%s', async (_name, c) => {
    const abs = join(HOSTILE, c.case, 'story.md');
    const path = relative(ROOT, abs);
    const { frontmatter } = parseFrontmatter(readFileSync(abs, 'utf8'));
    const parsed = storySchema.safeParse(frontmatter);
    const render = renderStory(readStoryBody(abs), {
      path,
      lang: 'en',
      facts: sampleFacts,
      aggregates: {},
      library: new Map(),
      csvHref: ({ spec }) => `/data/${spec.id}.csv`,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const [problem] = c.problems;
    expect(c.problems).toHaveLength(1);
    if (problem!.field !== undefined) {
      expect(parsed.success, 'the frontmatter should be rejected').toBe(false);
      const issues = parsed.error!.issues;
      // Every complaint is about the broken field, and one says what is wrong with it.
      expect(issues.flatMap((issue) => issueFields(issue))).toEqual(issues.map(() => problem!.field));
      expect(
        issues.some((issue) => new RegExp(problem!.message, 'i').test(JSON.stringify(issue))),
        JSON.stringify(issues),
      ).toBe(true);
      expect(await render, 'the body alone is fine').toBeUndefined();
    } else {
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const error = await render;
      expect(error, 'the render should fail').toBeInstanceOf(Error);
      // "path:line:column(-line:column): reason", as the build prints it.
      expect((error as Error).message).toMatch(new RegExp(`^${escapeRegExp(path)}:${problem!.line}:\\d+(?:-\\d+:\\d+)?: .*${problem!.message}`));
    }
  });
});
