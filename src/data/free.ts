// Free datasets (contract §3.8): any other data/<name>.csv. No schema, so column types are
// inferred — the only place we guess: a column whose non-empty cells all read as months is a month
// column, else one whose cells all read as numbers under §3.0 is numeric, else text.
import { excelErrorValue, isEmptyCell, normalizeCell, parseMonth, parseNumber, type NumberRule } from './cells/cells.ts';
import type { GridRecord } from './read/grid.ts';
import { checkFullWidthHeader, freeHeader, type HeaderLayout } from './table/headers.ts';
import { layOut, type TableRecord } from './table/sheet.ts';
import { dottedOctoberTraps, percentFractions } from './table/mistakes.ts';
import type { ReadResult } from './cells/readCell.ts';
import { checkPersonal } from './cells/personal.ts';
import { checkShape } from './table/shape.ts';
import { columnOf, type Source } from './read/source.ts';
import { checkTotals, type BodyLine } from './table/totals.ts';
import type { ColumnSpec, Dataset, FreeRow, FreeValue, Issue, Quantity } from './types.ts';

/** Free columns hold any number: a change may be negative (a `%` unit still means 0–100). */
function freeRule(col: ColumnSpec): NumberRule {
  return { label: col.label, min: -Infinity, ...(col.unit === undefined ? {} : { unit: col.unit }) };
}

function inferType(col: ColumnSpec, cells: readonly string[]): ColumnSpec['type'] {
  // A broken formula (`#DIV/0!`) is reported as such; it does not make a number column text.
  const filled = cells.filter((c) => !isEmptyCell(c) && excelErrorValue(col.label, c) === null);
  if (filled.length === 0) return 'text';
  if (filled.every((c) => parseMonth(c, col.label).ok)) return 'month';
  const rule = freeRule(col);
  // A number of 10^15 or more is still a number, and an error at its cell (contract §3.9).
  if (filled.every((c) => {
    const r = parseNumber(c, rule);
    return r.ok || r.tooLarge === true;
  })) return 'number';
  return 'text';
}

export function loadFree(name: string, source: Source, issues: Issue[]): Dataset<FreeRow> {
  const path = source.path;
  const dataset: Dataset<FreeRow> = { name, file: path, columns: [], rows: [] };
  // Without a schema, a header is recognisable by having more than one column.
  const sheet = layOut(source, { schema: null, columns: [] }, issues);
  if (sheet === null) return { ...dataset, damaged: path };
  if (checkFullWidthHeader(sheet.header, path, issues)) return { ...dataset, damaged: path };
  const layout = freeHeader(sheet.header, path, issues);
  // ID numbers (errors) and mobile numbers (a warning per column) in any cell (§3.9).
  const personal = checkPersonal(sheet.body, sheet.header, path, true, issues);
  const file: FreeFile = { path, body: sheet.body, layout, personal };
  const { data, accepted } = screenRows(file, issues);
  const columns = inferColumns(file, data);
  dataset.columns = columns;
  const numeric = columns.filter((c) => c.type === 'number');
  const lines = readFreeRows(file, columns, data, accepted, dataset.rows, issues);
  checkTotals(
    lines,
    numeric.map((c) => ({ index: layout.indexOf.get(c.key)!, label: c.label, column: columnOf(sheet.header, layout.indexOf.get(c.key)!) })),
    (k, raw) => parseNumber(raw, freeRule(numeric[k]!)),
    path,
    issues,
  );
  return dataset;
}

/** A free file once its header is read. */
interface FreeFile {
  path: string;
  body: readonly TableRecord[];
  layout: HeaderLayout;
  /** the cells holding an ID number, by record (reported) */
  personal: Map<GridRecord, Set<number>>;
}

const personalCell = (file: FreeFile, record: GridRecord, index: number) => file.personal.get(record)?.has(index) === true;

/**
 * Takes the body; reports each data row's shape and formula errors (a broken cell whatever the
 * column turns out to be). Gives the data rows (not totals) and those accepted so far.
 */
function screenRows(file: FreeFile, issues: Issue[]): { data: TableRecord[]; accepted: Set<GridRecord> } {
  const { path, layout } = file;
  const lacking = (have: number) => layout.present.filter((c) => layout.indexOf.get(c.key)! >= have).map((c) => c.label);
  const data: TableRecord[] = [];
  const accepted = new Set<GridRecord>();
  for (const record of file.body) {
    if (record.total !== null) continue;
    data.push(record);
    const shape = checkShape(path, record, layout.width, lacking);
    let ok = shape === null;
    if (shape) issues.push(shape);
    layout.present.forEach((col) => {
      const index = layout.indexOf.get(col.key)!;
      const broken = excelErrorValue(col.label, record.cells[index] ?? '');
      if (broken !== null) {
        issues.push({ path, row: record.line, column: columnOf(record, index), code: 'type-error', message: broken });
        ok = false;
      }
    });
    if (ok && !file.personal.has(record)) accepted.add(record);
  }
  return { data, accepted };
}

