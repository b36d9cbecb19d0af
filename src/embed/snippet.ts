// The embed code an editor pastes into a CMS: our iframe, sized without script, and the
// parent script that sizes it exactly. Every URL in it is absolute, from the site config.
// The iframe sits in a size container as wide as the host's column: its fallback height is
// written in that container's width (height.ts). The container has the column's width
// however the host lays it out (a size container alone would shrink to nothing in a flex row).
import { escapeHtml } from '../charts/html.ts';
import type { ResolvedChart } from '../charts/index.ts';
import { chartPath } from '../site/charts.ts';
import { absoluteUrl, withBase } from '../site/urls.ts';
import { fallbackHeight } from './height.ts';
import { EMBED_SCRIPT_PATH, embedPagePath } from './paths.ts';

/** The site's address and base path, as Astro pages have them. */
export interface SiteAddress {
  site: URL | undefined;
  base: string;
}

/**
 * `absolute` for code that leaves the site; `site-relative` for a live preview on the site
 * itself, so a staging or preview build shows its own charts, not the published ones.
 */
export type SnippetUrls = 'absolute' | 'site-relative';

export function embedSnippet({ spec, aggregate }: ResolvedChart, { site, base }: SiteAddress, urls: SnippetUrls = 'absolute'): string {
  const height = fallbackHeight(spec, aggregate);
  const url = (path: string) => (urls === 'absolute' ? absoluteUrl(site, base, path) : withBase(base, path));
  const src = url(embedPagePath(chartPath(spec)));
  const script = url(EMBED_SCRIPT_PATH);
  return (
    '<div style="container-type:inline-size;width:100%">' +
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(spec.title)}" loading="lazy" width="100%" height="${height.attribute}"` +
    ` style="display:block;border:0;height:${height.css}" data-customs-story-embed></iframe></div>` +
    `<script src="${escapeHtml(script)}" async></script>`
  );
}
