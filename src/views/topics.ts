// The topic registry: one entry per topic page (/cleanup/, /construction/, /toilets/, /ranking/).
// Navigation, the topic pages, the charts of the home, topic and village pages, `npm run check`'s
// chart ids and the chart downloads all read these entries; a topic whose dataset file is absent
// has no entry in `project.topics`, hence no page, no link and no charts (contract §2).
import type { TableKey } from '../data/registry.ts';
import type { Scope, Tables } from '../data/types.ts';
import type { ChartSpec } from '../charts/types.ts';
import { presentCleanupMetrics } from '../metrics/cleanup.ts';
import { absentPresetDataset, cleanupMetricMonthly, presetId, presetSpec, type PresetName } from '../presets/presets.ts';
import type { Project } from '../project/project.ts';
import { kpisFor, type Kpi, type KpiKey } from './kpis.ts';
import { townshipSlugs } from './townships.ts';

export interface TopicEntry<Slug extends string = string> {
  slug: Slug;
  /** the navigation label */
  label: string;
  /** the page's title and h1 */
  title: string;
  /** the dataset whose file makes the topic appear */
  requires: TableKey;
  /** the topic page's preset charts, site-wide; a preset whose dataset is absent is left out */
  charts: readonly PresetName[];
  /** charts beyond the presets (one per further cleanup metric present in the file) */
  extraCharts?: (tables: Tables, scope: Scope) => ChartSpec[];
  /** the topic's chart on the home page and, narrowed to the village, on every village page */
  overview: readonly PresetName[];
  /** the topic's charts narrowed to the township on each township page (§3.11) */
  township: readonly PresetName[];
  /** the topic page's KPI cards, by key, in this order */
  kpis: readonly KpiKey[];
  /** the page prints as a sheet (head with QR code, foot with signature lines) */
  printSheet: boolean;
  /**
   * The page body, a file in src/components/topics/. Named rather than imported: the registry is
   * loaded outside Vite too (`npm run check`, unit tests), where `.astro` files cannot be imported.
   */
  body: `${string}Topic.astro`;
}

const site: Scope = { kind: 'site' };

const topicEntries = [
  {
    slug: 'cleanup',
    label: '村庄清洁',
    title: '村庄清洁行动',
    requires: 'cleanup',
    charts: ['cleanup-monthly', 'cleanup-by-village'],
    // garbage is the first preset already
    extraCharts: (tables, scope) => presentCleanupMetrics(tables)
      .filter((m) => m !== 'garbage_t')
      .map((m) => cleanupMetricMonthly(tables, scope, m)),
    overview: ['cleanup-monthly'],
    township: ['cleanup-monthly', 'cleanup-by-village'],
    kpis: ['garbage', 'ditches', 'piles', 'structures', 'cleanup_spending'],
    printSheet: false,
    body: 'CleanupTopic.astro',
  },
  {
    slug: 'construction',
    label: '新农村建设',
    title: '新农村建设',
    requires: 'constructionPoints',
    // needs construction-items.csv too (presetDatasets); points alone are listed with progress bars
    charts: ['construction-progress'],
    // A village's construction points are listed with progress bars (PointList) and its scores and
    // ranks are a table: charts for those would repeat the same figures, and every chart drawn
    // costs build time on thousands of village pages.
    overview: [],
    township: ['construction-progress'],
    kpis: ['construction_points', 'construction_investment', 'beneficiaries'],
    printSheet: false,
    body: 'ConstructionTopic.astro',
  },
  {
    slug: 'toilets',
    label: '厕所革命',
    title: '厕所革命',
    requires: 'toilets',
    charts: ['toilet-coverage', 'public-toilets'],
    overview: ['toilet-coverage'],
    township: ['toilet-coverage'],
    kpis: ['toilet_coverage', 'toilet_conversions', 'public_toilets'],
    printSheet: false,
    body: 'ToiletsTopic.astro',
  },
  {
    slug: 'ranking',
    label: '考评排名',
    title: '月度考评排名',
    requires: 'inspections',
    charts: ['inspection-ranking'],
    overview: [],
    // the township page shows its villages' ranking as a table
    township: [],
    kpis: [],
    printSheet: true,
    body: 'RankingTopic.astro',
  },
] as const satisfies readonly TopicEntry[];

export type TopicSlug = (typeof topicEntries)[number]['slug'];

export type Topic = TopicEntry<TopicSlug>;

/** Every topic, in navigation order, whether or not its dataset is present. */
export const topicRegistry: readonly Topic[] = topicEntries;

/** The topics whose dataset file is present, in navigation order (`project.topics`). */
export function topicsOf(tables: Tables): Topic[] {
  return topicRegistry.filter((topic) => tables[topic.requires] !== null);
}

export function topicBySlug(slug: TopicSlug): Topic {
  return topicRegistry.find((topic) => topic.slug === slug)!;
}

/** A preset is drawn only while the dataset it needs is present. */
function drawable(tables: Tables, names: readonly PresetName[]): PresetName[] {
  return names.filter((name) => absentPresetDataset(tables, name) === undefined);
}

function presets(tables: Tables, names: readonly PresetName[], scope: Scope): ChartSpec[] {
  return drawable(tables, names).map((name) => presetSpec(tables, name, scope));
}

/** The topic page's charts. */
export function topicCharts(project: Project, slug: TopicSlug): ChartSpec[] {
  const topic = topicBySlug(slug);
  const { tables } = project;
  return [...presets(tables, topic.charts, site), ...(topic.extraCharts?.(tables, site) ?? [])];
}

/** The topic page's KPI cards, in the entry's order. */
export function topicKpis(project: Project, slug: TopicSlug): Kpi[] {
  const topic = topicBySlug(slug);
  const all = kpisFor(project.tables, site);
  return topic.kpis.flatMap((key) => all.filter((kpi) => kpi.key === key));
}

/** Each present topic's overview presets: drawn site-wide on the home page and on every village page. */
export function villageChartNames(project: Project): PresetName[] {
  return drawable(project.tables, project.topics.flatMap((topic) => topic.overview));
}

export function homeCharts(project: Project): ChartSpec[] {
  return presets(project.tables, villageChartNames(project), site);
}

export function villageCharts(project: Project, villageId: string): ChartSpec[] {
  const scope: Scope = { kind: 'village', village: villageId };
  return presets(project.tables, villageChartNames(project), scope).map((spec) => ({ ...spec, compact: true }));
}

/** A township page's charts: each present topic's township presets, narrowed to the township. */
export function townshipCharts(project: Project, township: string): ChartSpec[] {
  const names = drawable(project.tables, project.topics.flatMap((topic) => topic.township));
  return presets(project.tables, names, { kind: 'township', township }).map((spec) => ({ ...spec, compact: true }));
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
  for (const township of townshipSlugs(project.tables).keys()) {
    for (const spec of townshipCharts(project, township)) out.push({ id: spec.id, path: 'data/villages.csv', what: `乡镇 "${township}" 的图表` });
  }
  for (const report of project.reports) for (const chart of report.charts) out.push({ id: chart.spec.id, path: report.file, what: '图表' });
  for (const chart of project.site.aboutPage.charts) out.push({ id: chart.spec.id, path: 'content/site.md', what: '图表' });
  return out;
}
