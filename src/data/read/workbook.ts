// Workbooks (contract §3.9 "Formats"): .xlsx and .xls read with SheetJS (@e965/xlsx, build time
// only). Each sheet becomes the same grid of text cells a CSV file gives, so every rule of cells,
// headers and rows applies unchanged. A formula cell gives the value Excel saved with it (formulas
// are never evaluated, macros never run); merged cells hold their value in every cell they cover;
// a date cell is written as the date it shows; a formula error keeps its text (`#REF!`) for the
// cell readers to report.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { GridRecord } from './grid.ts';
import { isBlankRow } from './grid.ts';
import { CELL_LIMIT, readXlsxFast, type FastSheet } from './xlsxFast.ts';
import { partBytes, partsProblem, WorkbookLimitError, zipParts } from './zipParts.ts';
import { cellText, type RawCell } from './workbookCell.ts';

// Old .xls files written by Chinese Excel/WPS store text in code page 936 (GBK).
XLSX.set_cptable(cptable);

/** A workbook larger than this is refused (contract §3.9). */
export const WORKBOOK_LIMIT = 20 * 1024 * 1024;

export const WORKBOOK_EXTENSIONS = ['xlsx', 'xls'] as const;

/** Spreadsheet formats that are not read: the fix is always "save as .xlsx". */
export const REFUSED_EXTENSIONS: Readonly<Record<string, string>> = {
  et: 'WPS 表格（.et）',
  ett: 'WPS 表格模板（.ett）',
  ets: 'WPS 表格（.ets）',
  numbers: 'Apple Numbers（.numbers）',
  ods: 'OpenDocument 表格（.ods）',
  fods: 'OpenDocument 表格（.fods）',
  xlsm: '启用宏的工作簿（.xlsm）',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
  xltx: 'Excel 模板（.xltx）',
  xlt: 'Excel 模板（.xlt）',
};

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** non-blank rows; `line` is the row number Excel shows */
  records: GridRecord[];
  /** rows (as Excel numbers them) and 1-based columns hidden in Excel that hold something */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** Hidden rows and columns that hold a value: read like the others, and named in a warning. */
function hiddenWithData(records: readonly GridRecord[], rows: Iterable<number>, columns: Iterable<number>): { hiddenRows: number[]; hiddenColumns: number[] } {
  const rowSet = new Set(rows);
  const colSet = new Set(columns);
  const hiddenRows = records.filter((r) => rowSet.has(r.line - 1)).map((r) => r.line);
  const hiddenColumns = [...colSet]
    .filter((c) => records.some((r) => (r.cells[c] ?? '').trim() !== ''))
    .sort((a, b) => a - b)
    .map((c) => c + 1);
  return { hiddenRows, hiddenColumns };
}

export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; message: string };

type Merge = { s: { r: number; c: number }; e: { r: number; c: number } };

/** The grid of one sheet: every row from row 1 and column A (positions stay Excel's). */
function gridOf(dense: readonly ((RawCell | undefined)[] | undefined)[], merges: readonly Merge[], width: number): GridRecord[] {
  const rows: string[][] = [];
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r];
    const cells = new Array<string>(width).fill('');
    if (src) for (let c = 0; c < src.length && c < width; c++) cells[c] = cellText(src[c]);
    rows.push(cells);
  }
  for (const m of merges) {
    const value = rows[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      for (let c = m.s.c; c <= m.e.c && c < width; c++) rows[r]![c] = value;
    }
  }
  const records: GridRecord[] = [];
  rows.forEach((cells, i) => {
    if (!isBlankRow(cells)) records.push({ line: i + 1, cells });
  });
  return records;
}

function sheetGrid(ws: XLSX.WorkSheet, name: string): GridRecord[] {
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  // The same limits as the fast reader: the range, merged area and grid, before any is filled.
  const area = (r: Merge) => (r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1);
  const rowsPresent = ((ws as { '!data'?: unknown[] })['!data'] ?? []).filter(Boolean).length;
  let merged = 0;
  for (const m of ws['!merges'] ?? []) merged += area(m);
  if (merged > CELL_LIMIT) throw new WorkbookLimitError(`工作表「${name}」的合并单元格共有 ${merged} 个单元格，超过 ${CELL_LIMIT} 的上限，不予读取；请取消过大的合并后另存`);
  if (rowsPresent * (range.e.c + 1) > CELL_LIMIT || area(range) > CELL_LIMIT * 10) {
    throw new WorkbookLimitError(`工作表「${name}」的范围 ${ref} 过大，超过 ${CELL_LIMIT} 个单元格的上限，不予读取；请在 Excel 中按 Ctrl+End 找到表格的最后一格，删去多余的行和列后另存`);
  }
  const dense = ((ws as { '!data'?: (RawCell[] | undefined)[] })['!data'] ?? []).slice(0, range.e.r + 1);
  return gridOf(dense, ws['!merges'] ?? [], range.e.c + 1);
}

