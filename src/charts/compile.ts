// From YAML text to a chart ready to draw in one language: read, checked against the data,
// compiled. Chart files and chart blocks go through here alike.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { parseChartDefinition, type ChartDefinition } from './definition.ts';
import { resolveChart } from './resolve.ts';
import { chartSpec, type ChartSpec } from './spec.ts';

/** The fenced block's language: ```chart. */
export const CHART_BLOCK_LANG = 'chart';

/** A chart in one language with the aggregate it draws. */
export interface ResolvedChart {
  spec: ChartSpec;
  aggregate: Aggregate;
}

/** A definition checked against the data and compiled for `lang`; throws ChartDefinitionError at its line. */
export function compileDefinition(definition: ChartDefinition, lang: Lang, aggregates: Readonly<AggregatesFile>): ResolvedChart {
  const { aggregate } = resolveChart(definition, aggregates);
  return { spec: chartSpec(definition, lang), aggregate };
}

/** A ```chart block in a story written in `lang`. */
export function compileBlock(text: string, lang: Lang, aggregates: Readonly<AggregatesFile>): ResolvedChart & { definition: ChartDefinition } {
  const definition = parseChartDefinition(text, { lang });
  return { ...compileDefinition(definition, lang, aggregates), definition };
}
