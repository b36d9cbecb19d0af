// `npm run check`: everything a reporter can get wrong, checked without building the site —
// the download manifest, the reference tables and the declarations (as the data step reads
// them, without reading the CSVs), whether data/build is older than its inputs, and every
// story against data/build. Also gathers the copy-desk sheet.
import { PATHS } from '../config.ts';
import { readChartLibrary } from '../site/chart-files.ts';
import type { AggregatesFile, FactsFile, Problem } from '../contract/index.ts';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DataStepError } from '../ingest/errors.ts';
import { prepare } from '../pipeline.ts';
import { REFERENCE_FILES } from '../reference/load.ts';
import { ChartIdError, siteCharts } from '../site/charts.ts';
import { copyDeskSheet } from './copy-desk.ts';
import { checkStory, type StoryCheck, type StoryData } from './story-check.ts';

/** Where a project keeps what the check reads, relative to its root. */
export const PROJECT_PATHS = {
  raw: 'data/raw',
  reference: 'data/reference',
  aggregates: 'data/aggregates.yaml',
  build: 'data/build',
  stories: 'content/stories',
} as const;

export interface CheckOptions {
  root: string;
  /** Story files relative to the root; every story in content/stories when absent. */
  stories?: readonly string[];
}

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
  stories: StoryCheck[];
  sheet: string;
}

const REFERENCE_NAMES: readonly string[] = Object.values(REFERENCE_FILES);

/** The data step names files by their place in their folder; the check names them from the root. */
export function problemFromRoot(problem: Problem): Problem {
  const { file } = problem;
  if (file.includes('/') || file === '…') return problem;
  const folder = REFERENCE_NAMES.includes(file) ? PROJECT_PATHS.reference : PROJECT_PATHS.raw;
  return { ...problem, file: `${folder}/${file}` };
}

async function checkInputs(root: string): Promise<Problem[]> {
  try {
    await prepare({
      rawDir: join(root, PROJECT_PATHS.raw),
      outDir: join(root, PROJECT_PATHS.build),
      referenceDir: join(root, PROJECT_PATHS.reference),
      aggregatesFile: join(root, PROJECT_PATHS.aggregates),
    });
    return [];
  } catch (error) {
    if (!(error instanceof DataStepError)) throw error;
    return error.problems.map(problemFromRoot);
  }
}

async function newestFile(root: string, paths: readonly string[]): Promise<{ file: string; time: number } | undefined> {
  let newest: { file: string; time: number } | undefined;
  for (const path of paths) {
    const full = join(root, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory() ? (await readdir(full, { recursive: true })).map((name) => join(path, name)) : [path];
    for (const file of files) {
      const time = (await stat(join(root, file))).mtimeMs;
      if (!newest || time > newest.time) newest = { file, time };
    }
  }
  return newest;
}

/** The data step's facts and aggregates, and a warning when an input changed after them. */
async function readBuild(root: string): Promise<{ data?: StoryData; problems: Problem[]; warnings: Problem[] }> {
  const dir = join(root, PROJECT_PATHS.build);
  let data: StoryData;
  try {
    const [facts, aggregates] = await Promise.all(['facts.json', 'aggregates.json'].map((name) => readFile(join(dir, name), 'utf8')));
    data = {
      facts: JSON.parse(facts!) as FactsFile,
      aggregates: JSON.parse(aggregates!) as AggregatesFile,
      library: readChartLibrary(join(root, PATHS.charts)),
    };
  } catch {
    return {
      problems: [{ file: PROJECT_PATHS.build, message: 'has no facts.json and aggregates.json yet: run `npm run data` (or `npm run dev`) first' }],
      warnings: [],
    };
  }
  const built = (await stat(join(dir, 'facts.json'))).mtimeMs;
  const newest = await newestFile(root, [PROJECT_PATHS.raw, PROJECT_PATHS.reference, PROJECT_PATHS.aggregates]);
  const warnings: Problem[] =
    newest && newest.time > built
      ? [
          {
            file: PROJECT_PATHS.build,
            message: `is older than ${newest.file}: stories were checked against the last data run; run \`npm run data\` to include the change`,
          },
        ]
      : [];
  return { data, problems: [], warnings };
}

async function storyFiles(root: string): Promise<string[]> {
  // Editions in other languages may sit in folders of their own (content/stories/ko/…).
  const names = await readdir(join(root, PROJECT_PATHS.stories), { recursive: true }).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.split('\\').join('/'))
    .sort()
    .map((name) => `${PROJECT_PATHS.stories}/${name}`);
}

/** A chart id two stories' chart blocks share, as the build would refuse it. */
function chartIdProblems(stories: readonly StoryCheck[], data: StoryData): Problem[] {
  try {
    siteCharts(
      stories.map((story) => ({
        id: story.file,
        published: new Date(String(story.frontmatter.published)),
        lang: story.lang,
        path: story.file,
        markdown: story.body,
      })),
      data.aggregates,
      data.library,
    );
    return [];
  } catch (error) {
    if (!(error instanceof ChartIdError)) throw error;
    return [{ file: error.file, message: error.message.slice(error.file.length + 2) }];
  }
}

/** Every story (or the files named) checked against data/build. */
export async function checkStories(root: string, files?: readonly string[]): Promise<{ errors: Problem[]; warnings: Problem[]; stories: StoryCheck[] }> {
  const build = await readBuild(root);
  const errors = [...build.problems];
  const warnings = [...build.warnings];
  const stories: StoryCheck[] = [];
  const names = files?.map((file) => relative(root, join(root, file))) ?? (await storyFiles(root));
  if (names.length === 0) warnings.push({ file: PROJECT_PATHS.stories, message: 'holds no stories yet: `npm run new -- <slug>` starts one' });
  for (const name of names) {
    if (!existsSync(join(root, name))) errors.push({ file: name, message: 'no such story file' });
    else if (build.data) stories.push(await checkStory(join(root, name), build.data, name));
  }
  for (const story of stories) {
    errors.push(...story.errors);
    warnings.push(...story.warnings);
  }
  if (build.data && errors.length === 0) errors.push(...chartIdProblems(stories, build.data));
  return { errors, warnings, stories };
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const inputs = await checkInputs(options.root);
  const { errors, warnings, stories } = await checkStories(options.root, options.stories);
  return { errors: [...inputs, ...errors], warnings, stories, sheet: copyDeskSheet(stories) };
}
