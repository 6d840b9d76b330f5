// Sums of one numeric column of a monthly dataset (a figure reported each month, such as 清理垃圾 or
// a new dataset's 处理户数): the total over a scope, the series by month and the total per village.
// cleanup's metrics are these, and a new monthly dataset's KPIs, charts and tables need nothing
// else. A column may be absent from the file: absent (`undefined`, empty list) is not the same as
// present but not reported (`null`).
import type { TableKey } from '../data/registry.ts';
import type { ColumnSpec, Month, Quantity, Scope, Tables } from '../data/types.ts';
import { inRange, type MonthRange } from './months.ts';
import { sumQuantities } from './quantities.ts';
import { scopeRows, villagesInScope } from './scope.ts';
import { monthlyIndex, type MonthlyKey, type RowOf } from './tableIndex.ts';
import type { MonthValue, VillageValue } from './types.ts';

/** The columns of a monthly dataset that hold quantities (`Quantity | null` in its row type). */
export type QuantityColumn<K extends MonthlyKey> = {
  [C in keyof RowOf<K>]: RowOf<K>[C] extends Quantity | null ? C : never;
}[keyof RowOf<K>] &
  string;

/** A column of a dataset as its schema declares it (label, unit), if present in its file. */
export function columnOf(tables: Tables, key: TableKey, column: string): ColumnSpec | undefined {
  return tables[key]?.columns.find((c) => c.key === column);
}

/** Whether a column is present in the dataset's file. */
export function hasColumn<K extends MonthlyKey>(tables: Tables, key: K, column: QuantityColumn<K>): boolean {
  return columnOf(tables, key, column) !== undefined;
}

/** The quantity columns (number, integer) present in a monthly dataset's file, in schema order. */
export function quantityColumns<K extends MonthlyKey>(tables: Tables, key: K): QuantityColumn<K>[] {
  return (tables[key]?.columns ?? []).filter((c) => c.type === 'number' || c.type === 'integer').map((c) => c.key as QuantityColumn<K>);
}

const cellOf = <K extends MonthlyKey>(row: RowOf<K>, column: QuantityColumn<K>) => row[column] as Quantity | null;

/** Total of one column over a scope; `undefined` when the column is absent, `null` when nothing was reported. */
export function columnTotal<K extends MonthlyKey>(
  tables: Tables,
  key: K,
  column: QuantityColumn<K>,
  scope: Scope,
  range?: MonthRange,
): Quantity | null | undefined {
  if (!hasColumn(tables, key, column)) return undefined;
  return sumQuantities(scopeRows(tables, key, scope).filter((r) => inRange(r.month, range)).map((r) => cellOf(r, column)));
}

/**
 * Monthly series of one column: for every month of the dataset (inside `range`), the sum over the
 * scope's villages. Empty when the file or the column is absent.
 */
export function columnByMonth<K extends MonthlyKey>(tables: Tables, key: K, column: QuantityColumn<K>, scope: Scope, range?: MonthRange): MonthValue[] {
  const index = monthlyIndex(tables, key);
  if (!index || !hasColumn(tables, key, column)) return [];
  const cells = new Map<Month, (Quantity | null)[]>();
  for (const m of index.months) if (inRange(m, range)) cells.set(m, []);
  for (const r of scopeRows(tables, key, scope)) cells.get(r.month)?.push(cellOf(r, column));
  return [...cells].map(([month, list]) => ({ month, value: sumQuantities(list) }));
}

/**
 * Total of one column per village of the scope (villages.csv order, villages without any report
 * included with `null`). Empty when the file or the column is absent.
 */
export function columnByVillage<K extends MonthlyKey>(tables: Tables, key: K, column: QuantityColumn<K>, scope: Scope, range?: MonthRange): VillageValue[] {
  const index = monthlyIndex(tables, key);
  if (!index || !hasColumn(tables, key, column)) return [];
  return villagesInScope(tables, scope).map((village) => {
    const rows: readonly RowOf<K>[] = index.byVillage.get(village.id) ?? [];
    return { village, value: sumQuantities(rows.filter((r) => inRange(r.month, range)).map((r) => cellOf(r, column))) };
  });
}
