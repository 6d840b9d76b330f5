// Load one known dataset (contract §3.1–3.7): header against the schema, then every row — shape,
// each cell by its column type, checks across columns and files, uniqueness, total rows. Every
// row left out of the table has produced an error.
import { isEmptyCell, parseNumber } from './cells.ts';
import { checkRow, nameColumns, numberOverride, uniqueKeys, type Values } from './datasetRules.ts';
import { nonEmptyCells, totalKind } from './frame.ts';
import type { GridRecord } from './grid.ts';
import { columnLookup, headerWidth, matchHeader, type HeaderLayout } from './headers.ts';
import { nameKey } from './names.ts';
import { numberRule, readCell, type References } from './readCell.ts';
import type { DatasetSchema } from './schemas.ts';
import { readSheet } from './sheet.ts';
import { checkTotals, type BodyLine, type TotalColumn } from './totals.ts';
import type { ColumnSpec, Dataset, Issue, Quantity } from './types.ts';

export interface RejectedRow {
  line: number;
  /** raw cell of each column present, by key */
  raw: Map<string, string>;
}

export interface KnownResult<R> {
  dataset: Dataset<R>;
  /** the header was read and has every required column: references into this file can be checked */
  usable: boolean;
  /** rows left out because of an error */
  rejected: RejectedRow[];
}

function quote(raw: string): string {
  const s = raw.trim();
  const chars = [...s];
  return `"${chars.length > 40 ? chars.slice(0, 40).join('') + '…' : s}"`;
}

/** A title needs a recognisable header under it: a row naming at least one schema column. */
function titleTest(columns: readonly ColumnSpec[]) {
  const lookup = columnLookup(columns);
  const known = (cell: string) => lookup.has(nameKey(cell));
  return (first: GridRecord, next: GridRecord): boolean => {
    if (nonEmptyCells(first.cells) !== 1) return false;
    if (first.cells.some(known)) return false;
    // A header typed with full-width commas is still recognisable (and reported as such).
    return next.cells.some((c) => c.split('，').some(known));
  };
}

function missingCellMessage(row: GridRecord, layout: HeaderLayout, present: readonly ColumnSpec[]): string {
  const have = row.cells.length;
  const lacking = present.filter((c) => layout.indexOf.get(c.key)! >= have).map((c) => `「${c.label}」`);
  const which = lacking.length > 0 ? `，缺少${lacking.slice(0, 3).join('')}${lacking.length > 3 ? '等' : ''}列` : '';
  return `本行只有 ${have} 格，表头有 ${layout.width} 列${which}；请补齐（没有数据的格子留空即可）`;
}

