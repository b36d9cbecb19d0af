// remarkChartBlocks: a ```chart fenced block of YAML becomes a finished figure, drawn by
// the same frame and SSR as a registered chart (see src/charts/block.ts for the keys).
// Mistakes stop the build at the story's own line.
import type { AggregatesFile } from '../contract/index.ts';
import type { Code, Html, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { CHART_BLOCK_LANG, ChartBlockError, parseChartBlock } from '../charts/block.ts';
import type { ResolvedChart } from '../charts/index.ts';
import type { ChartPlacing } from './charts.ts';
import { failAt, type StoryFile } from './directives.ts';
import { titleLevelAt } from './title-level.ts';

export interface RemarkChartBlocksOptions {
  /** The data step's aggregates; without them a chart block cannot be drawn. */
  aggregates?: Readonly<AggregatesFile> | undefined;
  /** Ids of the registered charts, which a block's id must not reuse. */
  charts: ReadonlySet<string> | readonly string[];
  /** Returns the finished figure as an HTML string, as for a registered chart. */
  render: (chart: ResolvedChart, placing: ChartPlacing) => string;
}

/** A node that stands for one line of the story, for messages about a line inside a block. */
function lineOf(line: number): Node {
  return { type: 'code', position: { start: { line, column: 1 }, end: { line, column: 1 } } };
}

export function remarkChartBlocks(options: RemarkChartBlocksOptions): Transformer<Root> {
  const registered: ReadonlySet<string> = new Set(options.charts);
  return (tree, file: StoryFile) => {
    const used = new Map<string, number>();
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== CHART_BLOCK_LANG) return undefined;
      // The YAML starts on the line after the opening fence.
      const first = (node.position?.start.line ?? 1) + 1;
      if (!options.aggregates) return failAt(file, node, 'chart-block', 'chart blocks need the data step\'s aggregates, and this renderer was given none');
      let block;
      try {
        block = parseChartBlock(node.value, options.aggregates);
      } catch (error) {
        if (!(error instanceof ChartBlockError)) throw error;
        return failAt(file, lineOf(first + error.line - 1), 'chart-block', error.message, error);
      }
      const { spec, aggregate, width } = block;
      const idHint = block.explicitId ? '' : ' (made from the title; give the chart its own "id:")';
      if (registered.has(spec.id)) {
        return failAt(file, node, 'chart-block-id', `chart id "${spec.id}"${idHint} is already a registered chart's id; choose another`);
      }
      const earlier = used.get(spec.id);
      if (earlier !== undefined) {
        return failAt(file, node, 'chart-block-id', `chart id "${spec.id}"${idHint} is used by the chart block on line ${earlier} too; ids must differ`);
      }
      used.set(spec.id, first - 1);
      let value: string;
      try {
        value = options.render({ spec, aggregate }, { width, titleLevel: titleLevelAt(tree, node) });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        return failAt(file, node, 'chart-render', `The chart block failed to render: ${error.message}`, error);
      }
      const html: Html = { type: 'html', value, position: node.position };
      (parent!.children as RootContent[])[index!] = html;
      return SKIP;
    });
  };
}
