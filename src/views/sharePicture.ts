// The pictures that are not a page's chart: the site's share picture and a month's 红黑榜.
import { formatMonth } from '../format.ts';
import { pngOf, textPictureSvg } from '../outputs/picture.ts';
import type { Project } from '../project/project.ts';
import { readConfig } from '../config.mjs';
import { hongheiSpec } from './bulletin.ts';
import { chartLinks, pictureContext, renderFigure } from './chartOutput.ts';

export function sharePicture(project: Project): Buffer {
  const { site, asOf } = project;
  const lines = [site.description ?? '', asOf ? `数据截至 ${formatMonth(asOf)}` : ''].filter(Boolean);
  return pngOf(textPictureSvg(site.title, lines, site.organization ?? site.title), readConfig().pictureCacheDir);
}

/** /ranking/<YYYY-MM>/honghei.png: the month's 红黑榜 chart, drawn from its spec like every chart. */
export function hongheiPicture(project: Project, month: string): Uint8Array | null {
  const spec = hongheiSpec(project, month);
  const files = new Map<string, string | Uint8Array>();
  // drawn here, not left for the picture workers: an endpoint returns its file (one per month)
  renderFigure(spec, { write: (file, data) => files.set(file, data), links: chartLinks(project.base), picture: { ...pictureContext(project), pendingDir: null } });
  return (files.get(`${spec.id}.png`) as Uint8Array | undefined) ?? null;
}
