// `npm run new -- <slug>`: a story that passes the schema and the check, with today's date
// and a first chart from the project's own data (a copy holding the newsroom fixture, whose
// one ranked aggregate is its supplier table); bad and taken slugs are refused, and nothing
// is overwritten.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/ingest/errors.ts';
import { runCheck } from '../../src/reporter/check.ts';
import { createStory, ScaffoldError } from '../../src/reporter/scaffold.ts';
import { validateStoryFrontmatter } from '../../src/story/validate.ts';
import { copyProject, dataStep, npmRun, removeCopies } from './helpers.ts';

let root: string;

beforeAll(async () => {
  root = await copyProject('newsroom');
  await dataStep(root);
}, 60_000);
afterAll(removeCopies);

describe('npm run new', () => {
  it('creates a story whose frontmatter passes the schema, with the publication date filled in', async () => {
    const file = await createStory(root, 'rare-earths', new Date(2024, 4, 7));
    expect(file).toBe('content/stories/rare-earths.md');
    const text = await readFile(join(root, file), 'utf8');
    const frontmatter = parseYaml(text.split('---\n')[1]!) as Record<string, unknown>;
    const story = validateStoryFrontmatter(file, frontmatter);
    expect(story.published.toISOString().slice(0, 10)).toBe('2024-05-07');
    expect(story.lang).toBe('en');
    expect(text).toMatch(/\n```chart\ntype: bar {2,}# bar, line, area or dot\naggregate: soy-partners-2024 /);
  });

  it('creates a story the check passes, with the placeholders left to fill as warnings', async () => {
    const file = await createStory(root, 'zinc-ore');
    const { errors, warnings, sheet } = await runCheck({ root, stories: [file] });
    expect(errors.map(formatProblem)).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    const isDraft = (w: { message: string }) => w.message.startsWith('draft: true: `npm run build` leaves this story out');
    expect(warnings.filter(isDraft)).toHaveLength(1);
    expect(warnings.filter((w) => !isDraft(w)).every((w) => w.message === 'placeholder text (TODO) is still in the story')).toBe(true);
    expect(sheet).toContain('Chart 1 (zinc-ore-chart)');
  });

  it('refuses to overwrite a story', async () => {
    await createStory(root, 'twice');
    await expect(createStory(root, 'twice')).rejects.toThrow(
      new ScaffoldError('content/stories/twice.md already exists; choose another slug or edit that file'),
    );
  });

  it.each([
    ['Upper-Case', 'is not a usable slug'],
    ['two--dashes', 'is not a usable slug'],
    ['../escape', 'is not a usable slug'],
    ['embed', "is taken by one of the site's own pages"],
    ['data', "is taken by one of the site's own pages"],
  ])('refuses the slug %s', async (slug, message) => {
    await expect(createStory(root, slug)).rejects.toThrow(message);
  });

  it('as a command says what it made, and fails on a bad slug', async () => {
    const made = await npmRun(root, 'new', ['copper-2024']);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('new: created content/stories/copper-2024.md');
    const bad = await npmRun(root, 'new', ['Copper']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('new: "Copper" is not a usable slug');
  });
});
