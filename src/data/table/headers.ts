// Header row → columns (contract §3.0 "Headers"). A header cell names a column by its key
// (case-insensitive), its Chinese label, or the label without its `(unit)`, compared after NFKC
// and removal of all white space. `note` / `备注` is allowed in every file.
import { UNIT_ALIASES, unitAliases } from '../cells/cells.ts';
import type { GridRecord } from '../read/grid.ts';
import { columnOf } from '../read/source.ts';
import { nameKey, nearest, normalizeName, suggestion, unitOf, withoutUnit } from '../cells/names.ts';
import type { ColumnSpec, Issue } from '../shapes/types.ts';

export interface HeaderLayout {
  /** header cells up to the last non-empty one; a data row has this many cells */
  width: number;
  /** 0-based cell index of each column present, by key */
  indexOf: Map<string, number>;
  /** columns present: in schema order for known datasets, in file order for free ones */
  present: ColumnSpec[];
  /** required columns absent from the header */
  missing: ColumnSpec[];
  /** columns written in a unit that converts exactly to the column's (元 → 万元), by key */
  convert: Map<string, Conversion>;
}

/** Values written in `unit` are divided by `factor` to give the column's unit. */
export interface Conversion {
  unit: string;
  factor: number;
}

/**
 * Units that convert exactly to a column's unit (contract §3.9): 元 → 万元, 米 → 公里,
 * 千克/公斤 → 吨. Anything else in a header is an error: a figure is never silently scaled.
 */
export const CONVERSIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  万元: { 元: 10_000 },
  公里: { 米: 1000, m: 1000 },
  吨: { 千克: 1000, 公斤: 1000, kg: 1000 },
};

export const noteColumn: ColumnSpec = { key: 'note', label: '备注', type: 'text' };

/** Every accepted spelling of every column, as `nameKey`. */
export function columnLookup(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const lookup = new Map<string, ColumnSpec>();
  for (const col of columns) {
    const label = nameKey(col.label);
    for (const name of [nameKey(col.key), label, withoutUnit(label)]) {
      if (name !== '' && !lookup.has(name)) lookup.set(name, col);
    }
  }
  for (const name of ['note', '备注']) if (!lookup.has(name)) lookup.set(name, noteColumn);
  return lookup;
}

/** Number of cells up to and including the last non-empty one. */
export function headerWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i + 1;
  return 0;
}

/**
 * A header that is a single cell holding full-width commas (`月份，村，得分`): the file was typed
 * with Chinese punctuation and has no columns at all. Reported once; the file cannot be read.
 */
export function checkFullWidthHeader(header: GridRecord, path: string, issues: Issue[]): boolean {
  const filled = header.cells.filter((c) => c.trim() !== '');
  if (filled.length !== 1) return false;
  const cell = filled[0]!.trim();
  if (!cell.includes('，')) return false;
  const column = columnOf(header, header.cells.findIndex((c) => c.trim() !== ''));
  issues.push({
    path,
    row: header.line,
    column,
    code: 'unknown-header',
    message:
      `表头只有一格 "${cell}"：列与列之间用的是全角逗号 "，"，CSV 文件须用半角逗号 "," 分隔；` +
      '请把全角逗号改成半角逗号，或在 Excel 中把各列分开后重新另存为 CSV',
  });
  return true;
}

/** Match a known dataset's header row against its schema columns. */
export function matchHeader(
  header: GridRecord,
  columns: readonly ColumnSpec[],
  path: string,
  issues: Issue[],
): HeaderLayout {
  const lookup = columnLookup(columns);
  const width = headerWidth(header.cells);
  const indexOf = new Map<string, number>();
  const convert = new Map<string, Conversion>();
  const badUnit = new Set<string>();
  const unknown: number[] = [];
  for (let i = 0; i < width; i++) {
    const raw = header.cells[i]!;
    const column = columnOf(header, i);
    const at = { path, row: header.line, column };
    if (nameKey(raw) === '') {
      issues.push({ ...at, code: 'blank-header', message: `第 ${column} 列没有列名；请填写列名，或删除这一列` });
      continue;
    }
    const match = headerColumn(raw, lookup, at, issues);
    if ('badUnit' in match) {
      badUnit.add(match.badUnit);
      continue;
    }
    const col = match.col;
    if (col === undefined) {
      unknown.push(i);
      continue;
    }
    const earlier = indexOf.get(col.key);
    if (earlier !== undefined) {
      issues.push({
        ...at,
        code: 'duplicate-header',
        message: `列名 "${raw.trim()}" 与第 ${columnOf(header, earlier)} 列 "${header.cells[earlier]!.trim()}" 重复（都是「${col.label}」）；请删除或改名其中一列`,
      });
      continue;
    }
    indexOf.set(col.key, i);
    if (match.conversion) convert.set(col.key, match.conversion);
  }
  reportUnknownColumns(header, unknown, columns, indexOf, path, issues);

  const missing = columns.filter((c) => c.required && !indexOf.has(c.key));
  for (const col of missing.filter((c) => !badUnit.has(c.key))) {
    issues.push({
      path,
      row: header.line,
      code: 'missing-column',
      message: `缺少必填列「${col.label}」（列名可写作 ${col.label} 或 ${col.key}）`,
    });
  }
  const present = columns.filter((c) => indexOf.has(c.key));
  if (indexOf.has('note') && !present.some((c) => c.key === 'note')) present.push(noteColumn);
  return { width, indexOf, present, missing, convert };
}

/**
 * Takes a non-blank header cell; gives the column it names (undefined: none), by its name or by
 * its name in another unit (`清理垃圾(千克)`), read with a conversion when one is exact. A unit
 * that cannot be converted is an error at the cell: gives that column's key as `badUnit`.
 */
