// The chart as a PNG at phone and desktop width: embed/<id>/320.png and 640.png.
import type { APIRoute } from 'astro';
import { charts, resolveChart, type Layout } from '../../../charts/index.ts';
import { chartPng, IMAGE_LAYOUTS } from '../../../embed/images.ts';
import { loadAggregates } from '../../../site/data.ts';

export function getStaticPaths() {
  return [...charts.keys()].flatMap((chart) => IMAGE_LAYOUTS.map((layout) => ({ params: { chart, width: String(layout.width) }, props: { layout } })));
}

export const GET: APIRoute<{ layout: Layout }> = ({ params, props }) => {
  const { spec, aggregate } = resolveChart(params.chart!, loadAggregates());
  return new Response(new Uint8Array(chartPng(spec, aggregate, props.layout)), { headers: { 'Content-Type': 'image/png' } });
};
