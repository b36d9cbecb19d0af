// The charts a story places, in reading order, read from its Markdown without rendering it:
// chart files by `::chart{#id}`, and ```chart blocks, each compiled in the story's language.
// Pages that need a story's charts without the page itself (embeds, CSV files, the share
// image) read them from here; the story page's render reports every mistake in full.
import type { Code } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { AggregatesFile } from '../contract/index.ts';
import { CHART_BLOCK_LANG, ChartDefinitionError, compileBlock, compileDefinition, type ResolvedChart } from '../charts/index.ts';
import type { Lang } from '../i18n/index.ts';
import { CHART_DIRECTIVE } from '../markdown/index.ts';
import { isDirective } from '../markdown/directives.ts';
import { ChartSourceError, type ChartLibrary } from '../site/chart-files.ts';

/** A chart and where the story places it. */
export interface PlacedChart extends ResolvedChart {
  /** Whether it is a ```chart block written in this story, rather than a chart file. */
  block: boolean;
}

export interface StoryChartsOptions {
  aggregates: Readonly<AggregatesFile>;
  library: ChartLibrary;
  /** The story file, for messages. */
  path: string;
  lang: Lang;
}

/** A chart file compiled for a story's language; its mistakes point at the file. */
export function compileChartFile(id: string, options: Omit<StoryChartsOptions, 'path'>, width?: 'text' | 'wide'): ResolvedChart {
  const file = options.library.get(id)!;
  try {
    const chart = compileDefinition(file.definition, options.lang, options.aggregates);
    return width === undefined ? chart : { ...chart, spec: { ...chart.spec, width } };
  } catch (error) {
    if (error instanceof ChartDefinitionError) throw new ChartSourceError(file.path, error.line, error.message, error);
    throw error;
  }
}

/** A chart block of a story; `fenceLine` is the line of its opening fence in the story file. */
export function compileStoryBlock(text: string, fenceLine: number, options: StoryChartsOptions): ReturnType<typeof compileBlock> {
  try {
    return compileBlock(text, options.lang, options.aggregates);
  } catch (error) {
    // The YAML starts on the line after the opening fence.
    if (error instanceof ChartDefinitionError) throw new ChartSourceError(options.path, fenceLine + error.line, error.message, error);
    throw error;
  }
}

/**
 * Charts the story places, in order. A `::chart` naming no chart file is passed over
 * (rendering the story reports it); a broken chart throws at its line.
 */
export function storyCharts(markdown: string, options: StoryChartsOptions): PlacedChart[] {
  const placed: PlacedChart[] = [];
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown);
  visit(tree, (node) => {
    if (isDirective(node) && node.type === 'leafDirective' && node.name === CHART_DIRECTIVE) {
      const id = node.attributes?.id;
      const width = node.attributes?.width;
      if (id && options.library.has(id))
        placed.push({ ...compileChartFile(id, options, width === 'wide' || width === 'text' ? width : undefined), block: false });
    } else if (node.type === 'code' && (node as Code).lang === CHART_BLOCK_LANG) {
      const code = node as Code;
      const { spec, aggregate } = compileStoryBlock(code.value, code.position?.start.line ?? 1, options);
      placed.push({ spec, aggregate, block: true });
    }
  });
  return placed;
}
