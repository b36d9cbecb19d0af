// The build cache (src/site/cache.ts) changes how fast a build is, never what it writes: a
// warm build writes the same bytes as the cold one before it and draws nothing new, and after
// one story's chart changes only that chart is drawn again.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, npmRun, removeCopies } from '../reporter/helpers.ts';
import { BUILD_TIMEOUT, hashFiles, listFiles, STORY_SLUG } from './helpers.ts';

const SECOND = 'second-story';
const secondStory = (title: string) => [
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
  'aggregate: top-imports-2023',
  'x: product',
  'top: 5',
  `title: ${title}`,
  'dek: The five largest imports.',
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
  const root = await copyProject();
  const stories = join(root, 'content/stories');
  await writeFile(join(stories, `${SECOND}.md`), secondStory('The largest imports'));
  const build = async (name: keyof typeof entries) => {
    const result = await npmRun(root, 'build');
    if (result.code !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
    entries[name] = await listFiles(join(root, 'node_modules/.cache/customs-story'));
    return hashFiles(join(root, 'dist'));
  };
  cold = await build('cold');
  warm = await build('warm');
  await writeFile(join(stories, `${SECOND}.md`), secondStory('The five largest imports'));
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
    const changed = [...edited].filter(([file, hash]) => warm.get(file) !== hash).map(([file]) => file);
    expect(changed.some((file) => file.startsWith('embed/second-story-chart/'))).toBe(true);
    expect(changed.filter((file) => file.startsWith(`${STORY_SLUG}/`) || file.startsWith('embed/top-imports-2023/'))).toEqual([]);
  });
});
