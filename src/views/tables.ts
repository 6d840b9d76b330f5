// The tables of the topic and village pages, built from the metric functions and formatted once.
// Each row's key figure (得分, 覆盖率, 完成量) comes right after the village's or item's name, so a
// phone shows it beside the name at any text size; secondary columns follow (issue 21).
import type { Scope, Tables } from '../data/types.ts';
import { formatMonth, formatNumber, formatPercent, formatQuantity } from '../format.ts';
import { presentCleanupMetrics } from '../metrics/cleanup.ts';
import { columnByVillage, columnOf, columnTotal, type QuantityColumn } from '../metrics/columnSums.ts';
import { coverageByVillage, publicToilets, toiletCoverage } from '../metrics/coverage.ts';
import { latestCell, latestRow } from '../metrics/latest.ts';
import { itemTotals, pointsProgress, type PointProgress } from '../metrics/progress.ts';
import { ranking, rankHistory, type RankEntry } from '../metrics/ranks.ts';
import { villageLabelOf } from '../metrics/scope.ts';
import { createIndex, monthlyIndex, type MonthlyKey } from '../metrics/tableIndex.ts';
import { scoreDomain } from '../presets/presets.ts';
import { href } from '../paths.ts';

/** A table cell: text, a link, or a figure with a bar (share of the bar's full length, 0–1). */
/**
 * A table cell: formatted text, a link, a figure with its bar, or a rank (`第 3 名`, its words
 * dropped on the narrowest screens so the score beside it stays in view).
 */
export type Cell = string | { text: string; href: string } | { text: string; share: number } | { text: string; rank: number };
export interface TableData {
  head: string[];
  rows: Cell[][];
  numeric: number[];
}

const dash = '—';
/** A village's cell: its label (villageLabel, as in the charts) linking to its page. */
const villageLink = (tables: Tables, id: string, base: string): Cell => ({ text: villageLabelOf(tables, id), href: href(`villages/${id}/`, base) });

/** Cleanup totals per village (every metric column present in the file). */
export function cleanupVillageTable(tables: Tables, scope: Scope, base: string): TableData {
  return columnVillageTable(tables, 'cleanup', presentCleanupMetrics(tables), scope, base);
}

/** Totals per village of quantity columns of a monthly dataset (headers: the columns' labels). */
export function columnVillageTable<K extends MonthlyKey>(tables: Tables, key: K, metrics: readonly QuantityColumn<K>[], scope: Scope, base: string): TableData {
  const columns = metrics.map((m) => columnOf(tables, key, m)!);
  const perMetric = metrics.map((m) => new Map(columnByVillage(tables, key, m, scope).map((v) => [v.village.id, v.value])));
  const villages = createIndex(tables);
  const ids = [...(perMetric[0]?.keys() ?? [])];
  // A township's own table does not repeat its name on every row (issue 12).
  const township = scope.kind !== 'township';
  const first = township ? 2 : 1;
  return {
    head: ['村', ...(township ? ['乡镇'] : []), ...columns.map((c) => c.label)],
    rows: ids.map((id) => {
      const v = villages.villages.get(id)!;
      return [villageLink(tables, id, base), ...(township ? [v.township] : []), ...perMetric.map((m) => {
        const value = m.get(id);
        return value ? formatQuantity(value) : dash;
      })];
    }),
    numeric: columns.map((_, i) => i + first),
  };
}

/** Planned vs done per (item, unit). */
export function itemTotalsTable(tables: Tables, scope: Scope): TableData {
  return {
    head: ['建设内容', '完成量', '完成率', '计划量', '单位'],
    rows: itemTotals(tables, scope).map((t) => [
      t.item + (t.averaged ? '（平均）' : ''),
      formatQuantity(t.done),
      formatPercent(t.progress.value, t.progress.approx),
      formatQuantity(t.planned),
      t.unit,
    ]),
    numeric: [1, 2, 3],
  };
}

export interface PointCard {
  progress: PointProgress;
  percent: number | null;
  progressText: string;
  items: string[][];
}

/** Every construction point with its items and progress. */
export function pointCards(tables: Tables, scope: Scope): PointCard[] {
  const index = createIndex(tables);
  return pointsProgress(tables, scope).map((p) => ({
    progress: p,
    percent: p.progress ? p.progress.value : null,
    progressText: p.progress ? formatPercent(p.progress.value, p.progress.approx) : '暂无建设内容',
    items: (index.itemsByPoint.get(p.point.id) ?? []).map((i) => [
      i.item,
      i.unit,
      formatQuantity(i.planned),
      formatQuantity(i.done),
    ]),
  }));
}

