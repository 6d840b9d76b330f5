// Where the table is in a sheet, as staff lay it out (contract §3.0 "Title and total rows", §3.9):
// rows above the header (titles, 填报单位, 单位：吨), a two-row header from merged group cells,
// a 序号 column, footer rows (填报人, 审核人 …), 月份/乡镇 cells merged vertically in a CSV file,
// and months as columns. The result is a plain table — one header row, one record per data row —
// whose cells keep the file's own row and column numbers, so the row reader after it is the same
// for a tidy CSV file and for a ledger workbook.
import { isEmptyCell, parseNumber } from '../cells/cells.ts';
import { distinctCells, totalKind, type TotalKind } from './frame.ts';
import type { GridRecord } from '../read/grid.ts';
import { canonicalUnit, columnLookup, CONVERSIONS } from './headers.ts';
import { nameKey, normalizeName, unitOf, withoutUnit } from '../cells/names.ts';
import { quote } from '../cells/quote.ts';
import { numberRule } from '../cells/readCell.ts';
import type { AnySchema } from '../schema/dataset.ts';
import { columnOf, type Source } from '../read/source.ts';
import { checkTotals, type BodyLine } from './totals.ts';
import type { ColumnSpec, Issue, Quantity } from '../shapes/types.ts';

/** A record of the laid-out table; `total` is decided before any column is dropped. */
export interface TableRecord extends GridRecord {
  total: TotalKind | null;
}

export interface Table {
  header: GridRecord;
  body: TableRecord[];
}

/** The optional 乡镇 column of every dataset with a village column (contract §3.9). */
export const townshipColumn: ColumnSpec = { key: 'township', label: '乡镇', type: 'text' };

