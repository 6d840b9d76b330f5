// /data/templates/<name>.csv: a blank file with the Chinese headers, for staff to fill in.
import type { APIRoute, GetStaticPaths } from 'astro';
import { schemas } from '../../../data/schemas.ts';
import { templateCsv } from '../../../build/datasetCsv.ts';

export const getStaticPaths: GetStaticPaths = () => schemas.map((s) => ({ params: { name: s.name } }));

export const GET: APIRoute = ({ params }) => {
  const schema = schemas.find((s) => s.name === params.name)!;
  return new Response(templateCsv(schema), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
