// Every chart the site publishes, each with an embed page, PNGs, oEmbed and a CSV, once per
// language it is drawn in: the chart files and the chart blocks the stories place, in the
// language of each story that places them. Each knows the story it belongs to, for the embed
// page's canonical link: the first published story of its language that places it.
import type { AggregatesFile } from '../contract/index.ts';
import type { ResolvedChart } from '../charts/index.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/index.ts';
import { compileChartFile, storyCharts } from '../story/charts.ts';
import type { ChartLibrary } from './chart-files.ts';

export interface SiteStory {
  id: string;
  published: Date;
  lang: Lang;
  /** The Markdown file, for messages. */
  path: string;
  /** The story's Markdown body. */
  markdown: string;
}

export interface SiteChart extends ResolvedChart {
  /** The story the chart belongs to; none for a chart file no story places. */
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

/** Where a chart's pages live: its id, under its language's folder for languages but the default. */
export function chartPath(spec: { id: string; lang: Lang }): string {
  return spec.lang === DEFAULT_LANG ? spec.id : `${spec.lang}/${spec.id}`;
}

/** The languages the site's charts are drawn in, the default first. */
export function chartLanguages(charts: readonly SiteChart[]): Lang[] {
  const langs = new Set(charts.map((chart) => chart.spec.lang));
  return [...langs].sort((a, b) => (a === DEFAULT_LANG ? -1 : b === DEFAULT_LANG ? 1 : a.localeCompare(b)));
}

export function siteCharts(stories: readonly SiteStory[], aggregates: AggregatesFile, library: ChartLibrary): SiteChart[] {
  const byPath = new Map<string, SiteChart>();
  const inOrder = [...stories].sort((a, b) => a.published.getTime() - b.published.getTime() || a.id.localeCompare(b.id));
  for (const story of inOrder) {
    for (const chart of storyCharts(story.markdown, { aggregates, library, path: story.path, lang: story.lang })) {
      const path = chartPath(chart.spec);
      const known = byPath.get(path);
      if (!chart.block) {
        if (known) known.story ??= story;
        else byPath.set(path, { spec: chart.spec, aggregate: chart.aggregate, story });
        continue;
      }
      // A block's id is its story's own in its language: editions in other languages may share it.
      if (library.has(chart.spec.id) || known) {
        const where = library.has(chart.spec.id) ? `the chart file ${library.get(chart.spec.id)!.path}` : `a chart block in ${known!.story!.path}`;
        throw new ChartIdError(
          story.path,
          `chart id "${chart.spec.id}" is already used by ${where}; every chart on the site needs its own id (set "id:" in the block)`,
        );
      }
      byPath.set(path, { spec: chart.spec, aggregate: chart.aggregate, story });
    }
  }
  // A chart file no story places is still published, in each language it has a title in.
  for (const [id, file] of library) {
    for (const lang of Object.keys(file.definition.title) as Lang[]) {
      const path = chartPath({ id, lang });
      if (!byPath.has(path)) byPath.set(path, { ...compileChartFile(id, { aggregates, library, lang }), story: undefined });
    }
  }
  return [...byPath.values()];
}
