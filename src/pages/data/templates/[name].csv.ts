// /data/templates/<name>.csv: the Chinese headers, and for monthly datasets one row per village
// with 月份 and 村 filled in for the next month, for staff to fill in.
import type { APIRoute, GetStaticPaths } from 'astro';
import { registry as schemas } from '../../../data/registry.ts';
import { getProject } from '../../../build/current.ts';
import { templateCsv } from '../../../outputs/datasetXlsx.ts';

export const getStaticPaths: GetStaticPaths = () => schemas.map((s) => ({ params: { name: s.name } }));

export const GET: APIRoute = ({ params }) => {
  const schema = schemas.find((s) => s.name === params.name)!;
  return new Response(templateCsv(getProject().tables, schema), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
