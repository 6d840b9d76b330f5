// The site's own charts (contract §4.1 `preset:`), as rows → ChartSpec. Topic pages, village pages
// and Markdown `preset:` blocks all call these, so a chart looks the same wherever it appears.
import type { Month, Quantity, Scope, Tables, Target } from '../data/types.ts';
import type { CleanupMetric } from '../metrics/cleanup.ts';
import { columnByMonth, columnByVillage, type QuantityColumn } from '../metrics/columnSums.ts';
import { coverageByMonth, publicToiletsByMonth } from '../metrics/coverage.ts';
import { latestMonths } from '../metrics/months.ts';
import { pointsProgress } from '../metrics/progress.ts';
import { targetFor } from '../metrics/targets.ts';
import { ranking, rankHistory } from '../metrics/ranks.ts';
import { scopeName, townships, villageLabel } from '../metrics/scope.ts';
import { formatMonth } from '../format.ts';
import { villageIndex, type MonthlyKey } from '../metrics/tableIndex.ts';
import { absentCause, absentText, fileOf } from '../data/folders.ts';
import { registry as schemas, registryOf, type TableKey } from '../data/registry.ts';
import { nearest, suggestion, withoutUnit } from '../data/cells/names.ts';
import type { ChartField, ChartRow, ChartSpec } from '../charts/types.ts';

/** A preset: the datasets it draws from and its spec, before it is given an id. */
interface Preset {
  /**
   * It is drawn only while all are present (a preset over an absent dataset is a chart-error in
   * reports), and an empty chart over a dataset that could not be read blames the first such file
   * (contract §5).
   */
  datasets: readonly TableKey[];
  spec: (tables: Tables, scope: Scope) => Omit<ChartSpec, 'id'>;
}

/**
 * The site's own charts, one entry each (`preset:` names in Markdown, in this order). Adding one is
 * an entry here; topics pick theirs by name (src/views/topics.ts).
 */
const presets = {
  'cleanup-monthly': columnMonthlyPreset('cleanup', 'garbage_t'),
  'cleanup-by-village': columnVillagesPreset('cleanup', 'garbage_t'),
  'construction-progress': { datasets: ['constructionPoints', 'constructionItems'], spec: constructionProgress },
  'toilet-coverage': { datasets: ['toilets'], spec: toiletCoverageChart },
  'public-toilets': { datasets: ['toilets'], spec: publicToiletsChart },
  'inspection-ranking': { datasets: ['inspections'], spec: inspectionChart },
} as const satisfies Record<string, Preset>;


/**
 * `数据来源：data/cleanup.csv`: the files the chart's datasets were read from, as staff named them
 * (a workbook's sheet, a township's folder); a dataset read from several files names the first
 * and how many (`data/洋江镇/cleanup.csv 等 15 个文件`).
 */
export function sourceOf(tables: Tables, ...keys: TableKey[]): string {
  const names = keys.flatMap((key) => {
    const dataset = tables[key] as { file: string; rows: readonly object[] } | undefined | null;
    return dataset ? [filesOf(dataset)] : [];
  });
  return `数据来源：${names.join('、')}`;
}

/**
 * A dataset's files, once per dataset: every village page's charts name them, and a scan of all
 * rows per chart made the 3,000-village build quadratic (issue 23: it never finished).
 */
const filesCache = new WeakMap<object, string>();

function filesOf(dataset: { file: string; rows: readonly object[] }): string {
  let named = filesCache.get(dataset);
  if (named === undefined) {
    // a workbook's sheets are one file (`data/台账.xlsx[村庄清洁]` is data/台账.xlsx)
    const files = [...new Set(dataset.rows.map((row) => fileOf(row, dataset).replace(/\[[^\]]*\]$/, '')))];
    if (files.length === 0) files.push(dataset.file.replace(/\[[^\]]*\]$/, ''));
    named = files.length === 1 ? files[0]! : `${files[0]} 等 ${files.length} 个文件`;
    filesCache.set(dataset, named);
  }
  return named;
}

export type PresetName = keyof typeof presets;

export const presetNames = Object.keys(presets) as readonly PresetName[];

export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name);
}

const monthField: ChartField = { key: 'month', label: '月份', type: 'month' };
const villageField: ChartField = { key: 'village', label: '村', type: 'text' };
const townshipField: ChartField = { key: 'township', label: '乡镇', type: 'text' };
const percent = (label: string): ChartField => ({ key: 'value', label, type: 'percent', unit: '%' });