/** Datasets that may be wide (one column per month), and the column the month cells hold. */
const SERIAL_NUMBER = new Set(['序号', '序', 'no', 'no.', '#']);
const YEAR_COLUMN = new Set(['年度', '年份', '年']);
const FOOTER = /^(?:填报人|填表人|审核人|审核|审批人|制表人|制表|负责人|单位负责人|分管领导|主要领导|联系人|联系电话|电话|经办人|统计人|填报日期|制表日期|报送日期|注|说明|备注[:：])/u;
const UNIT_NOTE = /(?:^|\()单位[:：]\s*([^()\s,;，；、]+)/u;
const PLAIN_NUMBER = /^[-+]?[\d,]*\.?\d+%?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** A month written as a column header: `1月`, `1月份`, `2023年1月`, `2023-01`, a date cell. */
export function monthLabel(label: string): { month: number; year?: number } | null {
  const s = normalizeName(label);
  let m = /^(\d{1,2})月份?$/u.exec(s);
  if (m) return valid(Number(m[1]));
  m = /^(\d{4})年(\d{1,2})月份?$/u.exec(s) ?? /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/u.exec(s);
  if (m) return valid(Number(m[2]), Number(m[1]));
  return null;
}

function valid(month: number, year?: number): { month: number; year?: number } | null {
  if (month < 1 || month > 12) return null;
  if (year !== undefined && (year < 2000 || year > 2100)) return null;
  return year === undefined ? { month } : { month, year };
}

/** A year written in a title or a name: `2023年`, `2023年度`, or four digits standing alone. */
export function yearIn(text: string): number | undefined {
  const s = normalizeName(text);
  const m = /(20\d{2}|2100)年/u.exec(s) ?? /(?<!\d)(20\d{2}|2100)(?!\d)/u.exec(s);
  return m ? Number(m[1]) : undefined;
}

function rowsText(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(j === i ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  const shown = parts.slice(0, 6).join('、');
  return parts.length > 6 ? `${shown} 等` : shown;
}

function firstText(record: GridRecord): string {
  return record.cells.find((c) => c.trim() !== '')?.trim() ?? '';
}

/** Header-cell matching that tolerates a unit other than the column's (checked in matchHeader). */
function namer(columns: readonly ColumnSpec[]) {
  const lookup = columnLookup(columns);
  return (label: string): ColumnSpec | undefined => {
    const key = nameKey(label);
    if (key === '') return undefined;
    const hit = lookup.get(key);
    if (hit) return hit;
    if (unitOf(key) === undefined) return undefined;
    const col = lookup.get(withoutUnit(key));
    return col && col.unit !== undefined ? col : undefined;
  };
}

function joins(group: string, sub: string): string[] {
  const g = normalizeName(group);
  const b = normalizeName(sub);
  const bare = withoutUnit(g);
  const unit = unitOf(b);
  // A bare sub-label is a unit only when it is one (`吨`, `元`), not any word (`车次`).
  const isUnit = canonicalUnit(b) !== undefined || Object.values(CONVERSIONS).some((c) => Object.hasOwn(c, b.toLowerCase()));
  return [`${g}${b}`, ...(unit === undefined ? [] : [`${bare}(${unit})`]), ...(isUnit ? [`${bare}(${b})`] : []), `${bare}${b}`];
}

/**
 * The labels of a two-row header. A blank top cell right of a group label continues the group;
 * a blank bottom cell (or the same text: Excel fills a vertical merge) keeps the top label; a
 * bottom label names the column alone, or joined with its group (`清理垃圾` over `数量(吨)`).
 */
function combine(top: readonly string[], bottom: readonly string[], named: (l: string) => ColumnSpec | undefined): string[] {
  const width = Math.max(top.length, bottom.length);
  const out: string[] = [];
  let group = '';
  let active = false;
  for (let i = 0; i < width; i++) {
    const t = (top[i] ?? '').trim();
    const b = (bottom[i] ?? '').trim();
    if (t !== '') {
      group = t;
      active = b !== '' && nameKey(b) !== nameKey(t);
    } else if (!active) group = '';
    if (b === '' || nameKey(b) === nameKey(t)) {
      out.push(t);
      continue;
    }
    if (monthLabel(b) || named(b) || group === '') {
      out.push(b);
      continue;
    }
    out.push(joins(group, b).find((j) => named(j) !== undefined) ?? `${group}${b}`);
  }
  return out;
}

/**
 * Does a sheet hold this dataset: does one of its first rows name at least two of its columns
 * (or a column and months, for a wide one)? The same test layOut uses to find the header.
 */
export function namesColumns(records: readonly GridRecord[], schema: AnySchema, columns: readonly ColumnSpec[]): boolean {
  const named = namer(columns);
  const limit = Math.min(records.length, 30);
  for (let i = 0; i < limit; i++) {
    // a two-row header: the labels of the row and the one below, side by side
    const { keys, months, score } = namedIn([...records[i]!.cells, ...(records[i + 1]?.cells ?? [])], named, schema.wide);
    // Two columns, one of them the dataset's own (not only 月份 and 村, which many datasets share).
    const own = [...keys].some((k) => {
      const col = columns.find((c) => c.key === k);
      return col !== undefined && col.type !== 'month' && col.type !== 'village' && k !== 'township' && k !== 'note';
    });
    if (score >= 2 && (own || months > 0)) return true;
  }
  return false;
}

/**
 * The columns a row's cells name (a cell may name several, split at `，`), the month labels among
 * them for a wide dataset, and its score: the columns named, months counting as one column.
 */
function namedIn(
  cells: readonly string[],
  named: (l: string) => ColumnSpec | undefined,
  wide: string | undefined,
): { keys: Set<string>; months: number; score: number } {
  const keys = new Set<string>();
  let months = 0;
  for (const cell of cells) {
    for (const part of cell.split('，')) {
      const col = named(part);
      if (col) keys.add(col.key);
      else if (wide && monthLabel(part)) months++;
    }
  }
  return { keys, months, score: keys.size + (months > 0 && !keys.has('month') ? 1 : 0) };
}

export interface LayoutOptions {
  /** the dataset's schema; null for a free dataset */
  schema: AnySchema | null;
  /** columns the header may name: the schema's plus 乡镇 beside 村 */
  columns: readonly ColumnSpec[];
}

/**
 * Lay out a source as one table, or null when it has no header (reported). Warnings: rows above
 * the header, footer rows, merged cells filled, months as columns — each once.
 */
export function layOut(source: Source, options: LayoutOptions, issues: Issue[]): Table | null {
  const { path, records } = source;
  const { schema } = options;
  const warn = (row: number, message: string, column?: number) =>
    issues.push({ path, row, ...(column === undefined ? {} : { column }), code: 'warning', message });
  if (records.length === 0) {
    issues.push({ path, code: 'blank-header', message: '文件是空的：第一行应为表头（列名），其下每行一条数据' });
    return null;
  }
  const named = namer(options.columns);
  const wideKey = schema?.wide;
  const score = (cells: readonly string[]): number => namedIn(cells, named, wideKey).score;
  const h = headerRow(records, schema !== null, score);
  const found: HeaderRows = schema
    ? twoRowHeader(records, h, named, score, wideKey)
    : { head: records[h]!, labels: records[h]!.cells.map((c) => c), bodyStart: h + 1, aboveEnd: h };
  const aboveRows = records.slice(0, found.aboveEnd);
  const labels = aboveHeader(aboveRows, found, named, warn);
  const end = footerStart(records, found.bodyStart, warn);
  let { header, body } = keptColumns(found.head.line, labels, records.slice(found.bodyStart, end));

  if (schema && source.kind === 'csv') fillMerged(header, body, named, path, issues);

  if (wideKey && schema) {
    const wide = widen(source, schema, wideKey, header, body, aboveRows, named, issues);
    if (wide === null) return null;
    if (wide !== undefined) ({ header, body } = wide);
  }
  return { header, body };
}

/**
 * Takes the sheet's rows; gives the index of the header: the first row naming at least two
 * columns (free: the first row of two cells or more that is not 填报 information). Without one,
 * the first row is the header (and its unknown names are reported), after at most two single-cell
 * title rows.
 */
function headerRow(records: readonly GridRecord[], known: boolean, score: (cells: readonly string[]) => number): number {
  const limit = Math.min(records.length, 30);
  for (let i = 0; i < limit; i++) {
    const cells = records[i]!.cells;
    if (known ? score(cells) >= 2 : distinctCells(cells) >= 2 && !cells.every((c) => c.trim() === '' || /[:：]/.test(c))) return i;
  }
  const single = (r: GridRecord | undefined) => r !== undefined && distinctCells(r.cells) === 1;
  for (let k = 1; k <= 2 && k < records.length; k++) {
    if (!single(records[k - 1])) break;
    if (known ? score(records[k]!.cells) >= 1 : distinctCells(records[k]!.cells) >= 2) return k;
  }
  return 0;
}

/** The header as read: its row, its labels, where the body starts and the rows above it end. */
interface HeaderRows {
  head: GridRecord;
  labels: string[];
  bodyStart: number;
  aboveEnd: number;
}

/** Could `bottom` be the second row of a header over `top`: the next line, no total, no plain number. */
function subHeader(top: GridRecord, bottom: GridRecord | undefined): boolean {
  return (
    bottom !== undefined &&
    bottom.line === top.line + 1 &&
    totalKind(bottom.cells) === null &&
    !bottom.cells.some((c, i) => c.trim() !== '' && c.trim() !== (top.cells[i] ?? '').trim() && PLAIN_NUMBER.test(normalizeName(c)))
  );
}

/**
 * Takes the header row found (a known dataset); gives the header, joined with the row below or
 * the row above when the two are a two-row header (merged group cells over sub-labels) that names
 * more columns, or the same columns more closely.
 */
function twoRowHeader(
  records: readonly GridRecord[],
  h: number,
  named: (l: string) => ColumnSpec | undefined,
  score: (cells: readonly string[]) => number,
  wideKey: string | undefined,
): HeaderRows {
  const head = records[h]!;
  const base = score(head.cells);
  const below = records[h + 1];
  const above = h > 0 ? records[h - 1] : undefined;
  const cb = subHeader(head, below) ? combine(head.cells, below!.cells, named) : null;
  const ca = above && subHeader(above, head) ? combine(above.cells, head.cells, named) : null;
  const sb = cb ? score(cb) : -1;
  const sa = ca ? score(ca) : -1;
  if (cb && ((sb > base && sb >= sa) || (sb === base && refines(head, below!, cb, named, wideKey)))) {
    return { head, labels: cb, bodyStart: h + 2, aboveEnd: h };
  }
  if (ca && sa > base) return { head: above!, labels: ca, bodyStart: h + 1, aboveEnd: h - 1 };
  return { head, labels: head.cells.map((c) => c), bodyStart: h + 1, aboveEnd: h };
}

/**
 * Does the row below refine a header that names the same columns? It only adds units or
 * sub-labels (`数量(吨)`, `长度(米)`): every cell it changes still names a column. Or it leaves
 * blank (a vertical merge) every required column the header names — a data row fills those —
 * while some cell it changes names a column: its other sub-labels are unknown.
 */
function refines(
  head: GridRecord,
  below: GridRecord,
  combined: readonly string[],
  named: (l: string) => ColumnSpec | undefined,
  wideKey: string | undefined,
): boolean {
  const bottom = below.cells;
  const keysBlank = head.cells.some((l) => named(l)?.required) &&
    head.cells.every((l, i) => !named(l)?.required || (bottom[i] ?? '').trim() === '' || nameKey(bottom[i]!) === nameKey(l));
  // (In a wide table, `得分` over `1月 2月 …`: a month label names the month column.)
  const names = (l: string) => named(l) !== undefined || (wideKey !== undefined && monthLabel(l) !== null);
  // A cell that only restates the column above it, in the same unit (`garbage_t` under
  // `清理垃圾(吨)`), refines nothing: a row that changes nothing else is data, checked as data.
  const unitIn = (l: string) => unitOf(normalizeName(l)) ?? named(l)?.unit;
  const restates = (l: string, i: number) => {
    const top = head.cells[i] ?? '';
    return named(l) !== undefined && named(l) === named(top) && unitIn(l) === unitIn(top);
  };
  return (
    combined.some((l, i) => l !== head.cells[i] && !restates(l, i)) &&
    (combined.every((l, i) => l === (head.cells[i] ?? '') || names(l)) ||
      (keysBlank && combined.some((l, i) => l !== head.cells[i] && names(l))))
  );
}

/**
 * Rows above the header: one warning; `单位：X` there is the unit of header cells without one.
 * Gives the header's labels, a numeric column's given that unit.
 */
function aboveHeader(
  aboveRows: readonly GridRecord[],
  { head, labels }: HeaderRows,
  named: (l: string) => ColumnSpec | undefined,
  warn: (row: number, message: string) => void,
): string[] {
  if (aboveRows.length > 0) {
    const first = aboveRows[0]!;
    const text = quote(firstText(first));
    warn(
      first.line,
      aboveRows.length === 1
        ? `第 ${first.line} 行 ${text} 是表格标题，已跳过（表头在第 ${head.line} 行）`
        : `第 ${first.line}–${head.line - 1} 行（${text} 等表格标题、填报信息）在表头之上，已跳过（表头在第 ${head.line} 行）`,
    );
  }
  let unit: string | undefined;
  for (const row of aboveRows) {
    for (const cell of row.cells) {
      const m = UNIT_NOTE.exec(normalizeName(cell));
      if (m && unit === undefined) unit = m[1];
    }
  }
  if (unit === undefined) return labels;
  return labels.map((l) => {
    const col = named(l);
    const numeric = col && (col.type === 'number' || col.type === 'integer' || col.type === 'percent');
    return numeric && col.unit !== undefined && unitOf(normalizeName(l)) === undefined ? `${normalizeName(l)}(${unit})` : l;
  });
}

/** Footer rows after the last data row (填报人, 审核人 …): one warning. Gives where they start. */
function footerStart(records: readonly GridRecord[], bodyStart: number, warn: (row: number, message: string) => void): number {
  let end = records.length;
  while (end > bodyStart && FOOTER.test(normalizeName(firstText(records[end - 1]!)))) end--;
  if (end < records.length) {
    const footer = records.slice(end);
    warn(footer[0]!.line, `第 ${rowsText(footer.map((r) => r.line))} 行（${quote(firstText(footer[0]!))} 等）是表尾的填报人、审核人或说明，已跳过`);
  }
  return end;
}

/**
 * Takes the header's labels and the body rows; gives the table of the columns kept: not 序号, not
 * blank margin columns on the left. Each record's total kind is decided before a column is dropped.
 */
function keptColumns(line: number, labels: string[], rows: readonly GridRecord[]): Table {
  const serial = labels.map((l) => SERIAL_NUMBER.has(nameKey(l)));
  const hasSerial = serial.some(Boolean);
  let margin = 0;
  while (margin < labels.length && labels[margin]!.trim() === '' && rows.every((r) => (r.cells[margin] ?? '').trim() === '')) margin++;
  const drop = (i: number) => i < margin || serial[i] === true;
  const dropping = margin > 0 || hasSerial;
  const pick = (cells: readonly string[]): { cells: string[]; columns: number[] } => {
    const out: string[] = [];
    const columns: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      if (i < labels.length ? drop(i) : false) continue;
      out.push(cells[i]!);
      columns.push(i + 1);
    }
    return { cells: out, columns };
  };
  const kind = (cells: readonly string[]) => totalKind(hasSerial ? [cells.slice(0, 3).join('')] : cells);
  const header: GridRecord = dropping ? { line, ...pick(labels) } : { line, cells: labels };
  const body: TableRecord[] = rows.map((r) =>
    dropping ? { line: r.line, ...pick(r.cells), total: kind(r.cells) } : { line: r.line, cells: r.cells, total: kind(r.cells) },
  );
  return { header, body };
}

/** In a CSV file, a blank 月份 or 乡镇 cell under filled ones is a merged cell: fill from above. */
function fillMerged(
  header: GridRecord,
  body: TableRecord[],
  named: (l: string) => ColumnSpec | undefined,
  path: string,
  issues: Issue[],
): void {
  const targets = header.cells.flatMap((l, i) => {
    const col = named(l);
    return col && (col.key === 'month' || col.key === 'township') ? [{ i, col }] : [];
  });
  const parts: string[] = [];
  let first: { row: number; column: number } | undefined;
  let count = 0;
  for (const { i, col } of targets) {
    const filled: number[] = [];
    let carry = '';
    for (const record of body) {
      if (record.total !== null) {
        carry = '';
        continue;
      }
      const cell = record.cells[i];
      if (cell === undefined) continue;
      if (cell.trim() !== '') carry = cell;
      else if (carry !== '' && record.cells.some((c, k) => k !== i && c.trim() !== '')) {
        record.cells[i] = carry;
        filled.push(record.line);
      }
    }
    if (filled.length === 0) continue;
    parts.push(`「${col.label}」第 ${rowsText(filled)} 行`);
    count += filled.length;
    if (first === undefined || filled[0]! < first.row) first = { row: filled[0]!, column: columnOf(header, i) };
  }
  // One warning per file (§3.9), naming every column and row filled.
  if (first !== undefined) {
    issues.push({
      path,
      ...first,
      code: 'warning',
      message: `${parts.join('、')}为空，按合并单元格取上方的值填入（共 ${count} 格）；如不是合并单元格，请补填`,
    });
  }
}

/** A column of a wide table that holds a month: its cell index, its label, the month it names. */
interface MonthColumn {
  i: number;
  label: string;
  month: number;
  year?: number;
}

/**
 * Months as columns (inspections 得分, toilets 无害化卫生户厕): one record per village and month.
 * undefined: the table is not wide; null: it is, but no year can be found (reported).
 */
function widen(
  source: Source,
  schema: AnySchema,
  valueKey: string,
  header: GridRecord,
  body: TableRecord[],
  aboveRows: readonly GridRecord[],
  named: (l: string) => ColumnSpec | undefined,
  issues: Issue[],
): Table | null | undefined {
  const { path } = source;
  if (header.cells.some((l) => named(l)?.key === 'month')) return undefined;
  const months: MonthColumn[] = header.cells.flatMap((l, i) => {
    const m = named(l) ? null : monthLabel(l);
    return m ? [{ i, label: l.trim(), ...m }] : [];
  });
  if (months.length === 0) return undefined;
  const valueCol = schema.columns.find((c) => c.key === valueKey)!;
  const year = yearOfMonths(source, header, months, aboveRows, issues);
  if (year === null) return null;
  issues.push({
    path,
    row: header.line,
    column: columnOf(header, months[0]!.i),
    code: 'warning',
    message: `「${valueCol.label}」按月分列（${months[0]!.label} 至 ${months.at(-1)!.label}），已逐村逐月读取，年份取自${year.from}`,
  });

  const monthAt = new Set(months.map((m) => m.i));
  const kept = header.cells.flatMap((_, i) => (monthAt.has(i) || i === year.at ? [] : [i]));
  const firstMonthColumn = columnOf(header, months[0]!.i);
  const longHeader: GridRecord = {
    line: header.line,
    cells: ['月份', ...kept.map((i) => header.cells[i]!), valueCol.label],
    columns: [firstMonthColumn, ...kept.map((i) => columnOf(header, i)), firstMonthColumn],
  };
  const { records, lines } = byMonth(path, header, body, months, kept, year, valueCol, issues);
  if (lines !== null) {
    checkTotals(
      lines,
      months.map((m) => ({ index: m.i, label: `${m.label} ${valueCol.label}`, column: columnOf(header, m.i) })),
      (_, raw) => parseNumber(raw, numberRule(valueCol)),
      path,
      issues,
    );
  }
  return { header: longHeader, body: records };
}

/** Where the year of month columns written without one comes from. */
interface MonthsYear {
  /** some month column has no year of its own */
  needed: boolean;
  /** cell index of the 年度 column, or -1 */
  at: number;
  /** the year from the title or the file name, when no 年度 column gives it row by row */
  fixed: number | undefined;
  /** where the year is taken from, as the warning says it */
  from: string;
}

/**
 * Takes the month columns; gives where their year comes from: the labels themselves, a 年度
 * column, the title rows, the file or sheet name. null: nowhere (reported at the first month).
 */
function yearOfMonths(
  source: Source,
  header: GridRecord,
  months: readonly MonthColumn[],
  aboveRows: readonly GridRecord[],
  issues: Issue[],
): MonthsYear | null {
  const at = header.cells.findIndex((l) => YEAR_COLUMN.has(nameKey(l)));
  const fromTitle = aboveRows.map((r) => r.cells.map((c) => yearIn(c)).find((y) => y !== undefined)).find((y) => y !== undefined);
  const fromName = source.names.map(yearIn).find((y) => y !== undefined);
  const needed = months.some((m) => m.year === undefined);
  if (!needed) return { needed, at, fixed: undefined, from: '列名' };
  if (at !== -1) return { needed, at, fixed: undefined, from: `「${header.cells[at]!.trim()}」列` };
  if (fromTitle !== undefined) return { needed, at, fixed: fromTitle, from: `表格标题（${fromTitle}年）` };
  if (fromName !== undefined) return { needed, at, fixed: fromName, from: `文件名或工作表名（${fromName}年）` };
  const first = months[0]!;
  issues.push({
    path: source.path,
    row: header.line,
    column: columnOf(header, first.i),
    code: 'missing-column',
    message:
      `表头「${first.label}」等按月分列，但没有写年份；请把列名写成 2023年${first.month}月 的样式，` +
      '或加一列「年度」填写年份，或在表格标题（如 “2023年月度考评”）或文件名中写明年份',
  });
  return null;
}

/**
 * Takes the wide body; gives its records month by month, as a tidy file lists them: every
 * village's January, then February … A row's month cell left empty was not reported that month.
 * Also gives the lines for the check of total rows (null when the value column has a maximum,
 * a score: its total rows are not sums).
 */
function byMonth(
  path: string,
  header: GridRecord,
  body: readonly TableRecord[],
  months: readonly MonthColumn[],
  kept: readonly number[],
  year: MonthsYear,
  valueCol: ColumnSpec,
  issues: Issue[],
): { records: TableRecord[]; lines: BodyLine[] | null } {
  const out: TableRecord[][] = months.map(() => []);
  const lines: BodyLine[] = [];
  const rule = numberRule(valueCol);
  const totals = valueCol.max === undefined;
  for (const record of body) {
    const cellAt = (i: number) => record.cells[i] ?? '';
    if (record.total !== null) {
      if (totals) lines.push({ line: record.line, cells: record.cells, total: record.total });
      continue;
    }
    const rowYear = year.needed && year.at !== -1 ? yearCell(path, header, record, year.at, issues) : year.fixed;
    if (rowYear === null) continue;
    const numbers: (Quantity | null | undefined)[] = [];
    for (const [k, m] of months.entries()) {
      const raw = cellAt(m.i);
      if (totals) {
        if (isEmptyCell(raw)) numbers.push(null);
        else {
          const r = parseNumber(raw, rule);
          numbers.push(r.ok ? r.value : undefined);
        }
      }
      if (isEmptyCell(raw)) continue; // not reported that month
      out[k]!.push({
        line: record.line,
        cells: [`${m.year ?? rowYear!}-${pad(m.month)}`, ...kept.map(cellAt), raw],
        columns: [columnOf(record, m.i), ...kept.map((i) => columnOf(record, i)), columnOf(record, m.i)],
        total: null,
      });
    }
    if (totals) lines.push({ line: record.line, cells: record.cells, total: null, numbers });
  }
  return { records: out.flat(), lines: totals ? lines : null };
}

/** A row's 年度 cell: its year, or null when it is not one (a type-error at the cell, the row left out). */
function yearCell(path: string, header: GridRecord, record: TableRecord, at: number, issues: Issue[]): number | null {
  const raw = record.cells[at] ?? '';
  const m = /^(\d{4})年?度?$/u.exec(normalizeName(raw));
  const y = m ? Number(m[1]) : NaN;
  if (y >= 2000 && y <= 2100) return y;
  issues.push({
    path,
    row: record.line,
    column: columnOf(record, at),
    code: 'type-error',
    message: `「${header.cells[at]!.trim()}」应为年份（如 2023），实际为 ${quote(raw)}`,
  });
  return null;
}
