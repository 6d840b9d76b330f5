// Lookup structures built once per Tables, so that a page for one village costs that village's
// rows, not a scan of every row. Tables are treated as immutable once loaded.
import type {
  CleanupRow,
  ConstructionItem,
  ConstructionPoint,
  InspectionRow,
  Month,
  Tables,
  ToiletRow,
  Village,
} from '../data/types.ts';
import { createVillageIndex, type VillageIndex } from '../data/cells/villages.ts';

/** Rows of a village-per-month dataset, by village and by month. */
export interface MonthlyIndex<R extends { month: Month; village: string }> {
  rows: readonly R[];
  /** distinct months with rows, earliest first */
  months: Month[];
  /** each village's rows, earliest month first */
  byVillage: Map<string, R[]>;
  byMonth: Map<Month, R[]>;
}

export interface TableIndex {
  /** villages by id */
  villages: Map<string, Village>;
  /** townships in order of first appearance in villages.csv */
  townships: string[];
  /** villages of each township, in file order */
  villagesByTownship: Map<string, Village[]>;
  /** every village id, in file order */
  villageIds: ReadonlySet<string>;
  cleanup: MonthlyIndex<CleanupRow> | null;
  toilets: MonthlyIndex<ToiletRow> | null;
  inspections: MonthlyIndex<InspectionRow> | null;
  points: Map<string, ConstructionPoint>;
  pointsByVillage: Map<string, ConstructionPoint[]>;
  itemsByPoint: Map<string, ConstructionItem[]>;
  /** memo for derived values (rankings, series), keyed by the function that owns them */
  cache: Map<string, unknown>;
}

const indexes = new WeakMap<Tables, TableIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byMonth<R extends { month: Month }>(a: R, b: R): number {
  return a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
}

function monthly<R extends { month: Month; village: string }>(rows: readonly R[]): MonthlyIndex<R> {
  const byVillage = new Map<string, R[]>();
  const byMonthMap = new Map<Month, R[]>();
  for (const row of rows) {
    push(byVillage, row.village, row);
    push(byMonthMap, row.month, row);
  }
  for (const list of byVillage.values()) list.sort(byMonth); // stable: file order within a month
  const months = [...byMonthMap.keys()].sort();
  return { rows, months, byVillage, byMonth: byMonthMap };
}

/** The index of `tables`, built on first use and memoised for the lifetime of the object. */
export function createIndex(tables: Tables): TableIndex {
  let index = indexes.get(tables);
  if (index) return index;
  const villages = new Map<string, Village>();
  const villagesByTownship = new Map<string, Village[]>();
  for (const v of tables.villages.rows) {
    villages.set(v.id, v);
    push(villagesByTownship, v.township, v);
  }
  const points = new Map<string, ConstructionPoint>();
  const pointsByVillage = new Map<string, ConstructionPoint[]>();
  for (const p of tables.constructionPoints?.rows ?? []) {
    points.set(p.id, p);
    push(pointsByVillage, p.village, p);
  }
  const itemsByPoint = new Map<string, ConstructionItem[]>();
  for (const item of tables.constructionItems?.rows ?? []) push(itemsByPoint, item.point, item);
  index = {
    villages,
    townships: [...villagesByTownship.keys()],
    villagesByTownship,
    villageIds: new Set(villages.keys()),
    cleanup: tables.cleanup ? monthly(tables.cleanup.rows) : null,
    toilets: tables.toilets ? monthly(tables.toilets.rows) : null,
    inspections: tables.inspections ? monthly(tables.inspections.rows) : null,
    points,
    pointsByVillage,
    itemsByPoint,
    cache: new Map(),
  };
  indexes.set(tables, index);
  return index;
}

/** Memoise `compute()` on the index of `tables` under `key`. Callers share the result: never mutate it. */
export function memo<T>(tables: Tables, key: string, compute: () => T): T {
  const cache = createIndex(tables).cache;
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/** The village index of `tables` (references by id or name, townships), built once per Tables. */
export function villageIndex(tables: Tables): VillageIndex<Village> {
  return memo(tables, 'villageIndex', () => createVillageIndex(tables.villages.rows));
}
