// embed/<id>/oembed.json: the chart's oEmbed response, found from the embed page's <link>.
import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { oembedFor } from '../../../embed/oembed.ts';
import { chartPath, type SiteChart } from '../../../site/charts.ts';
import { loadSiteCharts } from '../../../site/stories.ts';

export async function getStaticPaths() {
  return (await loadSiteCharts()).map((chart) => ({ params: { chart: chartPath(chart.spec) }, props: { chart } }));
}

export const GET: APIRoute<{ chart: SiteChart }> = ({ props, site }) => {
  const oembed = oembedFor(props.chart, { site, base });
  return new Response(`${JSON.stringify(oembed, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed' } });
};
