// sitemap.xml: the index and every story, with absolute URLs from the configured site.
import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { absoluteUrl } from '../site/urls.ts';
import { isoDate } from '../site/dates.ts';
import { escapeXml } from '../share/escape.ts';
import { publishedStories } from '../site/stories.ts';

export const GET: APIRoute = async ({ site }) => {
  const stories = (await publishedStories()).sort((a, b) => a.id.localeCompare(b.id));
  const urls = [
    `<url><loc>${escapeXml(absoluteUrl(site, base, ''))}</loc></url>`,
    ...stories.map((story) => `<url><loc>${escapeXml(absoluteUrl(site, base, `${story.id}/`))}</loc><lastmod>${isoDate(story.data.updated ?? story.data.published)}</lastmod></url>`),
  ];
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
