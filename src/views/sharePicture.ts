// The pictures that are not a page's chart: the site's share picture and a month's 红黑榜.
import { renderChart } from '../charts/render.ts';
import { formatMonth } from '../format.ts';
import { pictureSvg, pngOf, textPictureSvg } from '../outputs/picture.ts';
import type { Project } from '../project/project.ts';
import { readConfig } from '../project/config.mjs';
import { hongheiSpec } from './bulletin.ts';
import { pictureContext } from './figures.ts';

export function sharePicture(project: Project): Buffer {
  const { site, asOf } = project;
  const lines = [site.description ?? '', asOf ? `数据截至 ${formatMonth(asOf)}` : ''].filter(Boolean);
  return pngOf(textPictureSvg(site.title, lines, site.organization ?? site.title), readConfig().pictureCacheDir);
}

/** /ranking/<YYYY-MM>/honghei.png: the month's 红黑榜 chart, drawn from its spec like every chart. */
export function hongheiPicture(project: Project, month: string): Buffer | null {
  const chart = renderChart(hongheiSpec(project, month));
  if (!chart.pictureParts) return null;
  const context = pictureContext(project);
  return pngOf(pictureSvg(chart.pictureParts, context), context.cacheDir);
}
