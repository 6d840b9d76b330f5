// Free datasets (contract §3.8): any other data/<name>.csv. No schema, so column types are
// inferred — the only place we guess: a column whose non-empty cells all read as months is a month
// column, else one whose cells all read as numbers under §3.0 is numeric, else text.
import { excelErrorValue, isEmptyCell, normalizeCell, parseMonth, parseNumber, type NumberRule } from './cells/cells.ts';
import type { GridRecord } from './read/grid.ts';
import { checkFullWidthHeader, freeHeader } from './table/headers.ts';
import { layOut } from './table/sheet.ts';
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
  const personalCell = (record: GridRecord, index: number) => personal.get(record)?.has(index) === true;

  const lacking = (have: number) => layout.present.filter((c) => layout.indexOf.get(c.key)! >= have).map((c) => c.label);
  const data: GridRecord[] = [];
  const accepted = new Set<GridRecord>();
  const body: { record: GridRecord; total: (typeof sheet.body)[number]['total'] }[] = [];
  for (const record of sheet.body) {
    const total = record.total;
    body.push({ record, total });
    if (total !== null) continue;
    data.push(record);
    const shape = checkShape(path, record, layout.width, lacking);
    let ok = shape === null;
    if (shape) issues.push(shape);
    // A formula error is a broken cell whatever the column turns out to be.
    layout.present.forEach((col) => {
      const index = layout.indexOf.get(col.key)!;
      const broken = excelErrorValue(col.label, record.cells[index] ?? '');
      if (broken !== null) {
        issues.push({ path, row: record.line, column: columnOf(record, index), code: 'type-error', message: broken });
        ok = false;
      }
    });
    if (ok && !personal.has(record)) accepted.add(record);
  }

  const columns: ColumnSpec[] = layout.present.map((col) => {
    const index = layout.indexOf.get(col.key)!;
    const type = col.key === 'note' ? 'text' : inferType(col, data.map((r) => (personalCell(r, index) ? '' : (r.cells[index] ?? ''))));
    return { ...col, type };
  });
  dataset.columns = columns;

  const numeric = columns.filter((c) => c.type === 'number');
  // A `%` column whose values all lie between 0 and 1, one a fraction: Excel's 90% saved as 0.9 (§3.9).
  const fractions: Map<GridRecord, Map<string, ReadResult>> = percentFractions(
    numeric.filter((c) => c.unit === '%').map((col) => ({ col, index: layout.indexOf.get(col.key)! })),
    sheet.body,
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
  const lines: BodyLine[] = [];
  for (const { record, total } of body) {
    if (total !== null) {
      lines.push({ line: record.line, cells: record.cells, total });
      continue;
    }
    const row: FreeRow = { line: record.line };
    for (const col of columns) {
      const index = layout.indexOf.get(col.key)!;
      const raw = record.cells[index] ?? '';
      let value: FreeValue = null;
      // (a formula error was reported above, with the row left out)
      if (!isEmptyCell(raw) && excelErrorValue(col.label, raw) === null && !personalCell(record, index)) {
        const trap = traps.get(col.key)?.get(normalizeCell(raw));
        if (trap !== undefined) {
          issues.push({ path, row: record.line, column: columnOf(record, index), code: 'type-error', message: trap });
          accepted.delete(record);
        } else if (col.type === 'month') {
          const r = parseMonth(raw, col.label);
          if (r.ok) value = r.value;
        } else if (col.type === 'number' && fractions.get(record)?.has(col.key)) {
          const f = fractions.get(record)!.get(col.key)!;
          if (!f.ok) issues.push({ path, row: record.line, column: columnOf(record, index), code: f.code, message: f.message });
          accepted.delete(record);
        } else if (col.type === 'number') {
          const r = parseNumber(raw, freeRule(col));
          if (r.ok) {
            value = r.value;
            if (r.warning) issues.push({ path, row: record.line, column: columnOf(record, index), code: 'warning', message: r.warning });
          } else {
            issues.push({ path, row: record.line, column: columnOf(record, index), code: r.code, message: r.message });
            accepted.delete(record);
          }
        } else value = raw.trim();
      }
      row[col.key] = value;
    }
    lines.push({
      line: record.line,
      cells: record.cells,
      total: null,
      numbers: numeric.map((c) => row[c.key] as Quantity | null),
    });
    if (accepted.has(record)) dataset.rows.push(row);
  }

  checkTotals(
    lines,
    numeric.map((c) => ({ index: layout.indexOf.get(c.key)!, label: c.label, column: columnOf(sheet.header, layout.indexOf.get(c.key)!) })),
    (k, raw) => parseNumber(raw, freeRule(numeric[k]!)),
    path,
    issues,
  );
  return dataset;
}
