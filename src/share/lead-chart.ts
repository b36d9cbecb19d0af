// The lead chart of a story, the first it places, drawn for the share image.
import { DESKTOP } from '../charts/layouts.ts';
import { standaloneSvg } from '../charts/standalone.ts';
import { storyCharts, type StoryChartsOptions } from '../story/charts.ts';

export function leadChartSvg(markdown: string, options: StoryChartsOptions): string {
  const [lead] = storyCharts(markdown, options);
  const { path } = options;
  if (!lead) throw new Error(`${path}: the story places no chart, so its share image has nothing to show; add a ::chart directive or a \`\`\`chart block`);
  return standaloneSvg(lead.spec, lead.aggregate, DESKTOP).svg;
}
