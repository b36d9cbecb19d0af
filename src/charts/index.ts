// Public surface of the charts: read a definition, check it against the data, compile it for
// a language, and draw it in the frame every chart shares.
export { CHART_TYPES, ChartDefinitionError, parseChartDefinition, slug, textIn, type ChartDefinition, type ChartType, type Placement } from './definition.ts';
export { CHART_BLOCK_LANG, compileBlock, compileDefinition, readChartDefinition, type ResolvedChart } from './compile.ts';
export { chartSpec, sourceText, type ChartSpec, type Layout } from './spec.ts';
export { chartCsv, embedCodeHtml, renderChartFigure, type FrameOptions } from './frame.ts';
export { layoutsFor } from './layouts.ts';
