// Downloads for staff who work in Excel/WPS (contract §2, §3.9): every dataset as `.xlsx` (the same
// rows as its CSV, numbers as numbers, months as text `2023-07` so Excel never turns them into
// dates), and pre-filled next-month templates: one row per village with 月份 and 村 already
// written for the month after the latest data, so staff type only figures (CSV and .xlsx).
import * as XLSX from '@e965/xlsx';
import { datasetOf, type AnySchema } from '../data/schema/dataset.ts';
import { registryOf } from '../data/registry.ts';
import type { ColumnSpec, Dataset, Month, Tables } from '../data/types.ts';
import { csvLines, csvText } from '../charts/csv.ts';
import { isQuantity, villageRef } from './datasetCsv.ts';
import { addMonths, sortMonths } from '../metrics/months.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Value = string | number | null;


function cellValue(c: ColumnSpec, value: unknown, ref: (id: string) => string): Value {
  if (value === null || value === undefined) return null;
  if (c.type === 'village') return ref(String(value));
  if (c.type === 'scope') {
    const scope = value as { kind: string; township?: string; village?: string };
    return scope.kind === 'township' ? (scope.township ?? '') : scope.kind === 'village' ? ref(scope.village ?? '') : null;
  }
  // An approximate figure keeps its mark as text (`1000余`); an exact one is a number.
  if (isQuantity(value)) return value.approx ? `${value.value}余` : value.value;
  if (typeof value === 'number') return value;
  return String(value);
}

/** Header labels and rows of a dataset as published. */
export function datasetTable(tables: Tables, dataset: Dataset<object>): { head: string[]; rows: Value[][] } {
  const ref = villageRef(tables);
  return {
    head: dataset.columns.map((c) => c.label),
    rows: dataset.rows.map((row) =>
      dataset.columns.map((c) => cellValue(c, (row as Record<string, unknown>)[c.key], ref)),
    ),
  };
}

/** A workbook of one sheet: text cells stay text (months too), numbers stay numbers. */
export function workbookBytes(sheetName: string, head: string[], rows: Value[][]): Uint8Array<ArrayBuffer> {
  const cells: XLSX.CellObject[][] = [head.map((h) => ({ t: 's', v: h }))];
  for (const r of rows) cells.push(r.map((v): XLSX.CellObject => (v === null ? { t: 'z' } : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })));
  // A dense sheet (rows of cells, SheetJS's `!data`) made here rather than by aoa_to_sheet: the
  // same file, without an object keyed by every cell address and a second copy of every cell
  // (3,000 villages × 24 months: about 100 MB less at the build's peak, which this is).
  const ws: XLSX.WorkSheet = {
    '!data': cells,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: cells.length - 1, c: Math.max(0, head.length - 1) } }),
  };
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  ws['!cols'] = head.map((h, i) => ({
    wch: Math.min(40, Math.max(8, width(h) + 2, ...rows.slice(0, 200).map((r) => width(String(r[i] ?? '')) + 1))),
  }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  // A fixed date: the same data always gives the same file.
  wb.Props = { CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

export function datasetXlsx(tables: Tables, dataset: Dataset<object>, title: string): Uint8Array<ArrayBuffer> {
  const { head, rows } = datasetTable(tables, dataset);
  return workbookBytes(title, head, rows);
}

/** The month a template is for: the one after the latest month of its dataset (or of any). */
export function templateMonth(tables: Tables, schema: AnySchema): Month | null {
  const monthsOf = (d: Dataset<object> | null) =>
    (d?.rows ?? []).map((r) => (r as { month?: unknown }).month).filter((m): m is Month => typeof m === 'string');
  let months = monthsOf(datasetOf(tables, schema));
  if (months.length === 0) months = registryOf(tables).filter((s) => s.monthly).flatMap((s) => monthsOf(datasetOf(tables, s)));
  const latest = sortMonths(months).at(-1);
  return latest === undefined ? null : addMonths(latest, 1);
}

/**
 * A template: the Chinese header, and for monthly village datasets one row per village with 月份
 * and 村 filled in for the next month. Other datasets get the header alone.
 */
export function templateTable(tables: Tables, schema: AnySchema): { head: string[]; rows: Value[][]; month: Month | null } {
  const head = schema.columns.map((c) => c.label);
  if (!schema.monthly) return { head, rows: [], month: null };
  const month = templateMonth(tables, schema);
  const ref = villageRef(tables);
  const rows = tables.villages.rows.map((v) =>
    schema.columns.map((c): Value => (c.key === 'month' ? month : c.type === 'village' ? ref(v.id) : null)),
  );
  return { head, rows, month };
}

const BOM = '\ufeff';

export function templateCsv(tables: Tables, schema: AnySchema): string {
  const { head, rows } = templateTable(tables, schema);
  // Village names are text: a name starting with = + - @ is written as text like every download (§2).
  const text = (v: Value) => (v === null ? '' : typeof v === 'number' ? String(v) : csvText(v));
  return BOM + csvLines([head.map(csvText), ...rows.map((r) => r.map(text))]);
}

export function templateXlsx(tables: Tables, schema: AnySchema): Uint8Array<ArrayBuffer> {
  const { head, rows } = templateTable(tables, schema);
  return workbookBytes(schema.title, head, rows);
}
