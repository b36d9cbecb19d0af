// The copy-desk sheet: every line of a story's display text in one place for editing —
// headline, dek, summary, share-image text, subheads, corrections, methodology, and for each
// chart its title, dek, note, source, credit, table headings and the words on the chart.
// Charts are read from the rendered HTML, so registered charts and chart blocks look alike.
import { parseHTML } from 'linkedom';
import type { StoryCheck } from './story-check.ts';

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Words drawn on a chart (axis labels, names, keys): texts with letters that are not values. */
function chartWords(figure: Element): string[] {
  // One artboard is enough: the others draw the same words, sometimes cut short.
  const artboard = figure.querySelector('.chart__artboard--desktop') ?? figure.querySelector('.chart__artboard');
  // A text wrapped over several lines is one tspan per line: read them as one.
  const words = [...(artboard?.querySelectorAll('text') ?? [])]
    .map((node) => {
      const lines = [...node.querySelectorAll('tspan')];
      return lines.length > 0 ? lines.map(text).join(' ') : text(node);
    })
    .filter((word) => /\p{L}/u.test(word) && !/^[-−+$¥€£\d]/.test(word));
  return [...new Set(words)];
}

function chartLines(figure: Element, number: number): string[] {
  const id = (figure.getAttribute('id') ?? '').replace(/^chart-/, '');
  const field = (label: string, selector: string) => {
    // The frame writes some labels itself ("Note: …", "Source: …"); print them once.
    const value = text(figure.querySelector(selector)).replace(new RegExp(`^${label}:\\s*`), '');
    return value ? [`    ${label}: ${value}`] : [];
  };
  const columns = [...figure.querySelectorAll('.chart__table thead th')].map((th) => text(th));
  const words = chartWords(figure);
  return [
    `  Chart ${number} (${id})`,
    ...field('Title', '.chart__title'),
    ...field('Dek', '.chart__dek'),
    ...field('Note', '.chart__notes'),
    ...field('Source', '.chart__source'),
    ...field('Credit', '.chart__credit'),
    ...(columns.length > 0 ? [`    Table headings: ${columns.join(' | ')}`] : []),
    ...(words.length > 0 ? [`    On the chart: ${words.join(' | ')}`] : []),
  ];
}

function value(frontmatter: Record<string, unknown>, key: string): string | undefined {
  const field = frontmatter[key];
  if (field === undefined || field === null) return undefined;
  return String(field instanceof Date ? field.toISOString().slice(0, 10) : field).trim();
}

/** One story's section of the sheet. */
export function storySheet(story: StoryCheck): string {
  const fm = story.frontmatter;
  const lines = [story.file];
  for (const [label, key] of [
    ['Headline', 'title'],
    ['Dek', 'dek'],
    ['Summary', 'summary'],
    ['Share image text', 'shareImageAlt'],
  ] as const) {
    lines.push(`  ${label}: ${story.bound[key] ?? value(fm, key) ?? '(missing)'}`);
  }
  const bylines = Array.isArray(fm.bylines) ? (fm.bylines as { name?: unknown; role?: unknown }[]) : [];
  if (bylines.length > 0) lines.push(`  Bylines: ${bylines.map((b) => (b.role ? `${String(b.name)} (${String(b.role)})` : String(b.name))).join('; ')}`);
  const corrections = Array.isArray(fm.corrections) ? (fm.corrections as Record<string, unknown>[]) : [];
  for (const correction of corrections) lines.push(`  Correction ${value(correction, 'date') ?? ''}: ${value(correction, 'text') ?? ''}`);
  const methodology = value(fm, 'methodology');
  if (methodology) lines.push(`  Methodology: ${methodology.replace(/\s+/g, ' ')}`);
  if (story.html === undefined) {
    lines.push('  (The body did not render: fix its errors to see its subheads and charts.)');
    return lines.join('\n');
  }
  const { document } = parseHTML(`<!doctype html><html><body>${story.html}</body></html>`);
  // Subheads, not the chart titles inside figures.
  for (const heading of document.querySelectorAll('body > h2, body > h3, body > h4')) lines.push(`  Subhead: ${text(heading)}`);
  [...document.querySelectorAll('figure.chart')].forEach((figure, k) => lines.push(...chartLines(figure, k + 1)));
  return lines.join('\n');
}

export function copyDeskSheet(stories: readonly StoryCheck[]): string {
  return ['COPY DESK', '', ...stories.map(storySheet).flatMap((section) => [section, ''])].join('\n');
}
