// The story's 1200×630 share image: headline and lead chart, drawn at build time, in the
// story's language, labelled as sample data only when the story's own figures are.
import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { DESKTOP } from '../../charts/layouts.ts';
import { standaloneSvg } from '../../charts/standalone.ts';
import { shareImageJob, type ShareImageInput } from '../../share/share-image.ts';
import { cachedPng } from '../../site/png-cache.ts';
import { publishedStories } from '../../site/stories.ts';
import { storyPage, type StoryEntry } from '../../site/story-page.ts';

export async function getStaticPaths() {
  const stories = await publishedStories();
  return stories.map((story) => ({ params: { slug: story.id }, props: { story, stories } }));
}

export const GET: APIRoute<{ story: StoryEntry; stories: StoryEntry[] }> = async ({ props, site }) => {
  const page = await storyPage(props.story, props.stories, { site, base });
  const [lead] = page.charts;
  if (!lead) throw new Error(`${page.path}: the story places no chart, so its share image has nothing to show; add a ::chart directive or a \`\`\`chart block`);
  const input: ShareImageInput = {
    headline: page.bound.title.text,
    lang: props.story.data.lang,
    chartSvg: standaloneSvg(lead.spec, lead.aggregate, DESKTOP).svg,
    synthetic: page.provenance.synthetic,
    source: lead.spec.source,
  };
  const png = await cachedPng('share-image', input, () => shareImageJob(input));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
