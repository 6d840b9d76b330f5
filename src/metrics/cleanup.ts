// 村庄清洁行动 (contract §3.2): totals, monthly series and per-village totals of the metric columns.
// A metric column may be absent from the file: absent (no key / empty list) is not the same as
// present but not reported (null).
import type { Quantity, Scope, Tables } from '../data/types.ts';
import { columnByMonth, columnByVillage, columnTotal, hasColumn } from './columnSums.ts';
import type { MonthRange } from './months.ts';
import type { MonthValue, VillageValue } from './types.ts';

/** The metric columns of cleanup.csv, in schema order. */
export const cleanupMetrics = ['garbage_t', 'ditches_km', 'piles', 'structures_m2', 'ads', 'spending_wan'] as const;

export type CleanupMetric = (typeof cleanupMetrics)[number];

/** Metric columns present in cleanup.csv, in schema order (empty when the file is absent). */
export function presentCleanupMetrics(tables: Tables): CleanupMetric[] {
  const keys = new Set(tables.cleanup?.columns.map((c) => c.key) ?? []);
  return cleanupMetrics.filter((m) => keys.has(m));
}

/** Whether a metric column is present in cleanup.csv. */
export function hasCleanupMetric(tables: Tables, metric: CleanupMetric): boolean {
  return hasColumn(tables, 'cleanup', metric);
}

/** Total of one metric; `undefined` when its column is absent, `null` when nothing was reported. */
export function cleanupTotal(
  tables: Tables,
  scope: Scope,
  metric: CleanupMetric,
  range?: MonthRange,
): Quantity | null | undefined {
  return columnTotal(tables, 'cleanup', metric, scope, range);
}

/**
 * Monthly series of one metric: for every month in cleanup.csv (inside `range`), the sum over the
 * scope's villages. Empty when the file or the column is absent.
 */
export function cleanupByMonth(tables: Tables, scope: Scope, metric: CleanupMetric, range?: MonthRange): MonthValue[] {
  return columnByMonth(tables, 'cleanup', metric, scope, range);
}

/**
 * Total of one metric per village of the scope (villages.csv order, villages without any report
 * included with `null`). Empty when the file or the column is absent.
 */
export function cleanupByVillage(tables: Tables, scope: Scope, metric: CleanupMetric, range?: MonthRange): VillageValue[] {
  return columnByVillage(tables, 'cleanup', metric, scope, range);
}
