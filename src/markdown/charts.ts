// remarkCharts: `::chart{#id width=wide}` on a line of its own becomes the finished
// figure, as HTML from the chart renderer the plugin is given.
import type { Html, Root, RootContent } from 'mdast';
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { didYouMean, listNames } from './suggest.ts';
import { titleLevelAt, type TitleLevel } from './title-level.ts';
import { failAt, isDirective, isOneOf, requireAttributes, requireForm, spelled, type Directive, type StoryFile } from './directives.ts';

export const CHART_DIRECTIVE = 'chart';

export type ChartWidth = 'text' | 'wide';

const WIDTHS: readonly ChartWidth[] = ['text', 'wide'];

export interface ChartAttributes {
  /** `text` keeps the figure to the column of text, `wide` lets it break out; absent, the chart's own width. */
  width?: ChartWidth;
}

/** Where a figure goes: its width as the story asks, its title's level from the headings around it. */
export interface ChartPlacing extends ChartAttributes {
  titleLevel: TitleLevel;
}

export interface RemarkChartsOptions {
  /** Ids of the charts the site defines. */
  charts: ReadonlySet<string> | readonly string[];
  /** Returns the finished figure as an HTML string. */
  render: (id: string, placing: ChartPlacing) => string;
}

/** Checks the directive and reads which chart it asks for, at which width. */
function readChart(file: StoryFile, node: Directive, known: ReadonlySet<string>): [string, ChartAttributes] {
  requireForm(file, node, 'leafDirective', '::chart{#chart-id} on a line of its own');
  requireAttributes(file, node, ['id', 'width']);
  if (node.children.length > 0) {
    failAt(file, node, 'chart-label', `${spelled(node)} takes no [label]: titles and captions come with the chart`);
  }
  const id = node.attributes?.id;
  if (!id) failAt(file, node, 'chart-id', `${spelled(node)} needs a chart id, as in ::chart{#imports-by-product}, for content/charts/imports-by-product.yaml`);
  if (!known.has(id)) {
    const hint = didYouMean(id, known) || ` Known charts: ${listNames([...known].sort(), { conjunction: 'and' })}.`;
    failAt(file, node, 'unknown-chart', `Unknown chart "${id}" in ${spelled(node)}{#${id}}.${hint}`);
  }
  const width = node.attributes?.width ?? undefined;
  if (width === undefined) return [id, {}];
  if (!isOneOf(WIDTHS, width)) {
    failAt(file, node, 'chart-attribute', `width="${width}" on ${spelled(node)}{#${id}} must be "text" or "wide"`);
  }
  return [id, { width }];
}

export function remarkCharts(options: RemarkChartsOptions): Transformer<Root> {
  const known: ReadonlySet<string> = new Set(options.charts);
  return (tree, file) => {
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || node.name !== CHART_DIRECTIVE) return undefined;
      const [id, attrs] = readChart(file, node, known);
      let value: string;
      try {
        value = options.render(id, { ...attrs, titleLevel: titleLevelAt(tree, node) });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        return failAt(file, node, 'chart-render', `Chart "${id}" failed to render: ${error.message}`, error);
      }
      const html: Html = { type: 'html', value, position: node.position };
      // A leaf directive only stands where flow content may, so an html node fits its slot.
      (parent!.children as RootContent[])[index!] = html;
      return SKIP;
    });
  };
}
