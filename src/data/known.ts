// Load one known dataset (contract §3.1–3.7): header against the schema, then every row — shape,
// each cell by its column type, checks across columns and files, uniqueness, total rows. Every
// row left out of the table has produced an error.
import { excelErrorValue, isEmptyCell, parseNumber, type NumberRule } from './cells/cells.ts';
import { fileMistakes, headerProblem, percentFractions } from './table/mistakes.ts';
import { NO_OVERRIDE, type AnySchema, type DatasetSchema, type RawOf, type Values } from './schema/dataset.ts';
import { checkFullWidthHeader, matchHeader, type Conversion, type HeaderLayout } from './table/headers.ts';
import type { GridRecord } from './read/grid.ts';
import { layOut, townshipColumn, type Table, type TableRecord } from './table/sheet.ts';
import { nameKey, nearest, suggestion } from './cells/names.ts';
import { quote } from './cells/quote.ts';
import { numberRule, readCell, type ReadResult, type References } from './cells/readCell.ts';
import { checkPersonal } from './cells/personal.ts';
import { checkShape } from './table/shape.ts';
import { columnOf, type Source } from './read/source.ts';
import { INPUT_DIGITS, trimFloat } from '../floatNoise.ts';
import { checkTotals, type BodyLine, type TotalColumn } from './table/totals.ts';
import type { ColumnSpec, Dataset, Issue, Quantity } from './types.ts';
import { checkUnique, uniqueKey, type Seen, type UniqueKey } from './unique.ts';

const EMPTY = Symbol('empty cell');

export interface RejectedRow {
  line: number;
  /** raw cell of each column present, by key */
  raw: Map<string, string>;
  /** its file, when the dataset was read from several */
  path?: string;
}

export interface KnownResult<R> {
  dataset: Dataset<R>;
  /** the header was read and has every required column: references into this file can be checked */
  usable: boolean;
  /** rows left out because of an error */
  rejected: RejectedRow[];
  /** 1-based column of each key present in the file */
  positions?: Record<string, number>;
}

/** Divide by the factor without float noise (`1234 元` is 0.1234 万元, not 0.12340000000000001). */
function converted<T>(result: T, conversion: Conversion | undefined): T {
  const r = result as { ok: boolean; value?: unknown };
  if (!conversion || !r.ok || typeof r.value !== 'object' || r.value === null) return result;
  const q = r.value as Quantity;
  return { ...r, value: { value: trimFloat(q.value / conversion.factor, INPUT_DIGITS), approx: q.approx } } as T;
}

function rowsText(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
}

/** A file of a dataset read from several files (contract §3.11). */
export interface FilePart {
  /** the township whose folder holds the file (`data/洋江镇/`); absent for a file in data/ itself */
  township?: string;
  /** first rows seen for each unique key (by its columns' keys), shared by the dataset's files */
  seen?: Map<string, Map<string, Seen>>;
}
export function loadKnown<R>(
  schema: DatasetSchema<string, R>,
  source: Source,
  refs: References,
  issues: Issue[],
  part: FilePart = {},
): KnownResult<R> {
  const path = source.path;
  const { columns, withTownship } = fileColumns(schema, part.township);
  const found = findHeader(schema, source, columns, issues);
  if (found === null) {
    return { dataset: { name: schema.name, file: path, columns: [], rows: [], damaged: path }, usable: false, rejected: [] };
  }
  const plan = planFile(schema, source, refs, part, found, withTownship, issues);
  const cells = cellReader(plan.layout.convert, refs);
  const read = readRows(plan, cells, refs, issues);
  checkAcrossRows(plan, read, issues);
  for (const { issue, count } of read.groups.values()) {
    if (count > 1) issue.message += `（本文件共 ${count} 行因此未载入）`;
  }
  warnConversions(plan, read.convertedRows, issues);
  checkTotalRows(plan, cells, read.lines, issues);

  const positions = Object.fromEntries([...plan.layout.indexOf].map(([key, i]) => [key, i + 1]));
  const dataset: Dataset<R> = {
    name: schema.name,
    file: path,
    columns: plan.present,
    rows: read.rows,
    ...(plan.damaged && { damaged: path }),
    ...(read.rejected.length > 0 && { incomplete: path }),
  };
  return { dataset, usable: plan.usable, rejected: read.rejected, positions };
}

