// The story pipeline outside Astro: Markdown with fact and chart directives to HTML.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { FACT_DIRECTIVE, remarkFacts, type RemarkFactsOptions } from './facts.ts';
import { CHART_DIRECTIVE, remarkCharts, type RemarkChartsOptions } from './charts.ts';
import { remarkChartBlocks, type RemarkChartBlocksOptions } from './chart-block.ts';
import { remarkNoUnknownDirectives } from './no-unknown-directives.ts';

export type StoryProcessorOptions = RemarkFactsOptions &
  RemarkChartsOptions &
  Pick<RemarkChartBlocksOptions, 'compile'> & {
    /** Draws a chart block, as `render` draws a chart file. */
    renderBlock: RemarkChartBlocksOptions['render'];
  };

export const STORY_DIRECTIVES: readonly string[] = [FACT_DIRECTIVE, CHART_DIRECTIVE];

export function storyProcessor(options: StoryProcessorOptions) {
  const { facts, lang, charts, render, renderBlock, compile } = options;
  return (
    unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkFacts, { facts, lang })
      .use(remarkCharts, { charts, render })
      .use(remarkChartBlocks, { compile, charts, render: renderBlock })
      .use(remarkNoUnknownDirectives, { known: STORY_DIRECTIVES })
      // Chart figures arrive as HTML strings from the trusted chart renderer.
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
  );
}
