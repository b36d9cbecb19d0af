// "Get the data": each chart's table as a CSV file next to the pages.
import type { APIRoute } from 'astro';
import { chartCsv } from '../../charts/index.ts';
import { chartPath, type SiteChart } from '../../site/charts.ts';
import { loadSiteCharts } from '../../site/stories.ts';

export async function getStaticPaths() {
  return (await loadSiteCharts()).map((chart) => ({ params: { chart: chartPath(chart.spec) }, props: { chart } }));
}

export const GET: APIRoute<{ chart: SiteChart }> = ({ props }) =>
  new Response(chartCsv(props.chart.spec, props.chart.aggregate), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
