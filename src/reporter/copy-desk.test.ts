import { describe, expect, it } from 'vitest';
import { renderChartFigure } from '../charts/frame.ts';
import { testChart, yaml } from '../charts/fixtures.ts';
import { copyDeskSheet, storySheet } from './copy-desk.ts';
import type { StoryCheck } from './story-check.ts';

const chart = testChart(
  yaml(
    'type: bar',
    'aggregate: ranked-products',
    'x: product',
    'top: 10',
    'highlight: { product_group: minerals }',
    'highlight_label: mineral',
    'legend: Mineral for batteries',
    'columns: [product, rank, highlight, value]',
    'id: ranked',
    'title: What is bought most',
    'dek: The ten largest products.',
    'annotations:',
    '  - line: A long note on the chart that wraps over two lines on a phone and on a desktop artboard alike',
    '    y: 500000000',
  ),
);
const figure = renderChartFigure(chart.spec, chart.aggregate, { csvHref: 'x.csv' });

const story: StoryCheck = {
  file: 'content/stories/x.md',
  body: '',
  frontmatter: {
    title: 'A headline',
    dek: 'A dek',
    summary: 'A summary',
    shareImageAlt: 'Alt text',
    bylines: [{ name: 'A. Writer', role: 'Reporter' }, { name: 'Data desk' }],
    corrections: [{ date: new Date('2024-01-02T00:00:00Z'), text: 'A correction.' }],
    methodology: 'How it was done,\nover two lines.',
  },
  lang: 'en',
  html: `<p>Intro.</p>\n<h2>A subhead</h2>\n${figure}\n<p>More.</p>`,
  bound: {},
  errors: [],
  warnings: [],
};

describe('the copy-desk sheet', () => {
  it("lists the story's display text and each chart's words in reading order", () => {
    const lines = storySheet(story).split('\n');
    expect(lines.slice(0, 10)).toEqual([
      'content/stories/x.md',
      '  Headline: A headline',
      '  Dek: A dek',
      '  Summary: A summary',
      '  Share image text: Alt text',
      '  Bylines: A. Writer (Reporter); Data desk',
      '  Correction 2024-01-02: A correction.',
      '  Methodology: How it was done, over two lines.',
      '  Subhead: A subhead',
      '  Chart 1 (ranked)',
    ]);
    expect(lines).toContain('    Title: What is bought most');
    expect(lines).toContain('    Dek: The ten largest products.');
    expect(lines).toContain('    Source: China General Administration of Customs (GACC). Sample data generated for this project, not GACC figures.');
    expect(lines).toContain('    Credit: Chart: Data desk');
    expect(lines).toContain('    Table headings: Product | Rank | Mineral for batteries | Imports (yuan)');
    // Words on the chart, not its values ("1.1B yuan"), once each: names, marker, key, annotation.
    const words = lines.find((line) => line.startsWith('    On the chart: '))!;
    expect(words).toContain('Wigs and false eyelashes | ');
    expect(words).toContain('Ferrosilicon (mineral)');
    expect(words).toContain('| Mineral for batteries');
    expect(words).toContain('| A long note on the chart that wraps over two lines on a phone and on a desktop artboard alike');
    expect(words).not.toMatch(/\d/);
  });

  it("lists a table chart's headings, and a Korean chart's own words", () => {
    const table = testChart(
      yaml('type: table', 'aggregate: ranked-products', 'x: product', 'top: 3', 'id: t', 'title: 표', 'dek: 설명', 'columns: [rank, product]'),
      'ko',
    );
    const html = renderChartFigure(table.spec, table.aggregate, { csvHref: 'x.csv' });
    const lines = storySheet({ ...story, html }).split('\n');
    expect(lines).toContain('  Chart 1 (t)');
    expect(lines).toContain('    Table headings: 순위 | 품목');
    expect(lines).toContain('    Credit: 그래픽: 데이터팀');
    expect(lines.some((line) => line.startsWith('    On the chart: '))).toBe(false);
  });

  it('says so when the body did not render', () => {
    const { html: _html, ...broken } = story;
    expect(copyDeskSheet([broken])).toContain('(The body did not render: fix its errors to see its subheads and charts.)');
  });
});
