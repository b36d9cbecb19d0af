// Projects as tests build them. A fixture project (tests/fixtures/projects/<name>/) is a
// newsroom's own content: data/raw with its sources.yaml, data/aggregates.yaml,
// content/stories and content/charts, and data/reference files laid over the project's own
// reference tables. It is laid out in a throwaway folder, run through the data step and built
// as `npm run build` builds it. Builds are slow (two cores), so a test file that only reads
// the result takes `sharedBuild`: each fixture is built once per test run, whichever file
// asks first, and the others wait for it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { BUILD_TIMEOUT, dataStep, siteBuild } from './build.ts';
import { listFiles, readPage, type Page } from './pages.ts';
import { ROOT, tempDir } from './temp.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder this run's shared builds go to (tests/support/global-setup.ts). */
    sharedBuilds: string;
  }
}

export const FIXTURES = join(ROOT, 'tests/fixtures/projects');

/** Where a project keeps its inputs, as absolute paths. */
export interface ProjectFolders {
  raw: string;
  reference: string;
  aggregates: string;
  stories: string;
  charts: string;
}

/** The project as shipped: its own data and content, in place (read, never written). */
export function shippedProject(): ProjectFolders {
  return {
    raw: join(ROOT, 'data/raw'),
    reference: join(ROOT, 'data/reference'),
    aggregates: join(ROOT, 'data/aggregates.yaml'),
    stories: join(ROOT, 'content/stories'),
    charts: join(ROOT, 'content/charts'),
  };
}

/** The folders of a project laid out under `root`, in the project's own layout. */
export function foldersUnder(root: string): ProjectFolders {
  return {
    raw: join(root, 'data/raw'),
    reference: join(root, 'data/reference'),
    aggregates: join(root, 'data/aggregates.yaml'),
    stories: join(root, 'content/stories'),
    charts: join(root, 'content/charts'),
  };
}

/**
 * Copies fixture `name` into `root` (a fresh temporary folder when absent), where a test may
 * edit it: its data and content, and the project's reference tables with the fixture's laid
 * over them, file by file.
 */
export async function layOutFixture(name: string, root?: string): Promise<ProjectFolders & { root: string }> {
  const fixture = join(FIXTURES, name);
  if (!existsSync(fixture)) throw new Error(`no fixture project ${name} in ${FIXTURES}`);
  const into = root ?? (await tempDir(`project-${name}-`));
  const folders = foldersUnder(into);
  const from = foldersUnder(fixture);
  await mkdir(join(into, 'data'), { recursive: true });
  await cp(from.raw, folders.raw, { recursive: true });
  await cp(from.aggregates, folders.aggregates);
  await cp(from.stories, folders.stories, { recursive: true });
  if (existsSync(from.charts)) await cp(from.charts, folders.charts, { recursive: true });
  else await mkdir(folders.charts, { recursive: true });
  await cp(join(ROOT, 'data/reference'), folders.reference, { recursive: true });
  if (existsSync(from.reference)) await cp(from.reference, folders.reference, { recursive: true });
  return { ...folders, root: into };
}

export interface BuildOptions {
  /** SITE_URL; SITE when absent, so every build has a known address. */
  site?: string;
  /** BASE_PATH; "/" when absent. */
  base?: string;
  /** More environment variables for the site build. */
  env?: Record<string, string>;
}

/** The address built projects have unless a test gives another. */
const SITE = 'https://stories.example.net';

/** A built project: its inputs, the data step's output, the site, and ways to read them. */
export interface BuiltProject extends ProjectFolders {
  /** The data step's output (DATA_BUILD_DIR). */
  data: string;
  dist: string;
  site: string;
  base: string;
  /** The site's home page, absolute: site and base path. */
  home: string;
  /** The absolute URL of a site-relative path ('' for the home page, 'soybeans/', 'data/x.csv'). */
  url(path: string): string;
  /** The file in dist that a site-relative path or an absolute or root-relative URL names. */
  file(pathOrUrl: string): string;
  /** The page at a site-relative path, as a DOM. */
  page(path: string): Promise<Page>;
  /** Every HTML file of the build, relative to dist. */
  htmlFiles(): Promise<string[]>;
}

function built(folders: ProjectFolders, data: string, dist: string, options: BuildOptions): BuiltProject {
  const site = options.site ?? SITE;
  const base = options.base ?? '/';
  const home = `${site}${base}`;
  const file = (pathOrUrl: string) => {
    const url = new URL(pathOrUrl, home);
    if (url.origin !== new URL(site).origin) throw new Error(`${pathOrUrl} is not on ${site}`);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) throw new Error(`${pathOrUrl} is not under the base path ${base}`);
    const inside = path.slice(base.length);
    return join(dist, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
  };
  return {
    ...folders,
    data,
    dist,
    site,
    base,
    home,
    url: (path) => new URL(path, home).href,
    file,
    page: (path) => readPage(file(path)),
    htmlFiles: async () => (await listFiles(dist)).filter((name) => name.endsWith('.html')),
  };
}

/** The data step and the site build of a project, into `work` (a fresh temporary folder when absent). */
export async function buildProject(folders: ProjectFolders, options: BuildOptions = {}, work?: string): Promise<BuiltProject> {
  const into = work ?? (await tempDir('build-'));
  const data = join(into, 'data-build');
  const dist = join(into, 'dist');
  await dataStep({ rawDir: folders.raw, outDir: data, referenceDir: folders.reference, aggregatesFile: folders.aggregates });
  await siteBuild({
    dataDir: data,
    outDir: dist,
    site: options.site ?? SITE,
    ...(options.base === undefined ? {} : { base: options.base }),
    env: { STORIES_DIR: folders.stories, CHARTS_DIR: folders.charts, ...options.env },
  });
  return built(folders, data, dist, options);
}

const DONE = '.built';
const FAILED = '.failed';

/**
 * Fixture `name` built with `options`, once per test run: the first file to ask builds it into
 * the run's shared folder, others wait for that build and read it. Nobody may write to it.
 * Without the run's folder (a Vitest started without tests/support/global-setup.ts), the
 * file builds its own.
 */
export async function sharedBuild(name: string, options: BuildOptions = {}): Promise<BuiltProject> {
  const runs = inject('sharedBuilds');
  if (!runs) return buildProject(await layOutFixture(name), options);
  const key = createHash('sha256')
    .update(JSON.stringify([name, options.site ?? SITE, options.base ?? '/', options.env ?? {}]))
    .digest('hex')
    .slice(0, 12);
  const work = join(runs, `${name}-${key}`);
  const root = join(work, 'project');
  const result = built(foldersUnder(root), join(work, 'data-build'), join(work, 'dist'), options);
  try {
    await mkdir(work);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await waitForBuild(work);
    return result;
  }
  try {
    await layOutFixture(name, root);
    await buildProject(foldersUnder(root), options, work);
    await writeFile(join(work, DONE), '');
  } catch (error) {
    await writeFile(join(work, FAILED), (error as Error).stack ?? String(error));
    throw error;
  }
  return result;
}

async function waitForBuild(work: string): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT;
  while (Date.now() < deadline) {
    const names = await readdir(work);
    if (names.includes(DONE)) return;
    if (names.includes(FAILED)) throw new Error(`the shared build in ${work} failed:\n${await readFile(join(work, FAILED), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the shared build in ${work} did not finish within ${BUILD_TIMEOUT / 1000} s`);
}
