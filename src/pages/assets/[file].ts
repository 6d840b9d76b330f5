import type { APIRoute, GetStaticPaths } from 'astro';
import { css, cssFile } from '../../outputs/css.ts';
import { readAloudFile, readAloudJs } from '../../outputs/scripts.ts';

export const getStaticPaths: GetStaticPaths = () => [
  { params: { file: cssFile }, props: { body: css, type: 'text/css; charset=utf-8' } },
  { params: { file: readAloudFile }, props: { body: readAloudJs, type: 'text/javascript; charset=utf-8' } },
];

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
