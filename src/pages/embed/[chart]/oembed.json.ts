// embed/<id>/oembed.json: the chart's oEmbed response, found from the embed page's <link>.
import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { charts } from '../../../charts/index.ts';
import { oembedFor } from '../../../embed/oembed.ts';
import { loadAggregates } from '../../../site/data.ts';

export function getStaticPaths() {
  return [...charts.keys()].map((chart) => ({ params: { chart } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const oembed = oembedFor(params.chart!, loadAggregates(), { site, base });
  return new Response(`${JSON.stringify(oembed, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed' } });
};
