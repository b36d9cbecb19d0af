// From YAML text to a chart ready to draw in one language: read, checked against the data,
// compiled. Chart files and chart blocks go through here alike.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { hashParts } from '../fs/digest.ts';
import { buildCache, buildCodeVersion, type Codec } from '../site/cache.ts';
import { parseChartDefinition, type ChartDefinition, type DefinitionOptions } from './definition.ts';
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

/** A definition as JSON: its one Map, the keys' lines, as pairs. */
const DEFINITION: Codec<ChartDefinition> = {
  encode: (definition) => JSON.stringify({ ...definition, lines: [...definition.lines] }),
  decode: (bytes) => {
    const stored = JSON.parse(bytes.toString('utf8')) as Omit<ChartDefinition, 'lines'> & { lines: [string, number][] };
    return { ...stored, lines: new Map(stored.lines) };
  },
};

/**
 * parseChartDefinition(), kept by the build cache: reading the YAML is most of what placing a
 * chart costs, and every build places every chart of every story (the site's model, then
 * the page). A definition with a mistake throws each time, as parsing it does.
 */
export function readChartDefinition(text: string, options: DefinitionOptions): ChartDefinition {
  return buildCache().memo(
    'chart-definition',
    () => hashParts(buildCodeVersion(), text, options.lang, options.id),
    DEFINITION,
    () => parseChartDefinition(text, options),
  );
}

/** A ```chart block in a story written in `lang`. */
export function compileBlock(text: string, lang: Lang, aggregates: Readonly<AggregatesFile>): ResolvedChart & { definition: ChartDefinition } {
  const definition = readChartDefinition(text, { lang });
  return { ...compileDefinition(definition, lang, aggregates), definition };
}
