// /data/releases.json (contract §6.3): the record of every release (number, date, months added,
// corrections), read back by the next build so that it carries the record on.
import type { APIRoute } from 'astro';
import { getProject } from '../../build/current.ts';
import { currentRelease } from '../../releases/current.ts';

export const GET: APIRoute = () => {
  const record = currentRelease(getProject()).plan?.record ?? { site: 'renju-huanjing-site', releases: [] };
  return new Response(`${JSON.stringify(record, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
