// Resolving the names staff write in chart blocks and figures: datasets, columns, villages.
import type { Tables } from '../data/types.ts';
import { registryOf, schemaByName } from '../data/registry.ts';
import { nameKey, nearest, suggestion } from '../data/cells/names.ts';
import { absentCause, absentText } from '../data/folders.ts';
import { columnNames, datasetNames, datasetView } from './view.ts';
import { fail, ok, type DatasetView, type QueryResult, type ViewColumn } from './types.ts';

/** `（已有：a、b、c）`. */
export function listNames(names: readonly string[]): string {
  return `（已有：${names.join('、')}）`;
}

/** A dataset named in a chart's `data:` or a figure: the file name without `.csv`, never a path. */
export function resolveDataset(tables: Tables, name: string, field = 'data'): QueryResult<DatasetView> {
  const wanted = name.trim();
  if (/[/\\]|\.csv/i.test(wanted)) {
    const stem = wanted.replace(/^.*[/\\]/, '').replace(/\.csv$/i, '');
    return fail(`数据集应写名称（如 ${stem || 'cleanup'}），不能写文件路径 "${wanted}"`, field);
  }
  const names = datasetNames(tables);
  const found = names.find((n) => nameKey(n) === nameKey(wanted));
  if (found !== undefined) return ok(datasetView(tables, found)!);
  const schema = schemaByName(wanted.toLowerCase(), registryOf(tables));
  if (schema) {
    // One cause for every chart and figure over it: one line per report (contract §5).
    return { ok: false, errors: [{ message: `数据集 "${wanted}" 没有数据：${absentText(tables, schema.name)}`, field, cause: absentCause(tables, schema.name) }] };
  }
  const near = nearest(wanted, names.map((n) => [n, n] as const));
  // The likely one first, then the rest in their usual order.
  const listed = near === undefined ? names : [near, ...names.filter((n) => n !== near)];
  return fail(`数据集 "${wanted}" 不存在${listNames(listed)}`, field);
}

/** A column by key, Chinese label, or label without `(unit)` (the CSV header rule, §3.0). */
export function resolveColumn(view: DatasetView, name: string, field?: string): QueryResult<ViewColumn> {
  const key = nameKey(name);
  const found = view.columns.find((c) => columnNames(c).includes(key));
  if (found) return ok(found);
  const near = nearest(
    name,
    view.columns.flatMap((c) => columnNames(c).map((n) => [n, c.label] as const)),
  );
  const shown = name.trim();
  if (view.damaged !== undefined) {
    return {
      ok: false,
      errors: [{
        message: `数据集 ${view.name} 中没有列 "${shown}"：${view.damaged} 未能读取`,
        ...(field !== undefined && { field }),
        cause: view.damaged,
      }],
    };
  }
  const message =
    near === undefined
      ? `列 "${shown}" 不存在于数据集 ${view.name}${listNames(view.columns.map((c) => c.label))}`
      : `列 "${shown}" 不存在${suggestion(near)}`;
  return fail(message, field);
}