/**
 * A village id (`[A-Za-z0-9_-]{1,40}`, contract §3.1) as part of a chart id: in lower case, `_` and
 * `-` kept. Ids that differ only in case are refused by the data check, so no two villages share a
 * key (`YjTest` → `yjtest`, `yj_test` → `yj_test`, `yj-test` → `yj-test`).
 */
export function villageChartKey(villageId: string): string {
  return villageId.toLowerCase();
}

/** A stable, URL-safe id for a preset narrowed to a scope. */
export function presetId(tables: Tables, name: string, scope: Scope): string {
  switch (scope.kind) {
    case 'site':
      return name;
    case 'township':
      return `${name}-t${townships(tables).indexOf(scope.township) + 1}`;
    case 'village':
      return `${name}-v-${villageChartKey(scope.village)}`;
  }
}

/** Split by township only on site-wide charts of a site with several townships. */
function byTownship(tables: Tables, scope: Scope): boolean {
  const count = townships(tables).length;
  return scope.kind === 'site' && count > 1 && count <= MAX_SERIES;
}

/** More series than this is unreadable as colours (a county of many townships): one series. */
const MAX_SERIES = 8;

/**
 * A chart of villages or points shows at most this many bars, so a county of thousands of
 * villages still gets a readable, light chart; the title says which ones, and the full list is
 * in the page's tables and on each village's page.
 */
export const MAX_CATEGORIES = 30;

function limit(rows: ChartRow[], order: (a: ChartRow, b: ChartRow) => number): ChartRow[] {
  return rows.length > MAX_CATEGORIES ? [...rows].sort(order).slice(0, MAX_CATEGORIES) : rows;
}

const byValueDesc = (a: ChartRow, b: ChartRow) => Number(b.value) - Number(a.value);
const byValueAsc = (a: ChartRow, b: ChartRow) => Number(a.value) - Number(b.value);

function row(values: Record<string, string | number>, q: Quantity): ChartRow {
  return { ...values, value: q.value, approx: q.approx };
}

/** A quantity column of a dataset as a chart's value: its label without the unit, and the unit (the schema's). */
function columnField(tables: Tables, key: TableKey, column: string): ChartField {
  const spec = registryOf(tables).find((s) => s.table === key)!.columns.find((c) => c.key === column)!;
  return { key: 'value', label: withoutUnit(spec.label), type: 'number', unit: spec.unit };
}

/** A monthly dataset's quantity column, summed by month over the scope (a bar per month). */
function columnMonthly<K extends MonthlyKey>(tables: Tables, scope: Scope, key: K, column: QuantityColumn<K>): Omit<ChartSpec, 'id'> {
  const y = columnField(tables, key, column);
  const { rows, split } = monthlySeries(tables, scope, (s) => columnByMonth(tables, key, column, s));
  return {
    type: 'bar',
    title: `${scopeName(tables, scope)}各月${y.label}`,
    x: monthField,
    y,
    ...townshipColors(tables, split),
    rows,
    source: sourceOf(tables, key),
    asOf: latestMonthOf(tables, key),
  };
}

/** The latest month of a monthly dataset, for a chart's 数据截至. */
const latestMonthOf = (tables: Tables, key: MonthlyKey): Month | undefined => latestMonths(tables)[key] ?? undefined;

/** A preset of one quantity column of a monthly dataset by month: an entry in `presets` is one call. */
export function columnMonthlyPreset<K extends MonthlyKey>(key: K, column: QuantityColumn<K>): Preset {
  return { datasets: [key], spec: (tables, scope) => columnMonthly(tables, scope, key, column) };
}

/** A preset of one quantity column of a monthly dataset by village (its total over the months). */
export function columnVillagesPreset<K extends MonthlyKey>(key: K, column: QuantityColumn<K>): Preset {
  return { datasets: [key], spec: (tables, scope) => columnVillages(tables, scope, key, column) };
}

/** Colour by township on split charts, in villages.csv order. */
function townshipColors(tables: Tables, split: boolean): Pick<ChartSpec, 'color' | 'colorDomain'> {
  return split ? { color: townshipField, colorDomain: townships(tables) } : {};
}

function columnVillages<K extends MonthlyKey>(tables: Tables, scope: Scope, key: K, column: QuantityColumn<K>): Omit<ChartSpec, 'id'> {
  const y = columnField(tables, key, column);
  const split = byTownship(tables, scope);
  const all = columnByVillage(tables, key, column, scope).flatMap(({ village, value }) =>
    value ? [row(split ? { village: villageLabel(tables, village), township: village.township } : { village: villageLabel(tables, village) }, value)] : [],
  );
  const rows = limit(all, byValueDesc);
  return {
    type: 'bar',
    title: `${scopeName(tables, scope)}各村${y.label}${rows.length < all.length ? `（最多的 ${rows.length} 个村）` : ''}`,
    x: villageField,
    y,
    ...townshipColors(tables, split),
    rows,
    source: sourceOf(tables, key),
    asOf: latestMonthOf(tables, key),
  };
}