/** The fast .xlsx scanner's sheets, or null when it cannot read this file. */
function fastSheets(bytes: Uint8Array): WorkbookSheet[] | null {
  let sheets: FastSheet[] | null;
  try {
    sheets = readXlsxFast(bytes);
  } catch (error) {
    if (error instanceof WorkbookLimitError) throw error; // never a fallback to SheetJS
    return null;
  }
  if (sheets === null) return null;
  return sheets.map((s) => {
    let width = 0;
    for (const row of s.rows) if (row && row.length > width) width = row.length;
    for (const m of s.merges) width = Math.max(width, m.e.c + 1);
    // Rows the merges reach exist even when they hold no cell of their own.
    for (const m of s.merges) for (let r = m.s.r; r <= m.e.r; r++) s.rows[r] ??= [];
    for (const row of s.rows) {
      if (!row) continue;
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = '';
    }
    for (const m of s.merges) {
      const value = s.rows[m.s.r]![m.s.c]!;
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) s.rows[r]![c] = value;
    }
    const records: GridRecord[] = [];
    s.rows.forEach((cells, i) => {
      if (cells && !isBlankRow(cells)) records.push({ line: i + 1, cells });
    });
    return { name: s.name, hidden: s.hidden, records, ...hiddenWithData(records, s.hiddenRows, s.hiddenColumns) };
  });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Read every sheet of a workbook, or say in Chinese why it cannot be read. */
export function readWorkbook(bytes: Uint8Array, extension: string, engine: 'auto' | 'sheetjs' = 'auto'): WorkbookRead {
  const saveAs = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）';
  if (bytes.length > WORKBOOK_LIMIT) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, message: `工作簿有 ${mb} MB，超过 20 MB 的上限，不予读取；请删去图片、多余的工作表或格式后另存，或把各表另存为 CSV` };
  }
  if (bytes.length === 0) return { ok: false, message: `文件是空的（0 字节）；${saveAs}` };
  const ext = extension.toLowerCase();
  if (ext === 'xlsx' && !starts(bytes, ZIP)) {
    const ole = starts(bytes, OLE);
    return {
      ok: false,
      message: ole
        ? `文件扩展名是 .xlsx，但内容是加密的或旧格式（.xls/.et）的工作簿；如设置了打开密码请先取消，再${saveAs.slice(1)}`
        : `文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件）；${saveAs}`,
    };
  }
  // Limits before anything is inflated or allocated (issue 22): the parts' sizes from the zip's
  // central directory; then, while reading, each sheet's declared range, merges and grid.
  if (starts(bytes, ZIP)) {
    const parts = zipParts(bytes);
    const problem = parts === null ? null : partsProblem(parts);
    if (problem !== null) return { ok: false, message: problem };
    // Parts that inflate beyond what they declare are refused before SheetJS could inflate them.
    if (parts !== null && (ext !== 'xlsx' || engine !== 'auto')) {
      try {
        for (const part of parts) partBytes(bytes, part);
      } catch (error) {
        if (error instanceof WorkbookLimitError) return { ok: false, message: error.message };
        throw error;
      }
    }
  }
  if (ext === 'xlsx' && engine === 'auto') {
    try {
      const fast = fastSheets(bytes);
      if (fast !== null) return { ok: true, sheets: fast };
    } catch (error) {
      if (error instanceof WorkbookLimitError) return { ok: false, message: error.message };
      throw error;
    }
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellText: false,
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: true, // for the hidden rows and columns (`!rows`, `!cols`)
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      WTF: false,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const password = /password|encrypt/i.test(why);
    return {
      ok: false,
      message: password
        ? `工作簿设置了打开密码，无法读取；请在 Excel 或 WPS 中取消密码后重新保存`
        : `无法读取此工作簿（${why}）；文件可能已损坏，${saveAs}`,
    };
  }
  const meta = wb.Workbook?.Sheets ?? [];
  let sheets: WorkbookSheet[];
  try {
    sheets = readSheets(wb, meta);
  } catch (error) {
    if (error instanceof WorkbookLimitError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, sheets };
}

function readSheets(wb: XLSX.WorkBook, meta: { Hidden?: number }[]): WorkbookSheet[] {
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name]!;
    const records = sheetGrid(ws, name);
    const flagged = (list: ({ hidden?: boolean } | undefined)[] | undefined) =>
      (list ?? []).flatMap((x, k) => (x?.hidden ? [k] : []));
    return { name, hidden: Boolean(meta[i]?.Hidden), records, ...hiddenWithData(records, flagged(ws['!rows']), flagged(ws['!cols'])) };
  });
}
