// Load one known dataset (contract §3.1–3.7): header against the schema, then every row — shape,
// each cell by its column type, checks across columns and files, uniqueness, total rows. Every
// row left out of the table has produced an error.
import { isEmptyCell, parseNumber, type NumberRule } from './cells.ts';
import { excelErrorValue, fileMistakes, headerProblem } from './mistakes.ts';
import { checkRow, nameColumns, NO_OVERRIDE, numberOverride, uniqueKeys, type Values } from './datasetRules.ts';
import { nonEmptyCells, totalKind } from './frame.ts';
import type { GridRecord } from './grid.ts';
import { columnLookup, matchHeader } from './headers.ts';
import { nameKey } from './names.ts';
import { quote } from './quote.ts';
import { numberRule, readCell, type ReadResult, type References } from './readCell.ts';
import type { DatasetSchema } from './schemas.ts';
import { checkShape } from './shape.ts';
import { readSheet } from './sheet.ts';
import { checkTotals, type BodyLine, type TotalColumn } from './totals.ts';
import type { ColumnSpec, Dataset, Issue, Quantity } from './types.ts';
import { checkUnique, uniqueKey } from './unique.ts';

const EMPTY = Symbol('empty cell');

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

/**
 * A title is one non-empty cell that names no column; the header under it must be recognisable:
 * it names at least one schema column.
 */