function constructionProgress(tables: Tables, scope: Scope): Omit<ChartSpec, 'id'> {
  const points = pointsProgress(tables, scope);
  const names = new Map<string, number>();
  for (const p of points) names.set(p.point.name, (names.get(p.point.name) ?? 0) + 1);
  const all = points.flatMap(({ point, village, progress }) => {
    if (!progress) return [];
    const label = (names.get(point.name) ?? 0) > 1 ? `${point.name}（${village ? villageLabel(tables, village) : point.village}）` : point.name;
    return [row({ point: label }, progress)];
  });
  // With many points, the ones furthest behind are the ones to watch.
  const rows = limit(all, byValueAsc);
  return {
    type: 'bar',
    title: `${scopeName(tables, scope)}新农村建设点完成进度${rows.length < all.length ? `（进度最低的 ${rows.length} 个）` : ''}`,
    x: { key: 'point', label: '建设点', type: 'text' },
    y: percent('完成进度'),
    yDomain: [0, 100],
    rows,
    source: sourceOf(tables, 'constructionItems'),
  };
}

function monthlySeries(
  tables: Tables,
  scope: Scope,
  series: (s: Scope) => { month: Month; value: Quantity | null }[],
): { rows: ChartRow[]; split: boolean } {
  const split = byTownship(tables, scope);
  const groups: [string | null, Scope][] = split
    ? townships(tables).map((t) => [t, { kind: 'township', township: t }])
    : [[null, scope]];
  const rows: ChartRow[] = [];
  for (const [township, s] of groups) {
    for (const { month, value } of series(s)) if (value) rows.push(row(township ? { month, township } : { month }, value));
  }
  return { rows, split };
}

function toiletCoverageChart(tables: Tables, scope: Scope): Omit<ChartSpec, 'id'> {
  const { rows, split } = monthlySeries(tables, scope, (s) =>
    coverageByMonth(tables, s).map((c) => ({ month: c.month, value: c.percent })),
  );
  const target = targetFor(tables, 'toilet_coverage', scope);
  return {
    type: 'line',
    title: `${scopeName(tables, scope)}无害化卫生户厕覆盖率`,
    x: monthField,
    y: percent('覆盖率'),
    ...townshipColors(tables, split),
    yDomain: [0, 100],
    target: target ? { value: target.value.value, label: '目标' } : undefined,
    rows,
    source: sourceOf(tables, 'toilets', 'villages'),
    asOf: latestMonths(tables).toilets ?? undefined,
  };
}

function publicToiletsChart(tables: Tables, scope: Scope): Omit<ChartSpec, 'id'> {
  const { rows, split } = monthlySeries(tables, scope, (s) =>
    publicToiletsByMonth(tables, s).map((p) => ({ month: p.month, value: p.total })),
  );
  return {
    type: 'bar',
    title: `${scopeName(tables, scope)}公厕数量`,
    x: monthField,
    y: { key: 'value', label: '公厕', type: 'number', unit: '座', measure: 'stock' },
    ...townshipColors(tables, split),
    rows,
    source: sourceOf(tables, 'toilets'),
    asOf: latestMonths(tables).toilets ?? undefined,
  };
}

/** A score axis from the round ten below the lowest score (at most 0) to 100. */
export function scoreDomain(scores: readonly number[]): [number, number] {
  const low = Math.min(100, ...scores.filter((s) => Number.isFinite(s)));
  return [Math.max(0, Math.floor((low - 5) / 10) * 10), 100];
}

