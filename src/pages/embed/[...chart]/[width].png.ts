// The chart as a PNG at phone and desktop width: embed/<id>/320.png and 640.png.
import type { APIRoute } from 'astro';
import type { Layout } from '../../../charts/index.ts';
import { chartGraphicInput, IMAGE_LAYOUTS } from '../../../embed/images.ts';
import { chartGraphicJob } from '../../../share/chart-graphic.ts';
import { chartPath, type SiteChart } from '../../../site/charts.ts';
import { cachedPng } from '../../../site/png-cache.ts';
import { loadSiteCharts } from '../../../site/stories.ts';

export async function getStaticPaths() {
  return (await loadSiteCharts()).flatMap((chart) =>
    IMAGE_LAYOUTS.map((layout) => ({
      params: { chart: chartPath(chart.spec), width: String(layout.width) },
      props: { chart, layout },
    })),
  );
}

export const GET: APIRoute<{ chart: SiteChart; layout: Layout }> = ({ props }) => {
  const input = chartGraphicInput(props.chart.spec, props.chart.aggregate, props.layout);
  return new Response(new Uint8Array(cachedPng('chart-graphic', input, () => chartGraphicJob(input))), { headers: { 'Content-Type': 'image/png' } });
};
