import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregate } from '../charts/fixtures.ts';
import { modelStats, siteModel, type ModelInputs, type StorySource } from './model.ts';

function products(value: number): Aggregate {
  return aggregate('ranked-products', {
    description: 'Products by value',
    sources: ['imports.csv'],
    dimensions: ['product'],
    rows: [
      { product: 'bristles', product_label: 'Pig bristles', value, records: 3 },
      { product: 'wigs', product_label: 'Wigs', value: 500, records: 2 },
    ],
  });
}

const block = (id: string) =>
  ['```chart', `id: ${id}`, 'type: bar', 'aggregate: ranked-products', 'x: product', `title: Chart ${id}`, 'dek: Products by value.', '```'].join('\n');
const story = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

let root: string;
let inputs: ModelInputs;
let sources: StorySource[];

async function save(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

const writeAggregates = (value: number) =>
  save(join(inputs.buildDir, 'aggregates.json'), JSON.stringify({ 'ranked-products': products(value) } satisfies AggregatesFile));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'site-model-'));
  inputs = { buildDir: join(root, 'build'), chartsDir: join(root, 'charts') };
  await mkdir(inputs.buildDir);
  await mkdir(join(root, 'stories'));
  await writeAggregates(100);
  sources = ['first', 'second'].map((id, k) => ({ id, published: new Date(Date.UTC(2023, 10, k + 1)), lang: 'en', path: join(root, 'stories', `${id}.md`) }));
  await save(sources[0]!.path, story('First', `Some text.\n\n${block('first-chart')}`));
  await save(sources[1]!.path, story('Second', `Other text.\n\n${block('second-chart')}`));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('siteModel', () => {
  it('works the site out once for every page that asks while nothing changed', () => {
    const built = modelStats.built;
    const model = siteModel(sources, inputs);
    expect(model.charts.map((chart) => chart.spec.id)).toEqual(['first-chart', 'second-chart']);
    expect(model.stories.map((s) => s.id)).toEqual(['first', 'second']);
    expect(model.stories[0]!.markdown).toContain('Some text.');
    // The frontmatter's lines stay, blank, so messages keep the file's line numbers.
    expect(model.stories[0]!.markdown.startsWith('\n\n\n')).toBe(true);
    for (let page = 0; page < 5; page += 1) expect(siteModel(sources, inputs)).toBe(model);
    expect(modelStats.built).toBe(built + 1);
  });

  it('sees an edited story', async () => {
    const model = siteModel(sources, inputs);
    await save(sources[1]!.path, story('Second', `Edited text.\n\n${block('renamed-chart')}`));
    const edited = siteModel(sources, inputs);
    expect(edited).not.toBe(model);
    expect(edited.stories[1]!.markdown).toContain('Edited text.');
    expect(edited.charts.map((chart) => chart.spec.id)).toEqual(['first-chart', 'renamed-chart']);
  });

  it('sees new data, a new chart file and a story added or dropped', async () => {
    const model = siteModel(sources, inputs);
    await writeAggregates(900);
    const data = siteModel(sources, inputs);
    expect(data).not.toBe(model);
    expect(data.charts[0]!.aggregate.rows[0]!.value).toBe(900);

    await mkdir(inputs.chartsDir);
    await save(join(inputs.chartsDir, 'kept.yaml'), ['type: bar', 'aggregate: ranked-products', 'x: product', 'title: Kept', 'dek: A chart file.'].join('\n'));
    const library = siteModel(sources, inputs);
    expect(library).not.toBe(data);
    expect(library.charts.map((chart) => chart.spec.id)).toContain('kept');

    expect(siteModel(sources.slice(0, 1), inputs).stories.map((s) => s.id)).toEqual(['first']);
  });

  it('says to run the data step when aggregates.json is missing', async () => {
    await rm(join(inputs.buildDir, 'aggregates.json'));
    expect(() => siteModel(sources, inputs)).toThrow(/aggregates\.json: run `npm run data` first/);
  });
});
