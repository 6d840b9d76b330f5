// /data/charts/<id>.png: the chart's picture to share (contract §6.2), drawn from the same parts as
// its SVG file (src/outputs/picture.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../build/current.ts';
import { chartFiles, chartPaths, downloadsFromPages } from '../../../views/chartOutput.ts';

// In `npm run build` the pages write these files as they render each chart (src/views/chartOutput.ts).
// A table-only chart has no picture.
export const getStaticPaths: GetStaticPaths = () => (downloadsFromPages() ? [] : chartPaths(getProject(), true));

export const GET: APIRoute = ({ params }) => {
  const id = params.id!;
  const png = chartFiles(getProject(), id, true).get(`${id}.png`) as Uint8Array;
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
