// sitemap.xml: the index and every story, with absolute URLs from the configured site, and
// each story's editions in other languages as hreflang alternates.
import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { absoluteUrl } from '../site/urls.ts';
import { isoDate } from '../site/dates.ts';
import { editionsOf } from '../site/editions.ts';
import { escapeXml } from '../share/escape.ts';
import { publishedStories } from '../site/stories.ts';

export const GET: APIRoute = async ({ site }) => {
  const stories = (await publishedStories()).sort((a, b) => a.id.localeCompare(b.id));
  const url = (path: string) => escapeXml(absoluteUrl(site, base, path));
  const entries = [
    `<url><loc>${url('')}</loc></url>`,
    ...stories.map((story) => {
      const editions = editionsOf(story, stories);
      const alternates =
        editions.length > 1
          ? editions.map((edition) => `<xhtml:link rel="alternate" hreflang="${edition.hreflang}" href="${url(edition.path)}"/>`).join('')
          : '';
      return `<url><loc>${url(`${story.id}/`)}</loc><lastmod>${isoDate(story.data.updated ?? story.data.published)}</lastmod>${alternates}</url>`;
    }),
  ];
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};
