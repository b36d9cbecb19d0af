// oEmbed (https://oembed.com) for one chart: CMSs that embed by URL discover this through
// the embed page's <link rel="alternate" type="application/json+oembed"> and get the snippet.
import type { ResolvedChart } from '../charts/index.ts';
import { chartKey } from '../charts/render.ts';
import { strings } from '../i18n/index.ts';
import { buildCache, jsonCodec } from '../site/cache.ts';
import { chartPath } from '../site/charts.ts';
import { absoluteUrl } from '../site/urls.ts';
import { fallbackHeight } from './height.ts';
import { THUMBNAIL_LAYOUT, thumbnailSize } from './images.ts';
import { embedPngPath } from './paths.ts';
import { embedSnippet, type SiteAddress } from './snippet.ts';

export interface OEmbed {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/**
 * Sized for the desktop artboard's width; the iframe itself is fluid. Kept by the build cache:
 * its few numbers take the chart's texts measured and its picture composed, which a build
 * whose chart did not change has no other use for (about 4 ms a chart).
 */
export function oembedFor(chart: ResolvedChart, address: SiteAddress): OEmbed {
  const { spec, aggregate } = chart;
  return buildCache().memo(
    'oembed',
    () => chartKey(spec, aggregate, address.site?.href, address.base),
    jsonCodec<OEmbed>(),
    () => composeOembed(chart, address),
  );
}

function composeOembed(chart: ResolvedChart, address: SiteAddress): OEmbed {
  const { spec, aggregate } = chart;
  const thumbnail = thumbnailSize(spec, aggregate);
  return {
    type: 'rich',
    version: '1.0',
    title: spec.title,
    // The site's name, as its header gives it in the chart's language.
    provider_name: strings(spec.lang).site.oembedProvider,
    provider_url: absoluteUrl(address.site, address.base, ''),
    html: embedSnippet(chart, address),
    width: THUMBNAIL_LAYOUT.width,
    height: fallbackHeight(spec, aggregate).at(THUMBNAIL_LAYOUT.width),
    thumbnail_url: absoluteUrl(address.site, address.base, embedPngPath(chartPath(spec), THUMBNAIL_LAYOUT.width)),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
  };
}
