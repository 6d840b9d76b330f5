// /rss.xml: the reports, with absolute links from site.md's `url` (without it, RSS is not built
// and `npm run check` warns).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getProject } from '../build/project.ts';
import { encodePath } from '../build/paths.ts';

export const GET: APIRoute = () => {
  const { site, reports } = getProject();
  const root = site.url ? (site.url.endsWith('/') ? site.url : `${site.url}/`) : 'http://localhost/';
  return rss({
    title: site.title,
    description: site.description ?? site.title,
    site: root,
    items: reports.map((r) => ({
      title: r.title,
      pubDate: new Date(`${r.date}T00:00:00+08:00`),
      description: r.summary ?? undefined,
      link: new URL(`reports/${encodePath(r.slug)}/`, root).href,
    })),
    customData: '<language>zh-cn</language>',
  });
};
