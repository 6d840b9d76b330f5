// /data/charts/<id>.csv: exactly the rows a chart draws.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../build/current.ts';
import { chartFiles, chartPaths, downloadsFromPages } from '../../../views/chartOutput.ts';

// In `npm run build` the pages write these files as they render each chart (src/views/chartOutput.ts).
export const getStaticPaths: GetStaticPaths = () => (downloadsFromPages() ? [] : chartPaths(getProject()));

export const GET: APIRoute = ({ params }) => {
  const id = params.id!;
  const csv = chartFiles(getProject(), id).get(`${id}.csv`) as string;
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
