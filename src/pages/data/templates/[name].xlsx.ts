// /data/templates/<name>.xlsx: the same template as the CSV one, as an Excel workbook.
import type { APIRoute, GetStaticPaths } from 'astro';
import { registry as schemas } from '../../../data/registry.ts';
import { getProject } from '../../../build/current.ts';
import { templateXlsx, XLSX_TYPE } from '../../../outputs/datasetXlsx.ts';

export const getStaticPaths: GetStaticPaths = () => schemas.map((s) => ({ params: { name: s.name } }));

export const GET: APIRoute = ({ params }) => {
  const schema = schemas.find((s) => s.name === params.name)!;
  return new Response(templateXlsx(getProject().tables, schema), { headers: { 'Content-Type': XLSX_TYPE } });
};
