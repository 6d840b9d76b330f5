// The one path from a chart spec to what readers get: `renderFigure` draws a spec once, hands its
// download files (data/charts/<id>.csv and .svg) to a writer and returns the <figure> HTML with
// links to them. Topic, village, home, report and about pages and the download endpoints all call
// it; the writer and the link builder are passed in, so nothing here reads the environment.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderChart } from '../charts/render.ts';
import { figureHtml } from '../charts/figureHtml.ts';
import type { ChartSpec } from '../charts/types.ts';
import { readConfig, type SiteConfig } from '../config.mjs';
import type { Project } from '../project/project.ts';
import { timings } from '../project/timings.ts';
import { siteCharts } from './topics.ts';
import { pictureSvg, pngOf, type PictureContext } from '../outputs/picture.ts';
import { href } from '../paths.ts';
import { pageCache, renderKey, type RenderCache } from './renderCache.ts';

/** Receives one download file of a chart: `<id>.csv` always, `<id>.svg` and `<id>.png` for a drawn chart. */
export type DownloadWriter = (file: string, text: string | Uint8Array) => void;

/** The addresses of a chart's downloads. */
export type ChartLinks = (id: string) => { csvHref: string; svgHref: string; pngHref?: string };

export interface FigureOptions {
  write: DownloadWriter;
  links: ChartLinks;
  /** draw the chart's PNG picture too (contract §6.2) */
  picture?: PictureContext;
  /**
   * a chart met again in this build (a village's, in its print job and on its page) is drawn
   * once: its files are written the first time, the <figure> comes from the cache the second
   */
  cache?: RenderCache;
}

/** Draw a chart: its files go to `write`, its <figure> links to `links`. */
export function renderFigure(spec: ChartSpec, options: FigureOptions): string {
  const { cache, links, picture } = options;
  if (!cache) return drawFigure(spec, options);
  const key = renderKey('figure', { spec, links: links(spec.id), picture: picture ?? null });
  const known = cache.take(key);
  if (known !== undefined) {
    timings().figuresReused = (timings().figuresReused ?? 0) + 1;
    return known;
  }
  const html = drawFigure(spec, options);
  cache.put(key, html);
  return html;
}

function drawFigure(spec: ChartSpec, { write, links, picture }: FigureOptions): string {
  const started = performance.now();
  const chart = renderChart(spec);
  const time = timings();
  time.chartMs += performance.now() - started;
  time.charts += 1;
  write(`${spec.id}.csv`, chart.csv);
  if (chart.svgFile !== '') write(`${spec.id}.svg`, chart.svgFile);
  if (picture && chart.pictureParts) {
    const svg = pictureSvg(chart.pictureParts, picture);
    if (picture.pendingDir !== null) {
      // Drawn after Astro, in a process of its own (src/cli/pictures.ts): resvg's memory lives
      // outside V8's heap and is freed only by finalizers that a long page render never lets run.
      directoryWriter(picture.pendingDir)(`${spec.id}.svg`, svg);
    } else {
      const drawing = performance.now();
      write(`${spec.id}.png`, pngOf(svg, picture.cacheDir));
      time.pictureMs = (time.pictureMs ?? 0) + performance.now() - drawing;
      time.pictures = (time.pictures ?? 0) + 1;
    }
  }
  return figureHtml(chart, links(spec.id));
}

/** What a project's pictures carry: its name and 数据截至, and the cache folder. */
export function pictureContext(project: Project, config: SiteConfig = readConfig()): PictureContext {
  return { site: project.site.title, asOf: project.asOf, cacheDir: config.pictureCacheDir, pendingDir: config.pictureDir };
}

/** A chart's picture address, site-relative (`data/charts/<id>.png`), for og:image. */
export function picturePath(id: string): string {
  return `data/charts/${id}.png`;
}

/** Links under a site base (`/`, `/town/`). */
export function chartLinks(base: string): ChartLinks {
  return (id) => ({ csvHref: href(`data/charts/${id}.csv`, base), svgHref: href(`data/charts/${id}.svg`, base), pngHref: href(picturePath(id), base) });
}

/** Write into a folder, made on the first write (Astro empties its output folder when it starts). */
export function directoryWriter(dir: string): DownloadWriter {
  return (file, text) => {
    try {
      writeFileSync(path.join(dir, file), text);
    } catch {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      writeFileSync(path.join(dir, file), text);
    }
  };
}

const noDownloads: DownloadWriter = () => {};

/**
 * How the pages draw figures. In `npm run build` (SITE_CHART_DIR set by src/cli/astro.mjs) each page
 * writes the downloads of the charts it shows, so every chart is drawn exactly once per build and
 * no drawn chart is kept in memory (3,000 village pages × 2 charts stay cheap). Otherwise the
 * endpoints in src/pages/data/charts/ serve them (`npm run dev`, a plain `astro build`).
 */
export function pageFigures(project: Project, config: SiteConfig = readConfig()): FigureOptions {
  return {
    write: config.chartDir === null ? noDownloads : directoryWriter(config.chartDir),
    links: chartLinks(project.base),
    // Without SITE_CHART_DIR the endpoint draws the picture (src/pages/data/charts/[id].png.ts).
    ...(config.chartDir !== null ? { picture: pictureContext(project, config) } : {}),
    ...(config.renderCacheDir !== null ? { cache: pageCache(config) } : {}),
  };
}

/** Whether the pages write the chart downloads (a build through src/cli/astro.mjs). */
export function downloadsFromPages(config: SiteConfig = readConfig()): boolean {
  return config.chartDir !== null;
}

const chartsOfProject = new WeakMap<Project, Map<string, ChartSpec>>();

/** Every chart of the site, by id: what the download endpoints enumerate. */
export function allCharts(project: Project): Map<string, ChartSpec> {
  const known = chartsOfProject.get(project);
  if (known) return known;
  const all = new Map<string, ChartSpec>();
  for (const chart of siteCharts(project)) all.set(chart.id, chart.spec());
  chartsOfProject.set(project, all);
  return all;
}

/**
 * The download endpoints' paths (src/pages/data/charts/): every chart of the project, or with
 * `drawn` only those with an SVG drawing (a table-only chart has no SVG file and no picture).
 */
export function chartPaths(project: Project, drawn = false): { params: { id: string } }[] {
  return [...allCharts(project).keys()]
    .filter((id) => !drawn || chartFiles(project, id).has(`${id}.svg`))
    .map((id) => ({ params: { id } }));
}

/** A chart's download files by name, drawn by renderFigure (the endpoints serve them). */
export function chartFiles(project: Project, id: string, withPicture = false): Map<string, string | Uint8Array> {
  const spec = allCharts(project).get(id);
  const files = new Map<string, string | Uint8Array>();
  const picture = withPicture ? { picture: { ...pictureContext(project), pendingDir: null } } : {};
  if (spec) renderFigure(spec, { write: (file, text) => files.set(file, text), links: chartLinks(project.base), ...picture });
  return files;
}
