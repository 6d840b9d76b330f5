// Which charts each page shows, and the one place a chart is rendered. Pages embed `figure()`;
// the download endpoints (data/charts/<id>.csv|svg) enumerate `allCharts()`: the page, its table,
// its CSV and its SVG file all come from the same rendering of the same spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderChart } from '../charts/render.ts';
import { figureHtml } from '../charts/figure.ts';
import { cleanupMetricMonthly, presetId, presetSpec, type PresetName } from '../presets/presets.ts';
import type { ChartSpec, RenderedChart } from '../charts/types.ts';
import type { Scope } from '../data/types.ts';
import { presentCleanupMetrics } from '../metrics/cleanup.ts';
import { href } from './paths.ts';
import type { Project, TopicSlug } from '../project/project.ts';
import { timings } from '../project/timings.ts';

const site: Scope = { kind: 'site' };

function presets(project: Project, names: PresetName[], scope: Scope): ChartSpec[] {
  return names.map((name) => presetSpec(project.tables, name, scope));
}

export function homeCharts(project: Project): ChartSpec[] {
  const { tables } = project;
  const names: PresetName[] = [];
  if (tables.cleanup) names.push('cleanup-monthly');
  if (tables.toilets) names.push('toilet-coverage');
  return presets(project, names, site);
}

export function topicCharts(project: Project, topic: TopicSlug): ChartSpec[] {
  const { tables } = project;
  switch (topic) {
    case 'cleanup': {
      const extra = presentCleanupMetrics(tables)
        .filter((m) => m !== 'garbage_t')
        .map((m) => cleanupMetricMonthly(tables, site, m));
      return [...presets(project, ['cleanup-monthly', 'cleanup-by-village'], site), ...extra];
    }
    case 'construction':
      return tables.constructionItems ? presets(project, ['construction-progress'], site) : [];
    case 'toilets':
      return presets(project, ['toilet-coverage', 'public-toilets'], site);
    case 'ranking':
      return presets(project, ['inspection-ranking'], site);
  }
}

/** The presets drawn on every village page. */
export function villageChartNames(project: Project): PresetName[] {
  const { tables } = project;
  const names: PresetName[] = [];
  if (tables.cleanup) names.push('cleanup-monthly');
  if (tables.toilets) names.push('toilet-coverage');
  // A village's scores and ranks are a table (历月考评名次) and its construction points are listed
  // with progress bars (PointList): charts for those would repeat the same figures, and every
  // chart drawn costs build time on thousands of village pages.
  return names;
}

export function villageCharts(project: Project, villageId: string): ChartSpec[] {
  const scope: Scope = { kind: 'village', village: villageId };
  return presets(project, villageChartNames(project), scope).map((spec) => ({ ...spec, compact: true }));
}

/**
 * Every chart id of the site with where it comes from, without drawing anything (village charts
 * by their id alone): what `npm run check` verifies so that the build cannot fail on an id.
 */
export function chartIdSources(project: Project): { id: string; path: string; what: string }[] {
  const out: { id: string; path: string; what: string }[] = [];
  // the home page and the topic pages share some charts (the same spec, one download)
  for (const spec of homeCharts(project)) out.push({ id: spec.id, path: 'data/', what: '全站图表' });
  for (const topic of project.topics) for (const spec of topicCharts(project, topic.slug)) out.push({ id: spec.id, path: 'data/', what: '全站图表' });
  const names = villageChartNames(project);
  for (const v of project.tables.villages.rows) {
    for (const name of names) {
      out.push({ id: presetId(project.tables, name, { kind: 'village', village: v.id }), path: 'data/villages.csv', what: `村 "${v.id}" 的图表` });
    }
  }
  for (const report of project.reports) for (const chart of report.charts) out.push({ id: chart.spec.id, path: report.file, what: '图表' });
  for (const chart of project.site.aboutPage.charts) out.push({ id: chart.spec.id, path: 'content/site.md', what: '图表' });
  return out;
}

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
