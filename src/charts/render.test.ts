import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDataStep } from '../pipeline.ts';
import { describe, expect, it } from 'vitest';
import { charts, renderChartFigure, resolveChart } from './index.ts';
import { DESKTOP, PHONE, WIDE } from './layouts.ts';
import { renderArtboard } from './render.ts';
import * as fixtures from './fixtures.ts';

const aggregates: Record<string, () => Aggregate> = {
  'top-imports-2023': fixtures.topImports,
  'minerals-by-year': fixtures.mineralsByYear,
  'monthly-ferrosilicon-tungsten': fixtures.monthlyFerrosiliconTungsten,
  'sanctioned-exports': fixtures.sanctionedExports,
};

/** How many marks carry a datum: one per bar, one per month and product. */
const DATA_MARKS: Record<string, number> = {
  'top-imports-2023': 10,
  'minerals-by-year': 20,
  'monthly-ferrosilicon-tungsten': 2 * 58,
  'sanctioned-exports': 6,
};

describe.each([...charts.values()])('chart $id', (spec) => {
  const aggregate = aggregates[spec.aggregate]!();

  it.each([PHONE, DESKTOP, WIDE])('renders the $name artboard as an accessible, scalable SVG', (layout) => {
    const { svg, width, height } = renderArtboard(spec, aggregate, layout);
    expect(width).toBe(layout.width);
    expect(height).toBeGreaterThan(100);
    const root = svg.slice(0, svg.indexOf('>') + 1);
    expect(root).toContain('role="img"');
    expect(root).toContain(`aria-labelledby="chart-${spec.id}-${layout.name}-title"`);
    expect(root).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(root).toContain('width="100%"');
    expect(svg).toContain(`<title id="chart-${spec.id}-${layout.name}-title">${spec.altText(aggregate).replaceAll("'", '&#39;')}</title>`);
    expect(svg).not.toMatch(/aria-label=/);
    expect(svg).not.toMatch(/aria-description=/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toMatch(/\bid="plot-/);
    expect(svg.match(/data-value="/g)).toHaveLength(DATA_MARKS[spec.id]!);
  });

  it('renders the same markup every time', () => {
    expect(renderArtboard(spec, aggregate, PHONE).svg).toBe(renderArtboard(spec, aggregates[spec.aggregate]!(), PHONE).svg);
    expect(renderArtboard(spec, aggregate, DESKTOP).svg).toBe(renderArtboard(spec, aggregate, DESKTOP).svg);
  });

  it('describes the data in words and tabulates every row it draws', () => {
    expect(spec.describe(aggregate).length).toBeGreaterThan(40);
    const table = spec.table(aggregate);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});

describe('data marks', () => {
  it('carry label, raw value and formatted value for the browser script', () => {
    const { svg } = renderArtboard(charts.get('top-imports-2023')!, fixtures.topImports(), DESKTOP);
    expect(svg).toContain('data-label="Ferrosilicon"');
    expect(svg).toContain('data-value="181530000"');
    expect(svg).toContain('data-text="181.53 million yuan"');
  });

  it('mark highlighted bars with a class and their label with a word, not colour alone', () => {
    const { svg } = renderArtboard(charts.get('top-imports-2023')!, fixtures.topImports(), PHONE);
    expect(svg).toMatch(/<rect class="chart__bar--highlight"[^>]*data-label="Ferrosilicon"/);
    expect(svg).not.toMatch(/<rect class="chart__bar--highlight"[^>]*data-label="Electricity"/);
    expect(svg).toContain('Ferrosilicon (mineral)');
    expect(svg).not.toContain('Electricity (mineral)');
  });

  it('cut long labels to fit but never the marker', () => {
    const aggregate = fixtures.topImports();
    aggregate.rows[1]!.product_label = 'Ferrosilicon containing by weight more than 55% of silicon, other than in powder';
    const { svg } = renderArtboard(charts.get('top-imports-2023')!, aggregate, DESKTOP);
    expect(svg).toMatch(/>Ferrosilicon contain[^<]*… \(mineral\)<\/text>/);
    expect(svg).toContain('data-label="Ferrosilicon containing by weight more than 55% of silicon, other than in powder"');
  });

  it('keep the bars in reading order, highlighted or not', () => {
    const { svg } = renderArtboard(charts.get('top-imports-2023')!, fixtures.topImports(), DESKTOP);
    const labels = [...svg.matchAll(/data-label="([^"]*)"/g)].map((match) => match[1]);
    expect(labels.slice(0, 3)).toEqual(['Wigs and false eyelashes', 'Ferrosilicon', 'Tungsten ore']);
  });

  it('sit under their labels on phones and beside them on desktops', () => {
    const spec = charts.get('top-imports-2023')!;
    const labels = (svg: string) => /<g[^>]*class="chart__label"[^>]*>/.exec(svg)![0];
    expect(labels(renderArtboard(spec, fixtures.topImports(), PHONE).svg)).toContain('text-anchor="start"');
    expect(labels(renderArtboard(spec, fixtures.topImports(), DESKTOP).svg)).toContain('text-anchor="end"');
  });

  it('label zero bars as zero', () => {
    const { svg } = renderArtboard(charts.get('sanctioned-exports')!, fixtures.sanctionedExports(), DESKTOP);
    expect(svg).toMatch(/>0 yuan</);
    expect(svg.match(/>0</g)).toHaveLength(2);
  });
});

describe('the aggregates the shipped data gives', () => {
  it('hold everything the charts read', async () => {
    const out = await mkdtemp(join(tmpdir(), 'charts-data-'));
    await runDataStep({ rawDir: 'data/raw', outDir: out, referenceDir: 'data/reference', aggregatesFile: 'data/aggregates.yaml' });
    const built = JSON.parse(readFileSync(join(out, 'aggregates.json'), 'utf8')) as AggregatesFile;
    await rm(out, { recursive: true, force: true });
    for (const id of charts.keys()) {
      const { spec, aggregate } = resolveChart(id, built);
      expect(renderChartFigure(spec, aggregate, { placement: 'wide', csvHref: `${id}.csv` })).toContain('role="img"');
    }
  });
});
