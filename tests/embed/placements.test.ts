import { describe, expect, it } from 'vitest';
import { storyPlacing } from '../../src/embed/placements.ts';

const story = (id: string, published: string, markdown: string) => ({ id, published: new Date(published), markdown });

describe('the story an embed page points its canonical link to', () => {
  const stories = [
    story('follow-up', '2024-02-01', 'Text.\n\n::chart{#top-imports-2023}\n'),
    story('original', '2023-12-04', 'Intro.\n\n::chart{#minerals-by-year}\n\n::chart{width=wide #top-imports-2023}\n'),
  ];

  it('is the first published story that places the chart', () => {
    expect(storyPlacing('top-imports-2023', stories)).toBe('original');
    expect(storyPlacing('minerals-by-year', stories)).toBe('original');
  });

  it('is none for a chart no story places, nor one only mentioned in the text', () => {
    expect(storyPlacing('sanctioned-exports', stories)).toBeUndefined();
    expect(storyPlacing('sanctioned-exports', [story('a', '2024-01-01', 'See `::chart{#sanctioned-exports}` in the docs.')])).toBeUndefined();
  });
});
