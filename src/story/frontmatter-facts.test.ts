import { describe, expect, it } from 'vitest';
import type { Fact, FactsFile } from '../contract/index.ts';
import { bindField, bindFrontmatter } from './frontmatter-facts.ts';

const fact = (key: string, extra: Partial<Fact>): Fact => ({
  key,
  description: `The ${key}`,
  value: 0,
  unit: 'CNY',
  period: { start: '2023-01', end: '2023-10' },
  aggregate: 'a',
  synthetic: false,
  ...extra,
});
const facts: FactsFile = {
  growth: fact('growth', { value: 1.5, unit: 'percent', times: 2.5 }),
  leader: fact('leader', { value: 9, label: 'Mongolia', names: { en: 'Mongolia', ko: '몽골', zh: '蒙古' } }),
  total: fact('total', { value: 181_530_000 }),
};
const options = { facts, lang: 'en' as const, path: 'content/stories/s.md' };

describe('facts in the frontmatter', () => {
  it('binds a change as a multiple and a name in a headline, in text and in markup', () => {
    const bound = bindField('title', 'Imports grew :fact[growth]{as=times}; :fact[leader]{as=label} led', options);
    expect(bound.text).toBe('Imports grew 2.5 times; Mongolia led');
    expect(bound.html).toMatch(/^Imports grew <data class="fact" value="2.5" data-fact="growth"[^>]*>2.5 times<\/data>; <span[^>]*>Mongolia<\/span> led$/);
    expect(bound.facts).toEqual(['growth', 'leader']);
  });

  it('writes the figure in the story language', () => {
    const bound = bindField('dek', ':fact[leader]{as=label}이 :fact[total]을 기록', { ...options, lang: 'ko' });
    expect(bound.text).toBe('몽골이 1억8153만 위안을 기록');
  });

  it('leaves text without facts as it is', () => {
    expect(bindFrontmatter({ title: 'A & B', dek: 'Plain.', summary: 'S.', shareImageAlt: 'Alt.' }, options).title).toEqual({
      text: 'A & B',
      html: 'A &amp; B',
      facts: [],
    });
  });

  it('names the file and the field of a fact that does not exist', () => {
    expect(() => bindField('summary', 'Up :fact[grwth].', options)).toThrow(/^content\/stories\/s\.md: summary: Unknown fact "grwth".*growth/);
  });
});
