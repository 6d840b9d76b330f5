// /ranking/<YYYY-MM>/honghei.png: the month's 红黑榜 picture (contract §6.2).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../build/current.ts';
import { bulletinMonths, bulletin } from '../../../views/bulletin.ts';
import { hongheiPicture } from '../../../views/sharePicture.ts';

// A month with 红榜 and 黑榜 both hidden (red_list: 0, black_list: 0) has no picture.
export const getStaticPaths: GetStaticPaths = () => {
  const project = getProject();
  return bulletinMonths(project.tables)
    .filter((month) => { const b = bulletin(project, month); return b.red.length + b.black.length > 0; })
    .map((month) => ({ params: { month } }));
};

export const GET: APIRoute = ({ params }) =>
  new Response(hongheiPicture(getProject(), params.month!) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
