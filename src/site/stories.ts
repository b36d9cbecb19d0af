// The stories and the charts they publish, as Astro pages read them (astro:content is only
// there inside Astro; src/site/charts.ts does the work and is tested outside it).
import { getCollection, type CollectionEntry } from 'astro:content';
import { readStoryBody } from '../story/render.ts';
import { siteCharts, type SiteChart, type SiteStory } from './charts.ts';
import { readChartLibrary } from './chart-files.ts';
import { loadAggregates } from './data.ts';

/** The stories a build publishes: all of them in `npm run dev`, none marked `draft: true` otherwise. */
export function publishedStories(): Promise<CollectionEntry<'stories'>[]> {
  return getCollection('stories', ({ data }) => import.meta.env.DEV || !data.draft);
}

export async function loadStories(): Promise<SiteStory[]> {
  return (await publishedStories()).map((story) => {
    const path = story.filePath ?? `content/stories/${story.id}.md`;
    return { id: story.id, published: story.data.published, lang: story.data.lang, path, markdown: readStoryBody(path) };
  });
}

export async function loadSiteCharts(): Promise<SiteChart[]> {
  return siteCharts(await loadStories(), loadAggregates(), readChartLibrary());
}
