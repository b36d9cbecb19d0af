// Which story a chart belongs to, for the embed page's canonical link: the first published
// story that places it (later ones reuse it). A chart no story places has none.
import { placedChartIds } from '../story/render.ts';

export interface PlacingStory {
  id: string;
  published: Date;
  /** The story's Markdown body. */
  markdown: string;
}

export function storyPlacing(chartId: string, stories: readonly PlacingStory[]): string | undefined {
  return [...stories]
    .sort((a, b) => a.published.getTime() - b.published.getTime() || a.id.localeCompare(b.id))
    .find((story) => placedChartIds(story.markdown).includes(chartId))?.id;
}
