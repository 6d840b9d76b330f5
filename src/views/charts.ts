// The one place a chart is rendered (which charts each page shows: src/views/topics.ts). Pages
// embed `figure()`; the download endpoints (data/charts/<id>.csv|svg) enumerate `allCharts()`: the
// page, its table, its CSV and its SVG file all come from the same rendering of the same spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderChart } from '../charts/render.ts';
import { figureHtml } from '../charts/figure.ts';
import type { ChartSpec, RenderedChart } from '../charts/types.ts';
import { href } from './paths.ts';
import type { Project } from '../project/project.ts';
import { homeCharts, topicCharts, villageCharts } from './topics.ts';
import { timings } from '../project/timings.ts';

const registry = new WeakMap<Project, Map<string, ChartSpec | RenderedChart>>();

/** Every chart of the site, by id (report charts were rendered by the Markdown pipeline). */
export function allCharts(project: Project): Map<string, ChartSpec | RenderedChart> {
  const known = registry.get(project);
  if (known) return known;
  const all = new Map<string, ChartSpec | RenderedChart>();
  const add = (spec: ChartSpec) => all.set(spec.id, spec);
  homeCharts(project).forEach(add);
  for (const topic of project.topics) topicCharts(project, topic.slug).forEach(add);
  for (const v of project.tables.villages.rows) villageCharts(project, v.id).forEach(add);
  for (const report of project.reports) for (const chart of report.charts) all.set(chart.spec.id, chart);
  for (const chart of project.site.aboutPage.charts) all.set(chart.spec.id, chart);
  registry.set(project, all);
  return all;
}

/**
 * Where `npm run build` writes chart downloads: `data/charts/` of the folder Astro is building
 * (set by the build wrapper, src/cli/astro.mjs). Astro empties its output folder when it starts,
 * so the folder is made on the first write. Writing them
 * as each page renders its charts means every chart is drawn exactly once per build and no
 * rendered chart is kept in memory: 3,000 village pages × 3 charts stay cheap. In `npm run dev`
 * the endpoints in src/pages/data/charts/ serve them instead.
 */
const downloadDir = process.env.SITE_CHART_DIR;

let downloadDirMade = false;

function emitDownloads(chart: RenderedChart): void {
  if (!downloadDir) return;
  if (!downloadDirMade) {
    mkdirSync(downloadDir, { recursive: true, mode: 0o755 });
    downloadDirMade = true;
  }
  writeFileSync(path.join(downloadDir, `${chart.spec.id}.csv`), chart.csv);
  if (chart.svgFile !== '') writeFileSync(path.join(downloadDir, `${chart.spec.id}.svg`), chart.svgFile);
}

/** Render a spec (report charts arrive already rendered by the Markdown pipeline). */
export function render(spec: ChartSpec | RenderedChart): RenderedChart {
  if ('svgFile' in spec) return spec;
  const t = performance.now();
  const chart = renderChart(spec);
  const time = timings();
  time.chartMs += performance.now() - t;
  time.charts += 1;
  return chart;
}

/** Report and about-page charts were rendered with their Markdown: write their downloads too. */
export function emitCharts(charts: RenderedChart[]): void {
  charts.forEach(emitDownloads);
}

/** Whether the download endpoints should build files (dev) or the pages emit them (build). */
export const downloadsFromPages = Boolean(downloadDir);

export function chartLinks(id: string): { csvHref: string; svgHref: string } {
  return { csvHref: href(`data/charts/${id}.csv`), svgHref: href(`data/charts/${id}.svg`) };
}

/** The figure HTML of a chart on a page; in a build, its downloads are written alongside. */
export function figure(spec: ChartSpec | RenderedChart): string {
  const chart = render(spec);
  emitDownloads(chart);
  return figureHtml(chart, chartLinks(chart.spec.id));
}
