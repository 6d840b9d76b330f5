// Total rows (contract §3.0): a 合计/总计/小计 row is not data, but each of its numbers is checked
// against the rows above it; a published total that disagrees with its own table is exactly what
// residents notice.
import type { CellResult } from '../cells/cells.ts';
import { isEmptyCell } from '../cells/cells.ts';
import type { TotalKind } from './frame.ts';
import type { Issue, Quantity } from '../shapes/types.ts';
import { trimFloat } from '../../floatNoise.ts';

/** A column whose totals are checked: its cell index and label. */
export interface TotalColumn {
  index: number;
  label: string;
  /** the file's own 1-based column, when a layout moved columns (default index + 1) */
  column?: number;
}

/** A body row in file order. Data rows carry the number read from each total column. */
export interface BodyLine {
  line: number;
  cells: readonly string[];
  total: TotalKind | null;
  /** by position in the total columns: a quantity, null (empty), undefined (unreadable) */
  numbers?: readonly (Quantity | null | undefined)[];
}

interface Sum {
  value: number;
  approx: boolean;
  /** a cell in range could not be read: its error is already reported, the sum means nothing */
  bad: boolean;
  /** first row in range */
  from: number;
}

const clean = trimFloat;

function show(value: number, approx: boolean): string {
  return `${clean(value)}${approx ? '余' : ''}`;
}

/**
 * Does a published total agree with the sum? `1000余` agrees with any sum of at least 1000; an
 * exact total must equal the sum (float noise aside): 12.5 + 7 published as 20 is the kind of
 * disagreement residents notice.
 */
export function totalAgrees(total: Quantity, sum: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(total.value));
  if (total.approx) return sum >= total.value - eps;
  return Math.abs(clean(sum) - total.value) <= eps;
}

function fresh(from: number): Sum {
  return { value: 0, approx: false, bad: false, from };
}

function add(sum: Sum, q: Quantity | null | undefined): void {
  if (q === undefined) sum.bad = true;
  else if (q !== null) {
    sum.value += q.value;
    sum.approx ||= q.approx;
  }
}

/**
 * Check every total row. 小计: the data rows since the previous 小计 (or 合计, or the header).
 * 合计/总计: all data rows above; after an earlier 合计, the rows since it also agree (a file
 * made of sections, each with its own 合计).
 */
export function checkTotals(
  all_: readonly BodyLine[],
  columns: readonly TotalColumn[],
  read: (column: number, raw: string, row: BodyLine) => CellResult<Quantity>,
  path: string,
  issues: Issue[],
): void {
  let lines = all_;
  if (!lines.some((l) => l.total !== null)) return;
  const firstData = lines.findIndex((l) => l.total === null);
  if (firstData > 0) {
    checkTotalsAbove(lines, firstData, columns, read, path, issues);
    lines = lines.slice(firstData);
  }
  const first = lines[0]?.line ?? 0;
  const all = columns.map(() => fresh(first));
  let sub = columns.map(() => fresh(first));
  let section = columns.map(() => fresh(first));
  let sawTotal = false;
  for (const row of lines) {
    if (row.total === null) {
      columns.forEach((_, k) => {
        const q = row.numbers?.[k];
        add(all[k]!, q);
        add(sub[k]!, q);
        add(section[k]!, q);
      });
      continue;
    }
    const word = row.cells.slice(0, 2).join('').includes('总计') ? '总计' : row.total === 'subtotal' ? '小计' : '合计';
    columns.forEach((col, k) => {
      const raw = row.cells[col.index] ?? '';
      if (isEmptyCell(raw)) return;
      const read_ = read(k, raw, row);
      const at = { path, row: row.line, column: col.column ?? col.index + 1 };
      if (!read_.ok) {
        issues.push({ ...at, code: read_.code, message: read_.message });
        return;
      }
      const total = read_.value;
      const sums = row.total === 'subtotal' ? [sub[k]!] : sawTotal ? [all[k]!, section[k]!] : [all[k]!];
      if (sums.some((s) => s.bad)) return;
      if (sums.some((s) => totalAgrees(total, s.value))) return;
      const s = sums.at(-1)!;
      const range = row.total === 'subtotal' || sawTotal ? `第 ${s.from} 至 ${row.line - 1} 行` : '上方各行';
      const only = total.approx ? '只有' : '为';
      issues.push({
        ...at,
        code: 'constraint-error',
        message: `「${col.label}」${word}为 ${show(total.value, total.approx)}，但${range}相加${only} ${show(s.value, s.approx)}`,
      });
    });
    sub = columns.map(() => fresh(row.line + 1));
    if (row.total === 'total') {
      section = columns.map(() => fresh(row.line + 1));
      sawTotal = true;
    }
  }
}

/** Total rows right under the header (§3.9), before `firstData`: each covers the data rows below it, up to the next 合计. */
function checkTotalsAbove(
  lines: readonly BodyLine[],
  firstData: number,
  columns: readonly TotalColumn[],
  read: (column: number, raw: string, row: BodyLine) => CellResult<Quantity>,
  path: string,
  issues: Issue[],
): void {
  let stop = lines.findIndex((l, i) => i > firstData && l.total === 'total');
  if (stop === -1) stop = lines.length;
  const covered = lines.slice(firstData, stop);
  for (const row of lines.slice(0, firstData)) {
    columns.forEach((col, k) => {
      const raw = row.cells[col.index] ?? '';
      if (isEmptyCell(raw)) return;
      const at = { path, row: row.line, column: col.column ?? col.index + 1 };
      const read_ = read(k, raw, row);
      if (!read_.ok) {
        issues.push({ ...at, code: read_.code, message: read_.message });
        return;
      }
      const sum = fresh(covered[0]!.line);
      for (const data of covered) if (data.total === null) add(sum, data.numbers?.[k]);
      if (sum.bad || totalAgrees(read_.value, sum.value)) return;
      const word = row.cells.slice(0, 3).join('').includes('总计') ? '总计' : row.total === 'subtotal' ? '小计' : '合计';
      const last = covered.at(-1)!.line;
      issues.push({
        ...at,
        code: 'constraint-error',
        message: `「${col.label}」${word}为 ${show(read_.value.value, read_.value.approx)}，但下方第 ${sum.from} 至 ${last} 行相加${read_.value.approx ? '只有' : '为'} ${show(sum.value, sum.approx)}`,
      });
    });
  }
}
