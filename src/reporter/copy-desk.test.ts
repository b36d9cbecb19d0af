import { describe, expect, it } from 'vitest';
import { topImports } from '../charts/fixtures.ts';
import { renderChartFigure } from '../charts/frame.ts';
import { charts } from '../charts/index.ts';
import { copyDeskSheet, storySheet } from './copy-desk.ts';
import type { StoryCheck } from './story-check.ts';

const figure = renderChartFigure(charts.get('top-imports-2023')!, topImports(), { placement: 'text', csvHref: 'x.csv' });

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
  html: `<p>Intro.</p>\n<h2>A subhead</h2>\n${figure}\n<p>More.</p>`,
  errors: [],
  warnings: [],
};

describe('the copy-desk sheet', () => {
  it('lists the story\'s display text and each chart\'s words in reading order', () => {
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
      '  Chart 1 (top-imports-2023)',
    ]);
    expect(lines).toContain('    Title: What China buys from North Korea');
    expect(lines).toContain('    Source: China General Administration of Customs (GACC). Sample data generated for this project, not GACC figures.');
    expect(lines).toContain('    Credit: Chart: Data desk');
    expect(lines).toContain('    Table headings: Product | Rank | Mineral for chips and batteries | Imports (yuan)');
    // Words on the chart, not its values ("1.1B yuan"), once each.
    const words = lines.find((line) => line.startsWith('    On the chart: '))!;
    expect(words).toContain('Wigs and false eyelashes | ');
    expect(words).toContain('Ferrosilicon (mineral)');
    expect(words).not.toMatch(/\d/);
  });

  it('says so when the body did not render', () => {
    const { html: _html, ...broken } = story;
    expect(copyDeskSheet([broken])).toContain('(The body did not render: fix its errors to see its subheads and charts.)');
  });
});
