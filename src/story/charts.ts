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
import { buildCache, buildCodeVersion, jsonCodec } from '../site/cache.ts';
import { hashParts } from '../fs/digest.ts';

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

/** Where a story places a chart: a chart file by its id, or a ```chart block with its opening fence's line. */
type ChartPlace = { file: string; width?: 'text' | 'wide' } | { block: string; line: number };

/**
 * The places in `markdown` that put a chart, in reading order: kept by the build cache, as
 * parsing the Markdown is most of what reading a story's charts costs, on every build.
 */
function chartPlaces(markdown: string): ChartPlace[] {
  return buildCache().memo(
    'chart-places',
    () => hashParts(buildCodeVersion(), markdown),
    jsonCodec<ChartPlace[]>(),
    () => {
      const places: ChartPlace[] = [];
      const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown);
      visit(tree, (node) => {
        if (isDirective(node) && node.type === 'leafDirective' && node.name === CHART_DIRECTIVE) {
          const { id, width } = node.attributes ?? {};
          if (id) places.push(width === 'wide' || width === 'text' ? { file: id, width } : { file: id });
        } else if (node.type === 'code' && (node as Code).lang === CHART_BLOCK_LANG) {
          const code = node as Code;
          places.push({ block: code.value, line: code.position?.start.line ?? 1 });
        }
      });
      return places;
    },
  );
}

/**
 * Charts the story places, in order. A `::chart` naming no chart file is passed over
 * (rendering the story reports it); a broken chart throws at its line.
 */
export function storyCharts(markdown: string, options: StoryChartsOptions): PlacedChart[] {
  const placed: PlacedChart[] = [];
  for (const place of chartPlaces(markdown)) {
    if ('block' in place) {
      const { spec, aggregate } = compileStoryBlock(place.block, place.line, options);
      placed.push({ spec, aggregate, block: true });
    } else if (options.library.has(place.file)) {
      placed.push({ ...compileChartFile(place.file, options, place.width), block: false });
    }
  }
  return placed;
}
