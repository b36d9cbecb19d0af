// Public surface of the story Markdown plugins.
export { remarkFacts, FACT_DIRECTIVE, type RemarkFactsOptions } from './facts.ts';
export { remarkCharts, CHART_DIRECTIVE, type ChartAttributes, type ChartWidth, type RemarkChartsOptions } from './charts.ts';
export { remarkChartBlocks, type RemarkChartBlocksOptions } from './chart-block.ts';
export { remarkNoUnknownDirectives, type RemarkNoUnknownDirectivesOptions } from './no-unknown-directives.ts';
export { storyProcessor, STORY_DIRECTIVES, type StoryProcessorOptions } from './processor.ts';
