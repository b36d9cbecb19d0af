// The build helpers of tests that still build the shipped project's data and launch story
// (browser, embed, fonts and hosting tests), on top of tests/support/. New tests build a
// fixture project with tests/support/project.ts instead.
import type { AggregatesFile } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataStep as runDataStep, siteBuild, type SiteBuildOptions } from '../support/build.ts';
import { readPage as readPageFile, type Page } from '../support/pages.ts';
import { ROOT } from '../support/temp.ts';

export { BUILD_TIMEOUT } from '../support/build.ts';
export { assetUrls, cssUrls, hashFiles, listFiles, pngSize, text, type Page } from '../support/pages.ts';
export { removeTempDirs, ROOT, tempDir } from '../support/temp.ts';

export const RAW = join(ROOT, 'data/raw');
export const STORY_SLUG = 'china-north-korea-minerals';
export const STORY_FILE = join(ROOT, 'content/stories', `${STORY_SLUG}.md`);

/** The data step from `rawDir` into `outDir`, with the shipped declarations and the reference tables of `referenceDir`. */
export async function dataStep(outDir: string, rawDir = RAW, referenceDir = join(ROOT, 'data/reference')): Promise<string> {
  await runDataStep({ rawDir, outDir, referenceDir, aggregatesFile: join(ROOT, 'data/aggregates.yaml') });
  return outDir;
}

/** `astro build` of the project reading `dataDir`; the caller finishes it (src/build/site.ts finishBuild) if it needs to. */
export function buildSite(options: Omit<SiteBuildOptions, 'astroOnly'>): Promise<string> {
  return siteBuild({ ...options, astroOnly: true });
}

export function readPage(dist: string, file: string): Promise<Page> {
  return readPageFile(join(dist, file));
}

export const readAggregates = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, 'aggregates.json'), 'utf8')) as AggregatesFile;
