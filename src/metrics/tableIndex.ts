// Lookup structures built once per Tables, so that a page for one village costs that village's
// rows, not a scan of every row. Tables are treated as immutable once loaded.
import type { TableKey } from '../data/registry.ts';
import type { ConstructionItem, ConstructionPoint, Dataset, Month, Tables, Village } from '../data/types.ts';
import { createVillageIndex, type VillageIndex } from '../data/cells/villages.ts';

/** The row type of a known dataset. */
export type RowOf<K extends TableKey> = NonNullable<Tables[K]>['rows'][number];

/**
 * Table keys of the village-per-month datasets (a `month` and a `village` on every row): those a
 * monthly index is built for. A new monthly dataset is one of them by its row type alone.
 */
export type MonthlyKey = { [K in TableKey]: RowOf<K> extends { month: Month; village: string } ? K : never }[TableKey];

/** Rows of a village-per-month dataset, by village and by month. */
export interface MonthlyIndex<R extends { month: Month; village: string }> {
  rows: readonly R[];
  /**
   * distinct months with rows, earliest first. Shared by every caller (pages render in any order),
   * so frozen: a page that reversed it in place once turned "the latest month" into the first.
   */
  months: readonly Month[];
  /** each village's rows, earliest month first */
  byVillage: Map<string, readonly R[]>;
  byMonth: Map<Month, readonly R[]>;
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
  /**
   * The index of every monthly dataset present (its schema's `monthly`, set on the dataset by the
   * loader), by table key; read it through monthlyIndex().
   */
  monthly: Map<string, MonthlyIndex<{ month: Month; village: string }>>;
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
  const months = Object.freeze([...byMonthMap.keys()].sort());
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
  const monthlyIndexes: TableIndex['monthly'] = new Map();
  for (const [key, dataset] of Object.entries(tables) as [string, Dataset<{ month: Month; village: string }> | Dataset<object>[] | null][]) {
    if (dataset !== null && !Array.isArray(dataset) && dataset.monthly) monthlyIndexes.set(key, monthly(dataset.rows));
  }
  index = {
    villages,
    townships: [...villagesByTownship.keys()],
    villagesByTownship,
    villageIds: new Set(villages.keys()),
    monthly: monthlyIndexes,
    points,
    pointsByVillage,
    itemsByPoint,
    cache: new Map(),
  };
  indexes.set(tables, index);
  return index;
}

/** The monthly index of one dataset; `null` when its file is absent. */
export function monthlyIndex<K extends MonthlyKey>(tables: Tables, key: K): MonthlyIndex<RowOf<K>> | null {
  return (createIndex(tables).monthly.get(key) as MonthlyIndex<RowOf<K>> | undefined) ?? null;
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
