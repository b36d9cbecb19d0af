import { describe, expect, it } from 'vitest';
import type { PluggableList } from 'unified';
import { remarkCharts, type ChartPlacing, type RemarkChartsOptions } from './charts.ts';
import { failureOf, renderWith } from './testing.ts';

const CHARTS = ['top-imports-2023', 'top-imports-2022', 'banned-exports-2023'];

/** A stand-in renderer that records its calls. */
function recordingRender() {
  const calls: [string, ChartPlacing][] = [];
  const render = (id: string, placing: ChartPlacing) => {
    calls.push([id, placing]);
    return `<figure class="chart chart--${placing.width ?? 'own'}" id="${id}"><svg></svg></figure>`;
  };
  return { calls, render };
}

const withCharts = (options: Partial<RemarkChartsOptions> = {}): PluggableList => [
  [remarkCharts, { charts: CHARTS, render: recordingRender().render, ...options }],
];

describe('remarkCharts', () => {
  it("replaces ::chart with the rendered figure, unwrapped, at the chart's own width", () => {
    const { calls, render } = recordingRender();
    const html = renderWith(withCharts({ render }), 'Before.\n\n::chart{#top-imports-2023}\n\nAfter.');
    expect(html).toBe('<p>Before.</p>\n<figure class="chart chart--own" id="top-imports-2023"><svg></svg></figure>\n<p>After.</p>');
    expect(calls).toEqual([['top-imports-2023', { titleLevel: 2 }]]);
  });

  it('passes width=text on, to keep a wide chart to the column', () => {
    const { calls, render } = recordingRender();
    renderWith(withCharts({ render }), '::chart{#top-imports-2023 width=text}');
    expect(calls).toEqual([['top-imports-2023', { width: 'text', titleLevel: 2 }]]);
  });

  it('passes width=wide on, and accepts the chart ids as a set', () => {
    const { calls, render } = recordingRender();
    const html = renderWith(withCharts({ charts: new Set(CHARTS), render }), '::chart{#banned-exports-2023 width=wide}');
    expect(html).toBe('<figure class="chart chart--wide" id="banned-exports-2023"><svg></svg></figure>');
    expect(calls).toEqual([['banned-exports-2023', { width: 'wide', titleLevel: 2 }]]);
  });

  it('gives each title the level below the section heading it sits under, so no level is skipped', () => {
    const { calls, render } = recordingRender();
    const story = ['::chart{#top-imports-2023}', '## Minerals', '::chart{#top-imports-2022}', '##### Deep', '', '> ::chart{#banned-exports-2023}'].join('\n');
    renderWith(withCharts({ render }), story);
    expect(calls.map(([, placing]) => placing.titleLevel)).toEqual([2, 3, 6]);
  });

  it('stops at an unknown id with its line and the closest ids', () => {
    expect(failureOf(withCharts(), 'Intro.\n\n::chart{#top-import-2023}')).toMatchObject({
      printed: 'story.md:3:1-3:26: Unknown chart "top-import-2023" in ::chart{#top-import-2023}. ' + 'Did you mean "top-imports-2023" or "top-imports-2022"?',
      ruleId: 'unknown-chart',
      line: 3,
    });
  });

  it('lists every known chart when no id is close', () => {
    expect(failureOf(withCharts(), '::chart{#graphite}').printed).toBe(
      'story.md:1:1-1:19: Unknown chart "graphite" in ::chart{#graphite}. ' + 'Known charts: "banned-exports-2023", "top-imports-2022" and "top-imports-2023".',
    );
  });

  it('stops at a missing id, a label, a bad width or an unknown attribute', () => {
    expect(failureOf(withCharts(), '::chart').printed).toBe(
      'story.md:1:1-1:8: ::chart needs a chart id, as in ::chart{#imports-by-product}, for content/charts/imports-by-product.yaml',
    );
    expect(failureOf(withCharts(), '::chart[Top imports]{#top-imports-2023}').printed).toBe(
      'story.md:1:1-1:40: ::chart takes no [label]: titles and captions come with the chart',
    );
    expect(failureOf(withCharts(), '::chart{#top-imports-2023 width=full}').printed).toBe(
      'story.md:1:1-1:38: width="full" on ::chart{#top-imports-2023} must be "text" or "wide"',
    );
    expect(failureOf(withCharts(), '::chart{#top-imports-2023 widht=wide}').printed).toBe(
      'story.md:1:1-1:38: Unknown attribute "widht" on ::chart. Did you mean "width"? Allowed: "id" and "width".',
    );
  });

  it('stops when chart is used inline', () => {
    expect(failureOf(withCharts(), 'See :chart{#top-imports-2023} here.').printed).toBe(
      'story.md:1:5-1:30: :chart must be written as ::chart{#chart-id} on a line of its own',
    );
  });

  it('reports a renderer failure at the directive', () => {
    const render = () => {
      throw new Error('no rows in aggregate "top-imports-2023"');
    };
    expect(failureOf(withCharts({ render }), '\n::chart{#top-imports-2023}')).toMatchObject({
      printed: 'story.md:2:1-2:27: Chart "top-imports-2023" failed to render: no rows in aggregate "top-imports-2023"',
      ruleId: 'chart-render',
    });
  });
});
