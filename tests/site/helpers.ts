// Shared pieces for the build-output tests: running the data step and an Astro build into
// throwaway folders, reading the built pages as DOM, and listing and hashing the output.
import type { AggregatesFile, FactsFile } from '../../src/contract/index.ts';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { DataStepError, formatProblem } from '../../src/ingest/errors.ts';
import { runDataStep } from '../../src/pipeline.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RAW = join(ROOT, 'data/raw');
export const STORY_SLUG = 'china-north-korea-minerals';
export const STORY_FILE = join(ROOT, 'content/stories', `${STORY_SLUG}.md`);

/** Builds take a few seconds each; hooks that build get this long. */
export const BUILD_TIMEOUT = 180_000;

const made: string[] = [];

/**
 * A fresh folder under the project's git-ignored tmp/. Builds go there rather than to the
 * system's temporary folder: Astro writes a build's intermediate server files inside the
 * output folder when that is inside the working directory, and into the project's shared
 * .astro/ folder otherwise, where two builds at once would overwrite each other's chunks.
 */
export async function tempDir(prefix = 'site-test-'): Promise<string> {
  await mkdir(join(ROOT, 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'tmp', prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file; use in afterAll. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The data step (what `npm run data` runs) from `rawDir` into `outDir`, with the reference tables of `referenceDir`. */
export async function dataStep(outDir: string, rawDir = RAW, referenceDir = join(ROOT, 'data/reference')): Promise<string> {
  try {
    await runDataStep({
      rawDir,
      outDir,
      referenceDir,
      aggregatesFile: join(ROOT, 'data/aggregates.yaml'),
    });
  } catch (error) {
    if (error instanceof DataStepError) throw new Error(`${error.message}: ${error.problems.map(formatProblem).join('; ')}`);
    throw error;
  }
  return outDir;
}

export interface BuildOptions {
  /** Folder of data-step output the pages read (DATA_BUILD_DIR). */
  dataDir: string;
  outDir: string;
  /** SITE_URL; the config's default when absent. */
  site?: string;
  /** BASE_PATH; "/" when absent. */
  base?: string;
  /** More environment variables for the build, e.g. ones a CI machine might set. */
  env?: Record<string, string>;
}

/**
 * Variables Vitest sets in its own process (it mirrors import.meta.env into process.env) that a
 * build started from a terminal would not see.
 */
const TEST_RUNNER_ENV = /^(VITEST.*|TEST|NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR)$/;

/**
 * `astro build` of this project with astro.config.mjs, in a child process on the Node that
 * runs the tests. Only the caches are moved to a private folder, so builds running at the
 * same time (other test files, a developer's `npm run build`) do not share Vite's or Astro's
 * cache files.
 */
export async function buildSite(options: BuildOptions): Promise<string> {
  const cache = await tempDir('site-test-cache-');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_ENV.test(name)));
  delete env.SITE_URL;
  delete env.BASE_PATH;
  Object.assign(env, { DATA_BUILD_DIR: options.dataDir, ASTRO_TELEMETRY_DISABLED: '1' }, options.env);
  if (options.site !== undefined) env.SITE_URL = options.site;
  if (options.base !== undefined) env.BASE_PATH = options.base;
  const script = `
    const { build } = await import('astro');
    await build({
      outDir: ${JSON.stringify(options.outDir)},
      cacheDir: ${JSON.stringify(join(cache, 'astro'))},
      vite: { cacheDir: ${JSON.stringify(join(cache, 'vite'))} },
      logLevel: 'warn',
    });`;
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, text }));
  });
  if (output.code !== 0) throw new Error(`astro build failed (exit ${output.code}):\n${output.text}`);
  return options.outDir;
}

/** Every file under `dir`, as sorted '/'-separated relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

export async function hashFiles(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(join(dir, file))).digest('hex'));
  }
  return hashes;
}

export type Page = ReturnType<typeof parseHTML>['document'];

export async function readPage(dist: string, file: string): Promise<Page> {
  return parseHTML(await readFile(join(dist, file), 'utf8')).document;
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export const readFacts = (dataDir: string) => readJson<FactsFile>(join(dataDir, 'facts.json'));
export const readAggregates = (dataDir: string) => readJson<AggregatesFile>(join(dataDir, 'aggregates.json'));

/** Text as a reader sees it: whitespace collapsed. */
export function text(node: { textContent: string | null } | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The charts a story places, in order, read from its Markdown: `::chart{#id width=wide}`. */
export function chartPlacements(markdown: string): { id: string; wide: boolean }[] {
  return [...markdown.matchAll(/^::chart\{([^}]*)\}\s*$/gm)].map((match) => {
    const attributes = match[1]!;
    const id = /#([\w-]+)/.exec(attributes)?.[1];
    if (!id) throw new Error(`chart directive without an id: ${match[0]}`);
    return { id, wide: /\bwidth=("?)wide\1/.test(attributes) };
  });
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Where a page makes the browser fetch something: scripts, stylesheets, icons, preloads,
 * images, media sources and frames, with every URL of a srcset.
 */
export function assetUrls(document: Page): { tag: string; url: string }[] {
  const urls: { tag: string; url: string }[] = [];
  const add = (element: Element, attribute: string) => {
    const value = element.getAttribute(attribute);
    if (value === null) return;
    if (attribute === 'srcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push({ tag: element.localName, url });
      }
    } else {
      urls.push({ tag: element.localName, url: value.trim() });
    }
  };
  for (const element of document.querySelectorAll('script[src], img, source, iframe, video, audio, track, embed, object, input[type=image]')) {
    for (const attribute of ['src', 'srcset', 'data', 'poster']) add(element, attribute);
  }
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.some((r) => ['stylesheet', 'icon', 'apple-touch-icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'mask-icon'].includes(r))) {
      add(link, 'href');
      add(link, 'imagesrcset');
    }
  }
  // SVG images inside inline charts.
  for (const image of document.querySelectorAll('svg image, svg use')) {
    add(image, 'href');
    add(image, 'xlink:href');
  }
  return urls;
}

/** url(…) and @import targets in a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) urls.push(match[1] ?? match[2] ?? match[3] ?? '');
  for (const match of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) urls.push(match[1] ?? match[2] ?? '');
  return urls;
}
