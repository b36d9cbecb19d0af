// The story's 1200×630 share image: headline and lead chart, drawn at build time.
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { leadChartSvg } from '../../share/lead-chart.ts';
import { renderShareImage } from '../../share/share-image.ts';
import { readChartLibrary } from '../../site/chart-files.ts';
import { storyData } from '../../site/story-data.ts';
import { publishedStories } from '../../site/stories.ts';
import { readStoryBody } from '../../story/render.ts';

export async function getStaticPaths() {
  const stories = await publishedStories();
  return stories.map((story) => ({ params: { slug: story.id }, props: { story } }));
}

export const GET: APIRoute<{ story: CollectionEntry<'stories'> }> = ({ props }) => {
  const { story } = props;
  const { aggregates, synthetic } = storyData();
  const path = story.filePath ?? `content/stories/${story.id}.md`;
  const png = renderShareImage({
    headline: story.data.title,
    lang: story.data.lang,
    chartSvg: leadChartSvg(readStoryBody(path), { aggregates, library: readChartLibrary(), path, lang: story.data.lang }),
    synthetic,
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
