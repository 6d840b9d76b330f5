// /data/charts/<id>.csv: exactly the rows a chart draws.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../project/current.ts';
import { allCharts, downloadsFromPages, render } from '../../../views/charts.ts';

// In `npm run build` the pages write these files as they render each chart (src/views/charts.ts).
export const getStaticPaths: GetStaticPaths = () =>
  downloadsFromPages ? [] : [...allCharts(getProject()).keys()].map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params }) => {
  const chart = render(allCharts(getProject()).get(params.id!)!);
  return new Response(chart.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
