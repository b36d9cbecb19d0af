// What every chart type draws from: the chart's data in one language, its definition, and the
// room the frame leaves above it for the colour key.
import type { PlotOptions } from '@observablehq/plot';
import type { Aggregate } from '../../contract/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Category, ChartData, Series } from '../data.ts';
import type { ChartDefinition } from '../definition.ts';
import type { Datum } from '../datum.ts';
import type { Layout } from '../spec.ts';

export interface DrawInput {
  data: ChartData;
  definition: ChartDefinition;
  aggregate: Aggregate;
  lang: Lang;
  /** Pixels at the top taken by the colour key. */
  top: number;
  /** The word highlighted labels carry, in the chart's language. */
  marker: string | undefined;
  /** The value axis heading: "Imports (yuan)". */
  axisLabel: string;
}

export type DrawChart = (input: DrawInput, layout: Layout) => PlotOptions;

/** What a mark says in a tooltip: "Copper ore, 2023: 181.53 million yuan". */
export function datumOf(input: DrawInput, category: Category, series: Series, k: number, className?: string): Datum {
  const single = input.data.series.length === 1;
  return {
    label: single ? category.label : `${category.label}, ${series.label}`,
    value: series.values[k]!,
    text: input.data.format.tooltip(series.drawn[k]!, series.values[k]!),
    ...(className ? { className } : {}),
  };
}
