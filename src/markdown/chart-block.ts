// remarkChartBlocks: a ```chart fenced block of YAML becomes a finished figure, drawn by the
// same frame and SSR as a chart file (see docs/reporters.md for the keys). Mistakes stop
// the build at the story's own line.
import type { Code, Html, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { CHART_BLOCK_LANG, ChartDefinitionError, type ChartDefinition, type ResolvedChart } from '../charts/index.ts';
import type { ChartPlacing } from './charts.ts';
import { failAt, type StoryFile } from './directives.ts';
import { titleLevelAt } from './title-level.ts';

export interface RemarkChartBlocksOptions {
  /** Reads, checks and compiles a block's YAML; throws ChartDefinitionError at a line of the block. */
  compile: (yaml: string) => ResolvedChart & { definition: ChartDefinition };
  /** Ids of the chart files, which a block's id must not reuse. */
  charts: ReadonlySet<string> | readonly string[];
  /** Returns the finished figure as an HTML string, as for a chart file. */
  render: (chart: ResolvedChart, placing: ChartPlacing) => string;
}

/** A node that stands for one line of the story, for messages about a line inside a block. */
function lineOf(line: number): Node {
  return { type: 'code', position: { start: { line, column: 1 }, end: { line, column: 1 } } };
}

export function remarkChartBlocks(options: RemarkChartBlocksOptions): Transformer<Root> {
  const files: ReadonlySet<string> = new Set(options.charts);
  return (tree, file: StoryFile) => {
    const used = new Map<string, number>();
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== CHART_BLOCK_LANG) return undefined;
      // The YAML starts on the line after the opening fence.
      const first = (node.position?.start.line ?? 1) + 1;
      let chart;
      try {
        chart = options.compile(node.value);
      } catch (error) {
        if (!(error instanceof ChartDefinitionError)) throw error;
        return failAt(file, lineOf(first + error.line - 1), 'chart-block', error.message, error);
      }
      const { spec, definition } = chart;
      const idHint = definition.explicitId ? '' : ' (made from the title; give the chart its own "id:")';
      if (files.has(spec.id)) {
        return failAt(file, node, 'chart-block-id', `chart id "${spec.id}"${idHint} is already the id of a chart file in content/charts; choose another`);
      }
      const earlier = used.get(spec.id);
      if (earlier !== undefined) {
        return failAt(file, node, 'chart-block-id', `chart id "${spec.id}"${idHint} is used by the chart block on line ${earlier} too; ids must differ`);
      }
      used.set(spec.id, first - 1);
      let value: string;
      try {
        value = options.render(chart, { width: definition.width, titleLevel: titleLevelAt(tree, node) });
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
