import type { AggregatesFile } from '../contract/index.ts';
import { describe, expect, it } from 'vitest';
import { mineralsByYear, topImports } from '../charts/fixtures.ts';
import { sampleFacts } from '../format/fixtures.ts';
import { renderChartFigure, type ResolvedChart } from '../charts/index.ts';
import { remarkChartBlocks } from './chart-block.ts';
import type { ChartPlacing } from './charts.ts';
import { storyProcessor } from './processor.ts';
import { failureOf, renderWith } from './testing.ts';

const aggregates: AggregatesFile = { 'top-imports-2023': topImports(), 'minerals-by-year': mineralsByYear() };
/** The site's renderer, with the CSV link a page would give. */
const render = ({ spec, aggregate }: ResolvedChart, { width, titleLevel }: ChartPlacing) =>
  renderChartFigure(spec, aggregate, { placement: width, csvHref: `data/${spec.id}.csv`, titleLevel });
const options = { aggregates, charts: ['top-imports-2023'], render };

const STORY = [
  'Intro paragraph.',
  '',
  '```chart',
  'type: bar',
  'aggregate: top-imports-2023',
  'x: product',
  'top: 3',
  'title: The top three',
  'dek: What China bought most.',
  '```',
  '',
  'After the chart.',
].join('\n');

describe('remarkChartBlocks', () => {
  it('replaces a chart block with the framed figure and leaves other code alone', () => {
    const html = renderWith([[remarkChartBlocks, options]], `${STORY}\n\n\`\`\`yaml\ntype: bar\n\`\`\`\n`);
    expect(html).toContain('<p>Intro paragraph.</p>\n<figure class="chart chart--text" id="chart-the-top-three">');
    expect(html).toContain('<h2 class="chart__title">The top three</h2>');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<p>After the chart.</p>');
    expect(html).toContain('<pre><code class="language-yaml">type: bar\n</code></pre>');
  });

  it('hands the renderer the resolved chart, its width and its title level', () => {
    const calls: [ResolvedChart, ChartPlacing][] = [];
    const recording = (chart: ResolvedChart, placing: ChartPlacing) => (calls.push([chart, placing]), '');
    renderWith([[remarkChartBlocks, { ...options, render: recording }]], `## Minerals\n\n${STORY.replace('dek:', 'width: wide\ndek:')}`);
    expect(calls).toHaveLength(1);
    const [[{ spec, aggregate }, placing]] = calls as [[ResolvedChart, ChartPlacing]];
    expect(spec.id).toBe('the-top-three');
    expect(aggregate).toBe(aggregates['top-imports-2023']);
    expect(placing).toEqual({ width: 'wide', titleLevel: 3 });
  });

  it('reports a mistake at the story line it is on', () => {
    const failure = failureOf([[remarkChartBlocks, options]], STORY.replace('x: product', 'x: prodcut'));
    expect(failure.line).toBe(6);
    expect(failure.ruleId).toBe('chart-block');
    expect(failure.printed).toMatch(/^story\.md:6:1.*has no field "prodcut" for x\. Did you mean "product"\?/);
  });

  it('reports an unknown aggregate at its line', () => {
    const failure = failureOf([[remarkChartBlocks, options]], STORY.replace('aggregate: top-imports-2023', 'aggregate: top-imports'));
    expect(failure.line).toBe(5);
    expect(failure.printed).toContain('unknown aggregate "top-imports"');
  });

  it('refuses an id a registered chart or an earlier block already has', () => {
    const registered = failureOf([[remarkChartBlocks, options]], STORY.replace('title: The top three', 'id: top-imports-2023\ntitle: T'));
    expect(registered.printed).toContain('chart id "top-imports-2023" is already a registered chart\'s id');
    const twice = failureOf([[remarkChartBlocks, options]], `${STORY}\n\n${STORY}`);
    expect(twice.line).toBe(16);
    expect(twice.printed).toContain('chart id "the-top-three" (made from the title; give the chart its own "id:") is used by the chart block on line 3 too');
  });

  it('runs inside the story processor when it is given the aggregates', () => {
    const processor = (given?: AggregatesFile) => storyProcessor({ facts: sampleFacts, lang: 'en', charts: [], render: () => '', renderBlock: render, aggregates: given });
    const html = String(processor(aggregates).processSync({ path: 'story.md', value: STORY }));
    expect(html).toContain('id="chart-the-top-three"');
    expect(() => processor().processSync({ path: 'story.md', value: STORY }))
      .toThrow("chart blocks need the data step's aggregates");
  });
});
