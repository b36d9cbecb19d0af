import { describe, expect, it } from 'vitest';
import { parseChartDefinition } from '../charts/index.ts';
import { testAggregates, yaml } from '../charts/fixtures.ts';
import type { Lang } from '../i18n/index.ts';
import type { ChartLibrary } from './chart-files.ts';
import { chartLanguages, chartPath, siteCharts, type SiteStory } from './charts.ts';

const aggregates = testAggregates();

/** Chart files as content/charts holds them: plain text English, as the files would be read. */
function library(files: Record<string, string>): ChartLibrary {
  return new Map(
    Object.entries(files).map(([id, text]) => [id, { definition: parseChartDefinition(text, { lang: 'en', id }), path: `content/charts/${id}.yaml` }]),
  );
}

const FILES = library({
  ranked: yaml('type: bar', 'aggregate: ranked-products', 'x: product', 'top: 5', 'title: { en: Ranked, ko: 순위 }', 'dek: { en: D, ko: 설명 }'),
  'by-year': yaml('type: column', 'aggregate: products-by-year', 'x: product', 'colour: year', 'title: By year', 'dek: D'),
  monthly: yaml('type: line', 'aggregate: monthly-by-product', 'x: month', 'colour: product', 'title: Monthly', 'dek: D'),
});

const story = (id: string, published: string, markdown: string, lang: Lang = 'en'): SiteStory => ({
  id,
  published: new Date(published),
  lang,
  path: `content/stories/${id}.md`,
  markdown,
});

const block = (title: string, ...extra: string[]) =>
  ['```chart', 'type: bar', 'aggregate: ranked-products', 'x: product', `title: ${title}`, 'dek: A dek.', ...extra, '```'].join('\n');

/** Chart path → the id of the story it belongs to. */
const owners = (stories: SiteStory[], files: ChartLibrary = FILES) =>
  Object.fromEntries(siteCharts(stories, aggregates, files).map((chart) => [chartPath(chart.spec), chart.story?.id]));

describe('siteCharts', () => {
  it('gives a chart file to the first published story of its language that places it, and publishes unplaced ones alone', () => {
    expect(
      owners([
        story('follow-up', '2024-02-01', 'Text.\n\n::chart{#ranked}\n'),
        story('original', '2023-12-04', 'Intro.\n\n::chart{#by-year}\n\n::chart{width=wide #ranked}\n'),
        story('aside', '2024-01-01', 'See `::chart{#monthly}` in the docs.'),
      ]),
    ).toEqual({ ranked: 'original', 'by-year': 'original', monthly: undefined, 'ko/ranked': undefined });
  });

  it('draws a chart file once per language that places it, the Korean one under ko/', () => {
    const charts = siteCharts(
      [story('en-story', '2024-01-01', '::chart{#ranked}'), story('ko-story', '2024-01-02', '::chart{#ranked}', 'ko')],
      aggregates,
      FILES,
    );
    const ranked = charts.filter((chart) => chart.spec.id === 'ranked');
    expect(ranked.map((chart) => [chartPath(chart.spec), chart.spec.lang, chart.spec.title, chart.story?.id])).toEqual([
      ['ranked', 'en', 'Ranked', 'en-story'],
      ['ko/ranked', 'ko', '순위', 'ko-story'],
    ]);
    expect(chartLanguages(charts)).toEqual(['en', 'ko']);
  });

  it('publishes every chart block with its story, in story order, after the chart files it meets', () => {
    const charts = siteCharts(
      [
        story('later', '2024-03-01', block('Third')),
        story('earlier', '2024-01-01', `::chart{#ranked}\n\n${block('First')}\n\nText.\n\n${block('Second', 'id: second-chart')}`),
      ],
      aggregates,
      FILES,
    );
    expect(charts.slice(0, 4).map((chart) => [chart.spec.id, chart.spec.title, chart.story?.id])).toEqual([
      ['ranked', 'Ranked', 'earlier'],
      ['first', 'First', 'earlier'],
      ['second-chart', 'Second', 'earlier'],
      ['third', 'Third', 'later'],
    ]);
    expect(charts[1]!.aggregate).toBe(aggregates['ranked-products']);
  });

  it('lets the editions of a story in two languages share a block id, each under its language', () => {
    const korean = ['```chart', 'type: bar', 'aggregate: ranked-products', 'x: product', 'id: same', 'title: 제목', 'dek: 설명', '```'].join('\n');
    expect(owners([story('a', '2024-01-01', block('Same')), story('a-ko', '2024-01-02', korean, 'ko')])).toMatchObject({ same: 'a', 'ko/same': 'a-ko' });
  });

  it('refuses a block id that another block of its language or a chart file already has, naming the files', () => {
    expect(() => siteCharts([story('a', '2024-01-01', block('Same')), story('b', '2024-02-01', block('Same'))], aggregates, FILES)).toThrow(
      'content/stories/b.md: chart id "same" is already used by a chart block in content/stories/a.md; every chart on the site needs its own id (set "id:" in the block)',
    );
    expect(() => siteCharts([story('a', '2024-01-01', block('T', 'id: ranked'))], aggregates, FILES)).toThrow(
      'content/stories/a.md: chart id "ranked" is already used by the chart file content/charts/ranked.yaml',
    );
  });

  it('reports a broken chart block at its line in the story file', () => {
    expect(() => siteCharts([story('a', '2024-01-01', `Intro.\n\n${block('T').replace('x: product', 'x: prodcut')}`)], aggregates, FILES)).toThrow(
      /^content\/stories\/a\.md:6: aggregate ranked-products has no field "prodcut" for x/,
    );
  });

  it("reports a chart file a Korean story places without Korean text at the file's line", () => {
    expect(() => siteCharts([story('k', '2024-01-01', '::chart{#by-year}', 'ko')], aggregates, FILES)).toThrow(
      'content/charts/by-year.yaml:5: title has no 한국어 text (title.ko), and chart "by-year" is drawn in a 한국어 story; add "ko:" to title',
    );
  });
});

describe('chartPath', () => {
  it('puts the default language at the id and the others in their folder', () => {
    expect(chartPath({ id: 'x', lang: 'en' })).toBe('x');
    expect(chartPath({ id: 'x', lang: 'ko' })).toBe('ko/x');
  });
});
