// Every chart the site publishes, each with an embed page, PNGs, oEmbed and a CSV: the
// registered charts, then the chart blocks written in stories. Each knows the story it
// belongs to, for the embed page's canonical link: the first published story that places it.
import type { AggregatesFile } from '../contract/index.ts';
import { charts, resolveChart, type ResolvedChart } from '../charts/index.ts';
import { storyCharts } from '../story/charts.ts';

export interface SiteStory {
  id: string;
  published: Date;
  /** The Markdown file, for messages. */
  path: string;
  /** The story's Markdown body. */
  markdown: string;
}

export interface SiteChart extends ResolvedChart {
  /** The story the chart belongs to; none for a registered chart no story places. */
  story: SiteStory | undefined;
}

/** Two charts of the site with one id: the second would overwrite the first's embed and CSV. */
export class ChartIdError extends Error {
  /** The story file holding the second chart. */
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ChartIdError';
    this.file = file;
  }
}

export function siteCharts(stories: readonly SiteStory[], aggregates: AggregatesFile): SiteChart[] {
  const byId = new Map<string, SiteChart>([...charts.keys()].map((id) => [id, { ...resolveChart(id, aggregates), story: undefined }]));
  const inOrder = [...stories].sort((a, b) => a.published.getTime() - b.published.getTime() || a.id.localeCompare(b.id));
  for (const story of inOrder) {
    for (const { spec, aggregate, block } of storyCharts(story.markdown, aggregates, story.path)) {
      const known = byId.get(spec.id);
      if (!block) {
        known!.story ??= story;
      } else if (known) {
        const owner = known.story ? `a chart block in ${known.story.path}` : 'a registered chart';
        throw new ChartIdError(story.path, `chart id "${spec.id}" is already used by ${owner}; every chart on the site needs its own id (set "id:" in the block)`);
      } else {
        byId.set(spec.id, { spec, aggregate, story });
      }
    }
  }
  return [...byId.values()];
}
