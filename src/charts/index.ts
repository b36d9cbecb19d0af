// The charts a story can place, by id, and the one call a page makes to draw one.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import { chartCsv, embedCodeHtml, renderChartFigure, type FrameOptions } from './frame.ts';
import type { ChartSpec } from './spec.ts';
import { mineralsByYearChart } from './specs/minerals-by-year.ts';
import { monthlyFerrosiliconTungstenChart } from './specs/monthly-ferrosilicon-tungsten.ts';
import { sanctionedExportsChart } from './specs/sanctioned-exports.ts';
import { topImportsChart } from './specs/top-imports-2023.ts';

export const charts: ReadonlyMap<string, ChartSpec> = new Map(
  [topImportsChart, mineralsByYearChart, monthlyFerrosiliconTungstenChart, sanctionedExportsChart].map((spec) => [spec.id, spec]),
);

/** A chart ready to draw: its spec and the aggregate it reads. */
export interface ResolvedChart {
  spec: ChartSpec;
  aggregate: Aggregate;
}

/** The spec and the aggregate it reads; throws naming what exists when either is missing. */
export function resolveChart(id: string, aggregates: AggregatesFile): ResolvedChart {
  const spec = charts.get(id);
  if (!spec) throw new Error(`unknown chart "${id}"; known charts: ${[...charts.keys()].join(', ')}`);
  const aggregate = aggregates[spec.aggregate];
  if (!aggregate) {
    throw new Error(`chart "${id}" reads aggregate "${spec.aggregate}", which is not in aggregates.json: declare it in data/aggregates.yaml and run \`npm run data\``);
  }
  return { spec, aggregate };
}

export { chartCsv, embedCodeHtml, renderChartFigure, type FrameOptions };
export { layoutsFor, type Placement } from './layouts.ts';
export type { ChartSpec, Layout } from './spec.ts';
