// Aggregates for `{{ AGG DATASET.COLUMN where … }}` figures (contract §4.2). Figures are built
// with the metric helpers (approximate marks kept) and formatted with src/format.ts only.
import type { Month, Quantity } from '../data/types.ts';
import { formatMonth, formatNumber, formatPercent } from '../format.ts';
import { latestCell } from '../metrics/latest.ts';
import { isPercentUnit } from '../metrics/progress.ts';
import { maxQuantities, meanQuantities, minQuantities, sumQuantities } from '../metrics/quantities.ts';
import { filterRows, type Condition } from './where.ts';
import { fail, ok, quantityOf, type DatasetView, type QueryResult, type ViewColumn, type ViewRecord } from './types.ts';

export const aggregates = ['sum', 'mean', 'min', 'max', 'count', 'latest'] as const;
export type Aggregate = (typeof aggregates)[number];

export function isAggregate(name: string): name is Aggregate {
  return (aggregates as readonly string[]).includes(name);
}

/** A computed figure: its value and the text the reader sees (`1,173.5`, `85.2%`, `2023年6月`). */
export interface Figure {
  text: string;
  value: number | Month;
  approx: boolean;
}

function isNumeric(column: ViewColumn): boolean {
  return column.type === 'number' || column.type === 'percent';
}

/** A figure from a quantity, formatted by the column's type. */
export function formatFigure(column: ViewColumn, q: Quantity): Figure {
  const text = column.type === 'percent' ? formatPercent(q.value, q.approx) : formatNumber(q.value, q.approx);
  return { text, value: q.value, approx: q.approx };
}

/** Several rows' values as one figure: summed, or the column's own combination (percentages). */
export function combineRows(column: ViewColumn, rows: ViewRecord[]): Quantity | null {
  if (column.combine) return column.combine(rows);
  const cells = rows.map((r) => quantityOf(r[column.key]));
  return column.type === 'percent' ? meanQuantities(cells) : sumQuantities(cells);
}

/**
 * A column whose rows carry their own unit (construction items), narrowed to the rows' one unit:
 * adding 公里 to 户 is refused, and a `%` item is a percentage (averaged, not summed).
 */
export function withRowUnit(column: ViewColumn, rows: readonly ViewRecord[]): QueryResult<ViewColumn> {
  if (column.unitFrom === undefined) return ok(column);
  const units = [
    ...new Set(rows.filter((r) => quantityOf(r[column.key]) !== null).map((r) => String(r[column.unitFrom!] ?? '').trim())),
  ];
  if (units.length > 1) {
    return fail(`「${column.label}」的单位不一（${units.join('、')}），不能合在一起；请加条件限定，如 where unit=${units[0]}`);
  }
  const unit = units[0];
  if (unit === undefined || unit === '') return ok(column);
  return ok({ ...column, unit, type: isPercentUnit(unit) ? 'percent' : column.type });
}

const noData = '没有符合条件的数据（可检查 where 条件，或数据是否已上报）';
const noRows = <T>(): QueryResult<T> => ({ ok: false, errors: [{ message: noData, empty: true }] });

/**
 * `latest`: each village's latest reported value, combined over villages (summed for stocks such
 * as `toilets.sanitary`; households-weighted for coverage). A condition on the month means
 * "as of that month": each village's latest report at or before it, as on the topic pages.
 */
function latest(view: DatasetView, column: ViewColumn, conditions: readonly Condition[]): QueryResult<Quantity | null> {
  const monthKey = view.monthKey;
  if (monthKey === undefined) {
    return fail(`latest 只能用于按月上报的数据（如 toilets.sanitary）；数据集 ${view.name} 没有月份列`);
  }
  const asOfs = [...new Set(conditions.flatMap((c) => (c.column.key === monthKey && c.month ? [c.month] : [])))];
  if (asOfs.length > 1) return fail(`latest 只能指定一个月份，实际为 ${asOfs.join('、')}`);
  const others = conditions.filter((c) => c.column.key !== monthKey);
  // Conditions that only name villages and townships are a scope: ask the pages' metric.
  if (view.latestOf && others.every((c) => c.scope !== undefined)) {
    const figure = view.latestOf(column.key, others.map((c) => c.scope!), asOfs[0]);
    if (figure !== undefined) return ok(figure);
  }
  const groups = new Map<string, { month: Month; row: ViewRecord }[]>();
  for (const row of filterRows(view.rows, others)) {
    const month = row[monthKey];
    if (typeof month !== 'string') continue;
    const group = view.villageKey === undefined ? '' : String(row[view.villageKey]);
    const list = groups.get(group) ?? [];
    list.push({ month, row });
    groups.set(group, list);
  }
  const asOf = asOfs[0] ?? '9999-12';
  const picked: ViewRecord[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    const hit = latestCell(list, asOf, (e) => quantityOf(e.row[column.key]));
    const entry = hit && list.find((e) => e.month === hit.month && quantityOf(e.row[column.key]) !== null);
    if (entry) picked.push(entry.row);
  }
  return ok(combineRows(column, picked));
}

function monthExtreme(rows: ViewRecord[], column: ViewColumn, agg: 'min' | 'max'): Figure | null {
  const months = rows.map((r) => r[column.key]).filter((m): m is string => typeof m === 'string').sort();
  const m = agg === 'min' ? months[0] : months.at(-1);
  return m === undefined ? null : { text: formatMonth(m), value: m, approx: false };
}

/** Compute one figure over the rows of a view that meet every condition. */
export function aggregate(
  view: DatasetView,
  column: ViewColumn,
  conditions: readonly Condition[],
  agg: Aggregate,
): QueryResult<Figure> {
  const label = `「${column.label}」`;
  if (agg === 'count') {
    const n = filterRows(view.rows, conditions).filter((r) => (r[column.key] ?? null) !== null).length;
    return ok({ text: formatNumber(n), value: n, approx: false });
  }
  const rows = filterRows(view.rows, conditions);
  const unitScoped = withRowUnit(column, rows);
  if (!unitScoped.ok) return unitScoped;
  column = unitScoped.value;
  if (column.type === 'month' && (agg === 'min' || agg === 'max')) {
    const figure = monthExtreme(rows, column, agg);
    return figure ? ok(figure) : noRows();
  }
  if (!isNumeric(column) || column.shownOnly) {
    return fail(`${label}不是数值列，不能用 ${agg}；可用 count 计数${column.type === 'month' ? '，或用 min/max 取最早/最晚月份' : ''}`);
  }
  let result: Quantity | null;
  const cells = () => rows.map((r) => quantityOf(r[column.key]));
  switch (agg) {
    case 'sum':
      if (column.type === 'percent') return fail(`${label}是百分比，不能相加；可用 mean、min、max 或 latest`);
      result = sumQuantities(cells());
      break;
    case 'mean':
      result = meanQuantities(cells());
      break;
    case 'min':
      result = minQuantities(cells());
      break;
    case 'max':
      result = maxQuantities(cells());
      break;
    case 'latest': {
      const r = latest(view, column, conditions);
      if (!r.ok) return r;
      result = r.value;
      break;
    }
  }
  return result === null ? noRows() : ok(formatFigure(column, result));
}
