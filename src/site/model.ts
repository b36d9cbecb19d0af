// One model of the site per build: the published stories with their Markdown, and every chart
// the site publishes, worked out once however many pages ask (in a build, every page of
// Astro's runs in this one process). The model is kept while its inputs' bytes stay the same
// (the stories, aggregates.json, the chart files), so `npm run dev` sees every edit.
import { readFileSync } from 'node:fs';
import { PATHS } from '../config.ts';
import type { AggregatesFile } from '../contract/index.ts';
import type { Lang } from '../i18n/index.ts';
import { bodyOf } from '../story/render.ts';
import { hashParts } from '../fs/digest.ts';
import { chartFileBytes, readChartLibrary, type ChartLibrary } from './chart-files.ts';
import { siteCharts, type SiteChart, type SiteStory } from './charts.ts';
import { readBuildText } from './data.ts';

/** A published story as the content collection knows it. */
export interface StorySource {
  id: string;
  published: Date;
  lang: Lang;
  /** The Markdown file. */
  path: string;
}

export interface SiteModel {
  stories: SiteStory[];
  charts: SiteChart[];
  aggregates: AggregatesFile;
  library: ChartLibrary;
}

export interface ModelInputs {
  /** Folder of aggregates.json. */
  buildDir: string;
  /** Folder of the chart files. */
  chartsDir: string;
}

const DEFAULT_INPUTS: ModelInputs = { buildDir: PATHS.build, chartsDir: PATHS.charts };

let last: { key: string; model: SiteModel } | undefined;

/** Counts of models worked out and served from memory, for tests and benchmarks. */
export const modelStats = { built: 0, reused: 0 };

/** The site's model for these stories, worked out again only when a story, the data or a chart file changed. */
export function siteModel(sources: readonly StorySource[], inputs: ModelInputs = DEFAULT_INPUTS): SiteModel {
  const texts = sources.map((source) => readFileSync(source.path, 'utf8'));
  const aggregatesText = readBuildText('aggregates.json', inputs.buildDir);
  const key = hashParts(
    sources.map((source) => [source.id, source.published.toISOString(), source.lang, source.path]),
    ...texts,
    aggregatesText,
    ...chartFileBytes(inputs.chartsDir),
  );
  if (last?.key === key) {
    modelStats.reused += 1;
    return last.model;
  }
  const stories = sources.map((source, i) => ({ ...source, markdown: bodyOf(texts[i]!) }));
  const aggregates = JSON.parse(aggregatesText) as AggregatesFile;
  const library = readChartLibrary(inputs.chartsDir);
  const model = { stories, charts: siteCharts(stories, aggregates, library), aggregates, library };
  modelStats.built += 1;
  last = { key, model };
  return model;
}
