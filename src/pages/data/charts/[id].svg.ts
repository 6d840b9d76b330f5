// /data/charts/<id>.svg: the chart as a standalone SVG file (xmlns and styles embedded).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../build/current.ts';
import { chartFiles, chartPaths, downloadsFromPages } from '../../../views/chartOutput.ts';

// In `npm run build` the pages write these files as they render each chart (src/views/chartOutput.ts).
// A table-only chart has no SVG file.
export const getStaticPaths: GetStaticPaths = () => (downloadsFromPages() ? [] : chartPaths(getProject(), true));

export const GET: APIRoute = ({ params }) => {
  const id = params.id!;
  const svg = chartFiles(getProject(), id).get(`${id}.svg`) as string;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
