// The build cache (src/site/cache.ts) changes how fast a build is, never what it writes: a
// warm build writes the same bytes as the cold one before it and draws nothing new, and after
// one story's chart changes only that chart is drawn again. `npm run build` in a copy of the
// project holding the newsroom fixture, with a second story of one chart block.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, npmRun, removeCopies } from '../reporter/helpers.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { ContentCache } from '../../src/site/cache.ts';
import { hashFiles } from '../support/pages.ts';

const SECOND = 'second-story';
const secondStory = (title: string) =>
  [
    '---',
    'title: A second story',
    'dek: With a chart block of its own.',
    'bylines:',
    '  - name: Data desk',
    'published: 2024-01-15',
    'lang: en',
    'summary: A second story for the cache test.',
    'shareImageAlt: A bar chart',
    '---',
    '',
    'Some text before the chart.',
    '',
    '```chart',
    'id: second-story-chart',
    'type: bar',
    'aggregate: soy-partners-2024',
    'x: partner',
    'top: 5',
    `title: ${title}`,
    'dek: The five largest suppliers.',
    '```',
    '',
  ].join('\n');

let cold: Map<string, string>;
let warm: Map<string, string>;
let edited: Map<string, string>;
/** What the cache folder held after each build. */
const entries: { cold: string[]; warm: string[]; edited: string[] } = { cold: [], warm: [], edited: [] };

beforeAll(async () => {
  // A copy of the project: the cache's key includes the source code, which must not change
  // between the builds (as it may in a working tree others are editing).
  const root = await copyProject('newsroom');
  const stories = join(root, 'content/stories');
  await writeFile(join(stories, `${SECOND}.md`), secondStory('The largest suppliers'));
  const build = async (name: keyof typeof entries) => {
    const result = await npmRun(root, 'build');
    if (result.code !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
    entries[name] = new ContentCache({ dir: join(root, 'node_modules/.cache/customs-story') }).entries();
    return hashFiles(join(root, 'dist'));
  };
  cold = await build('cold');
  warm = await build('warm');
  await writeFile(join(stories, `${SECOND}.md`), secondStory('The five largest suppliers'));
  edited = await build('edited');
}, 3 * BUILD_TIMEOUT);

afterAll(removeCopies);

const inNamespace = (list: readonly string[], namespace: string) => list.filter((entry) => entry.startsWith(`${namespace}/`));
const added = (namespace: string) => inNamespace(entries.edited, namespace).filter((entry) => !entries.warm.includes(entry));

describe('the build cache', () => {
  it('fills on a cold build with every artboard and picture', () => {
    expect(inNamespace(entries.cold, 'artboard').length).toBeGreaterThanOrEqual(10);
    expect(inNamespace(entries.cold, 'png').length).toBeGreaterThanOrEqual(10);
  });

  it("keeps the Korean pages' font cuts and texts, and every budgeted page's script weight", () => {
    expect(inNamespace(entries.cold, 'font').length).toBeGreaterThanOrEqual(2);
    expect(inNamespace(entries.cold, 'page-text').length).toBeGreaterThanOrEqual(2);
    expect(inNamespace(entries.cold, 'page-js').length).toBeGreaterThanOrEqual(10);
  });

  it("keeps each chart's fallback height, oEmbed answer and each picture's composition", () => {
    expect(inNamespace(entries.cold, 'fallback-height').length).toBeGreaterThanOrEqual(3);
    expect(inNamespace(entries.cold, 'oembed')).toHaveLength(inNamespace(entries.cold, 'fallback-height').length);
    expect(inNamespace(entries.cold, 'chart-graphic').length).toBeGreaterThanOrEqual(3);
  });

  it("keeps each story's rendered article, where it places charts, and each chart's definition", () => {
    const stories = inNamespace(entries.cold, 'story-html').length;
    expect(stories).toBeGreaterThanOrEqual(2);
    expect(inNamespace(entries.cold, 'chart-places')).toHaveLength(stories);
    expect(inNamespace(entries.cold, 'chart-definition').length).toBeGreaterThanOrEqual(2);
  });

  it('gives a warm build the same bytes as the cold one, file for file', () => {
    expect([...warm.keys()]).toEqual([...cold.keys()]);
    const differing = [...cold].filter(([file, hash]) => warm.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('draws nothing on a warm build', () => {
    expect(entries.warm).toEqual(entries.cold);
  });

  it('after one chart block changes, draws that chart again and nothing else', () => {
    // One chart: its artboards (one per layout of its placement) and its PNGs, nothing more.
    expect(added('artboard').length).toBeGreaterThanOrEqual(1);
    expect(added('artboard').length).toBeLessThanOrEqual(3);
    expect(added('png').length).toBeGreaterThanOrEqual(1);
    expect(added('png').length).toBeLessThanOrEqual(3);
    expect(added('fallback-height')).toHaveLength(1);
    expect(added('oembed')).toHaveLength(1);
    // Only the edited story is read and rendered again, and only its block parsed.
    expect(added('story-html')).toHaveLength(1);
    expect(added('chart-places')).toHaveLength(1);
    expect(added('chart-definition')).toHaveLength(1);
    const changed = [...edited].filter(([file, hash]) => warm.get(file) !== hash).map(([file]) => file);
    expect(changed.some((file) => file.startsWith('embed/second-story-chart/'))).toBe(true);
    // Only pages whose HTML changed are weighed again.
    expect(added('page-js').length).toBeGreaterThanOrEqual(1);
    expect(added('page-js').length).toBeLessThanOrEqual(changed.filter((file) => file.endsWith('index.html')).length);
    // Not the stories beside it, nor the chart file drawn from the same aggregate.
    expect(changed.filter((file) => file.startsWith('soybeans/') || file.startsWith('embed/soy-partners/'))).toEqual([]);
  });
});