/**
 * Takes the schema and the township folder holding the file (if any); gives the columns its
 * header may name: every dataset with a village column may also have a 乡镇 column (§3.9), and in
 * a township's folder the dataset's own 乡镇 column (villages) may be left out: the folder names
 * the township (§3.11).
 */
function fileColumns(schema: AnySchema, folder: string | undefined): { columns: ColumnSpec[]; withTownship: boolean } {
  const withTownship =
    schema.columns.some((c) => c.type === 'village') && !schema.columns.some((c) => c.key === 'township');
  const own = folder === undefined ? schema.columns : schema.columns.map((c) => (c.key === 'township' ? { ...c, required: false } : c));
  return { columns: withTownship ? [...own, townshipColumn] : own, withTownship };
}

interface FoundHeader {
  table: Table;
  layout: HeaderLayout;
  /** a header cell is unknown or blank: the dataset is shown as damaged */
  strayCells: boolean;
}

/**
 * Takes the source and its columns; gives the laid-out table and its header matched to the
 * columns, or null when the file has no usable header (reported: the dataset is damaged).
 */
function findHeader(
  schema: AnySchema,
  source: Source,
  columns: readonly ColumnSpec[],
  issues: Issue[],
): FoundHeader | null {
  const path = source.path;
  const table = layOut(source, { schema, columns }, issues);
  if (table === null) return null;
  if (checkFullWidthHeader(table.header, path, issues)) return null;
  const headerIssues: Issue[] = [];
  const layout = matchHeader(table.header, columns, path, headerIssues);
  const notFound = headerProblem(schema, table.header, table.body, layout, path);
  if (notFound !== null) {
    issues.push(notFound);
    return null;
  }
  issues.push(...headerIssues);
  return { table, layout, strayCells: headerIssues.some((i) => i.code === 'unknown-header' || i.code === 'blank-header') };
}

/** A column the row reader reads, at its cell index. */
interface Reader {
  col: ColumnSpec;
  index: number;
  numeric: boolean;
}

/** Everything the row reader needs from the header and the file as a whole. */
interface FilePlan<R> {
  schema: DatasetSchema<string, R>;
  path: string;
  /** the township whose folder holds the file; absent for a file in data/ itself */
  folder: string | undefined;
  /** the 乡镇 column is the one added beside 村, not the dataset's own */
  withTownship: boolean;
  header: GridRecord;
  body: readonly TableRecord[];
  layout: HeaderLayout;
  /** the header has every required column */
  usable: boolean;
  damaged: boolean;
  /** the dataset's columns present (the added 乡镇 column left out) */
  present: ColumnSpec[];
  /** cell index of the added 乡镇 column */
  townshipAt: number | undefined;
  /** cells holding an ID number, already reported */
  personal: Map<GridRecord, Set<number>>;
  /** the columns present, left to right */
  readers: Reader[];
  /** name columns where `?` may be Excel's GBK replacement character */
  checkNames: ColumnSpec[];
  keys: UniqueKey[];
  totalColumns: (TotalColumn & { col: ColumnSpec })[];
  hasTotals: boolean;
  mistakes: ReturnType<typeof fileMistakes>;
  /** percentages Excel saved as fractions, by row: the error reported instead of the value */
  fractions: Map<TableRecord, Map<string, ReadResult>>;
}

/**
 * Takes the matched header and the file's body; gives the plan the rows are read by. Reports the
 * ID numbers in any cell, known column or not: an error at its cell, reported once (§3.9).
 */
