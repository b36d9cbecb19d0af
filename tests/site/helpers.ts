// The build helpers of the tests that need the launch story's long sample series (browser,
// embed, fonts and hosting tests), on top of tests/support/. They build a frozen copy of it,
// tests/fixtures/projects/sample/, with downloads made by the sample generator, so nothing here
// reads the shipped data/raw, declarations or content. Other tests build a fixture project
// with tests/support/project.ts.
import type { AggregatesFile } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSample } from '../../scripts/sample/generate.ts';
import { dataStep as runDataStep, siteBuild, type SiteBuildOptions } from '../support/build.ts';
import { readPage as readPageFile, type Page } from '../support/pages.ts';
import { ROOT, tempDir } from '../support/temp.ts';

export { BUILD_TIMEOUT } from '../support/build.ts';
export { hashFiles, listFiles, pngSize } from '../support/pages.ts';
export { removeTempDirs, ROOT, tempDir } from '../support/temp.ts';

export const SAMPLE_PROJECT = join(ROOT, 'tests/fixtures/projects/sample');
export const STORY_SLUG = 'china-north-korea-minerals';
export const STORY_FILE = join(SAMPLE_PROJECT, 'content/stories', `${STORY_SLUG}.md`);
export const SAMPLE_CHARTS = join(SAMPLE_PROJECT, 'content/charts');

let sampleRaw: Promise<string> | undefined;

/** The sample downloads, written once per test file by the seeded generator. */
export function sampleRawDir(): Promise<string> {
  sampleRaw ??= tempDir('sample-raw-').then(async (dir) => {
    await generateSample(dir);
    return dir;
  });
  return sampleRaw;
}

/** The data step from `rawDir` (the sample downloads by default) into `outDir`, with the sample project's declarations. */
export async function dataStep(outDir: string, rawDir?: string, referenceDir = join(ROOT, 'data/reference')): Promise<string> {
  await runDataStep({ rawDir: rawDir ?? (await sampleRawDir()), outDir, referenceDir, aggregatesFile: join(SAMPLE_PROJECT, 'data/aggregates.yaml') });
  return outDir;
}

/** `astro build` of the project reading `dataDir`; the caller finishes it (src/build/site.ts finishBuild) if it needs to. */
export function buildSite(options: Omit<SiteBuildOptions, 'astroOnly'>): Promise<string> {
  const content = { STORIES_DIR: join(SAMPLE_PROJECT, 'content/stories'), CHARTS_DIR: SAMPLE_CHARTS };
  return siteBuild({ ...options, env: { ...content, ...options.env }, astroOnly: true });
}

export function readPage(dist: string, file: string): Promise<Page> {
  return readPageFile(join(dist, file));
}

export const readAggregates = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, 'aggregates.json'), 'utf8')) as AggregatesFile;
