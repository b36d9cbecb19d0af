// The embed code an editor pastes into a CMS: our iframe, sized without script, and the
// parent script that sizes it exactly. Every URL in it is absolute, from the site config.
import { escapeHtml } from '../charts/html.ts';
import type { ResolvedChart } from '../charts/index.ts';
import { absoluteUrl } from '../site/urls.ts';
import { fallbackHeight } from './height.ts';
import { EMBED_SCRIPT_PATH, embedPagePath } from './paths.ts';

/** The site's address and base path, as Astro pages have them. */
export interface SiteAddress {
  site: URL | undefined;
  base: string;
}

export function embedSnippet({ spec, aggregate }: ResolvedChart, { site, base }: SiteAddress): string {
  const height = fallbackHeight(spec, aggregate);
  const src = absoluteUrl(site, base, embedPagePath(spec.id));
  const script = absoluteUrl(site, base, EMBED_SCRIPT_PATH);
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(spec.title)}" loading="lazy" width="100%" height="${height.attribute}"`
    + ` style="border:0;height:${height.css}" data-customs-story-embed></iframe>`
    + `<script src="${escapeHtml(script)}" async></script>`;
}
