import type { APIRoute, GetStaticPaths } from 'astro';
import { css, cssFile } from '../../outputs/css.ts';

export const getStaticPaths: GetStaticPaths = () => [{ params: { file: cssFile } }];

export const GET: APIRoute = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
