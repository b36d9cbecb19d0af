// What an editor sees when a story is wrong: a frontmatter problem names the file and the
// field; an unknown fact or chart names the file, the line and the closest known name. The
// stories and charts are the newsroom fixture's (tests/fixtures/projects/newsroom/).
import type { Fact, FactsFile } from '../../src/contract/index.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChartLibrary } from '../../src/site/chart-files.ts';
import { readStoryBody, renderStory } from '../../src/story/render.ts';
import { validateStoryFrontmatter } from '../../src/story/validate.ts';
import { foldersUnder, FIXTURES } from '../support/project.ts';
import { projectStories } from '../support/stories.ts';
import { removeTempDirs, tempDir } from '../support/temp.ts';

const NEWSROOM = foldersUnder(join(FIXTURES, 'newsroom'));

afterAll(removeTempDirs);

const PATH = 'content/stories/draft.md';

const VALID = {
  title: 'A headline',
  dek: 'A line under it.',
  bylines: [{ name: 'Data desk' }],
  published: '2023-12-04',
  lang: 'en',
  summary: 'One sentence for social cards.',
  shareImageAlt: 'A bar chart.',
};

/** The message validateStoryFrontmatter throws, split into lines. */
function problems(data: unknown): string[] {
  try {
    validateStoryFrontmatter(PATH, data);
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the frontmatter to be refused');
}

describe('story frontmatter', () => {
  it("accepts the fixture's stories as they stand, each in its language", async () => {
    const stories = await projectStories(NEWSROOM);
    expect(stories.map((story) => [story.id, story.data.lang])).toEqual([
      ['half-written', 'en'],
      ['soybeans-ko', 'ko'],
      ['soybeans', 'en'],
      ['wigs', 'en'],
    ]);
    const soybeans = stories.find((story) => story.id === 'soybeans')!;
    expect(validateStoryFrontmatter(soybeans.path, soybeans.frontmatter).published.toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('reads a YYYY-MM-DD date as that day, whatever the time zone', () => {
    expect(validateStoryFrontmatter(PATH, VALID).published.toISOString()).toBe('2023-12-04T00:00:00.000Z');
    expect(validateStoryFrontmatter(PATH, { ...VALID, corrections: [{ date: '2024-02-29', text: 'Fixed.' }] }).corrections[0]!.date.toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
  });

  it('names the file and the field when the dek is missing', () => {
    const { dek: _, ...noDek } = VALID;
    expect(problems(noDek)).toEqual([`${PATH}: dek: is required: the line under the headline`]);
  });

  it('refuses an empty or blank dek', () => {
    expect(problems({ ...VALID, dek: '   ' })).toEqual([expect.stringMatching(/^content\/stories\/draft\.md: dek: must not be empty/)]);
  });

  it('names the languages it accepts when the language is wrong', () => {
    expect(problems({ ...VALID, lang: 'fr' })).toEqual([`${PATH}: lang: must be "en" (English) or "ko" (Korean): the language the story is written in`]);
  });

  it.each([
    ['a day that does not exist', '2023-02-30'],
    ['a month that does not exist', '2023-13-01'],
    ['a date in another order', '12/04/2023'],
    ['words', 'December 4'],
  ])('refuses %s as a date, saying how to write one', (_, value) => {
    expect(problems({ ...VALID, published: value })).toEqual([
      expect.stringMatching(/^content\/stories\/draft\.md: published: must be a real date: .*YYYY-MM-DD/),
    ]);
  });

  it('names nested fields by their place in the list', () => {
    expect(
      problems({
        ...VALID,
        corrections: [
          { date: '2023-12-05', text: 'Fixed.' },
          { date: '2023-12-32', text: 'Fixed again.' },
        ],
      }),
    ).toEqual([expect.stringMatching(/^content\/stories\/draft\.md: corrections\[1\]\.date: must be a real date/)]);
    expect(problems({ ...VALID, bylines: [{ name: '' }] })).toEqual([
      expect.stringMatching(/^content\/stories\/draft\.md: bylines\[0\]\.name: must not be empty/),
    ]);
  });

  it('suggests the field an unknown one was probably meant to be', () => {
    const { summary, ...rest } = VALID;
    const lines = problems({ ...rest, sumary: summary });
    expect(lines).toContain(`${PATH}: summary: is required: one or two sentences for social cards and search results`);
    expect(lines).toContainEqual(expect.stringMatching(/^content\/stories\/draft\.md: sumary: unknown field\. Did you mean "summary"\?/));
  });

  it('lists every problem, one line each', () => {
    const lines = problems({ ...VALID, dek: undefined, lang: 'de', published: 'soon' });
    expect(lines.map((line) => line.split(': ')[1])).toEqual(['dek', 'published', 'lang']);
    for (const line of lines) expect(line.startsWith(`${PATH}: `)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------

function fact(key: string, value: number): Fact {
  return {
    key,
    value,
    unit: 'CNY',
    description: `Test figure ${key}`,
    aggregate: 'test',
    period: { start: '2024-01', end: '2024-12' },
    synthetic: false,
  };
}

const FACTS: FactsFile = {
  'soy-2024': fact('soy-2024', 24_459_122_494),
  'soy-2023': fact('soy-2023', 23_006_465_093),
};

/** Writes a story file with frontmatter and renders it the way the story page does, with the fixture's chart files. */
async function renderFile(body: string): Promise<{ path: string; render: () => Promise<string> }> {
  const path = join(await tempDir('story-'), 'typo.md');
  await writeFile(path, `---\ntitle: A headline\ndek: A line.\nlang: en\n---\n${body}`);
  const library = readChartLibrary(NEWSROOM.charts);
  return {
    path,
    render: async () =>
      (await renderStory(readStoryBody(path), { path, lang: 'en', facts: FACTS, aggregates: {}, library, csvHref: ({ spec }) => `/data/${spec.id}.csv` })).html,
  };
}

describe('story Markdown', () => {
  it('renders a known fact (the control for the tests below)', async () => {
    const { render } = await renderFile('Imports reached :fact[soy-2024].\n');
    expect(await render()).toContain('24.46 billion yuan');
  });

  it("fails on an unknown fact with the file, the file's own line and the closest name", async () => {
    // Frontmatter is lines 1–5; the typo is on line 8.
    const { path, render } = await renderFile('First paragraph.\n\nChina bought :fact[soys-2024] of soybeans.\n');
    const error = (await render().then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(`${path}:8:`);
    expect(error.message).toContain('soys-2024');
    expect(error.message).toMatch(/Did you mean "soy-2024"/);
  });

  it('fails on an unknown chart with the file, the line and the closest chart file', async () => {
    const { path, render } = await renderFile('Text.\n\n::chart{#soy-partner}\n');
    const error = (await render().then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(`${path}:8:`);
    expect(error.message).toContain('soy-partners');
  });
});