function planFile<R>(
  schema: DatasetSchema<string, R>,
  source: Source,
  refs: References,
  part: FilePart,
  { table, layout, strayCells }: FoundHeader,
  withTownship: boolean,
  issues: Issue[],
): FilePlan<R> {
  const { header, body } = table;
  const personal = checkPersonal(body, header, source.path, false, issues);
  const present = layout.present.filter((c) => !(withTownship && c.key === 'township'));
  const usable = layout.missing.length === 0;
  const indexOf = layout.indexOf;
  // Cells are read left to right, so a row's problems come out in the order staff see them.
  const readers = present
    .map((col) => ({
      col,
      index: indexOf.get(col.key)!,
      numeric: col.type === 'number' || col.type === 'integer' || col.type === 'percent',
    }))
    .sort((a, b) => a.index - b.index);
  const checkNames = (source.encoding === 'utf-8' || source.encoding === 'gb18030' ? (schema.nameColumns ?? []) : [])
    .filter((key) => indexOf.has(key))
    .map((key) => present.find((c) => c.key === key)!);
  const keys = (schema.unique ?? [])
    .filter((cols) => cols.every((k) => indexOf.has(k)))
    .map((cols) => {
      const name = cols.join('\u0000');
      let seen = part.seen?.get(name);
      if (seen === undefined && part.seen !== undefined) part.seen.set(name, (seen = new Map()));
      return uniqueKey(cols.map((k) => present.find((c) => c.key === k)!), seen);
    });
  const totalColumns = present
    .filter((c) => (c.type === 'number' || c.type === 'integer') && c.max === undefined)
    .map((col) => ({ col, index: indexOf.get(col.key)!, label: col.label, column: columnOf(header, indexOf.get(col.key)!) }));
  return {
    schema,
    path: source.path,
    folder: part.township,
    withTownship,
    header,
    body,
    layout,
    usable,
    damaged: !usable || strayCells,
    present,
    townshipAt: withTownship ? indexOf.get('township') : undefined,
    personal,
    readers,
    checkNames,
    keys,
    totalColumns,
    hasTotals: body.some((r) => r.total !== null),
    mistakes: fileMistakes(schema, present, indexOf, body, refs.currentMonth),
    fractions: percentFractionsOf(schema, readers, indexOf, body),
  };
}

/** A percent column (or `%` rows) of this file all between 0 and 1: Excel's 90% saved as 0.9 (§3.9). */
function percentFractionsOf(
  schema: AnySchema,
  readers: readonly Reader[],
  indexOf: ReadonlyMap<string, number>,
  body: readonly TableRecord[],
): Map<TableRecord, Map<string, ReadResult>> {
  return percentFractions(
    readers.filter((r) => r.numeric),
    body,
    (col, rowCells, raw) => {
      if (isEmptyCell(raw)) return undefined;
      const rawOfRow = (key: string) => {
        const i = indexOf.get(key);
        return i === undefined ? undefined : rowCells[i];
      };
      const rule = numberRule(col, schema.numberOverride?.(col.key, rawOfRow) ?? NO_OVERRIDE);
      if (!rule.percent) return undefined;
      const r = parseNumber(raw, rule);
      return r.ok ? r.value.value : undefined;
    },
  );
}

/** One cell read by its column: EMPTY for an empty cell (required or not is the caller's). */
type CellRead = ReadResult | typeof EMPTY;

interface CellReader {
  read(col: ColumnSpec, raw: string, override: Partial<NumberRule>, township?: string): CellRead;
  /** a village cell of a file in a township's folder */
  readInFolder(col: ColumnSpec, raw: string, township: string | undefined, folder: string): CellRead;
  /** the number rule override of a converted column: its cells are in the unit of its header */
  overrideOf(key: string, base: Partial<NumberRule>): Partial<NumberRule>;
}

/**
 * Takes the file's unit conversions and the references; gives the reader of single cells.
 * Columns repeat their values (months, villages, small numbers): each distinct cell is read once.
 */
