// A story marked `draft: true` (as `npm run new` writes it) is not published by a build:
// no page, share image, index entry, sitemap entry, embed or CSV of its chart blocks.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildSite, dataStep, listFiles, removeTempDirs, STORY_FILE, STORY_SLUG, tempDir } from './helpers.ts';

const DRAFT = 'half-written';
const DRAFT_STORY = [
  '---',
  'title: "TODO: Headline"',
  'dek: A dek',
  'bylines:',
  '  - name: Data desk',
  'published: 2024-01-15',
  'lang: en',
  'draft: true',
  'summary: A summary',
  'shareImageAlt: A chart',
  '---',
  '',
  '```chart',
  'type: bar',
  'aggregate: top-imports-2023',
  'x: product',
  'id: half-written-chart',
  'title: Not ready',
  'dek: Not ready either.',
  '```',
  '',
].join('\n');

let files: string[];
let dist: string;

beforeAll(async () => {
  const work = await tempDir('site-drafts-');
  const stories = join(work, 'stories');
  await mkdir(stories);
  await cp(STORY_FILE, join(stories, `${STORY_SLUG}.md`));
  await writeFile(join(stories, `${DRAFT}.md`), DRAFT_STORY);
  dist = join(work, 'dist');
  await buildSite({ dataDir: await dataStep(join(work, 'data')), outDir: dist, env: { STORIES_DIR: stories } });
  files = await listFiles(dist);
}, BUILD_TIMEOUT);

afterAll(removeTempDirs);

describe('a draft story', () => {
  it('gets no page, share image, embed or CSV, while the published story does', () => {
    expect(files).toContain(`${STORY_SLUG}/index.html`);
    expect(files).toContain(`${STORY_SLUG}/share.png`);
    expect(files.filter((file) => file.includes(DRAFT))).toEqual([]);
  });

  it('is not listed on the index, in the sitemap or on the embed index', async () => {
    for (const page of ['index.html', 'sitemap.xml', 'embed/index.html']) {
      const text = await readFile(join(dist, page), 'utf8');
      expect(text, page).not.toContain(DRAFT);
      expect(text, page).not.toContain('Not ready');
    }
  });
});
