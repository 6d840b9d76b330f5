// /data/releases/<n>/<name>.csv (contract §6.3): every release's datasets as published. This
// build's files are its own CSV downloads; earlier ones are the previous site's bytes, unchanged.
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../../build/current.ts';
import { currentRelease } from '../../../../releases/current.ts';

export const getStaticPaths: GetStaticPaths = () =>
  (currentRelease(getProject()).plan?.record.releases ?? []).flatMap((r) =>
    r.datasets.map((name) => ({ params: { n: String(r.number), name }, props: { n: r.number, name } })));

export const GET: APIRoute = ({ props }) => {
  const source = currentRelease(getProject()).plan!.source(props.n as number, props.name as string);
  const body = 'text' in source ? source.text : readFileSync(source.file);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
