import { describe, expect, it } from 'vitest';
import type { PluggableList } from 'unified';
import { remarkNoUnknownDirectives } from './no-unknown-directives.ts';
import { failureOf, renderWith } from './testing.ts';

const KNOWN: PluggableList = [[remarkNoUnknownDirectives, { known: ['fact', 'chart'] }]];

const KNOWN_LIST = 'Known directives: "fact" and "chart". To write a colon before a word or digit, escape it as "\\:".';

describe('remarkNoUnknownDirectives', () => {
  it('suggests the known name in the form the author used', () => {
    expect(failureOf(KNOWN, 'It earned :fac[ferrosilicon-2023].')).toMatchObject({
      printed: `story.md:1:11-1:34: Unknown directive ":fac". Did you mean ":fact"? ${KNOWN_LIST}`,
      ruleId: 'unknown-directive',
      line: 1,
      column: 11,
    });
    expect(failureOf(KNOWN, 'Intro.\n\n::chrt{#top-imports-2023}').printed).toBe(
      `story.md:3:1-3:26: Unknown directive "::chrt". Did you mean "::chart"? ${KNOWN_LIST}`,
    );
  });

  it('catches colons that remark-directive reads as directives', () => {
    expect(failureOf(KNOWN, 'The talks began at 7:30pm.').printed).toBe(`story.md:1:21-1:26: Unknown directive ":30pm". ${KNOWN_LIST}`);
    expect(renderWith(KNOWN, 'The talks began at 7\\:30pm.')).toBe('<p>The talks began at 7:30pm.</p>');
  });

  it('catches container directives too', () => {
    expect(failureOf(KNOWN, ':::note\nText\n:::').printed).toBe(`story.md:1:1-3:4: Unknown directive ":::note". ${KNOWN_LIST}`);
  });

  it('lets known directives through untouched', () => {
    expect(renderWith(KNOWN, 'Plain text.')).toBe('<p>Plain text.</p>');
    expect(() => renderWith(KNOWN, 'A :fact[x] and\n\n::chart{#y}')).not.toThrow();
  });
});
