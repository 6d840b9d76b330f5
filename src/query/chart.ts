// Chart data for ad-hoc chart blocks (contract §4.1): a dataset view, filtered by `where`,
// turned into a ChartSpec that the shared renderer draws like any chart of the site.
import type { ChartField, ChartRow, ChartSpec, ChartType } from '../charts/types.ts';
import { withoutUnit } from '../data/cells/names.ts';
import type { Tables } from '../data/types.ts';
import { combineRows, withRowUnit } from './aggregate.ts';
import { resolveColumn, resolveDataset } from './resolve.ts';
import { villageIndex } from '../metrics/tableIndex.ts';
import { compileWhere, filterRows } from './where.ts';
import { followsFrom, quantityOf, type DatasetView, type QueryError, type QueryResult, type ViewColumn, type ViewRecord } from './types.ts';

export interface ChartQuery {
  data: string;
  type: ChartType;
  x: string;
  y: string;
  color?: string;
  /** `column=value` conditions, all must hold */
  where: string[];
  title?: string;
  caption?: string;
}

/** Chart types whose rows with the same x (and color) are summed into one mark. */
const summed: ReadonlySet<ChartType> = new Set(['bar', 'area', 'line']);

function fieldOf(column: ViewColumn): ChartField {
  const type = column.type === 'month' || column.type === 'number' || column.type === 'percent' ? column.type : 'text';
  return {
    key: column.key,
    label: withoutUnit(column.label.normalize('NFKC')),
    type,
    ...(column.unit !== undefined && { unit: column.unit }),
  };
}

/** `各月`, `各村`, `各乡镇`, `各建设内容`: the "by" part of a default title. */
function byPhrase(column: ViewColumn): string {
  if (column.type === 'month') return '各月';
  if (column.type === 'village') return '各村';
  if (column.type === 'point') return '各建设点';
  return `各${withoutUnit(column.label.normalize('NFKC'))}`;
}

/** The key a value is drawn under: months stay `YYYY-MM`, villages show their names. */
function keyOf(view: DatasetView, column: ViewColumn, row: ViewRecord): string | number | null {
  const v = row[column.key] ?? null;
  if (v === null) return null;
  if (typeof v === 'object') return v.value;
  return view.display(column, v);
}

/** Order of values of a category column: villages and townships as in villages.csv. */
function domainOf(tables: Tables, view: DatasetView, column: ViewColumn, present: readonly (string | number)[]): (string | number)[] {
  if (column.type === 'village') {
    return tables.villages.rows.map((v) => view.display(column, v.id));
  }
  if (column.type === 'township') return [...villageIndex(tables).townships];
  const distinct = [...new Set(present)];
  if (column.type === 'month') return distinct.sort();
  if (column.type === 'number' || column.type === 'percent') return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct;
}

function checkColumn(column: ViewColumn, field: string, errors: QueryError[]): void {
  if (column.shownOnly) errors.push({ message: `「${column.label}」只用于显示，不能作图`, field });
}

/** Build the spec of an ad-hoc chart block; every problem is reported with the field it concerns. */
export function buildChartSpec(tables: Tables, query: ChartQuery, id: string): QueryResult<ChartSpec> {
  const found = resolveDataset(tables, query.data);
  if (!found.ok) return found;
  return followsFrom(found.value, () => buildFromView(tables, found.value, query, id));
}

function buildFromView(tables: Tables, view: DatasetView, query: ChartQuery, id: string): QueryResult<ChartSpec> {
  const errors: QueryError[] = [];
  const column = (name: string, field: string): ViewColumn | undefined => {
    const r = resolveColumn(view, name, field);
    if (!r.ok) errors.push(...r.errors);
    else checkColumn(r.value, field, errors);
    return r.ok ? r.value : undefined;
  };
  const x = column(query.x, 'x');
  let y = column(query.y, 'y');
  const color = query.color === undefined ? undefined : column(query.color, 'color');
  if (y && y.type !== 'number' && y.type !== 'percent') {
    const numeric = view.columns.filter((c) => c.type === 'number' || c.type === 'percent').map((c) => c.label);
    errors.push({
      message: `y 应为数值列，「${y.label}」不是${numeric.length > 0 ? `（可用：${numeric.join('、')}）` : ''}`,
      field: 'y',
    });
  }
  const where = compileWhere(tables, view, query.where);
  if (!where.ok) errors.push(...where.errors);
  if (errors.length > 0 || !x || !y || !where.ok) return { ok: false, errors };

  const rows = filterRows(view.rows, where.value).filter((r) => keyOf(view, x, r) !== null);
  const unitScoped = withRowUnit(y, rows);
  if (!unitScoped.ok) return { ok: false, errors: unitScoped.errors.map((e) => ({ ...e, field: 'y' })) };
  y = unitScoped.value;
  const colorKey = (r: ViewRecord) => (color ? String(keyOf(view, color, r) ?? '') : '');

  // One drawn row per (x, color) for summed types; otherwise one per data row.
  const groups = new Map<string, ViewRecord[]>();
  rows.forEach((r, i) => {
    const key = summed.has(query.type) ? JSON.stringify([keyOf(view, x, r), colorKey(r)]) : String(i);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  });
  const chartRows: ChartRow[] = [...groups.values()].map((list) => {
    const first = list[0]!;
    const value = list.length === 1 ? quantityOf(first[y.key]) : combineRows(y, list);
    const row: ChartRow = { [x.key]: keyOf(view, x, first), [y.key]: value?.value ?? null };
    if (color) row[color.key] = colorKey(first);
    if (value?.approx) row.approx = true;
    return row;
  });

  const xOrder = new Map(domainOf(tables, view, x, chartRows.map((r) => r[x.key] as string | number)).map((v, i) => [v, i]));
  const colorDomain = color ? domainOf(tables, view, color, chartRows.map((r) => r[color.key] as string)).map(String) : undefined;
  const colorOrder = new Map(colorDomain?.map((v, i) => [v, i]));
  chartRows.sort(
    (a, b) =>
      (xOrder.get(a[x.key] as string) ?? 0) - (xOrder.get(b[x.key] as string) ?? 0) ||
      (color ? (colorOrder.get(a[color.key] as string) ?? 0) - (colorOrder.get(b[color.key] as string) ?? 0) : 0),
  );

  const months = view.monthKey === undefined ? [] : rows.map((r) => r[view.monthKey!]).filter((m): m is string => typeof m === 'string').sort();
  const asOf = months.at(-1);
  const title = query.title ?? `${byPhrase(x)}${color ? byPhrase(color) : ''}${y.label.normalize('NFKC')}`;
  const spec: ChartSpec = {
    id,
    type: query.type,
    title,
    x: fieldOf(x),
    y: fieldOf(y),
    ...(color && { color: fieldOf(color), colorDomain }),
    rows: chartRows,
    ...(y.type === 'percent' && { yDomain: [0, 100] as [number, number] }),
    ...(query.caption !== undefined && { caption: query.caption }),
    source: `数据来源：${view.file}`,
    ...(asOf !== undefined && { asOf }),
  };
  return { ok: true, value: spec };
}
