import { describe, expect, it } from 'vitest';
import { parseChartDefinition } from '../charts/index.ts';
import { testAggregates, yaml } from '../charts/fixtures.ts';
import { ChartSourceError, type ChartLibrary } from '../site/chart-files.ts';
import { storyCharts } from './charts.ts';

const library: ChartLibrary = new Map([
  [
    'ranked',
    {
      definition: parseChartDefinition(yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 5', 'title: Ranked', 'dek: D'), {
        lang: 'en',
        id: 'ranked',
      }),
      path: 'content/charts/ranked.yaml',
    },
  ],
]);
const options = { aggregates: testAggregates(), library, path: 'content/stories/story.md', lang: 'en' as const };

const block = (id: string, ...extra: string[]) =>
  ['```chart', `id: ${id}`, 'type: bar', 'aggregate: ranked-products', 'x: product', 'title: A block', 'dek: A dek.', ...extra, '```'].join('\n');

describe('storyCharts', () => {
  it('gives chart blocks and chart files in reading order, each placement with its width', () => {
    const markdown = ['Intro.', block('first-block'), '::chart{#ranked width=wide}', 'More.', block('second-block'), '::chart{#ranked}'].join('\n\n');
    expect(storyCharts(markdown, options).map(({ spec, block }) => [spec.id, spec.width, block])).toEqual([
      ['first-block', 'text', true],
      ['ranked', 'wide', false],
      ['second-block', 'text', true],
      ['ranked', 'text', false],
    ]);
  });

  it('passes over a ::chart that names no chart file, and code that is not a chart', () => {
    const markdown = ['::chart{#missing}', '```yaml\ntype: bar\n```', '::chart{#ranked}'].join('\n\n');
    expect(storyCharts(markdown, options).map(({ spec }) => spec.id)).toEqual(['ranked']);
  });

  it("stops at a broken block with the story file's line", () => {
    // The fence opens on line 3, so `type: pie`, the YAML's second line, is line 5.
    const markdown = ['Intro.', '', block('broken').replace('type: bar', 'type: pie')].join('\n');
    let failure: unknown;
    try {
      storyCharts(markdown, options);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ChartSourceError);
    expect(failure).toMatchObject({ file: 'content/stories/story.md', line: 5 });
  });
});
