import type { AggregatesFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { mineralsByYear, monthlyFerrosiliconTungsten, sanctionedExports, topImports } from '../charts/fixtures.ts';
import { siteCharts, type SiteStory } from './charts.ts';

const aggregates: AggregatesFile = {
  'top-imports-2023': topImports(),
  'minerals-by-year': mineralsByYear(),
  'monthly-ferrosilicon-tungsten': monthlyFerrosiliconTungsten(),
  'sanctioned-exports': sanctionedExports(),
};

const story = (id: string, published: string, markdown: string): SiteStory => ({ id, published: new Date(published), path: `content/stories/${id}.md`, markdown });

const block = (title: string, extra = '') => ['```chart', 'type: bar', 'aggregate: top-imports-2023', 'x: product', `title: ${title}`, 'dek: A dek.', extra, '```'].join('\n');

/** Chart id → the id of the story it belongs to. */
const owners = (stories: SiteStory[]) => Object.fromEntries(siteCharts(stories, aggregates).map((chart) => [chart.spec.id, chart.story?.id]));

describe('siteCharts', () => {
  it('gives a registered chart to the first published story that places it, and none to an unplaced one', () => {
    expect(owners([
      story('follow-up', '2024-02-01', 'Text.\n\n::chart{#top-imports-2023}\n'),
      story('original', '2023-12-04', 'Intro.\n\n::chart{#minerals-by-year}\n\n::chart{width=wide #top-imports-2023}\n'),
      story('aside', '2024-01-01', 'See `::chart{#sanctioned-exports}` in the docs.'),
    ])).toEqual({
      'top-imports-2023': 'original',
      'minerals-by-year': 'original',
      'monthly-ferrosilicon-tungsten': undefined,
      'sanctioned-exports': undefined,
    });
  });

  it('publishes every chart block after the registered charts, in story order, with its story', () => {
    const charts = siteCharts([
      story('later', '2024-03-01', block('Third')),
      story('earlier', '2024-01-01', `${block('First')}\n\nText.\n\n${block('Second', 'id: second-chart')}`),
    ], aggregates);
    expect(charts.slice(4).map((chart) => [chart.spec.id, chart.spec.title, chart.story?.id])).toEqual([
      ['first', 'First', 'earlier'],
      ['second-chart', 'Second', 'earlier'],
      ['third', 'Third', 'later'],
    ]);
    expect(charts[4]!.aggregate).toBe(aggregates['top-imports-2023']);
  });

  it('refuses a block id that another story\'s block or a registered chart already has, naming the files', () => {
    expect(() => siteCharts([story('a', '2024-01-01', block('Same')), story('b', '2024-02-01', block('Same'))], aggregates))
      .toThrow('content/stories/b.md: chart id "same" is already used by a chart block in content/stories/a.md');
    expect(() => siteCharts([story('a', '2024-01-01', block('T', 'id: top-imports-2023'))], aggregates))
      .toThrow('content/stories/a.md: chart id "top-imports-2023" is already used by a registered chart');
  });

  it('reports a broken chart block at its line in the story file', () => {
    expect(() => siteCharts([story('a', '2024-01-01', `Intro.\n\n${block('T').replace('x: product', 'x: prodcut')}`)], aggregates))
      .toThrow(/^content\/stories\/a\.md:6: .*"prodcut"/);
  });
});
