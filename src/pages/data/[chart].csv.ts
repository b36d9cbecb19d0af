// "Get the data": each chart's table as a CSV file next to the pages.
import type { APIRoute } from 'astro';
import { charts, renderChartCsv } from '../../charts/index.ts';
import { loadAggregates } from '../../site/data.ts';

export function getStaticPaths() {
  return [...charts.keys()].map((chart) => ({ params: { chart } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(renderChartCsv(params.chart!, loadAggregates()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
