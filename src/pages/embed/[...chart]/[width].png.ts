// The chart as a PNG at phone and desktop width: embed/<id>/320.png and 640.png.
import type { APIRoute } from 'astro';
import type { Layout } from '../../../charts/index.ts';
import { chartGraphicInput, IMAGE_LAYOUTS } from '../../../embed/images.ts';
import { chartGraphicJob, type ChartGraphicInput } from '../../../share/chart-graphic.ts';
import type { PngJob } from '../../../share/png.ts';
import { chartPath, type SiteChart } from '../../../site/charts.ts';
import { cachedPng, prefetchPng } from '../../../site/png-cache.ts';
import { loadSiteCharts } from '../../../site/stories.ts';

type Picture = readonly ['chart-graphic', ChartGraphicInput, () => PngJob];

/** Each chart's picture at each width, composed once: a build prefetches it, then its route asks for it. */
const pictures = new WeakMap<SiteChart, Map<Layout, Picture>>();

function picture(chart: SiteChart, layout: Layout): Picture {
  let byLayout = pictures.get(chart);
  if (!byLayout) pictures.set(chart, (byLayout = new Map()));
  let known = byLayout.get(layout);
  if (!known) {
    const input = chartGraphicInput(chart.spec, chart.aggregate, layout);
    byLayout.set(layout, (known = ['chart-graphic', input, () => chartGraphicJob(input)]));
  }
  return known;
}

export async function getStaticPaths() {
  const charts = await loadSiteCharts();
  // A build draws every picture; the dev server only those a reader opens.
  if (import.meta.env.PROD) for (const chart of charts) for (const layout of IMAGE_LAYOUTS) prefetchPng(...picture(chart, layout));
  return charts.flatMap((chart) =>
    IMAGE_LAYOUTS.map((layout) => ({
      params: { chart: chartPath(chart.spec), width: String(layout.width) },
      props: { chart, layout },
    })),
  );
}

export const GET: APIRoute<{ chart: SiteChart; layout: Layout }> = async ({ props }) => {
  const png = await cachedPng(...picture(props.chart, props.layout));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
