// The charts a story places, in reading order, read from its Markdown without rendering
// it: registered charts by `::chart{#id}`, and ```chart blocks resolved from their YAML.
// Pages that need a story's charts without the page itself (embeds, CSV files, the share
// image) read them from here; the story page's render reports every mistake in full.
import type { AggregatesFile } from '../contract/index.ts';
import type { Code } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { CHART_BLOCK_LANG, ChartBlockError, parseChartBlock } from '../charts/block.ts';
import { charts, resolveChart, type ResolvedChart } from '../charts/index.ts';
import { CHART_DIRECTIVE } from '../markdown/index.ts';
import { isDirective } from '../markdown/directives.ts';

/** A chart and where the story places it. */
export interface PlacedChart extends ResolvedChart {
  /** Whether it is a ```chart block written in this story, rather than a registered chart. */
  block: boolean;
}

/**
 * Charts the story places, in order. A `::chart` naming no registered chart is passed over
 * (rendering the story reports it); a broken chart block throws at its line in `path`.
 */
export function storyCharts(markdown: string, aggregates: AggregatesFile, path: string): PlacedChart[] {
  const placed: PlacedChart[] = [];
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown);
  visit(tree, (node) => {
    if (isDirective(node) && node.type === 'leafDirective' && node.name === CHART_DIRECTIVE) {
      const id = node.attributes?.id;
      if (id && charts.has(id)) placed.push({ ...resolveChart(id, aggregates), block: false });
    } else if (node.type === 'code' && (node as Code).lang === CHART_BLOCK_LANG) {
      const code = node as Code;
      try {
        const { spec, aggregate } = parseChartBlock(code.value, aggregates);
        placed.push({ spec, aggregate, block: true });
      } catch (error) {
        if (!(error instanceof ChartBlockError)) throw error;
        // The YAML starts on the line after the opening fence.
        const line = (code.position?.start.line ?? 1) + error.line;
        throw new Error(`${path}:${line}: ${error.message}`, { cause: error });
      }
    }
  });
  return placed;
}
