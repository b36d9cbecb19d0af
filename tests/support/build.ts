// The two halves of `npm run build` for a test's project: the data step, in this process,
// into a folder of the test's choosing, and the site, in a child process on the Node that
// runs the tests (tests/support/site-build.ts), reading that folder.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataStepError, formatProblem } from '../../src/ingest/errors.ts';
import { runDataStep, type DataStepOptions, type DataStepResult } from '../../src/pipeline.ts';
import { ROOT, tempDir } from './temp.ts';

/** A build takes about a minute on a busy two-core machine; hooks that build get this long. */
export const BUILD_TIMEOUT = 300_000;

/** The data step as `npm run data` runs it; its problems, if any, in the error's message. */
export async function dataStep(options: DataStepOptions): Promise<DataStepResult> {
  try {
    return await runDataStep(options);
  } catch (error) {
    if (error instanceof DataStepError) throw new Error(`${error.message}: ${error.problems.map(formatProblem).join('; ')}`);
    throw error;
  }
}

export interface SiteBuildOptions {
  /** Folder of data-step output the pages read (DATA_BUILD_DIR). */
  dataDir: string;
  outDir: string;
  /** SITE_URL; the config's default when absent. */
  site?: string;
  /** BASE_PATH; "/" when absent. */
  base?: string;
  /** More environment variables: STORIES_DIR, CHARTS_DIR, CACHE_DIR, or ones a CI machine might set. */
  env?: Record<string, string>;
  /** Stop after Astro's build, for tests that finish the build themselves (src/build/site.ts finishBuild). */
  astroOnly?: boolean;
}

/**
 * Variables Vitest sets in its own process (it mirrors import.meta.env into process.env) that a
 * build started from a terminal would not see.
 */
const TEST_RUNNER_ENV = /^(VITEST.*|TEST|NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR)$/;

/** The site built from `dataDir` into `outDir` as `npm run build` builds it; fails with the build's output. */
export async function siteBuild(options: SiteBuildOptions): Promise<string> {
  const cache = await tempDir('site-build-cache-');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_ENV.test(name)));
  for (const name of ['SITE_URL', 'BASE_PATH', 'STORIES_DIR', 'CHARTS_DIR', 'CACHE_DIR']) delete env[name];
  // The build cache too is the build's own unless the test shares one: a test build starts cold.
  Object.assign(env, { DATA_BUILD_DIR: options.dataDir, CACHE_DIR: join(cache, 'build'), ASTRO_TELEMETRY_DISABLED: '1' }, options.env);
  if (options.site !== undefined) env.SITE_URL = options.site;
  if (options.base !== undefined) env.BASE_PATH = options.base;
  const args = [join(ROOT, 'tests/support/site-build.ts'), options.outDir, cache, ...(options.astroOnly ? ['--astro-only'] : [])];
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, text }));
  });
  if (output.code !== 0) throw new Error(`the site build failed (exit ${output.code}):\n${output.text}`);
  return options.outDir;
}
