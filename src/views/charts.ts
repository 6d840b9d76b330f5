// Which charts each page shows, as specs; src/views/figures.ts draws them.
import { cleanupMetricMonthly, presetId, presetSpec, type PresetName } from '../presets/presets.ts';
import type { ChartSpec } from '../charts/types.ts';
import type { Scope } from '../data/types.ts';
import { presentCleanupMetrics } from '../metrics/cleanup.ts';
import type { Project, TopicSlug } from '../project/project.ts';

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
