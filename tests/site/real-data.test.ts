// The "Sample data" label is the data's to decide: the same files, declared as real
// downloads (synthetic: false), build pages that carry no sample label anywhere.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT, buildSite, chartPlacements, dataStep, RAW, readFacts, readPage, removeTempDirs, STORY_FILE, STORY_SLUG, tempDir,
  text, type Page,
} from './helpers.ts';

const SOURCE = 'GACC online query platform, downloaded 2023-11-20 by the data desk';

let story: Page;
let index: Page;
let markdown: string;

beforeAll(async () => {
  const work = await tempDir();
  const raw = join(work, 'raw');
  await cp(RAW, raw, { recursive: true });
  const manifest = await readFile(join(raw, 'sources.yaml'), 'utf8');
  const flipped = manifest.replaceAll('synthetic: true', 'synthetic: false').replace(/^(\s*)source: .*$/gm, `$1source: ${SOURCE}`);
  expect(flipped).not.toMatch(/synthetic: true/);
  await writeFile(join(raw, 'sources.yaml'), flipped);
  const data = await dataStep(join(work, 'data'), raw);
  // The control: the data step itself agrees nothing is synthetic.
  expect(Object.values(await readFacts(data)).some((fact) => fact.synthetic)).toBe(false);
  const dist = await buildSite({ dataDir: data, outDir: join(work, 'dist') });
  story = await readPage(dist, `${STORY_SLUG}/index.html`);
  index = await readPage(dist, 'index.html');
  markdown = await readFile(STORY_FILE, 'utf8');
}, BUILD_TIMEOUT);

afterAll(removeTempDirs);

describe('a build from data declared real', () => {
  it('has no sample-data banner on the story page or the index', () => {
    expect(story.querySelector('.sample-banner')).toBeNull();
    expect(index.querySelector('.sample-banner')).toBeNull();
    expect(text(story.body)).not.toMatch(/sample data/i);
    expect(text(index.body)).not.toMatch(/sample data/i);
  });

  it('draws every chart without a sample badge, its source line naming GACC alone', () => {
    const figures = [...story.querySelectorAll('figure.chart')];
    expect(figures).toHaveLength(chartPlacements(markdown).length);
    for (const figure of figures) {
      expect(text(figure), figure.id).not.toMatch(/sample/i);
      expect(text(figure.querySelector('.chart__source')), figure.id).toBe('Source: China General Administration of Customs (GACC).');
    }
  });

  it('prints the declared provenance in the sources', () => {
    expect(text(story.querySelector('.sources'))).toContain(SOURCE);
    expect(story.querySelectorAll('data.fact--sample')).toHaveLength(0);
    expect(story.querySelectorAll('data.fact').length).toBeGreaterThan(0);
  });
});
