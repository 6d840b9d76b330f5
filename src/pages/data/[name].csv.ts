// /data/<name>.csv: each dataset, normalised, UTF-8 with BOM and Chinese headers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../build/current.ts';
import { openDatasets } from '../../outputs/datasets.ts';
import { datasetCsv } from '../../outputs/datasetCsv.ts';

export const getStaticPaths: GetStaticPaths = () =>
  openDatasets(getProject().tables).map((d) => ({ params: { name: d.name }, props: { name: d.name } }));

export const GET: APIRoute = ({ props }) => {
  const { tables } = getProject();
  const d = openDatasets(tables).find((x) => x.name === props.name)!;
  return new Response(datasetCsv(tables, d.dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