function cellReader(convert: HeaderLayout['convert'], refs: References): CellReader {
  const caches = new Map<string, Map<string, CellRead>>();
  const read = (col: ColumnSpec, raw: string, override: Partial<NumberRule>, township?: string): CellRead => {
    let cache = caches.get(col.key);
    if (cache === undefined) caches.set(col.key, (cache = new Map()));
    let key = override === NO_OVERRIDE ? raw : `${raw}\u0000${override.unit ?? ''}\u0000${override.max ?? ''}`;
    if (township !== undefined) key += `\u0001${township}`;
    let result = cache.get(key);
    if (result === undefined) {
      const broken = isEmptyCell(raw) ? null : excelErrorValue(col.label, raw);
      result = isEmptyCell(raw)
        ? EMPTY
        : broken !== null
          ? { ok: false, code: 'type-error', message: broken }
          : converted(readCell(col, raw, refs, override, township), convert.get(col.key));
      // The rows holding this cell share its value (a Quantity, a Scope): one object per distinct
      // cell, not per row — a province's 1.4 million rows held 5 million copies (issue 23). Frozen,
      // so code that tried to change one row's value through it would throw, not change others.
      if (result !== EMPTY && result.ok && typeof result.value === 'object' && result.value !== null) Object.freeze(result.value);
      cache.set(key, result);
    }
    return result;
  };
  // A converted column reads its cells in the unit of its header (`1234元` in a 元 column).
  const overrideOf = (key: string, base: Partial<NumberRule>): Partial<NumberRule> => {
    const c = convert.get(key);
    return c ? { ...base, unit: c.unit } : base;
  };
  /**
   * A village cell in a township's folder (§3.11): a name the folder's township holds is that
   * village (the folder tells shared names apart, as a 乡镇 cell does); a village of another
   * township is a foreign-key-error naming both; a 乡镇 cell other than the folder's likewise.
   */
  const readInFolder = (col: ColumnSpec, raw: string, township: string | undefined, folder: string): CellRead => {
    if (township !== undefined && nameKey(township) !== nameKey(folder)) {
      return {
        ok: false,
        code: 'foreign-key-error',
        message: `「乡镇」为 "${township}"，但此文件在乡镇 "${folder}" 的文件夹 data/${folder}/ 中；请把这一行移到 data/${township}/ 的文件中，或核对乡镇`,
      };
    }
    const inFolder = read(col, raw, NO_OVERRIDE, folder);
    if (inFolder === EMPTY || inFolder.ok || refs.villages === null) return inFolder;
    const anywhere = read(col, raw, NO_OVERRIDE, undefined);
    if (anywhere === EMPTY || !anywhere.ok) return anywhere;
    const village = refs.villages.byId.get(anywhere.value as string);
    if (village === undefined) return anywhere;
    return {
      ok: false,
      code: 'foreign-key-error',
      message:
        `「${col.label}」${quote(raw)} 在村庄名录中属于 ${village.township}，但此文件在乡镇 "${folder}" 的文件夹 data/${folder}/ 中；` +
        `请把这一行移到 data/${village.township}/ 的文件中，或核对村名`,
    };
  };
  return { read, readInFolder, overrideOf };
}

/**
 * The row being read: `rawOf` and `at` look into it. One object for the file, its record set per
 * row (the row loop runs 100,000 times: no closures made per row).
 */
interface Cursor {
  record: TableRecord;
  rawOf: RawOf;
  at(key: string): { path: string; row: number; column: number };
}

function cursor(path: string, indexOf: ReadonlyMap<string, number>): Cursor {
  const row: Cursor = {
    record: { line: 0, cells: [], total: null },
    rawOf: (key) => {
      const i = indexOf.get(key);
      return i === undefined ? undefined : row.record.cells[i];
    },
    at: (key) => ({ path, row: row.record.line, column: columnOf(row.record, indexOf.get(key)!) }),
  };
  return row;
}

/** What the rows of a file give. */
interface RowsRead<R> {
  rows: R[];
  rejected: RejectedRow[];
  /** every body row, for the check of total rows */
  lines: BodyLine[];
  /** references to a row that has its own error: reported once per target, with a count */
  groups: Map<string, { issue: Issue; count: number }>;
  /** the rows of each converted column that held a number */
  convertedRows: Map<string, number[]>;
}

/**
 * Takes the plan; reads every body row in file order: its shape, its 乡镇 cell, each cell by its
 * column type, then the checks across its cells. Gives the typed rows and those left out (each
 * with an error reported).
 */
