// Turns a story's Markdown into article HTML: facts bound to facts.json, charts drawn from
// aggregates.json. Errors point at the story file's own line numbers.
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import type { AggregatesFile, FactsFile } from '../contract/index.ts';
import { renderChartFigure, type ResolvedChart } from '../charts/index.ts';
import { storyProcessor } from '../markdown/index.ts';
import type { ChartPlacing } from '../markdown/charts.ts';
import type { Lang } from '../i18n/index.ts';
import type { ChartLibrary } from '../site/chart-files.ts';
import { compileBlock } from '../charts/index.ts';
import { compileChartFile } from './charts.ts';

export interface StoryRenderOptions {
  /** Path of the Markdown file, for messages. */
  path: string;
  lang: Lang;
  facts: FactsFile;
  aggregates: AggregatesFile;
  /** The chart files ::chart{#id} places. */
  library: ChartLibrary;
  /** Where the page serves a chart's "Get the data" CSV. */
  csvHref: (chart: ResolvedChart) => string;
  /** A chart's embed snippet, offered under the chart; no embed control without it. */
  embedCode?: (chart: ResolvedChart) => string;
}
/** Blanks out the frontmatter but keeps its lines, so body line numbers match the file. */
export function bodyOf(text: string): string {
  const source = withoutBom(text);
  const match = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\n]/g, '') + source.slice(match[0].length);
}

/** Text without a leading byte-order mark, which Windows editors add and Astro ignores. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function readStoryBody(path: string): string {
  return bodyOf(readFileSync(path, 'utf8'));
}

/** A rendered story, with the facts it cites (the charts it places are storyCharts()'). */
export interface RenderedStory {
  html: string;
  /** Keys of every fact the story cites. */
  facts: string[];
}

/** The article HTML; chart files and chart blocks get the same frame, CSV link and embed code. */
export async function renderStory(markdown: string, options: StoryRenderOptions): Promise<RenderedStory> {
  const figure = (chart: ResolvedChart, { titleLevel }: ChartPlacing) =>
    renderChartFigure(chart.spec, chart.aggregate, {
      csvHref: options.csvHref(chart),
      embedCode: options.embedCode?.(chart),
      titleLevel,
    });
  const { lang, aggregates, library } = options;
  const processor = storyProcessor({
    facts: options.facts,
    lang,
    charts: [...library.keys()],
    render: (id, placing) => figure(compileChartFile(id, { aggregates, library, lang }, placing.width), placing),
    compile: (yaml) => compileBlock(yaml, lang, aggregates),
    renderBlock: figure,
  });
  const file = new VFile({ path: options.path, value: markdown });
  let html: string;
  try {
    html = String(await processor.process(file));
  } catch (error) {
    // A VFileMessage prints as "path:line:column: reason"; make that the error's message.
    throw new Error(String(error), { cause: error });
  }
  return { html, facts: citedFacts(html) };
}

/** The facts a piece of rendered HTML cites, by their data-fact attributes, each once. */
export function citedFacts(html: string): string[] {
  return [...new Set([...html.matchAll(/data-fact="([^"]*)"/g)].map((match) => match[1]!))];
}