/** The header's columns, each with the type its data cells infer (an ID number's cell left out). */
function inferColumns(file: FreeFile, data: readonly TableRecord[]): ColumnSpec[] {
  return file.layout.present.map((col) => {
    const index = file.layout.indexOf.get(col.key)!;
    const type = col.key === 'note' ? 'text' : inferType(col, data.map((r) => (personalCell(file, r, index) ? '' : (r.cells[index] ?? ''))));
    return { ...col, type };
  });
}

/**
 * Takes the typed columns; reads every data row's cells into `rows` (an accepted row only; a cell's
 * error leaves its row out). Gives every body row's line for the check of total rows.
 */
function readFreeRows(
  file: FreeFile,
  columns: readonly ColumnSpec[],
  data: readonly TableRecord[],
  accepted: Set<GridRecord>,
  rows: FreeRow[],
  issues: Issue[],
): BodyLine[] {
  const { layout } = file;
  const numeric = columns.filter((c) => c.type === 'number');
  // A `%` column whose values all lie between 0 and 1, one a fraction: Excel's 90% saved as 0.9 (§3.9).
  const fractions: Map<GridRecord, Map<string, ReadResult>> = percentFractions(
    numeric.filter((c) => c.unit === '%').map((col) => ({ col, index: layout.indexOf.get(col.key)! })),
    file.body,
    (col, _cells, raw) => {
      if (isEmptyCell(raw)) return undefined;
      const r = parseNumber(raw, freeRule(col));
      return r.ok ? r.value.value : undefined;
    },
  );
  // Excel's dotted-October trap applies to a free month column as to a known one (contract §3.9).
  const traps = new Map(
    columns
      .filter((c) => c.type === 'month')
      .map((c) => [c.key, dottedOctoberTraps(data.map((r) => r.cells[layout.indexOf.get(c.key)!] ?? ''), c.label)] as const),
  );
  const mistakes: FreeMistakes = { traps, fractions };
  const lines: BodyLine[] = [];
  for (const record of file.body) {
    if (record.total !== null) {
      lines.push({ line: record.line, cells: record.cells, total: record.total });
      continue;
    }
    const row: FreeRow = { line: record.line };
    for (const col of columns) {
      const value = freeCell(file, col, record, mistakes, issues);
      if (value === undefined) accepted.delete(record);
      row[col.key] = value ?? null;
    }
    lines.push({ line: record.line, cells: record.cells, total: null, numbers: numeric.map((c) => row[c.key] as Quantity | null) });
    if (accepted.has(record)) rows.push(row);
  }
  return lines;
}

/** The file-wide mistakes of a free file: dotted-October months, and percentages saved as fractions. */
interface FreeMistakes {
  traps: Map<string, Map<string, string>>;
  fractions: Map<GridRecord, Map<string, ReadResult>>;
}

/** One cell's value by its column's type; undefined: an error (reported, or the cell's fraction error). */
function freeCell(file: FreeFile, col: ColumnSpec, record: TableRecord, { traps, fractions }: FreeMistakes, issues: Issue[]): FreeValue | undefined {
  const index = file.layout.indexOf.get(col.key)!;
  const raw = record.cells[index] ?? '';
  const at = () => ({ path: file.path, row: record.line, column: columnOf(record, index) });
  // (a formula error was reported when the rows were screened, with the row left out)
  if (isEmptyCell(raw) || excelErrorValue(col.label, raw) !== null || personalCell(file, record, index)) return null;
  const trap = traps.get(col.key)?.get(normalizeCell(raw));
  if (trap !== undefined) {
    issues.push({ ...at(), code: 'type-error', message: trap });
    return undefined;
  }
  if (col.type === 'month') {
    const r = parseMonth(raw, col.label);
    return r.ok ? r.value : null;
  }
  if (col.type !== 'number') return raw.trim();
  const f = fractions.get(record)?.get(col.key);
  if (f !== undefined) {
    if (!f.ok) issues.push({ ...at(), code: f.code, message: f.message });
    return undefined;
  }
  const r = parseNumber(raw, freeRule(col));
  if (!r.ok) {
    issues.push({ ...at(), code: r.code, message: r.message });
    return undefined;
  }
  if (r.warning) issues.push({ ...at(), code: 'warning', message: r.warning });
  return r.value;
}