function headerTests(columns: readonly ColumnSpec[]) {
  const lookup = columnLookup(columns);
  const known = (cell: string) => lookup.has(nameKey(cell));
  return {
    isTitle: (row: GridRecord) => nonEmptyCells(row.cells) === 1 && !row.cells.some(known),
    // A header typed with full-width commas is still recognisable (and reported as such).
    isHeader: (row: GridRecord) => row.cells.some((c) => c.split('，').some(known)),
  };
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
  const tests = headerTests(schema.columns);
  const sheet = readSheet(path, bytes, tests.isTitle, tests.isHeader, issues);
  if (sheet === null) return { ...empty, dataset: { ...empty.dataset, damaged: path } };
  const headerIssues: Issue[] = [];
  const layout = matchHeader(sheet.header, schema.columns, path, headerIssues);
  const notFound = headerProblem(schema, sheet.header, sheet.body, layout, path);
  if (notFound !== null) {
    issues.push(notFound);
    return { ...empty, dataset: { ...empty.dataset, damaged: path } };
  }
  issues.push(...headerIssues);
  const present = layout.present;
  const usable = layout.missing.length === 0;
  const damaged = !usable || headerIssues.some((i) => i.code === 'unknown-header' || i.code === 'blank-header');
  const indexOf = layout.indexOf;
  // Cells are read left to right, so a row's problems come out in the order staff see them.
  const readers = present
    .map((col) => ({
      col,
      index: indexOf.get(col.key)!,
      numeric: col.type === 'number' || col.type === 'integer' || col.type === 'percent',
    }))
    .sort((a, b) => a.index - b.index);
  const checkNames = (sheet.encoding === 'utf-8' || sheet.encoding === 'gb18030' ? (nameColumns[schema.name] ?? []) : [])
    .filter((key) => indexOf.has(key))
    .map((key) => present.find((c) => c.key === key)!);
  const keys = uniqueKeys(schema.name, schema.unique)
    .filter((cols) => cols.every((k) => indexOf.has(k)))
    .map((cols) => uniqueKey(cols.map((k) => present.find((c) => c.key === k)!)));
  const totalColumns: (TotalColumn & { col: ColumnSpec })[] = present
    .filter((c) => (c.type === 'number' || c.type === 'integer') && c.max === undefined)
    .map((col) => ({ col, index: indexOf.get(col.key)!, label: col.label }));
  const lacking = (have: number) => readers.filter((r) => r.index >= have).map((r) => r.col.label);
  const hasTotals = sheet.body.some((r) => totalKind(r.cells) !== null);
  const mistakes = fileMistakes(schema, present, indexOf, sheet.body, refs.currentMonth);

  // Columns repeat their values (months, villages, small numbers): each distinct cell is read once.
  const caches = new Map<string, Map<string, ReadResult | typeof EMPTY>>();
  const read = (col: ColumnSpec, raw: string, override: Partial<NumberRule>): ReadResult | typeof EMPTY => {
    let cache = caches.get(col.key);
    if (cache === undefined) caches.set(col.key, (cache = new Map()));
    const key = override === NO_OVERRIDE ? raw : `${raw}\u0000${override.unit ?? ''}\u0000${override.max ?? ''}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = isEmptyCell(raw) ? EMPTY : readCell(col, raw, refs, override);
      cache.set(key, result);
    }
    return result;
  };

  // The row being read; `rawOf` and `at` look into it (defined once: this loop runs 100,000 times).
  let cells: readonly string[] = [];
  let line = 0;
  const rawOf = (key: string): string | undefined => {
    const i = indexOf.get(key);
    return i === undefined ? undefined : cells[i];
  };
  const at = (key: string) => ({ path, row: line, column: indexOf.get(key)! + 1 });

  // References to a row that has its own error are reported once per target, with a count.
  const groups = new Map<string, { issue: Issue; count: number }>();
  const rows: R[] = [];
  const rejected: RejectedRow[] = [];
  const lines: BodyLine[] = [];
  // One map, cleared per row: builders copy what they need out of it.
  const values: Values = new Map();

  for (const record of sheet.body) {
    cells = record.cells;
    line = record.line;
    const kind = totalKind(cells);
    if (kind !== null) {
      lines.push({ line, cells, total: kind });
      continue;
    }
    let ok = usable;
    const shape = checkShape(path, record, layout.width, lacking);
    if (shape) {
      issues.push(shape);
      ok = false;
    }

    values.clear();
    for (const { col, index, numeric } of readers) {
      const raw = cells[index];
      if (raw === undefined) continue; // row too short: reported as missing-cell
      const result = mistakes.check(col, raw) ?? read(col, raw, numeric ? numberOverride(schema.name, col.key, rawOf) : NO_OVERRIDE);
      if (result === EMPTY) {
        if (col.required) {
          const shown = raw.trim() === '' ? '不能为空' : `实际为 ${quote(raw)}（表示未填报）`;
          issues.push({ ...at(col.key), code: 'missing-value', message: `「${col.label}」为必填项，${shown}` });
          ok = false;
        } else values.set(col.key, col.default ?? null);
        continue;
      }
      if (!result.ok) {
        ok = false;
        const group = result.group;
        if (group === undefined) issues.push({ ...at(col.key), code: result.code, message: result.message });
        else {
          const g = groups.get(group.key);
          if (g) g.count++;
          else {
            const issue: Issue = group.wholeFile
              ? { path, code: result.code, message: result.message }
              : { ...at(col.key), code: result.code, message: result.message };
            issues.push(issue);
            groups.set(group.key, { issue, count: 1 });
          }
        }
        continue;
      }
      // Cached values are shared: each row gets its own copy of an object (Quantity, Scope).
      const value = result.value;
      values.set(col.key, typeof value === 'object' && value !== null ? { ...value } : value);
      if (result.warning) issues.push({ ...at(col.key), code: 'warning', message: result.warning });
    }

    for (const col of checkNames) {
      const raw = rawOf(col.key)!;
      // `#NAME?` is a broken formula (reported as such), not Excel's replacement character.
      if (raw.includes('?') && excelErrorValue(col.label, raw) === null) {
        issues.push({
          ...at(col.key),
          code: 'warning',
          message: `「${col.label}」${quote(raw)} 中有 "?"：Excel 另存为 GBK 编码的 CSV 时，会把它编码不了的字（如生僻字）换成 "?"；请核对原表，并另存为“CSV UTF-8（逗号分隔）”`,
        });
      }
    }

    for (const problem of checkRow(schema.name, values, refs)) {
      issues.push({ ...at(problem.key), code: problem.code, message: problem.message });
      if (problem.code !== 'warning') ok = false;
    }

    for (const key of keys) {
      const problem = checkUnique(key, values, rawOf, line);
      if (problem) {
        issues.push({ ...at(problem.key), code: problem.code, message: problem.message });
        ok = false;
      }
    }

    if (hasTotals) {
      lines.push({
        line,
        cells,
        total: null,
        numbers: totalColumns.map(({ col, index }) => {
          if (cells[index] === undefined) return null;
          const v = values.get(col.key);
          return v === undefined ? undefined : (v as Quantity | null);
        }),
      });
    }

    if (ok) rows.push(build(values, line));
    else {
      const raw = new Map<string, string>();
      for (const { col, index } of readers) if (cells[index] !== undefined) raw.set(col.key, cells[index]);
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

  const dataset: Dataset<R> = { name: schema.name, file: path, columns: present, rows, ...(damaged && { damaged: path }) };
  return { dataset, usable, rejected };
}
