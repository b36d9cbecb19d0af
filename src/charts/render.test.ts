import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, WIDE } from './layouts.ts';
import { renderArtboard } from './render.ts';
import { svgDocument, testChart, yaml } from './fixtures.ts';

/** A chart of each type, and how many marks carry a datum (one per bar, dot or point). */
const CHARTS: [string, string, number][] = [
  [
    'bar',
    yaml(
      'type: bar',
      'aggregate: ranked-products',
      'x: product',
      'top: 10',
      'highlight: { product_group: minerals }',
      'highlight_label: mineral',
      'title: Bars',
      'dek: D',
    ),
    10,
  ],
  ['grouped bar', yaml('type: bar', 'aggregate: products-by-year', 'x: product', 'colour: year', 'title: Grouped', 'dek: D'), 20],
  ['column', yaml('type: column', 'aggregate: products-by-year', 'x: year', 'colour: product', 'stack: true', 'title: Columns', 'dek: D'), 20],
  ['line', yaml('type: line', 'aggregate: monthly-by-product', 'x: month', 'colour: product', 'title: Lines', 'dek: D'), 2 * 58],
  ['area', yaml('type: area', 'aggregate: monthly-by-product', 'x: month', 'title: Area', 'dek: D'), 58],
  ['dot', yaml('type: dot', 'aggregate: groups-by-year', 'x: sanction_group', 'colour: year', 'title: Dots', 'dek: D'), 6],
  ['table', yaml('type: table', 'aggregate: ranked-products', 'x: product', 'top: 5', 'title: Table', 'dek: D'), 0],
];

describe.each(CHARTS)('a %s chart', (_, text, marks) => {
  const { spec, aggregate } = testChart(text);

  it.each([PHONE, DESKTOP, WIDE])('draws the $name artboard as an accessible, scalable SVG', (layout) => {
    const { svg, width, height } = renderArtboard(spec, aggregate, layout);
    expect(width).toBe(layout.width);
    expect(height).toBeGreaterThan(100);
    const root = svgDocument(svg);
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe(`chart-${spec.id}-${layout.name}-title`);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(root.getAttribute('width')).toBe('100%');
    expect(root.getAttribute('font-size')).toBe(String(layout.fontSize));
    expect(root.querySelector('title')!.id).toBe(`chart-${spec.id}-${layout.name}-title`);
    expect(root.querySelector('title')!.textContent).toBe(spec.altText(aggregate));
    expect(svg).not.toMatch(/aria-label=|aria-description=|<style|\bid="plot-/);
    expect(root.querySelectorAll('[data-value]')).toHaveLength(marks);
  });

  it('draws the same markup every time', () => {
    expect(renderArtboard(spec, aggregate, PHONE).svg).toBe(renderArtboard(spec, testChart(text).aggregate, PHONE).svg);
  });

  it('tabulates every row it draws', () => {
    const table = spec.table(aggregate);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});

describe('data marks', () => {
  const bars = () => testChart(CHARTS[0]![1]);

  it('carry label, raw value and the value as a reader reads it, for the browser script', () => {
    const { spec, aggregate } = bars();
    const mark = svgDocument(renderArtboard(spec, aggregate, DESKTOP).svg).querySelector('[data-label="Ferrosilicon"]')!;
    expect([mark.getAttribute('data-value'), mark.getAttribute('data-text')]).toEqual(['181530000', '181.53 million yuan']);
    const { spec: grouped, aggregate: byYear } = testChart(CHARTS[1]![1]);
    expect(svgDocument(renderArtboard(grouped, byYear, DESKTOP).svg).querySelector('[data-label="Ferrosilicon, 2023"]')).not.toBeNull();
  });

  it('mark highlighted bars with a class and their labels with a word, not colour alone', () => {
    const { spec, aggregate } = bars();
    const svg = svgDocument(renderArtboard(spec, aggregate, PHONE).svg);
    expect(svg.querySelector('[data-label="Ferrosilicon"]')!.getAttribute('class')).toBe('chart__bar--highlight');
    expect(svg.querySelector('[data-label="Electricity"]')!.getAttribute('class')).toBe('chart__bar');
    const highlighted = [...svg.querySelectorAll('.chart__label--highlight text')].map((node) => node.textContent);
    expect(highlighted).toEqual([
      'Ferrosilicon (mineral)',
      'Tungsten ore (mineral)',
      'Molybdenum ore (mineral)',
      'Silicon carbide (mineral)',
      'Graphite (mineral)',
    ]);
    expect([...svg.querySelectorAll('.chart__label text')].map((node) => node.textContent)).toContain('Electricity');
  });

  it('write the marker the Korean way in a Korean chart', () => {
    const { spec, aggregate } = testChart(`${CHARTS[0]![1].replace('highlight_label: mineral', 'highlight_label: { en: mineral, ko: 광물 }')}\nid: k`, 'ko');
    const svg = svgDocument(renderArtboard(spec, aggregate, DESKTOP).svg);
    expect([...svg.querySelectorAll('.chart__label--highlight text')].map((node) => node.textContent).slice(0, 2)).toEqual(['규소철(광물)', '텅스텐광(광물)']);
  });

  it('cut long labels to fit, but never the marker', () => {
    const { spec, aggregate } = bars();
    aggregate.names!.product!.ferrosilicon!.en = 'Ferrosilicon containing by weight more than 55% of silicon, other than in powder';
    const svg = svgDocument(renderArtboard(spec, aggregate, DESKTOP).svg);
    const label = [...svg.querySelectorAll('.chart__label--highlight text')][0]!.textContent!;
    expect(label).toMatch(/^Ferrosilicon contain[^…]*… \(mineral\)$/);
    expect(svg.querySelector('[data-label="Ferrosilicon containing by weight more than 55% of silicon, other than in powder"]')).not.toBeNull();
  });

  it('keep the bars in reading order, highlighted or not', () => {
    const { spec, aggregate } = bars();
    const labels = [...svgDocument(renderArtboard(spec, aggregate, DESKTOP).svg).querySelectorAll('[data-label]')].map((mark) =>
      mark.getAttribute('data-label'),
    );
    expect(labels.slice(0, 3)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon', 'Tungsten ore']);
  });

  it('escape data in attributes and text alike', () => {
    const { spec, aggregate } = bars();
    aggregate.names!.product!.ferrosilicon!.en = '<b>"Ferro" & co</b>';
    const { svg } = renderArtboard(spec, aggregate, DESKTOP);
    expect(svg).toContain('data-label="&lt;b&gt;&quot;Ferro&quot; &amp; co&lt;/b&gt;"');
    expect(svg).toContain('>&lt;b&gt;&quot;Ferro&quot; &amp; co&lt;/b&gt; (mineral)</text>');
    expect(svg).not.toContain('<b>');
  });
});
