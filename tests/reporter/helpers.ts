// Shared pieces for the reporter-workflow tests: a throwaway copy of the project to edit
// freely (with a fixture project's content in place of the shipped one), the data step run
// in it, and small file edits a reporter would make.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStepResult } from '../../src/pipeline.ts';
import { dataStep as runReporterDataStep } from '../support/build.ts';
import { layOutFixture } from '../support/project.ts';
import { ROOT } from '../support/temp.ts';

/** What the copy leaves out: installed packages, history, outputs and other tests' scratch. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'tmp', '.vitest', '.astro', 'tests', 'data/build']);
/** The newsroom's own content, which a fixture project replaces. */
const CONTENT = ['data/raw', 'data/reference', 'data/aggregates.yaml', 'content'];

const made: string[] = [];

/**
 * A copy of the project in a temporary folder: the code with the shipped content, or with
 * fixture project `fixture`'s content instead (tests/support/project.ts). node_modules is a
 * real folder of links to the installed packages, so the copy's own caches (.vite, .astro)
 * stay in the copy.
 */
export async function copyProject(fixture?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reporter-test-'));
  made.push(dir);
  const skip = new Set([...SKIP, ...(fixture ? CONTENT : [])]);
  await cp(ROOT, dir, {
    recursive: true,
    filter: (source) => !skip.has(source.slice(ROOT.length).replace(/\/$/, '')),
  });
  if (fixture) await layOutFixture(fixture, dir);
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The data step in a project copy, as `npm run data` runs it. */
export function dataStep(root: string): Promise<DataStepResult> {
  return runReporterDataStep({
    rawDir: join(root, 'data/raw'),
    outDir: join(root, 'data/build'),
    referenceDir: join(root, 'data/reference'),
    aggregatesFile: join(root, 'data/aggregates.yaml'),
    changeReport: true,
  });
}

/** Replaces the first `from` in a file (as bytes, so GB18030 downloads stay as they are). */
export async function replaceIn(root: string, file: string, from: string, to: string): Promise<void> {
  const path = join(root, file);
  const bytes = await readFile(path);
  const at = bytes.indexOf(from);
  if (at < 0) throw new Error(`${file} does not contain ${from}`);
  const edited = Buffer.concat([bytes.subarray(0, at), Buffer.from(to), bytes.subarray(at + Buffer.byteLength(from))]);
  if (!file.endsWith('.md')) {
    await writeFile(path, edited);
    return;
  }
  // A story is written whole and renamed into place, as most editors save: Astro's content
  // loader does not wait for a file to settle, and one that fired between the truncate and
  // the write of an in-place save would keep a half-written story.
  const temporary = join(root, `.replace-in-${process.pid}.tmp`);
  await writeFile(temporary, edited);
  await rename(temporary, path);
}

export async function writeStory(root: string, name: string, text: string): Promise<string> {
  const file = `content/stories/${name}.md`;
  await writeFile(join(root, file), text);
  return file;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The environment for a command run from a test: as a reporter's shell has it, without the
 * test runner's NODE_ENV=test and VITEST* variables (under NODE_ENV=test Astro's dev server
 * answers every page with 404).
 */
export function commandEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.NODE_ENV;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Runs an npm script in a project copy and collects its output. */
export function npmRun(root: string, script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: root, env: commandEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Calls `probe` until it returns something, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
