// /data/<name>.xlsx: each dataset as an Excel workbook (the same rows as /data/<name>.csv).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../build/current.ts';
import { openDatasets } from '../../outputs/datasets.ts';
import { datasetXlsx, XLSX_TYPE } from '../../outputs/datasetXlsx.ts';

export const getStaticPaths: GetStaticPaths = () =>
  openDatasets(getProject().tables).map((d) => ({ params: { name: d.name }, props: { name: d.name } }));

export const GET: APIRoute = ({ props }) => {
  const { tables } = getProject();
  const d = openDatasets(tables).find((x) => x.name === props.name)!;
  return new Response(datasetXlsx(tables, d.dataset, d.title), { headers: { 'Content-Type': XLSX_TYPE } });
};