function readRows<R>(plan: FilePlan<R>, cells: CellReader, refs: References, issues: Issue[]): RowsRead<R> {
  const { schema, readers, path } = plan;
  const read: RowsRead<R> = { rows: [], rejected: [], lines: [], groups: new Map(), convertedRows: new Map() };
  const row = cursor(path, plan.layout.indexOf);
  const lacking = (have: number) => readers.filter((r) => r.index >= have).map((r) => r.col.label);
  // One map, cleared per row: builders copy what they need out of it.
  const values: Values = new Map();

  for (const record of plan.body) {
    row.record = record;
    const { line, cells: raw } = record;
    if (record.total !== null) {
      read.lines.push({ line, cells: raw, total: record.total });
      continue;
    }
    let ok = plan.usable;
    const shape = checkShape(path, record, plan.layout.width, lacking);
    if (shape) {
      issues.push(shape);
      ok = false;
    }
    values.clear();
    const township = readTownshipCell(plan, row, refs, issues);
    if (township === null) ok = false;
    if (!readRowCells(plan, cells, row, township ?? undefined, values, read, issues)) ok = false;
    if (!checkFolderTownship(plan, row, values, issues)) ok = false;
    warnReplacedCharacters(plan, row, issues);
    if (!checkRowRules(plan, refs, row, values, issues)) ok = false;
    if (plan.hasTotals) read.lines.push(totalLine(plan, record, values));
    if (ok) read.rows.push(schema.build(values, line));
    else read.rejected.push({ line, raw: rawCells(readers, raw) });
  }
  return read;
}

/** The raw cell of each column present, by key: what a rejected row keeps. */
function rawCells(readers: readonly Reader[], cells: readonly string[]): Map<string, string> {
  const raw = new Map<string, string>();
  for (const { col, index } of readers) if (cells[index] !== undefined) raw.set(col.key, cells[index]);
  return raw;
}

/**
 * The 乡镇 cell beside 村: a township of villages.csv; it tells apart a village name two townships
 * share. Gives the township, undefined (no cell, or empty), or null (not a township: reported).
 */
function readTownshipCell<R>(plan: FilePlan<R>, row: Cursor, refs: References, issues: Issue[]): string | undefined | null {
  if (plan.townshipAt === undefined || refs.villages === null) return undefined;
  const raw = row.record.cells[plan.townshipAt] ?? '';
  if (isEmptyCell(raw)) return undefined;
  const township = refs.villages.resolveTownship(raw);
  if (township !== undefined) return township;
  const towns = refs.villages.townships;
  const near = nearest(raw, towns.map((t) => [t, t] as const));
  issues.push({
    ...row.at('township'),
    code: 'foreign-key-error',
    message: `「乡镇」${quote(raw)} 不是村庄名录中的乡镇（已有：${towns.slice(0, 5).join('、')}${towns.length > 5 ? ' …' : ''}）${suggestion(near)}`,
  });
  return null;
}

/**
 * Takes a row; reads each of its cells, left to right, into `values` by its column's type (a
 * percentage saved as a fraction, a file-wide mistake, a village in a township's folder first).
 * Gives false when a cell has an error (reported).
 */
