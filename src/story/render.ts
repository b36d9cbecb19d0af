// Turns a story's Markdown into article HTML: facts bound to facts.json, charts drawn from
// aggregates.json. Errors point at the story file's own line numbers.
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import type { AggregatesFile, FactsFile } from '../aggregate/types.ts';
import { charts, renderChart } from '../charts/index.ts';
import { storyProcessor } from '../markdown/index.ts';
import type { Lang } from '../format/index.ts';

export interface StoryRenderOptions {
  /** Path of the Markdown file, for messages. */
  path: string;
  lang: Lang;
  facts: FactsFile;
  aggregates: AggregatesFile;
  /** Where the page serves a chart's "Get the data" CSV. */
  csvHref: (chartId: string) => string;
  /** A chart's embed snippet, offered under the chart; no embed control without it. */
  embedCode?: (chartId: string) => string;
}

export interface RenderedStory {
  html: string;
  /** Chart ids in the order the story places them. */
  charts: string[];
}

/** Blanks out the frontmatter but keeps its lines, so body line numbers match the file. */
export function bodyOf(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
}

export function readStoryBody(path: string): string {
  return bodyOf(readFileSync(path, 'utf8'));
}

/** A `::chart{#id}` line; the group is the chart id. */
const CHART_LINE = /^[ \t]*::chart\{[^}\n]*?#([\w-]+)/;

/** Ids of the charts a story places, in order, read from its `::chart{#id}` lines without rendering. */
export function placedChartIds(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => CHART_LINE.exec(line)?.[1] ?? []);
}

/**
 * The heading level of each placed chart's title, in order: one below the Markdown heading
 * before it, 2 before any (the page's h1 is the headline), so headings never skip a level.
 */
export function chartTitleLevels(markdown: string): (2 | 3 | 4 | 5 | 6)[] {
  const levels: (2 | 3 | 4 | 5 | 6)[] = [];
  let section = 1;
  for (const line of markdown.split('\n')) {
    const heading = /^ {0,3}(#{1,6})[ \t]/.exec(line);
    if (heading) section = heading[1]!.length;
    else if (CHART_LINE.test(line)) levels.push(Math.min(Math.max(section + 1, 2), 6) as 2 | 3 | 4 | 5 | 6);
  }
  return levels;
}

export async function renderStory(markdown: string, options: StoryRenderOptions): Promise<RenderedStory> {
  const placed: string[] = [];
  const levels = chartTitleLevels(markdown);
  const processor = storyProcessor({
    facts: options.facts,
    lang: options.lang,
    charts: [...charts.keys()],
    aggregates: options.aggregates,
    render: (id, attrs) => {
      const titleLevel = levels[placed.length] ?? 3;
      placed.push(id);
      return renderChart(id, options.aggregates, { placement: attrs.width, csvHref: options.csvHref(id), embedCode: options.embedCode?.(id), titleLevel });
    },
  });
  const file = new VFile({ path: options.path, value: markdown });
  try {
    const result = await processor.process(file);
    return { html: String(result), charts: placed };
  } catch (error) {
    // A VFileMessage prints as "path:line:column: reason"; make that the error's message.
    throw new Error(String(error), { cause: error });
  }
}
