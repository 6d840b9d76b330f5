// Published photos: resized copies from the encoding cache (src/photos/process.ts), under their
// content-hashed names. Originals are never served.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../../../build/current.ts';
import { variantBytes, variantNames } from '../../../photos/process.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const names = new Set<string>();
  for (const source of getProject().photos.sources.values()) if (source.ok) for (const n of variantNames(source)) names.add(n);
  return [...names].sort().map((file) => ({ params: { file } }));
};

export const GET: APIRoute = async ({ params }) => {
  const name = String(params.file);
  const bytes = await variantBytes(getProject().photos, name);
  if (!bytes) return new Response('Not found', { status: 404 });
  const type = name.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
  return new Response(bytes, { headers: { 'Content-Type': type } });
};
