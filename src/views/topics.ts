// The topic registry: one entry per topic page (/cleanup/, /construction/, /toilets/, /ranking/).
// Navigation, the topic pages, the charts of the home, topic and village pages, `npm run check`'s
// chart ids and the chart downloads all read these entries; a topic whose dataset file is absent
// is not among `topicsOf(tables)`, hence no page, no link and no charts (contract §2).
import type { TableKey } from '../data/registry.ts';
import type { Scope, Tables } from '../data/types.ts';
import type { ChartSpec } from '../charts/types.ts';
import { presentCleanupMetrics } from '../metrics/cleanup.ts';
import { absentPresetDataset, cleanupMetricMonthly, presetId, presetSpec, type PresetName } from '../presets/presets.ts';
import type { Project } from '../project/project.ts';
import { columnKpi, kpisFor, type AnyColumnKpi, type Kpi, type KpiKey } from './kpis.ts';
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
  /**
   * the topic page's KPI cards in this order: a key of src/views/kpis.ts, or a quantity column of a
   * monthly dataset (`{ dataset: 'sewage', column: 'treated' }`: its label and unit are the column's)
   */
  kpis: readonly (KpiKey | AnyColumnKpi)[];
  /** the lead paragraph under the title (the default body shows it) */
  lead?: string;
  /** the page prints as a sheet (head with QR code, foot with signature lines) */
  printSheet: boolean;
  /**
   * The page body, a file in src/components/topics/. Named rather than imported: the registry is
   * loaded outside Vite too (`npm run check`, unit tests), where `.astro` files cannot be imported.
   * Default: MonthlyTopic.astro, the body of a monthly dataset of flows (src/views/monthlyTopic.ts).
   */
  body?: `${string}Topic.astro`;
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
    lead: '“三清二改一管护”：清理垃圾、清理塘沟、清理废弃物，改美庭院、改好习惯，管护村庄环境。',
    printSheet: false,
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

/** The body of a topic without its own: a monthly dataset's KPIs, charts and tables (src/views/monthlyTopic.ts). */
export const MONTHLY_BODY = 'MonthlyTopic.astro';

/** The file in src/components/topics/ that renders a topic's page body. */
export function bodyOf(topic: TopicEntry): `${string}Topic.astro` {
  return topic.body ?? MONTHLY_BODY;
}

/** Every topic, in navigation order, whether or not its dataset is present. */
export const topicRegistry: readonly Topic[] = topicEntries;

/** The topics whose dataset file is present, in navigation order (the topic pages). */
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
  return topic.kpis.flatMap((key) => {
    if (typeof key !== 'string') return columnKpi(project.tables, site, key) ?? [];
    return all.filter((kpi) => kpi.key === key);
  });
}

/** Each present topic's overview presets: drawn site-wide on the home page and on every village page. */
export function villageChartNames(project: Project): PresetName[] {
  return drawable(project.tables, topicsOf(project.tables).flatMap((topic) => topic.overview));
}

export function homeCharts(project: Project): ChartSpec[] {
  return presets(project.tables, villageChartNames(project), site);
}

export function villageCharts(project: Project, villageId: string): ChartSpec[] {
  return villageChartNames(project).map((name) => villageChart(project.tables, name, villageId));
}

/** One overview preset narrowed to a village, drawn small. */
function villageChart(tables: Tables, name: PresetName, villageId: string): ChartSpec {
  return { ...presetSpec(tables, name, { kind: 'village', village: villageId }), compact: true };
}

/** A township page's charts: each present topic's township presets, narrowed to the township. */
export function townshipCharts(project: Project, township: string): ChartSpec[] {
  const names = drawable(project.tables, topicsOf(project.tables).flatMap((topic) => topic.township));
  return presets(project.tables, names, { kind: 'township', township }).map((spec) => ({ ...spec, compact: true }));
}

/** One chart of the site: its id, where a problem with the id is reported, and its spec when asked. */
export interface SiteChart {
  id: string;
  /** the file a problem with the id is reported at */
  path: string;
  /** what the chart is, in Chinese, for that message */
  what: string;
  spec: () => ChartSpec;
}

/**
 * Every chart of the site, in one list: the home, topic, village, township, report and about pages'.
 * `npm run check` verifies the ids (chartIdSources) without computing a village chart's rows, and
 * the download endpoints serve the specs (allCharts in src/views/chartOutput.ts). The home page and
 * the topic pages share some charts (the same spec, one download).
 */
export function siteCharts(project: Project): SiteChart[] {
  const out: SiteChart[] = [];
  const { tables } = project;
  const drawn = (path: string, what: string) => (spec: ChartSpec) => out.push({ id: spec.id, path, what, spec: () => spec });
  homeCharts(project).forEach(drawn('data/', '全站图表'));
  for (const topic of topicsOf(tables)) topicCharts(project, topic.slug).forEach(drawn('data/', '全站图表'));
  const names = villageChartNames(project);
  for (const v of tables.villages.rows) {
    for (const name of names) {
      const id = presetId(tables, name, { kind: 'village', village: v.id });
      out.push({ id, path: 'data/villages.csv', what: `村 "${v.id}" 的图表`, spec: () => villageChart(tables, name, v.id) });
    }
  }
  for (const township of townshipSlugs(tables).keys()) townshipCharts(project, township).forEach(drawn('data/villages.csv', `乡镇 "${township}" 的图表`));
  for (const report of project.reports) for (const chart of report.charts) drawn(report.file, '图表')(chart.spec);
  for (const chart of project.site.aboutPage.charts) drawn('content/site.md', '图表')(chart.spec);
  return out;
}

/** Every chart id of the site with where it comes from, without drawing anything: what `npm run check` verifies. */
export function chartIdSources(project: Project): { id: string; path: string; what: string }[] {
  return siteCharts(project).map(({ id, path, what }) => ({ id, path, what }));
}
