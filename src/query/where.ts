// `where` conditions (`column=value`, all must hold), shared by chart blocks and figures.
// A village column matches a village id or name; a month matches in any accepted month form
// (`2023-06`, `2023年6月`); numbers compare by value; enum columns accept only their values.
import type { Month, Scope, Tables } from '../data/types.ts';
import { parseMonth, parseNumber } from '../data/cells/cells.ts';
import { nameKey, nearest, suggestion } from '../data/cells/names.ts';
import { createIndex } from '../metrics/tableIndex.ts';
import { resolveColumn } from './resolve.ts';
import { villageIndex } from '../metrics/tableIndex.ts';
import { fail, ok, type DatasetView, type QueryError, type QueryResult, type ViewColumn, type ViewRecord } from './types.ts';

export interface Condition {
  column: ViewColumn;
  /** the value as written */
  text: string;
  test(row: ViewRecord): boolean;
  /** for a condition on the month column: the month it names */
  month?: Month;
  /** for a condition on the village or township column: the scope it names */
  scope?: Scope;
}

/**
 * Split condition text into `column=value` parts: `township=洋江镇 month=2023-06`; white space
 * around `=` is allowed, full-width `＝` and `，` are read as `=` and a separator.
 */
export function splitConditions(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/\s*=\s*/g, '=')
    .split(/[\s,，、;；]+/u)
    .filter((s) => s !== '');
}

function compile(tables: Tables, view: DatasetView, column: ViewColumn, raw: string): QueryResult<Omit<Condition, 'text' | 'column'>> {
  const value = raw.trim();
  const label = `「${column.label}」`;
  const get = (row: ViewRecord) => row[column.key] ?? null;
  switch (column.type) {
    case 'village': {
      const found = villageIndex(tables).resolve(value);
      if (!found.ok) return fail(found.message);
      const id = found.village.id;
      return ok({ test: (row) => get(row) === id, scope: { kind: 'village', village: id } });
    }
    case 'township': {
      const index = villageIndex(tables);
      const township = index.resolveTownship(value);
      if (township === undefined) {
        const near = nearest(value, index.townships.map((t) => [t, t] as const));
        return fail(`乡镇 "${value}" 不在村庄名录 (villages.csv) 中${suggestion(near)}`);
      }
      return ok({ test: (row) => get(row) === township, scope: { kind: 'township', township } });
    }
    case 'point': {
      const points = [...createIndex(tables).points.values()];
      const ids = new Set(points.filter((p) => nameKey(p.id) === nameKey(value) || nameKey(p.name) === nameKey(value)).map((p) => p.id));
      if (ids.size === 0) {
        const near = nearest(value, points.flatMap((p) => [[p.id, p.id] as const, [p.name, p.name] as const]));
        return fail(`建设点 "${value}" 不在 construction-points.csv 中${suggestion(near)}`);
      }
      return ok({ test: (row) => ids.has(get(row) as string) });
    }
    case 'month': {
      const month = parseMonth(value, column.label);
      if (!month.ok) return fail(month.message);
      return ok({ test: (row) => get(row) === month.value, month: month.value });
    }
    case 'number':
    case 'percent': {
      const n = parseNumber(value, {
        label: column.label,
        percent: column.type === 'percent',
        ...(column.unit !== undefined && { unit: column.unit }),
      });
      if (!n.ok) return fail(n.message);
      return ok({
        test: (row) => {
          const v = get(row);
          return v !== null && typeof v === 'object' && v.value === n.value.value;
        },
      });
    }
    case 'text': {
      const typed = nameKey(value);
      // A name stands for its value (targets: 无害化卫生户厕覆盖率 for toilet_coverage).
      const wanted = column.names?.find((n) => nameKey(n.name) === typed)?.key ?? typed;
      if (column.values && !column.values.some((v) => nameKey(v) === wanted)) {
        return fail(`${label}只能是 ${column.values.join('、')}，实际为 "${value}"`);
      }
      return ok({ test: (row) => typeof get(row) === 'string' && nameKey(get(row) as string) === wanted });
    }
  }
}

/** Compile `column=value` conditions against a view; every problem is reported. */
export function compileWhere(tables: Tables, view: DatasetView, conditions: readonly string[], field = 'where'): QueryResult<Condition[]> {
  const errors: QueryError[] = [];
  const out: Condition[] = [];
  conditions.forEach((text, index) => {
    const eq = text.indexOf('=');
    if (eq <= 0 || eq === text.length - 1) {
      errors.push({ message: `条件 "${text}" 应写成 列=值（如 township=洋江镇、month=2023-06）`, field, index });
      return;
    }
    const column = resolveColumn(view, text.slice(0, eq), field);
    if (!column.ok) {
      errors.push(...column.errors.map((e) => ({ ...e, index })));
      return;
    }
    const compiled = compile(tables, view, column.value, text.slice(eq + 1));
    if (!compiled.ok) errors.push(...compiled.errors.map((e) => ({ ...e, field, index })));
    else out.push({ ...compiled.value, column: column.value, text });
  });
  return errors.length > 0 ? { ok: false, errors } : ok(out);
}

/** Rows for which every condition holds. */
export function filterRows(rows: readonly ViewRecord[], conditions: readonly Condition[]): ViewRecord[] {
  return rows.filter((row) => conditions.every((c) => c.test(row)));
}
