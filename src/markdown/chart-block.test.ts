import { describe, expect, it } from 'vitest';
import { renderChartFigure, type ResolvedChart } from '../charts/index.ts';
import { testAggregates, testChart } from '../charts/fixtures.ts';
import { sampleFacts } from '../format/fixtures.ts';
import type { Lang } from '../i18n/index.ts';
import { remarkChartBlocks } from './chart-block.ts';
import type { ChartPlacing } from './charts.ts';
import { storyProcessor } from './processor.ts';
import { failureOf, renderWith } from './testing.ts';

/** The site's renderer, with the CSV link a page would give. */
const render = ({ spec, aggregate }: ResolvedChart, { titleLevel }: ChartPlacing) =>
  renderChartFigure(spec, aggregate, { csvHref: `data/${spec.id}.csv`, titleLevel });
const options = (lang: Lang = 'en') => ({ compile: (yaml: string) => testChart(yaml, lang), charts: ['ranked-products-chart'], render });

const STORY = [
  'Intro paragraph.',
  '',
  '```chart',
  'type: bar',
  'aggregate: ranked-products',
  'x: product',
  'top: 3',
  'title: The top three',
  'dek: What was bought most.',
  '```',
  '',
  'After the chart.',
].join('\n');

describe('remarkChartBlocks', () => {
  it('replaces a chart block with the framed figure and leaves other code alone', () => {
    const html = renderWith([[remarkChartBlocks, options()]], `${STORY}\n\n\`\`\`yaml\ntype: bar\n\`\`\`\n`);
    expect(html).toContain('<p>Intro paragraph.</p>\n<figure class="chart chart--text chart--bar" id="chart-the-top-three" lang="en">');
    expect(html).toContain('<h2 class="chart__title">The top three</h2>');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<p>After the chart.</p>');
    expect(html).toContain('<pre><code class="language-yaml">type: bar\n</code></pre>');
  });

  it('hands the renderer the compiled chart, its width and its title level', () => {
    const calls: [ResolvedChart, ChartPlacing][] = [];
    const recording = (chart: ResolvedChart, placing: ChartPlacing) => (calls.push([chart, placing]), '');
    const aggregates = testAggregates();
    renderWith(
      [[remarkChartBlocks, { ...options(), compile: (yaml: string) => testChart(yaml, 'en', aggregates), render: recording }]],
      `## Products\n\n${STORY.replace('dek:', 'width: wide\ndek:')}`,
    );
    expect(calls).toHaveLength(1);
    const [[{ spec, aggregate }, placing]] = calls as [[ResolvedChart, ChartPlacing]];
    expect(spec.id).toBe('the-top-three');
    expect(aggregate).toBe(aggregates['ranked-products']);
    expect(placing).toEqual({ width: 'wide', titleLevel: 3 });
  });

  it("draws the block in the story's language", () => {
    const korean = STORY.replace('title: The top three', 'id: top-three\ntitle: 상위 3개 품목').replace(
      'dek: What was bought most.',
      'dek: 가장 많이 산 품목.',
    );
    const html = renderWith([[remarkChartBlocks, options('ko')]], korean);
    expect(html).toContain('<figure class="chart chart--text chart--bar" id="chart-top-three" lang="ko">');
    expect(html).toContain('<th scope="row">규소철</th>');
    expect(html).toContain('출처: 중국 해관총서(GACC)');
  });

  it.each([
    ['a field the aggregate lacks', (story: string) => story.replace('x: product', 'x: prodcut'), 6, /has no field "prodcut" for x\. Did you mean "product"\?/],
    ['an unknown aggregate', (story: string) => story.replace('aggregate: ranked-products', 'aggregate: ranked'), 5, /unknown aggregate "ranked"/],
    ['a misspelt key', (story: string) => story.replace('top: 3', 'topp: 3'), 7, /unknown key "topp" in the chart\. Did you mean "top" or "type"\?/],
    ['a key given twice', (story: string) => story.replace('top: 3', 'top: 3\ntop: 4'), 8, /the chart is not valid YAML: "top" is given twice/],
    ['a missing key', (story: string) => story.replace('dek: What was bought most.\n', ''), 4, /the chart needs "dek:"/],
    [
      'a bad annotation',
      (story: string) => story.replace('top: 3', 'top: 3\nannotations:\n  - note: Big\n    x: wigs'),
      9,
      /on a bar chart the values run across/,
    ],
  ])('reports %s at the story line it is on', (_, change, line, message) => {
    const failure = failureOf([[remarkChartBlocks, options()]], change(STORY));
    expect(failure.line).toBe(line);
    expect(failure.ruleId).toBe('chart-block');
    expect(failure.printed).toMatch(new RegExp(`^story\\.md:${line}:1.*${message.source}`));
  });

  it("stops a Korean story's block without Korean text, naming the key and its line", () => {
    const failure = failureOf([[remarkChartBlocks, options('ko')]], STORY.replace('title: The top three', 'id: top-three\ntitle: { en: The top three }'));
    expect(failure.line).toBe(9);
    expect(failure.printed).toContain('title has no 한국어 text (title.ko), and chart "top-three" is drawn in a 한국어 story; add "ko:" to title');
  });

  it('refuses an id a chart file or an earlier block already has', () => {
    const file = failureOf([[remarkChartBlocks, options()]], STORY.replace('title: The top three', 'id: ranked-products-chart\ntitle: T'));
    expect(file.printed).toContain('chart id "ranked-products-chart" is already the id of a chart file in content/charts; choose another');
    const twice = failureOf([[remarkChartBlocks, options()]], `${STORY}\n\n${STORY}`);
    expect(twice.line).toBe(16);
    expect(twice.printed).toContain('chart id "the-top-three" (made from the title; give the chart its own "id:") is used by the chart block on line 3 too');
  });

  it('runs inside the story processor', () => {
    const processor = storyProcessor({ facts: sampleFacts, lang: 'en', charts: [], render: () => '', renderBlock: render, compile: (yaml) => testChart(yaml) });
    expect(String(processor.processSync({ path: 'story.md', value: STORY }))).toContain('id="chart-the-top-three"');
  });
});
