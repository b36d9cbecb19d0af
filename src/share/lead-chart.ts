// The lead chart of a story, the first it places, drawn for the share image.
import type { AggregatesFile } from '../aggregate/types.ts';
import { resolveChart } from '../charts/index.ts';
import { DESKTOP } from '../charts/layouts.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import { placedChartIds } from '../story/render.ts';
import { firstChartBlock } from '../markdown/chart-block.ts';

export function leadChartId(markdown: string): string | undefined {
  return placedChartIds(markdown)[0];
}

export function leadChartSvg(markdown: string, aggregates: AggregatesFile): string {
  const id = leadChartId(markdown);
  const lead = id ? resolveChart(id, aggregates) : firstChartBlock(markdown, aggregates);
  if (!lead) throw new Error('the story places no chart, so its share image has nothing to show; add a ::chart directive or a ```chart block');
  const { spec, aggregate } = lead;
  return standaloneSvg(spec, aggregate, DESKTOP).svg;
}
