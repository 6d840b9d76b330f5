// /rss.xml: the reports, with absolute links from site.md's `url`. Without `url` there is no
// feed (links must be absolute) and `npm run check` warns.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProject } from '../build/current.ts';
import { encodePath } from '../paths.ts';
import { correctionItems } from '../releases/feed.ts';
import { bulletinEntries } from '../views/bulletin.ts';
import { xmlSafe } from '../charts/escape.ts';

// A dynamic route only so that the file can be left out when site.md has no `url`.
export const getStaticPaths: GetStaticPaths = () => (getProject().site.url ? [{ params: { feed: 'rss' } }] : []);

export const GET: APIRoute = async () => {
  const project = getProject();
  const { site, reports } = project;
  const url = site.url!;
  const root = url.endsWith('/') ? url : `${url}/`;
  const response = await rss({
    title: site.title,
    description: site.description ?? site.title,
    site: root,
    items: reports.map((r) => ({
      title: r.title,
      pubDate: new Date(`${r.date}T00:00:00+08:00`),
      description: r.summary ?? undefined,
      link: new URL(`reports/${encodePath(r.slug)}/`, root).href,
    })).concat(bulletinEntries(project).map((b) => ({
      // the month's 通报 (contract §6.1)
      title: b.title,
      pubDate: new Date(`${b.date}T00:00:00+08:00`),
      description: undefined,
      link: new URL(b.path, root).href,
    }))).concat(correctionItems(project, root)) // 数据更正 (contract §6.3)
      .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()),
    customData: '<language>zh-cn</language>',
  });
  // Feed readers reject a feed that is not well-formed XML as a whole: whatever text reached it
  // (a title, a data value), no character XML forbids is written.
  return new Response(xmlSafe(await response.text()), { headers: response.headers });
};
