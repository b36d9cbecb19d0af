import { describe, expect, it } from 'vitest';
import { testChart } from '../charts/fixtures.ts';
import { sampleFacts } from '../format/fixtures.ts';
import type { Lang } from '../format/index.ts';
import { storyProcessor } from './processor.ts';

const STORY = [
  'Ferrosilicon was the :fact[ferrosilicon-2023]{as=rank}-largest import: :fact[ferrosilicon-2023]',
  '(:fact[ferrosilicon-2023]{as=usd}).',
  '',
  '::chart{#top-imports-2023 width=wide}',
  '',
].join('\n');

function story(lang: Lang, markdown: string): string {
  const processor = storyProcessor({
    facts: sampleFacts,
    lang,
    charts: ['top-imports-2023'],
    render: (id, { width }) => `<figure data-chart="${id}" data-width="${width}"></figure>`,
    renderBlock: ({ spec }, { width }) => `<figure data-chart="${spec.id}" data-width="${width}"></figure>`,
    compile: (yaml) => testChart(yaml, lang),
  });
  return String(processor.processSync({ path: 'story.md', value: markdown }));
}

/** The page's text with markup removed, for checking the wording. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('storyProcessor', () => {
  it('turns a story with facts and a chart into HTML', () => {
    const html = story('en', STORY);
    expect(text(html)).toBe(
      "Ferrosilicon was the second-largest import: 181.53 million yuan\n($25.8 million at 7.0467 yuan per dollar, the 2023 rate (People's Bank of China, annual average of the yuan's central parity rate against the US dollar)).\n",
    );
    expect(html).toContain('<data class="fact fact--sample" value="2" data-fact="ferrosilicon-2023"');
    expect(html).toContain('<figure data-chart="top-imports-2023" data-width="wide"></figure>');
  });

  it('writes figures in Korean for a Korean story', () => {
    const korean = '페로실리콘은 수입 :fact[ferrosilicon-2023]{as=rank}로 :fact[ferrosilicon-2023](:fact[ferrosilicon-2023]{as=usd})어치였다.';
    expect(text(story('ko', korean))).toMatch(/^페로실리콘은 수입 2위로 1억8153만 위안\(2576만 달러 달러당 7\.0467위안 .*\)어치였다\.$/);
  });

  it('stops on a directive none of its plugins handles', () => {
    expect(() => story('en', 'Typo :facts[tungsten-2023].')).toThrow('Unknown directive ":facts". Did you mean ":fact"? Known directives: "fact" and "chart".');
  });

  it('stops on a misused known directive rather than dropping it', () => {
    expect(() => story('en', '::fact[tungsten-2023]')).toThrow('::fact must be written as :fact[key] inside a sentence');
  });
});
