import { describe, expect, it } from 'vitest';
import { editionProblems, editionsOf } from './editions.ts';

const story = (id: string, lang: 'en' | 'ko', edition?: string) => ({ id, path: `content/stories/${id}.md`, data: { lang, ...(edition ? { edition } : {}) } });

describe('editions', () => {
  const en = story('trade', 'en', 'trade');
  const ko = story('ko/trade', 'ko', 'trade');
  const other = story('other', 'en');

  it('lists the editions that share a name, in a fixed order, each with its hreflang', () => {
    expect(editionsOf(ko, [other, ko, en])).toEqual([
      { lang: 'en', hreflang: 'en', name: 'English', path: 'trade/' },
      { lang: 'ko', hreflang: 'ko', name: '한국어', path: 'ko/trade/' },
    ]);
  });

  it('gives a story without an edition name only itself', () => {
    expect(editionsOf(other, [other, ko, en]).map((e) => e.path)).toEqual(['other/']);
  });

  it('refuses two editions of one story in the same language', () => {
    expect(editionProblems([en, story('trade-2', 'en', 'trade')])).toEqual([
      'content/stories/trade-2.md: edition "trade" has two English stories, content/stories/trade.md and this one; each language has one edition',
    ]);
  });
});
