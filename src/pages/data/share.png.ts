// /data/share.png: the site's share picture (og:image of pages without a chart): its name and
// description, drawn like every picture (src/outputs/picture.ts).
import type { APIRoute } from 'astro';
import { getProject } from '../../build/current.ts';
import { sharePicture } from '../../views/sharePicture.ts';

export const GET: APIRoute = () => new Response(sharePicture(getProject()) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
