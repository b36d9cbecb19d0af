import type { Aggregate } from '../contract/index.ts';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { chartCsv, renderChartFigure } from './frame.ts';
import { charts, resolveChart } from './index.ts';
import { sanctionedExports, topImports } from './fixtures.ts';

const spec = charts.get('top-imports-2023')!;
const options = { placement: 'text', csvHref: 'data/top-imports-2023.csv' } as const;

function withLabel(label: string): Aggregate {
  const aggregate = topImports();
  aggregate.rows[1]!.product_label = label;
  return aggregate;
}

/** The text content of every <td>/<th> in the table body, row by row. */
function tableCells(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!));
}

describe('the chart frame', () => {
  const html = renderChartFigure(spec, topImports(), options);

  it('frames the chart with its words, source, credit and data link', () => {
    expect(html).toMatch(/^<figure class="chart chart--text" id="chart-top-imports-2023"/);
    expect(html).toContain('<h3 class="chart__title">What China buys from North Korea</h3>');
    expect(html).toContain('<p class="chart__dek">The ten products China imported most');
    expect(html).toContain('Source: China General Administration of Customs (GACC). Sample data generated for this project, not GACC figures.');
    expect(html).toContain('<p class="chart__credit">Chart: Data desk</p>');
    expect(html).toContain('<a href="data/top-imports-2023.csv" download>Get the data (CSV)</a>');
    expect(html).toContain('<summary>Show the data as a table</summary>');
    expect(html).toContain('<p class="chart__files">Compiled from: <code>kp-imports-2023.csv</code></p>');
  });

  it('includes every artboard of its placement, each with its shape reserved', () => {
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toMatch(/<div class="chart__artboard chart__artboard--phone" style="aspect-ratio: 320 \/ \d+"><svg /);
    expect(html).toMatch(/<div class="chart__artboard chart__artboard--desktop" style="aspect-ratio: 640 \/ \d+"><svg /);
    const wide = renderChartFigure(spec, topImports(), { ...options, placement: 'wide' });
    expect(wide).toMatch(/^<figure class="chart chart--wide"/);
    expect(wide).toContain('chart__artboard--wide" style="aspect-ratio: 960 /');
  });

  it('tabulates the ten rows it draws, names in row headers, values in full', () => {
    expect(html).toContain('<th scope="col">Product</th>');
    const rows = tableCells(html);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['Wigs and false eyelashes', '1', 'No', '1,080,412,000']);
    expect(rows[1]).toEqual(['Ferrosilicon', '2', 'Yes', '181,530,000']);
    expect(html).toContain('<th scope="row">Ferrosilicon</th>');
    expect(html).toMatch(/<caption>What China buys from North Korea<\/caption>/);
  });

  it('describes the chart for screen readers, naming the top item', () => {
    const description = /<p class="chart__description visually-hidden">(.*?)<\/p>/.exec(html)![1]!;
    expect(description).toContain('Wigs and false eyelashes led');
    expect(description).toContain('Ferrosilicon was second with 181.53 million yuan');
  });

  it('shows the sample-data badge only for synthetic data', () => {
    expect(html).toContain('<p class="chart__badge">Sample data</p>');
    const real = { ...topImports(), synthetic: false };
    const realHtml = renderChartFigure(spec, real, options);
    expect(realHtml).not.toContain('chart__badge');
    expect(realHtml).not.toContain('Sample data');
    expect(realHtml).toContain('Source: China General Administration of Customs (GACC).</p>');
  });

  it.each(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'])('escapes markup in data everywhere: %s', (label) => {
    const escaped = renderChartFigure(spec, withLabel(label), options);
    expect(escaped).not.toContain('<script');
    expect(escaped).not.toContain('<img');
    expect(escaped).not.toMatch(/"><img|onerror=alert\(1\)>/);
    const text = label.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(escaped).toContain(`<th scope="row">${text}</th>`); // table
    expect(escaped).toContain(`data-label="${text}"`); // SVG attribute
    expect(escaped).toContain(`>${text} (mineral)</text>`); // SVG text
    expect(escaped).toContain(`${text} was second`); // description
  });

  it('escapes the CSV link', () => {
    expect(renderChartFigure(spec, topImports(), { ...options, csvHref: 'a.csv?x="><script>' })).toContain('href="a.csv?x=&quot;&gt;&lt;script&gt;"');
  });
});

describe('chartCsv', () => {
  it('round-trips through csvParse with a header row and raw numbers', () => {
    const aggregate = withLabel('Ferro, "silicon"\nalloy');
    const parsed = csvParse(chartCsv(spec, aggregate));
    expect(parsed.columns).toEqual(['Product', 'Rank', 'Mineral for chips and batteries', 'Imports (yuan)']);
    expect(parsed).toHaveLength(10);
    expect(parsed[1]).toEqual({ Product: 'Ferro, "silicon"\nalloy', Rank: '2', 'Mineral for chips and batteries': 'Yes', 'Imports (yuan)': '181530000' });
  });

  it('writes years as columns for the grouped charts', () => {
    const parsed = csvParse(chartCsv(charts.get('sanctioned-exports')!, sanctionedExports()));
    expect(parsed.columns).toEqual(['Group of goods', '2022 (yuan)', '2023 (yuan)']);
    expect(parsed.map((row) => row['2022 (yuan)'])).toEqual(['0', '0', '0']);
  });
});

describe('the chart registry', () => {
  const aggregates = { 'top-imports-2023': topImports() };

  it('finds a chart by id with the aggregate it reads', () => {
    expect(resolveChart('top-imports-2023', aggregates)).toEqual({ spec, aggregate: topImports() });
  });

  it('names the known charts when asked for an unknown one', () => {
    expect(() => resolveChart('top-exports', aggregates)).toThrow(
      'unknown chart "top-exports"; known charts: top-imports-2023, minerals-by-year, monthly-ferrosilicon-tungsten, sanctioned-exports',
    );
  });

  it('names the aggregate a chart needs when it is missing', () => {
    expect(() => resolveChart('sanctioned-exports', aggregates)).toThrow('reads aggregate "sanctioned-exports"');
  });
});
