// The stories and the charts they publish, as Astro pages read them (astro:content is only
// there inside Astro; src/site/charts.ts does the work and is tested outside it).
import { getCollection, type CollectionEntry } from 'astro:content';
import type { SiteChart, SiteStory } from './charts.ts';
import { siteModel, type SiteModel } from './model.ts';

/** The stories a build publishes: all of them in `npm run dev`, none marked `draft: true` otherwise. */
export function publishedStories(): Promise<CollectionEntry<'stories'>[]> {
  return getCollection('stories', ({ data }) => import.meta.env.DEV || !data.draft);
}

/** The build's one model of the site (src/site/model.ts): worked out once, not once per page. */
async function loadSiteModel(): Promise<SiteModel> {
  return siteModel(
    (await publishedStories()).map((story) => ({
      id: story.id,
      published: story.data.published,
      lang: story.data.lang,
      path: story.filePath ?? `content/stories/${story.id}.md`,
    })),
  );
}

export async function loadStories(): Promise<SiteStory[]> {
  return (await loadSiteModel()).stories;
}

export async function loadSiteCharts(): Promise<SiteChart[]> {
  return (await loadSiteModel()).charts;
}
