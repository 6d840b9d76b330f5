// 新农村建设 (contract §3.3–3.4): progress of construction points and totals of their items.
// Progress is a percent 0–100. An item's share is min(done / planned, 1); an item planned at 0
// counts as complete (nothing was left to do). A point's progress is the mean over its items; a
// point without items has no progress (`null`) and is left out of means.
import { trimFloat } from '../format.ts';
import type { ConstructionItem, ConstructionPoint, Quantity, Scope, Tables, Village } from '../data/types.ts';
import { meanQuantities, sumQuantities } from './quantities.ts';
import { villagesInScope } from './scope.ts';
import { createIndex, memo } from './tableIndex.ts';

/** Whether an item unit is a percentage (`%` or full-width `％`): such items are averaged, not summed. */
export function isPercentUnit(unit: string): boolean {
  const u = unit.trim();
  return u === '%' || u === '％';
}

/** Progress of one item, percent 0–100: min(done / planned, 1); planned 0 counts as complete. */
export function itemProgress(item: ConstructionItem): Quantity {
  const approx = item.planned.approx || item.done.approx;
  if (item.planned.value <= 0) return { value: 100, approx };
  return { value: trimFloat(Math.min(item.done.value / item.planned.value, 1) * 100), approx };
}

/** A point's progress: mean of its items' progress; `null` for a point without items. */
export function pointProgress(tables: Tables, pointId: string): Quantity | null {
  return meanQuantities((createIndex(tables).itemsByPoint.get(pointId) ?? []).map(itemProgress));
}

/** Construction points of a scope (villages.csv order, then file order), optionally of one year. */
export function pointsInScope(tables: Tables, scope: Scope, year?: number): ConstructionPoint[] {
  const index = createIndex(tables);
  const out: ConstructionPoint[] = [];
  for (const v of villagesInScope(tables, scope))
    for (const p of index.pointsByVillage.get(v.id) ?? []) if (year === undefined || p.year === year) out.push(p);
  return out;
}

/** A point with its village, item count and progress. */
export interface PointProgress {
  point: ConstructionPoint;
  village: Village | undefined;
  items: number;
  progress: Quantity | null;
}

/** Every point of a scope with its progress (order of `pointsInScope`). */
export function pointsProgress(tables: Tables, scope: Scope, year?: number): PointProgress[] {
  const index = createIndex(tables);
  return pointsInScope(tables, scope, year).map((point) => ({
    point,
    village: index.villages.get(point.village),
    items: index.itemsByPoint.get(point.id)?.length ?? 0,
    progress: pointProgress(tables, point.id),
  }));
}

/** Overall progress of a scope: mean of its points' progress. */
export interface ScopeProgress {
  /** `null` when no point of the scope has items */
  percent: Quantity | null;
  /** points in the scope */
  points: number;
  /** points with at least one item (those averaged) */
  measured: number;
}

/** Overall progress of a scope (mean over its points that have items), optionally of one year. */
export function scopeProgress(tables: Tables, scope: Scope, year?: number): ScopeProgress {
  return progressOfPoints(tables, pointsInScope(tables, scope, year));
}

/** Overall progress of a given list of points (mean over those that have items). */
export function progressOfPoints(tables: Tables, points: readonly ConstructionPoint[]): ScopeProgress {
  const progress = points.map((p) => pointProgress(tables, p.id));
  return {
    percent: meanQuantities(progress),
    points: points.length,
    measured: progress.filter((p) => p !== null).length,
  };
}

/** Planned and done of one (item, unit) over a scope. */
export interface ItemTotal {
  item: string;
  unit: string;
  /** `%` items: the mean over points; other units: the sum */
  planned: Quantity;
  done: Quantity;
  averaged: boolean;
  /** points that have this (item, unit) */
  points: number;
  /** min(done / planned, 1) of the totals, percent */
  progress: Quantity;
}

/** Totals per (item, unit) over a scope, in order of first appearance in construction-items.csv. */
export function itemTotals(tables: Tables, scope: Scope, year?: number): ItemTotal[] {
  const index = createIndex(tables);
  const position = memo(tables, 'itemPosition', () => {
    const map = new Map<ConstructionItem, number>();
    (tables.constructionItems?.rows ?? []).forEach((item, i) => map.set(item, i));
    return map;
  });
  const groups = new Map<string, ConstructionItem[]>();
  for (const point of pointsInScope(tables, scope, year))
    for (const item of index.itemsByPoint.get(point.id) ?? []) {
      const key = JSON.stringify([item.item, item.unit]);
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  const firstPosition = (items: ConstructionItem[]) =>
    items.reduce((min, i) => Math.min(min, position.get(i) ?? Infinity), Infinity);
  return [...groups.values()]
    .map((items) => ({ items, at: firstPosition(items) }))
    .sort((a, b) => a.at - b.at)
    .map(({ items }) => {
      const first = items[0]!;
      const averaged = isPercentUnit(first.unit);
      const aggregate = averaged ? meanQuantities : sumQuantities;
      // Every group has at least one item, so the aggregates are never null.
      const planned = aggregate(items.map((i) => i.planned))!;
      const done = aggregate(items.map((i) => i.done))!;
      const progress = itemProgress({ ...first, planned, done });
      return { item: first.item, unit: first.unit, planned, done, averaged, points: items.length, progress };
    });
}

/** Investment and beneficiaries of the points of a scope (reported cells summed). */
export interface ConstructionSums {
  points: number;
  investment_wan: Quantity | null;
  households: Quantity | null;
  people: Quantity | null;
}

/** Sums of investment (万元), beneficiary households and people over the points of a scope. */
export function constructionSums(tables: Tables, scope: Scope, year?: number): ConstructionSums {
  const points = pointsInScope(tables, scope, year);
  return {
    points: points.length,
    investment_wan: sumQuantities(points.map((p) => p.investment_wan)),
    households: sumQuantities(points.map((p) => p.households)),
    people: sumQuantities(points.map((p) => p.people)),
  };
}
