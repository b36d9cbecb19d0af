// A throwaway copy of the project for benchmarks that build or serve it: its own outputs and
// caches, so a measurement neither sees nor disturbs the working tree's (or another
// engineer's build running at the same time).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Left out of the copy: installed packages (linked instead), history, outputs and scratch. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'tmp', '.astro', 'tests', 'data/build']);

/** Caches inside node_modules, which the copy must start without. */
const CACHE_FOLDERS = new Set(['.vite', '.astro', '.cache']);

export interface ProjectCopy {
  root: string;
  remove(): Promise<void>;
}

/**
 * The project's files in a new temporary folder: as they are in the working tree, or as
 * committed at `revision` (to measure a commit while the working tree is mid-edit).
 * node_modules is a real folder of links to the installed packages, so the copy's caches
 * (node_modules/.vite, .astro, .cache) are its own.
 */
export async function copyProject(prefix = 'customs-story-bench-', revision?: string): Promise<ProjectCopy> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    if (revision === undefined) {
      await cp(PROJECT_ROOT, root, {
        recursive: true,
        filter: (source) => !SKIP.has(source.slice(PROJECT_ROOT.length).replace(/\/$/, '')),
      });
    } else {
      await extractRevision(revision, root);
    }
    await mkdir(join(root, 'node_modules'));
    for (const name of await readdir(join(PROJECT_ROOT, 'node_modules'))) {
      if (CACHE_FOLDERS.has(name)) continue;
      // npm's record of what is installed is part of the build cache's key: a copy, so an
      // install in the working tree during a measurement does not empty the copy's cache.
      if (name === '.package-lock.json') await cp(join(PROJECT_ROOT, 'node_modules', name), join(root, 'node_modules', name));
      else await symlink(join(PROJECT_ROOT, 'node_modules', name), join(root, 'node_modules', name));
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { root, remove };
}

/** `git archive <revision>` unpacked into `dir`. */
async function extractRevision(revision: string, dir: string): Promise<void> {
  const git = spawn('git', ['archive', '--format=tar', revision], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
  git.stdout.pipe(tar.stdin);
  let errors = '';
  for (const child of [git, tar]) child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = (child: typeof git | typeof tar) =>
    new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
  const [gitCode, tarCode] = await Promise.all([exited(git), exited(tar)]);
  if (gitCode !== 0 || tarCode !== 0) throw new Error(`could not unpack revision ${revision}: ${errors.trim() || `git exit ${gitCode}, tar exit ${tarCode}`}`);
}

/** Removes what a build leaves behind in a copy, so the next build starts as on a fresh checkout. */
export async function clearBuildState(root: string): Promise<void> {
  await Promise.all(
    ['dist', '.astro', 'data/build', ...[...CACHE_FOLDERS].map((name) => join('node_modules', name))].map((path) =>
      rm(join(root, path), { recursive: true, force: true }),
    ),
  );
}

/** Variables that point a command at other folders or change how it runs; a copy builds as shipped. */
const OVERRIDES = /^(NODE_ENV|VITEST.*|STORIES_DIR|CHARTS_DIR|DATA_BUILD_DIR|SITE_URL|BASE_PATH)$/;

/** The environment for a command run in a copy: a reporter's shell, without overrides or a test runner's variables. */
export function copyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (OVERRIDES.test(name)) delete env[name];
  return env;
}