function inspectionChart(tables: Tables, scope: Scope): Omit<ChartSpec, 'id'> {
  const latest = latestMonths(tables).inspections;
  const y: ChartField = { key: 'value', label: '得分', type: 'number', unit: '分', measure: 'rate' };
  if (scope.kind === 'village') {
    const rows = rankHistory(tables, scope.village).map((e) => row({ month: e.month, rank: e.rank }, e.score));
    return {
      type: 'line',
      title: `${scopeName(tables, scope)}各月考评得分`,
      x: monthField,
      y,
      yDomain: [0, 100],
      rows,
      source: sourceOf(tables, 'inspections'),
      asOf: latest ?? undefined,
    };
  }
  const all = latest
    ? ranking(tables, latest, scope).map((e) => row({ village: villageLabel(tables, e.village), rank: e.rank }, e.score))
    : [];
  const rows = all.slice(0, MAX_CATEGORIES); // already in rank order
  const domain = scoreDomain(rows.map((r) => r.value as number));
  // Dots on a scale from a round number below the lowest score: scores sit close together (79.5
  // and 94), and bars from 0 would make them look alike; bars from 70 would lie (issue 12).
  return {
    type: 'dot',
    title: `${scopeName(tables, scope)}${latest ? formatMonth(latest) : ''}考评得分排名${rows.length < all.length ? `（前 ${rows.length} 名）` : ''}`,
    x: villageField,
    y,
    yDomain: domain,
    rows,
    ...(domain[0] > 0 && { caption: `横轴从 ${domain[0]} 分起，以便看清各村得分的差别。` }),
    source: sourceOf(tables, 'inspections'),
    asOf: latest ?? undefined,
  };
}

/** Build a preset chart narrowed to a scope. The caller has checked the name and the scope. */
export function presetSpec(tables: Tables, name: PresetName, scope: Scope): ChartSpec {
  return { id: presetId(tables, name, scope), ...presets[name].spec(tables, scope) };
}

/** A cleanup metric other than garbage as a monthly chart (topic page extras). */
export function cleanupMetricMonthly(tables: Tables, scope: Scope, metric: CleanupMetric): ChartSpec {
  return { id: `${presetId(tables, 'cleanup-monthly', scope)}-${metric.replace(/_/g, '-')}`, ...columnMonthly(tables, scope, 'cleanup', metric) };
}

/** The datasets a preset draws from (its entry's `datasets`). */
export function presetDatasets(name: PresetName): readonly TableKey[] {
  return presets[name].datasets;
}

/** The first dataset a preset needs whose file is absent. */
export function absentPresetDataset(tables: Tables, name: PresetName): TableKey | undefined {
  return presets[name].datasets.find((table) => tables[table] === null);
}

/** What a Markdown `preset:` block asks for, as written. */
export interface PresetRequest {
  preset: string;
  village?: string;
  township?: string;
}

/** A problem with one key of a preset request, in Chinese for staff. */
export interface PresetProblem {
  key: keyof PresetRequest;
  message: string;
  /** a problem that follows from an absent dataset (contract §5: one line per report) */
  cause?: string;
}

export type CheckedPreset = { ok: true; name: PresetName; scope: Scope } | { ok: false; problems: PresetProblem[] };

/**
 * The one check of a preset request (contract §4.1): the preset name, the village or township it is
 * narrowed to, and the dataset it needs. Markdown reports each problem at the line of its key.
 */
export function checkPresetRequest(tables: Tables, request: PresetRequest): CheckedPreset {
  const problems: PresetProblem[] = [];
  const name = request.preset.trim().toLowerCase();
  if (!isPresetName(name)) {
    const near = nearest(request.preset, presetNames.map((n) => [n, n] as const));
    problems.push({
      key: 'preset',
      message: `预设图表 "${request.preset}" 不存在${near === undefined ? `（可用：${presetNames.join('、')}）` : suggestion(near)}`,
    });
  }
  let scope: Scope = { kind: 'site' };
  const index = villageIndex(tables);
  const { village, township } = request;
  if (village !== undefined && township !== undefined) {
    problems.push({ key: 'township', message: 'village 和 township 只能写一个' });
  } else if (village !== undefined) {
    const found = index.resolve(village);
    if (found.ok) scope = { kind: 'village', village: found.village.id };
    else problems.push({ key: 'village', message: found.message });
  } else if (township !== undefined) {
    const found = index.resolveTownship(township);
    if (found !== undefined) scope = { kind: 'township', township: found };
    else {
      const near = nearest(township, index.townships.map((t) => [t, t] as const));
      problems.push({ key: 'township', message: `乡镇 "${township.trim()}" 不在村庄名录 (villages.csv) 中${suggestion(near)}` });
    }
  }
  if (problems.length > 0 || !isPresetName(name)) return { ok: false, problems };
  const absent = absentPresetDataset(tables, name);
  const needed = absent && schemas.find((schema) => schema.table === absent)!;
  if (needed) {
    return {
      ok: false,
      problems: [{ key: 'preset', message: `预设图表 "${name}" 需要数据集 ${needed.name}：${absentText(tables, needed.name)}`, cause: absentCause(tables, needed.name) }],
    };
  }
  return { ok: true, name, scope };
}
