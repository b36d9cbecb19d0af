// Everything a story's page and its share image show, computed in one place from the story
// and the data step's outputs: the frontmatter with its facts bound, the article, its
// provenance and its editions in other languages.
import { readFileSync } from 'node:fs';
import type { CollectionEntry } from 'astro:content';
import type { ResolvedChart } from '../charts/index.ts';
import { PATHS } from '../config.ts';
import { embedSnippet, type SiteAddress } from '../embed/snippet.ts';
import { bindFrontmatter, type BoundText, type FactField } from '../story/frontmatter-facts.ts';
import { storyCharts } from '../story/charts.ts';
import { citedFacts, readStoryBody, renderStory, type RenderedStory } from '../story/render.ts';
import { hashParts } from '../fs/digest.ts';
import { buildCache, buildCodeVersion, jsonCodec } from './cache.ts';
import { chartPath } from './charts.ts';
import { chartFileBytes, readChartLibrary } from './chart-files.ts';
import { editionsOf, type Edition } from './editions.ts';
import { provenanceOf, type Provenance } from './provenance.ts';
import { storyData, type StoryData } from './story-data.ts';
import { withBase } from './urls.ts';

export type StoryEntry = CollectionEntry<'stories'>;

export interface StoryPage {
  story: StoryEntry;
  /** The story file, for messages. */
  path: string;
  bound: Record<FactField, BoundText>;
  html: string;
  /** In the order the story places them: the first is the share image's. */
  charts: ResolvedChart[];
  provenance: Provenance;
  editions: Edition[];
}

export function storyPath(story: StoryEntry): string {
  return story.filePath ?? `${PATHS.stories}/${story.id}.md`;
}

/** `key` is storyPage()'s: everything the page is worked out from but the code. */
async function workOutStoryPage(story: StoryEntry, stories: readonly StoryEntry[], address: SiteAddress, data: StoryData, key: string): Promise<StoryPage> {
  const path = storyPath(story);
  const lang = story.data.lang;
  const markdown = readStoryBody(path);
  const library = readChartLibrary();
  const bound = bindFrontmatter(story.data, { facts: data.facts, lang, path });
  // Kept by the build cache: rendering every story again was most of a rebuild's work on pages.
  const rendered = await buildCache().memoAsync(
    'story-html',
    () => hashParts(buildCodeVersion(), key),
    jsonCodec<RenderedStory>(),
    () =>
      renderStory(markdown, {
        path,
        lang,
        facts: data.facts,
        aggregates: data.aggregates,
        library,
        csvHref: ({ spec }) => withBase(address.base, `data/${chartPath(spec)}.csv`),
        embedCode: (chart) => embedSnippet(chart, address),
      }),
  );
  const charts = storyCharts(markdown, { aggregates: data.aggregates, library, path, lang });
  const facts = [...new Set([...rendered.facts, ...Object.values(bound).flatMap((text) => citedFacts(text.html))])];
  return {
    story,
    path,
    bound,
    html: rendered.html,
    charts,
    provenance: provenanceOf({ aggregates: charts.map((chart) => chart.aggregate), facts }, data),
    editions: editionsOf(story, stories),
  };
}

/** Each list of stories' digest: the pages of one route share one list, and a list is never changed. */
const storiesDigests = new WeakMap<readonly StoryEntry[], string>();

function storiesDigest(stories: readonly StoryEntry[]): string {
  let digest = storiesDigests.get(stories);
  if (digest === undefined) {
    // In one order: the index lists the stories newest first, the share images as collected.
    digest = hashParts(stories.map((other) => [other.id, other.data]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    storiesDigests.set(stories, digest);
  }
  return digest;
}

/** Each story's page, with a key of everything it was worked out from. */
const pages = new Map<string, { key: string; page: Promise<StoryPage> }>();

/**
 * The story's page: worked out once per build for the page itself, the site index and the
 * story's share image. Worked out again when the story, the stories beside it, the data
 * step's outputs or the chart files change, so `npm run dev` sees every edit.
 */
export function storyPage(story: StoryEntry, stories: readonly StoryEntry[], address: SiteAddress): Promise<StoryPage> {
  const data = storyData();
  const key = hashParts(
    storyPath(story),
    readFileSync(storyPath(story)),
    storiesDigest(stories),
    data.digest,
    ...chartFileBytes(PATHS.charts),
    address.site?.href ?? '',
    address.base,
  );
  const known = pages.get(story.id);
  if (known?.key === key) return known.page;
  const page = workOutStoryPage(story, stories, address, data, key);
  pages.set(story.id, { key, page });
  return page;
}