export function loadKnown<R>(
  schema: DatasetSchema,
  path: string,
  bytes: Uint8Array,
  refs: References,
  build: (values: Values, line: number) => R,
  issues: Issue[],
): KnownResult<R> {
  const empty: KnownResult<R> = {
    dataset: { name: schema.name, file: path, columns: [], rows: [] },
    usable: false,
    rejected: [],
  };
  const sheet = readSheet(path, bytes, titleTest(schema.columns), issues);
  if (sheet === null) return empty;
  const layout = matchHeader(sheet.header, schema.columns, path, issues);
  const present = layout.present;
  const usable = layout.missing.length === 0;
  const checkNames = sheet.encoding === 'utf-8' || sheet.encoding === 'gb18030' ? (nameColumns[schema.name] ?? []) : [];
  const keySets = uniqueKeys(schema.name, schema.unique).filter((keys) => keys.every((k) => layout.indexOf.has(k)));
  const seen = keySets.map(() => new Map<string, number>());
  const totalColumns: (TotalColumn & { col: ColumnSpec })[] = present
    .filter((c) => (c.type === 'number' || c.type === 'integer') && c.max === undefined)
    .map((col) => ({ col, index: layout.indexOf.get(col.key)!, label: col.label }));

  // References to a row that has its own error are reported once per target, with a count.
  const groups = new Map<string, { issue: Issue; count: number }>();
  const rows: R[] = [];
  const rejected: RejectedRow[] = [];
  const lines: BodyLine[] = [];

  for (const record of sheet.body) {
    const { line, cells } = record;
    const kind = totalKind(cells);
    if (kind !== null) {
      lines.push({ line, cells, total: kind });
      continue;
    }
    let ok = usable;
    const at = (key: string) => ({ path, row: line, column: layout.indexOf.get(key)! + 1 });
    if (cells.length < layout.width) {
      issues.push({ path, row: line, column: cells.length + 1, code: 'missing-cell', message: missingCellMessage(record, layout, present) });
      ok = false;
    } else if (headerWidth(cells) > layout.width) {
      const extra = cells.slice(layout.width).filter((c) => c.trim() !== '');
      const column = layout.width + cells.slice(layout.width).findIndex((c) => c.trim() !== '') + 1;
      issues.push({
        path,
        row: line,
        column,
        code: 'extra-cell',
        message: `第 ${column} 列有内容 ${quote(extra[0]!)}${extra.length > 1 ? ` 等 ${extra.length} 格` : ''}，但表头只有 ${layout.width} 列；请给这一列加上列名，或删去多余的内容`,
      });
      ok = false;
    }

    const rawOf = (key: string) => {
      const i = layout.indexOf.get(key);
      return i === undefined ? undefined : cells[i];
    };
    const values: Values = new Map();
    for (const col of present) {
      const raw = rawOf(col.key);
      if (raw === undefined) continue; // row too short: reported as missing-cell
      if (isEmptyCell(raw)) {
        if (col.required) {
          const shown = raw.trim() === '' ? '不能为空' : `实际为 ${quote(raw)}（表示未填报）`;
          issues.push({ ...at(col.key), code: 'missing-value', message: `「${col.label}」为必填项，${shown}` });
          ok = false;
        } else values.set(col.key, col.default ?? null);
        continue;
      }
      const result = readCell(col, raw, refs, numberOverride(schema.name, col.key, rawOf));
      if (!result.ok) {
        ok = false;
        if (result.group) {
          const g = groups.get(result.group.key);
          if (g) g.count++;
          else {
            const issue: Issue = result.group.wholeFile
              ? { path, code: result.code, message: result.message }
              : { ...at(col.key), code: result.code, message: result.message };
            issues.push(issue);
            groups.set(result.group.key, { issue, count: 1 });
          }
        } else issues.push({ ...at(col.key), code: result.code, message: result.message });
        continue;
      }
      values.set(col.key, result.value);
      if (result.warning) issues.push({ ...at(col.key), code: 'warning', message: result.warning });
    }

    for (const key of checkNames) {
      const raw = rawOf(key);
      if (raw?.includes('?')) {
        const label = present.find((c) => c.key === key)!.label;
        issues.push({
          ...at(key),
          code: 'warning',
          message: `「${label}」${quote(raw)} 中有 "?"：Excel 另存为 GBK 编码的 CSV 时，会把它编码不了的字（如生僻字）换成 "?"；请核对原表，并另存为“CSV UTF-8（逗号分隔）”`,
        });
      }
    }

    for (const problem of checkRow(schema.name, values, refs)) {
      issues.push({ ...at(problem.key), code: problem.code, message: problem.message });
      if (problem.code !== 'warning') ok = false;
    }

    keySets.forEach((keys, k) => {
      if (!keys.every((key) => values.get(key) !== undefined && values.get(key) !== null)) return;
      const id = keys.map((key) => {
        const v = values.get(key);
        return typeof v === 'string' ? nameKey(v) : JSON.stringify(v);
      }).join('\u0000');
      const earlier = seen[k]!.get(id);
      if (earlier === undefined) {
        seen[k]!.set(id, line);
        return;
      }
      const labels = keys.map((key) => `「${present.find((c) => c.key === key)!.label}」`).join('');
      const shown = keys.map((key) => quote(rawOf(key) ?? '')).join('、');
      const message =
        schema.name === 'villages' && keys.includes('township')
          ? `「村名」${quote(rawOf('name') ?? '')} 与第 ${earlier} 行重复：同一乡镇（${String(values.get('township'))}）内村名不能相同`
          : keys.length === 1
            ? `${labels}${shown} 与第 ${earlier} 行重复；${labels}不能重复`
            : `${labels}为 ${shown} 的行与第 ${earlier} 行重复；同一组合只能有一行`;
      const column = schema.name === 'villages' && keys.includes('township') ? 'name' : keys[0]!;
      issues.push({ ...at(column), code: 'unique-error', message });
      ok = false;
    });

    lines.push({
      line,
      cells,
      total: null,
      numbers: totalColumns.map(({ col }) => {
        if (rawOf(col.key) === undefined) return null;
        const v = values.get(col.key);
        return v === undefined ? undefined : (v as Quantity | null);
      }),
    });

    if (ok) rows.push(build(values, line));
    else {
      const raw = new Map<string, string>();
      for (const col of present) {
        const r = rawOf(col.key);
        if (r !== undefined) raw.set(col.key, r);
      }
      rejected.push({ line, raw });
    }
  }

  for (const { issue, count } of groups.values()) {
    if (count > 1) issue.message += `（本文件共 ${count} 行因此未载入）`;
  }

  checkTotals(
    lines,
    totalColumns,
    (k, raw, row) => {
      const { col } = totalColumns[k]!;
      const rawOf = (key: string) => {
        const i = layout.indexOf.get(key);
        return i === undefined ? undefined : row.cells[i];
      };
      return parseNumber(raw, numberRule(col, numberOverride(schema.name, col.key, rawOf)));
    },
    path,
    issues,
  );

  return { dataset: { name: schema.name, file: path, columns: present, rows }, usable, rejected };
}