function readRowCells<R>(
  plan: FilePlan<R>,
  cells: CellReader,
  row: Cursor,
  township: string | undefined,
  values: Values,
  read: RowsRead<R>,
  issues: Issue[],
): boolean {
  const { schema, folder, layout } = plan;
  const record = row.record;
  let ok = true;
  for (const { col, index, numeric } of plan.readers) {
    if (index === plan.townshipAt) continue;
    if (plan.personal.get(record)?.has(index)) {
      ok = false;
      continue;
    }
    const raw = record.cells[index];
    if (raw === undefined) continue; // row too short: reported as missing-cell
    const override = numeric ? cells.overrideOf(col.key, schema.numberOverride?.(col.key, row.rawOf) ?? NO_OVERRIDE) : NO_OVERRIDE;
    const result =
      plan.fractions.get(record)?.get(col.key) ??
      plan.mistakes.check(col, raw) ??
      (col.type === 'village' && folder !== undefined
        ? cells.readInFolder(col, raw, township, folder)
        : cells.read(col, raw, override, col.type === 'village' ? township : undefined));
    if (result === EMPTY) {
      if (col.required) {
        const shown = raw.trim() === '' ? '不能为空' : `实际为 ${quote(raw)}（表示未填报）`;
        issues.push({ ...row.at(col.key), code: 'missing-value', message: `「${col.label}」为必填项，${shown}` });
        ok = false;
      } else values.set(col.key, col.default ?? null);
      continue;
    }
    if (!result.ok) {
      ok = false;
      reportCellError(result, row.at(col.key), plan.path, read.groups, issues);
      continue;
    }
    // Cached values are shared by the rows that hold the same cell (frozen: see cellReader).
    values.set(col.key, result.value);
    if (layout.convert.has(col.key)) {
      let rows = read.convertedRows.get(col.key);
      if (rows === undefined) read.convertedRows.set(col.key, (rows = []));
      rows.push(record.line);
    }
    if (result.warning) issues.push({ ...row.at(col.key), code: 'warning', message: result.warning });
  }
  return ok;
}

/** A cell's error, at the cell; an error caused by another row (`group`) is reported once, counted. */
function reportCellError(
  result: Extract<ReadResult, { ok: false }>,
  at: { path: string; row: number; column: number },
  path: string,
  groups: RowsRead<unknown>['groups'],
  issues: Issue[],
): void {
  const group = result.group;
  // A row of another file is the cause: the report folds every such row into one line (§5).
  if (group?.follows !== undefined) issues.push({ ...at, code: result.code, message: result.message, follows: group.follows });
  else if (group === undefined) issues.push({ ...at, code: result.code, message: result.message });
  else {
    const g = groups.get(group.key);
    if (g) g.count++;
    else {
      const issue: Issue = group.wholeFile
        ? { path, code: result.code, message: result.message }
        : { ...at, code: result.code, message: result.message };
      issues.push(issue);
      groups.set(group.key, { issue, count: 1 });
    }
  }
}

/**
 * villages.csv in a township's folder: each row's township is the folder's (§3.11); a 乡镇 cell
 * that names another is an error (an unreadable one already is). Gives false on that error.
 */
function checkFolderTownship<R>(plan: FilePlan<R>, row: Cursor, values: Values, issues: Issue[]): boolean {
  const { folder, schema } = plan;
  if (folder === undefined || plan.withTownship || !schema.columns.some((c) => c.key === 'township')) return true;
  const given = values.get('township');
  if (given === null || (given === undefined && !plan.layout.indexOf.has('township'))) values.set('township', folder);
  else if (given !== undefined && nameKey(String(given)) !== nameKey(folder)) {
    issues.push({
      ...row.at('township'),
      code: 'constraint-error',
      message: `「乡镇」${quote(String(given))} 与所在文件夹 data/${folder}/ 的乡镇 "${folder}" 不符；乡镇文件夹中的村都属于该乡镇，请改正此格或把这一行移到 data/${String(given)}/ 中`,
    });
    return false;
  }
  return true;
}

/** A `?` in a name typed by hand: Excel's replacement for a character GBK cannot encode (a warning). */
function warnReplacedCharacters<R>(plan: FilePlan<R>, row: Cursor, issues: Issue[]): void {
  for (const col of plan.checkNames) {
    const raw = row.rawOf(col.key);
    if (raw === undefined) continue; // row too short: reported as missing-cell
    // `#NAME?` is a broken formula (reported as such), not Excel's replacement character.
    if (raw.includes('?') && excelErrorValue(col.label, raw) === null) {
      issues.push({
        ...row.at(col.key),
        code: 'warning',
        message: `「${col.label}」${quote(raw)} 中有 "?"：Excel 另存为 GBK 编码的 CSV 时，会把它编码不了的字（如生僻字）换成 "?"；请核对原表，并另存为“CSV UTF-8（逗号分隔）”`,
      });
    }
  }
}

