// A story marked `draft: true` (as `npm run new` writes it) is not published by a build: no
// page, share image, index entry, sitemap entry, embed or CSV of its chart blocks. The
// newsroom fixture keeps one draft beside its published stories.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { listFiles } from '../support/pages.ts';
import { sharedBuild, type BuiltProject } from '../support/project.ts';
import { projectStories, type ProjectStory } from '../support/stories.ts';

let project: BuiltProject;
let files: string[];
let draft: ProjectStory;
let published: ProjectStory[];
/** The draft's chart block ids and titles, read from its Markdown. */
let blocks: { id: string; title: string }[];

beforeAll(async () => {
  project = await sharedBuild('newsroom');
  files = await listFiles(project.dist);
  const stories = await projectStories(project);
  draft = stories.find((story) => story.data.draft)!;
  published = stories.filter((story) => !story.data.draft);
  blocks = [...draft.source.matchAll(/^```chart\n[\s\S]*?^id: (.+)\n[\s\S]*?^title: (.+)\n[\s\S]*?^```$/gm)].map((m) => ({ id: m[1]!, title: m[2]! }));
}, BUILD_TIMEOUT);

describe('a draft story', () => {
  it('is in the fixture, with a chart block of its own (the control)', () => {
    expect(draft?.id).toBe('half-written');
    expect(blocks).toEqual([{ id: 'half-written-chart', title: 'Not ready' }]);
  });

  it('gets no page, share image, embed or CSV, while the published stories do', () => {
    for (const story of published) {
      expect(files).toContain(`${story.id}/index.html`);
      expect(files).toContain(`${story.id}/share.png`);
    }
    expect(files.filter((file) => file.includes(draft.id) || blocks.some((block) => file.includes(block.id)))).toEqual([]);
  });

  it('is not listed on the index, in the sitemap or on the embed index', async () => {
    for (const page of ['index.html', 'sitemap.xml', 'embed/index.html']) {
      const text = await readFile(join(project.dist, page), 'utf8');
      expect(text, page).not.toContain(draft.id);
      for (const block of blocks) expect(text, page).not.toContain(block.title);
    }
  });
});
