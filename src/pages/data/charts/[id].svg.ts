// /data/charts/<id>.svg: the chart as a standalone SVG file (xmlns and styles embedded).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../project/current.ts';
import { allCharts, downloadsFromPages, render } from '../../../views/charts.ts';

// In `npm run build` the pages write these files as they render each chart (src/views/charts.ts).
export const getStaticPaths: GetStaticPaths = () =>
  downloadsFromPages ? [] : [...allCharts(getProject()).values()]
    .map(render)
    .filter((chart) => chart.svgFile !== '')
    .map((chart) => ({ params: { id: chart.spec.id } }));

export const GET: APIRoute = ({ params }) => {
  const chart = render(allCharts(getProject()).get(params.id!)!);
  return new Response(chart.svgFile, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