/** Household toilets per village: households, latest sanitary, coverage, public toilets. */
export function toiletVillageTable(tables: Tables, scope: Scope, base: string): TableData {
  const index = monthlyIndex(tables, 'toilets');
  const latest = index?.months.at(-1);
  const township = scope.kind !== 'township'; // a township's own table omits 乡镇
  return {
    head: ['村', '覆盖率', '无害化卫生户厕(户)', '户数', ...(township ? ['乡镇'] : []), '公厕(座)', '最近上报'],
    rows: coverageByVillage(tables, scope).map((c) => {
      const row = latest ? latestRow(index?.byVillage.get(c.village.id), latest) : undefined;
      const standing = latest ? latestCell(index?.byVillage.get(c.village.id), latest, (r) => r.public_toilets) : undefined;
      const toilets = standing?.cell ? formatQuantity(standing.cell) : dash;
      return [
        villageLink(tables, c.village.id, base),
        c.percent ? formatPercent(c.percent.value, c.percent.approx) : '未上报',
        c.sanitary ? formatQuantity(c.sanitary) : dash,
        formatNumber(c.village.households),
        ...(township ? [c.village.township] : []),
        toilets,
        row ? formatMonth(row.month) : '未上报',
      ];
    }),
    numeric: township ? [1, 2, 3, 5] : [1, 2, 3, 4],
  };
}

export function changeText(e: RankEntry): string {
  if (e.change === null) return '—';
  if (e.change > 0) return `上升 ${e.change} 位`;
  if (e.change < 0) return `下降 ${-e.change} 位`;
  return '持平';
}

/** The latest month's ranking (ties share a rank) with each village's change. */
export function rankingTable(tables: Tables, month: string, base: string, scope: Scope = { kind: 'site' }): TableData {
  const entries = ranking(tables, month, scope);
  const [low, high] = scoreDomain(entries.map((e) => e.score.value));
  return {
    head: ['名次', '村', '得分', '较上月', '乡镇'],
    rows: entries.map((e) => [
      { text: `第 ${e.rank} 名`, rank: e.rank },
      villageLink(tables, e.village.id, base),
      // A bar on the same scale as the ranking chart, so the printed sheet shows the differences.
      { text: formatQuantity(e.score), share: Math.max(0, (e.score.value - low) / (high - low || 1)) },
      changeText(e),
      e.village.township,
    ]),
    numeric: [2],
  };
}

/** Site-wide rank of every village in every month (rows: villages, columns: months, newest first). */
export function rankHistoryTable(tables: Tables, base: string): TableData {
  const months = [...(monthlyIndex(tables, 'inspections')?.months ?? [])].reverse();
  const villages = createIndex(tables).villages;
  return {
    head: ['村', ...months.map((m) => formatMonth(m))],
    rows: [...villages.keys()].map((id) => {
      const history = new Map(rankHistory(tables, id).map((e) => [e.month, e]));
      // A name two townships share gets its township (新塘村（洋江镇）), as in the charts.
      return [villageLink(tables, id, base), ...months.map((m) => {
        const e = history.get(m);
        return e ? `${e.rank}` : dash;
      })];
    }),
    numeric: months.map((_, i) => i + 1),
  };
}

/** One village's monthly scores and ranks. */
export function villageRankTable(tables: Tables, villageId: string): TableData {
  return {
    head: ['月份', '得分', '名次', '较上月'],
    rows: rankHistory(tables, villageId).map((e) => [
      formatMonth(e.month),
      formatQuantity(e.score),
      `${e.rank} / ${e.of}`,
      changeText(e),
    ]),
    numeric: [1, 2],
  };
}

/**
 * Above this many villages (a whole county) topic pages list townships, not every village: the
 * village figures stay on each village's page and in the CSV downloads, and a page stays light.
 */
export const MAX_VILLAGE_ROWS = 200;

export function manyVillages(tables: Tables): boolean {
  return tables.villages.rows.length > MAX_VILLAGE_ROWS;
}

const townshipScopes = (tables: Tables) =>
  createIndex(tables).townships.map((township) => ({ township, scope: { kind: 'township', township } as const }));

/** Cleanup totals per township (every metric column present in the file). */
export function cleanupTownshipTable(tables: Tables): TableData {
  return columnTownshipTable(tables, 'cleanup', presentCleanupMetrics(tables));
}

/** Totals per township of quantity columns of a monthly dataset (headers: the columns' labels). */
export function columnTownshipTable<K extends MonthlyKey>(tables: Tables, key: K, metrics: readonly QuantityColumn<K>[]): TableData {
  const columns = metrics.map((m) => columnOf(tables, key, m)!);
  return {
    head: ['乡镇', ...columns.map((c) => c.label)],
    rows: townshipScopes(tables).map(({ township, scope }) => [
      township,
      ...metrics.map((m) => {
        const total = columnTotal(tables, key, m, scope);
        return total ? formatQuantity(total) : dash;
      }),
    ]),
    numeric: columns.map((_, i) => i + 1),
  };
}

/** Household toilets per township: coverage of reporting villages and public toilets standing. */
export function toiletTownshipTable(tables: Tables): TableData {
  return {
    head: ['乡镇', '村数', '已上报村数', '无害化卫生户厕(户)', '覆盖率', '公厕(座)'],
    rows: townshipScopes(tables).map(({ township, scope }) => {
      const c = toiletCoverage(tables, scope);
      const p = publicToilets(tables, scope);
      return [
        township,
        formatNumber(c?.villages ?? 0),
        formatNumber(c?.reporting ?? 0),
        c?.sanitary ? formatQuantity(c.sanitary) : dash,
        c?.percent ? formatPercent(c.percent.value, c.percent.approx) : '未上报',
        p?.total ? formatQuantity(p.total) : dash,
      ];
    }),
    numeric: [1, 2, 3, 4, 5],
  };
}
