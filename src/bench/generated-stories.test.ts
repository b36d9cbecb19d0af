import type { AggregatesFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aggregate as fixture } from '../charts/fixtures.ts';
import { validateStoryFrontmatter } from '../story/validate.ts';
import { blockFor, editStoryText, generatedStory } from './generated-stories.ts';

// Only ids and dimensions matter to the generator.
const aggregate = (id: string, dimensions: string[]) => fixture(id, { dimensions, rows: [] });
const byMonth = aggregate('monthly-products', ['month', 'product']);
const byYear = aggregate('products-by-year', ['year', 'product']);
const ranked = aggregate('ranked-products', ['product']);
const groups = aggregate('groups-by-year', ['year', 'group']);
const aggregates: AggregatesFile = Object.fromEntries([byMonth, byYear, ranked, groups].map((a) => [a.id, a]));

/** The settings of each ```chart block, as docs/reporters.md writes them. */
function chartBlocks(markdown: string): Record<string, unknown>[] {
  return [...markdown.matchAll(/^```chart\n([\s\S]*?)^```$/gm)].map((match) => parse(match[1]!) as Record<string, unknown>);
}

const frontmatterOf = (markdown: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as unknown;

describe('generatedStory', () => {
  const stories = Array.from({ length: 6 }, (_, i) => generatedStory(i + 1, aggregates, 4));

  it('has frontmatter the story schema accepts', () => {
    for (const story of stories) expect(() => validateStoryFrontmatter(story.slug, frontmatterOf(story.markdown))).not.toThrow();
  });

  it('places the asked number of chart blocks, each naming fields its aggregate has, with ids unique across stories', () => {
    const blocks = stories.flatMap((story) => {
      const found = chartBlocks(story.markdown);
      expect(found).toHaveLength(4);
      return found;
    });
    for (const block of blocks) {
      expect(Object.keys(block)).toEqual(expect.arrayContaining(['id', 'type', 'aggregate', 'x', 'title', 'dek']));
      const aggregate = aggregates[String(block.aggregate)]!;
      expect(aggregate, String(block.aggregate)).toBeDefined();
      expect(aggregate.dimensions).toContain(block.x);
      if (block.colour !== undefined) expect(aggregate.dimensions).toContain(block.colour);
    }
    const ids = blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws every aggregate in the file across a few stories', () => {
    const drawn = new Set(stories.flatMap((story) => chartBlocks(story.markdown).map((block) => block.aggregate)));
    expect([...drawn].sort()).toEqual(Object.keys(aggregates).sort());
  });
});

describe('blockFor', () => {
  it('draws months as lines or areas split by the other field', () => {
    expect(blockFor(byMonth, 0)).toEqual({ type: 'line', aggregate: 'monthly-products', x: 'month', colour: 'product' });
    expect(blockFor(byMonth, 1).type).toBe('area');
  });

  it('draws a field by year with the year as colour, and a ranked list as its top ten', () => {
    expect(blockFor(byYear, 0)).toEqual({ type: 'bar', aggregate: 'products-by-year', x: 'product', colour: 'year' });
    expect(blockFor(groups, 0)).toEqual({ type: 'bar', aggregate: 'groups-by-year', x: 'group', colour: 'year' });
    expect(blockFor(ranked, 1)).toEqual({ type: 'dot', aggregate: 'ranked-products', x: 'product', top: 10 });
  });
});

describe('editStoryText', () => {
  it('adds a paragraph and keeps the rest', () => {
    const { markdown } = generatedStory(3, aggregates, 4);
    const edited = editStoryText(markdown, 1);
    expect(edited.startsWith(markdown.trimEnd())).toBe(true);
    expect(edited.endsWith('\n\nEdit number 1 to the text.\n')).toBe(true);
    expect(editStoryText(edited, 2)).toContain('Edit number 1 to the text.\n\nEdit number 2 to the text.\n');
  });
});