function headerColumn(
  raw: string,
  lookup: ReadonlyMap<string, ColumnSpec>,
  at: { path: string; row: number; column: number },
  issues: Issue[],
): { col: ColumnSpec | undefined; conversion?: Conversion } | { badUnit: string } {
  const key = nameKey(raw);
  const col = lookup.get(key);
  const unit = unitOf(normalizeName(raw));
  const byName = unit === undefined ? undefined : lookup.get(withoutUnit(key));
  if (col !== undefined || unit === undefined || byName?.unit === undefined) return { col };
  const target = byName.unit;
  const factor = CONVERSIONS[target]?.[unit] ?? CONVERSIONS[target]?.[unit.toLowerCase()];
  if (unitAliases(target).some((a) => a.toLowerCase() === unit.toLowerCase()) || canonicalUnit(unit) === target) return { col: byName };
  if (factor !== undefined) return { col: byName, conversion: { unit, factor } };
  const from = Object.entries(CONVERSIONS[target] ?? {}).map(([u]) => u);
  const also = from.length > 0 ? `（可自动换算的只有 ${from.join('、')}）` : '';
  issues.push({
    ...at,
    code: 'unknown-header',
    message:
      `列名 "${raw.trim()}" 的单位 "${unit}" 无法换算为「${byName.label}」的单位 ${target}${also}；` +
      `请把该列数值换算为 ${target} 后，把列名写作 ${byName.label}（如单位来自表格上方的“单位：”行，请在列名中写明本列单位）`,
  });
  return { badUnit: byName.key };
}

/**
 * Header cells that name no column. A column the site does not know (`责任人`, `联系电话`) is left
 * out: never published nor charted, named in one warning. A near match of a known column
 * (`清理垃圾(屯)`) stays an error, so a typo never drops a column in silence (contract §3.9).
 */
function reportUnknownColumns(
  header: GridRecord,
  unknown: readonly number[],
  columns: readonly ColumnSpec[],
  indexOf: ReadonlyMap<string, number>,
  path: string,
  issues: Issue[],
): void {
  // Suggest only columns still missing: a near match to a column already present misleads.
  const all = [...columns, ...(columns.some((c) => c.key === 'note') ? [] : [noteColumn])];
  const absent = all.filter((c) => !indexOf.has(c.key));
  const names = (c: ColumnSpec) => [[c.label, c.label] as const, [withoutUnit(normalizeName(c.label)), c.label] as const, [c.key, c.label] as const];
  const candidates = absent.flatMap(names);
  const everyName = all.flatMap(names);
  const leftOut: number[] = [];
  for (const i of unknown) {
    const raw = header.cells[i]!.trim();
    const near = nearest(raw, candidates);
    if (near === undefined && nearest(raw, everyName) === undefined) {
      leftOut.push(i);
      continue;
    }
    const expected = near === undefined ? `；本表的列为：${all.map((c) => c.label).join('、')}` : suggestion(near);
    issues.push({ path, row: header.line, column: columnOf(header, i), code: 'unknown-header', message: `未知列名 "${raw}"${expected}` });
  }
  if (leftOut.length === 0) return;
  issues.push({
    path,
    row: header.line,
    column: columnOf(header, leftOut[0]!),
    code: 'warning',
    message:
      `${leftOut.map((i) => `「${header.cells[i]!.trim()}」`).join('')}不是本表的列，不公布、不作图，也不在下载的数据中（已忽略）；` +
      `本表的列为：${all.map((c) => c.label).join('、')}`,
  });
}

/** The canonical unit for a unit written in a header, e.g. `t` → `吨`; undefined if unknown. */
export function canonicalUnit(unit: string): string | undefined {
  const u = unit.toLowerCase();
  if (Object.hasOwn(UNIT_ALIASES, unit)) return unit;
  for (const [canonical, aliases] of Object.entries(UNIT_ALIASES)) {
    if (aliases.some((a) => a.toLowerCase() === u)) return canonical;
  }
  return undefined;
}

/**
 * A free dataset's header (§3.8): every header cell is a column, labelled as written, keyed by
 * the header text normalised. The column type is filled in later from the cells (`text` here).
 */
export function freeHeader(header: GridRecord, path: string, issues: Issue[]): HeaderLayout {
  const width = headerWidth(header.cells);
  const indexOf = new Map<string, number>();
  const present: ColumnSpec[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const raw = header.cells[i]!.trim();
    const at = { path, row: header.line, column: columnOf(header, i) };
    let key = normalizeName(raw);
    if (key === '') {
      issues.push({ ...at, code: 'blank-header', message: `第 ${at.column} 列没有列名；请填写列名，或删除这一列` });
      continue;
    }
    const isNote = key.toLowerCase() === 'note' || key === '备注';
    const folded = isNote ? 'note' : key.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      issues.push({
        ...at,
        code: 'duplicate-header',
        message: `列名 "${raw}" 与第 ${columnOf(header, earlier)} 列 "${header.cells[earlier]!.trim()}" 重复；请删除或改名其中一列`,
      });
      continue;
    }
    seen.set(folded, i);
    // `line` is every row's own property: a column of that name is keyed `line_`.
    if (isNote) key = 'note';
    else if (key === 'line') key = 'line_';
    const unitText = unitOf(normalizeName(raw));
    const unit = unitText === undefined ? undefined : canonicalUnit(unitText);
    const col: ColumnSpec = isNote
      ? { key: 'note', label: raw, type: 'text' }
      : { key, label: raw, type: 'text', ...(unit === undefined ? {} : { unit }) };
    indexOf.set(key, i);
    present.push(col);
  }
  return { width, indexOf, present, missing: [], convert: new Map() };
}