/** The schema's checks across a row's cells, then its unique keys. Gives false on an error (reported). */
function checkRowRules<R>(plan: FilePlan<R>, refs: References, row: Cursor, values: Values, issues: Issue[]): boolean {
  let ok = true;
  for (const problem of plan.schema.checkRow?.(values, refs, row.rawOf) ?? []) {
    issues.push({ ...row.at(problem.key), code: problem.code, message: problem.message });
    if (problem.code !== 'warning') ok = false;
  }
  for (const key of plan.keys) {
    const problem = checkUnique(key, values, row.rawOf, row.record.line, plan.path);
    if (problem) {
      issues.push({ ...row.at(problem.key), code: problem.code, message: problem.message });
      ok = false;
    }
  }
  return ok;
}

/** A data row for the check of total rows: the number read from each total column. */
function totalLine<R>(plan: FilePlan<R>, record: TableRecord, values: Values): BodyLine {
  const cells = record.cells;
  return {
    line: record.line,
    cells,
    total: null,
    numbers: plan.totalColumns.map(({ col, index }) => {
      if (cells[index] === undefined) return null;
      const v = values.get(col.key);
      return v === undefined ? undefined : (v as Quantity | null);
    }),
  };
}

/** Checks across rows (contract §3.9, a stock that falls): an error leaves its row out. */
function checkAcrossRows<R>(plan: FilePlan<R>, read: RowsRead<R>, issues: Issue[]): void {
  const across = plan.schema.checkRows?.(read.rows) ?? [];
  if (across.length === 0) return;
  const left = new Set<number>();
  for (const problem of across) {
    const record = plan.body.find((r) => r.line === problem.line)!;
    issues.push({ path: plan.path, row: problem.line, column: columnOf(record, plan.layout.indexOf.get(problem.key)!), code: problem.code, message: problem.message });
    if (problem.code === 'warning' || left.has(problem.line)) continue;
    left.add(problem.line);
    read.rejected.push({ line: problem.line, raw: rawCells(plan.readers, record.cells) });
  }
  const kept = read.rows.filter((r) => !left.has((r as { line: number }).line));
  read.rows.length = 0;
  read.rows.push(...kept);
}

/** Units converted: one warning per file (§3.9), naming each column and its rows. */
function warnConversions<R>(plan: FilePlan<R>, convertedRows: ReadonlyMap<string, number[]>, issues: Issue[]): void {
  const { convert, indexOf } = plan.layout;
  const conversions = [...convertedRows].map(([key, rows]) => {
    const c = convert.get(key)!;
    const col = plan.present.find((p) => p.key === key)!;
    return { key, rows, text: `「${col.label}」列写的单位是 ${c.unit}，${rowsText(rows)}共 ${rows.length} 个数值已按 1 ${col.unit} = ${c.factor} ${c.unit} 换算为 ${col.unit}` };
  });
  if (conversions.length === 0) return;
  issues.push({
    path: plan.path,
    row: plan.header.line,
    column: columnOf(plan.header, indexOf.get(conversions[0]!.key)!),
    code: 'warning',
    message: `${conversions.map((c) => c.text).join('；')}；请核对`,
  });
}

/** Total rows (合计, 小计) against the sum of the rows they cover (§3.0), each total cell read as its column. */
function checkTotalRows<R>(plan: FilePlan<R>, cells: CellReader, lines: BodyLine[], issues: Issue[]): void {
  const { schema, totalColumns, layout } = plan;
  checkTotals(
    lines,
    totalColumns,
    (k, raw, row) => {
      const { col } = totalColumns[k]!;
      const rawOf = (key: string) => {
        const i = layout.indexOf.get(key);
        return i === undefined ? undefined : row.cells[i];
      };
      const broken = excelErrorValue(col.label, raw);
      if (broken !== null) return { ok: false, code: 'type-error', message: broken };
      return converted(parseNumber(raw, numberRule(col, cells.overrideOf(col.key, schema.numberOverride?.(col.key, rawOf) ?? NO_OVERRIDE))), layout.convert.get(col.key));
    },
    plan.path,
    issues,
  );
}
