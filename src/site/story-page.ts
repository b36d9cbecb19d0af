// Everything a story's page and its share image show, computed in one place from the story
// and the data step's outputs: the frontmatter with its facts bound, the article, its
// provenance and its editions in other languages.
import type { CollectionEntry } from 'astro:content';
import type { ResolvedChart } from '../charts/index.ts';
import { PATHS } from '../config.ts';
import { bindFrontmatter, type BoundText, type FactField } from '../story/frontmatter-facts.ts';
import { citedFacts, readStoryBody, renderStory } from '../story/render.ts';
import { readChartLibrary } from './chart-files.ts';
import { editionsOf, type Edition } from './editions.ts';
import { provenanceOf, type Provenance } from './provenance.ts';
import { storyData } from './story-data.ts';

export type StoryEntry = CollectionEntry<'stories'>;

export interface StoryPage {
  story: StoryEntry;
  /** The story file, for messages. */
  path: string;
  bound: Record<FactField, BoundText>;
  html: string;
  charts: ResolvedChart[];
  provenance: Provenance;
  editions: Edition[];
}

export interface StoryPageOptions {
  csvHref: (chart: ResolvedChart) => string;
  embedCode?: (chart: ResolvedChart) => string;
}

export function storyPath(story: StoryEntry): string {
  return story.filePath ?? `${PATHS.stories}/${story.id}.md`;
}

export async function storyPage(story: StoryEntry, stories: readonly StoryEntry[], options: StoryPageOptions): Promise<StoryPage> {
  const data = storyData();
  const path = storyPath(story);
  const lang = story.data.lang;
  const bound = bindFrontmatter(story.data, { facts: data.facts, lang, path });
  const rendered = await renderStory(readStoryBody(path), {
    path,
    lang,
    facts: data.facts,
    aggregates: data.aggregates,
    library: readChartLibrary(),
    ...options,
  });
  const facts = [...new Set([...rendered.facts, ...Object.values(bound).flatMap((text) => citedFacts(text.html))])];
  return {
    story,
    path,
    bound,
    html: rendered.html,
    charts: rendered.charts,
    provenance: provenanceOf({ aggregates: rendered.charts.map((chart) => chart.aggregate), facts }, data),
    editions: editionsOf(story, stories),
  };
}
