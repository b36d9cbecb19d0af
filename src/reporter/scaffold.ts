// `npm run new -- <slug>`: a new story file with its frontmatter filled in (today's date,
// placeholders the schema accepts and the check flags) and a first chart drawn from one of
// the declared aggregates, so a reporter starts from something that builds.
import type { Aggregate, AggregatesFile, FactsFile } from '../contract/index.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TIME_FIELDS } from '../charts/data.ts';
import { PROJECT_PATHS } from './check.ts';

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PAGES = 'src/pages';

/** Top-level page names (data, embed, sitemap.xml…), which a story's address must not take. */
async function reservedSlugs(root: string): Promise<Set<string>> {
  const names = await readdir(join(root, PAGES)).catch(() => []);
  return new Set(
    names
      .filter((name) => !name.startsWith('['))
      .map((name) => name.replace(/\.(?:astro|ts|js|md)$/, ''))
      .concat('index'),
  );
}

/** Why a slug cannot be used, or undefined when it can. */
async function slugProblem(root: string, slug: string): Promise<string | undefined> {
  if (!SLUG.test(slug))
    return `"${slug}" is not a usable slug: use lower-case letters, digits and single dashes, e.g. china-rare-earths-2024 (it becomes the page's address)`;
  if ((await reservedSlugs(root)).has(slug)) return `"${slug}" is taken by one of the site's own pages; choose another`;
  return undefined;
}

/**
 * The chart a new story starts with: the top ten of a ranked aggregate, else a time series,
 * else any; the most recent first.
 */
function firstChart(aggregates: AggregatesFile, slug: string): { aggregate: Aggregate; lines: string[] } {
  const all = Object.values(aggregates)
    .filter((a) => a.dimensions.length > 0)
    .sort((a, b) => b.period.end.localeCompare(a.period.end) || a.id.localeCompare(b.id));
  const ranked = all.find((a) => a.dimensions.length === 1 && a.rows.some((row) => typeof row.rank === 'number'));
  const timed = all.find((a) => TIME_FIELDS.includes(a.dimensions[0]!));
  const aggregate = ranked ?? timed ?? all[0];
  if (!aggregate) throw new ScaffoldError('data/build/aggregates.json has no aggregates: declare one in data/aggregates.yaml and run `npm run data`');
  const [x, colour] = aggregate.dimensions as [string, string | undefined];
  const time = TIME_FIELDS.includes(x);
  const lines = [
    `type: ${time ? 'line' : 'bar'}              # bar, line, area or dot`,
    `aggregate: ${aggregate.id}   # an aggregate declared in data/aggregates.yaml`,
    `x: ${x}`,
    ...(colour ? [`colour: ${colour}`] : []),
    ...(ranked === aggregate ? ['top: 10'] : []),
    'title: "TODO: What the chart shows, as a headline"',
    // Ids are site-wide (embed/<id>/, data/<id>.csv); the slug keeps two new stories apart.
    `id: ${slug}-chart              # its address: embed/${slug}-chart/`,
    // JSON quoting is YAML quoting, whatever the description holds.
    `dek: ${JSON.stringify(`TODO: ${aggregate.description}`)}`,
  ];
  return { aggregate, lines };
}

interface StoryTemplateOptions {
  slug: string;
  /** The publication date to fill in, usually today. */
  date: Date;
  facts: FactsFile;
  aggregates: AggregatesFile;
}

const isoDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function storyTemplate(options: StoryTemplateOptions): string {
  const chart = firstChart(options.aggregates, options.slug);
  const example =
    Object.values(options.facts)
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .find((fact) => fact.aggregate === chart.aggregate.id) ?? Object.values(options.facts)[0];
  const binding = example
    ? `Type no figure by hand: write :fact[${example.key}] and the page prints it from the data.`
    : 'Type no figure by hand: declare facts in data/aggregates.yaml and write :fact[key].';
  return [
    '---',
    'title: "TODO: Headline"',
    'dek: "TODO: One or two sentences under the headline"',
    'bylines:',
    '  - name: "TODO: Your name"',
    `published: ${isoDay(options.date)}`,
    'lang: en',
    'draft: true              # npm run build leaves the story out until this line is removed',
    'summary: "TODO: One or two sentences for social cards and search results"',
    'shareImageAlt: "TODO: What the share image shows: the headline over the first chart"',
    '---',
    '',
    `TODO: Write the story here. ${binding} Run \`npm run check\` to see what is left to do.`,
    '',
    '```chart',
    ...chart.lines,
    '```',
    '',
  ].join('\n');
}

async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    throw new ScaffoldError(`cannot read ${path}: run \`npm run data\` first, so the new story can start with a chart from the data`);
  }
}

/** Writes content/stories/<slug>.md and returns its path relative to the root; never overwrites. */
export async function createStory(root: string, slug: string, date = new Date()): Promise<string> {
  const problem = await slugProblem(root, slug);
  if (problem) throw new ScaffoldError(problem);
  const build = join(root, PROJECT_PATHS.build);
  const [facts, aggregates] = await Promise.all([readJson<FactsFile>(join(build, 'facts.json')), readJson<AggregatesFile>(join(build, 'aggregates.json'))]);
  const file = `${PROJECT_PATHS.stories}/${slug}.md`;
  try {
    await writeFile(join(root, file), storyTemplate({ slug, date, facts, aggregates }), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${file} already exists; choose another slug or edit that file`);
    throw error;
  }
  return file;
}
