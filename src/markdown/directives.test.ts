import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isDirective, isOneOf, labelText, requireAttributes, requireForm, spelled, type Directive } from './directives.ts';
import { failureOf } from './testing.ts';

function directivesIn(markdown: string): Directive[] {
  const tree: Root = unified().use(remarkParse).use(remarkDirective).parse(markdown);
  const found: Directive[] = [];
  visit(tree, (node) => {
    if (isDirective(node)) found.push(node);
  });
  return found;
}

describe('directive helpers', () => {
  it('finds directives of all three forms and spells them as written', () => {
    const found = directivesIn('A :fact[x] here.\n\n::chart{#c}\n\n:::note\nBody\n:::\n');
    expect(found.map(spelled)).toEqual([':fact', '::chart', ':::note']);
  });

  it('reads a plain-text label, but not one with markup', () => {
    const [plain, marked] = directivesIn(':fact[ferrosilicon-2023] and :fact[*x*]');
    expect(labelText(plain!)).toBe('ferrosilicon-2023');
    expect(labelText(marked!)).toBeUndefined();
  });
});

describe('isOneOf', () => {
  it('accepts only listed values', () => {
    expect(isOneOf(['text', 'wide'], 'wide')).toBe(true);
    expect(isOneOf(['text', 'wide'], 'full')).toBe(false);
  });
});

describe('requireForm and requireAttributes', () => {
  const strict = () => (tree: Root, file: Parameters<typeof requireForm>[0]) => {
    visit(tree, (node) => {
      if (!isDirective(node)) return;
      requireForm(file, node, 'textDirective', ':x[…] inside a sentence');
      requireAttributes(file, node, ['as', 'precision']);
    });
  };

  it('stops at the directive with its place in the file', () => {
    expect(failureOf([strict], 'Intro.\n\n::x[a]')).toMatchObject({
      printed: 'story.md:3:1-3:7: ::x must be written as :x[…] inside a sentence',
      ruleId: 'directive-form',
      line: 3,
      column: 1,
    });
  });

  it('names an unknown attribute, the nearest allowed one and all allowed ones', () => {
    expect(failureOf([strict], 'Text :x[a]{presicion=1}').printed).toBe(
      'story.md:1:6-1:24: Unknown attribute "presicion" on :x. Did you mean "precision"? Allowed: "as" and "precision".',
    );
  });
});
