// Stories made up for the scale benchmark: a newsroom's archive in miniature. Each has the
// frontmatter every story needs, a few paragraphs and chart blocks drawn from the project's
// own declared aggregates, so a build of them does the work a real archive would.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';

/** The settings of one chart block, as docs/reporters.md lists them. */
export interface BlockSettings {
  type: 'bar' | 'dot' | 'line' | 'area';
  aggregate: string;
  x: string;
  colour?: string;
  top?: number;
}

const TIME_FIELDS = new Set(['month', 'year']);

/** The chart a reporter would draw of an aggregate: over time when it has months, else by its first other field. */
export function blockFor(aggregate: Aggregate, variant: number): BlockSettings {
  const { id, dimensions } = aggregate;
  const others = dimensions.filter((field) => !TIME_FIELDS.has(field));
  if (dimensions.includes('month')) {
    return { type: variant % 2 === 0 ? 'line' : 'area', aggregate: id, x: 'month', ...(others[0] ? { colour: others[0] } : {}) };
  }
  const [x, colour] = others.length > 0 ? [others[0]!, others[1] ?? dimensions.find((f) => f === 'year')] : [dimensions[0]!, undefined];
  const type = variant % 2 === 0 ? 'bar' : 'dot';
  // Ranked single-field aggregates are long; a story shows the top of them.
  const top = dimensions.length === 1 && !TIME_FIELDS.has(x) ? 10 : undefined;
  return { type, aggregate: id, x, ...(colour ? { colour } : {}), ...(top ? { top } : {}) };
}

export interface GeneratedStory {
  slug: string;
  markdown: string;
}

const WORDS = ['ores', 'alloys', 'machinery', 'border', 'season', 'shipments', 'ports', 'rail', 'customs', 'buyers'];

function paragraph(story: number, n: number): string {
  const word = (k: number) => WORDS[(story * 7 + n * 3 + k) % WORDS.length]!;
  return (
    `This paragraph stands in for a reporter's text about ${word(0)} and ${word(1)}. ` +
    `It is long enough to be parsed and laid out like prose, mentions ${word(2)} and ${word(3)}, ` +
    `and says nothing that needs a fact from the data step.`
  );
}

function chartBlock(story: number, n: number, settings: BlockSettings): string {
  const lines = [
    '```chart',
    `id: scale-story-${story}-chart-${n}`,
    ...Object.entries(settings).map(([key, value]) => `${key}: ${String(value)}`),
    `title: Chart ${n} of generated story ${story}`,
    `dek: What the ${settings.aggregate} aggregate shows, by ${settings.x}.`,
    '```',
  ];
  return lines.join('\n');
}

/** Story `index` (from 1) of a generated archive, with `charts` chart blocks over the given aggregates. */
export function generatedStory(index: number, aggregates: AggregatesFile, charts: number): GeneratedStory {
  const ids = Object.keys(aggregates).sort();
  if (ids.length === 0) throw new Error('aggregates.json declares no aggregates to draw generated charts from');
  const slug = `generated-story-${String(index).padStart(3, '0')}`;
  const day = String((index % 28) + 1).padStart(2, '0');
  const frontmatter = [
    '---',
    `title: Generated story ${index} for the scale benchmark`,
    'dek: A stand-in for one story of a newsroom archive, with chart blocks drawn from the declared aggregates.',
    'bylines:',
    '  - name: Benchmark',
    `published: 2023-11-${day}`,
    'lang: en',
    'summary: A generated story that exists only to measure how the build grows with the archive.',
    'shareImageAlt: A chart from the generated story.',
    '---',
  ];
  const body: string[] = [paragraph(index, 0)];
  for (let n = 1; n <= charts; n += 1) {
    const aggregate = aggregates[ids[(index * charts + n) % ids.length]!]!;
    body.push(`## Section ${n}`, paragraph(index, n), chartBlock(index, n, blockFor(aggregate, index + n)));
  }
  return { slug, markdown: `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n` };
}

/** A story with one more paragraph at its end: an edit a reporter would make. */
export function editStoryText(markdown: string, edit: number): string {
  return `${markdown.trimEnd()}\n\nEdit number ${edit} to the text.\n`;
}
