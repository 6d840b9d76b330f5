// Workbooks written the way Excel and WPS save them, for tests and the benchmark: cells as typed
// (text, numbers, date cells with a date format, formulas with their saved value, error cells),
// merged ranges, several sheets.
import * as XLSX from '@e965/xlsx';

export type Cell = string | number | null | XLSX.CellObject;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** `A1:H1` style ranges */
  merges?: string[];
  hidden?: boolean;
  /** rows (as Excel numbers them) and columns (`C`) hidden in Excel */
  hiddenRows?: number[];
  hiddenColumns?: string[];
}

/** A date cell as Excel stores it: a serial number with a date format. */
export function dateCell(year: number, month: number, day = 1, format = 'yyyy"年"m"月"'): XLSX.CellObject {
  const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return { t: 'n', v: serial, z: format };
}

/** A formula cell with the value Excel saved (=SUM(...)). */
export function formulaCell(formula: string, value: number): XLSX.CellObject {
  return { t: 'n', v: value, f: formula };
}

/** A formula cell whose saved result is an error (`#REF!` …). */
export function errorCell(error: '#REF!' | '#DIV/0!' | '#VALUE!' | '#N/A' | '#NAME?', formula = 'A1/0'): XLSX.CellObject {
  const codes = { '#REF!': 0x17, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#N/A': 0x2a, '#NAME?': 0x1d } as const;
  return { t: 'e', v: codes[error], f: formula, w: error };
}

export function writeWorkbook(sheets: SheetSpec[], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((r) => r.map((c) => (c === null ? undefined : c))) as unknown[][]);
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => XLSX.utils.decode_range(m));
    if (sheet.hiddenRows) {
      const rows: XLSX.RowInfo[] = [];
      for (const r of sheet.hiddenRows) rows[r - 1] = { hidden: true };
      ws['!rows'] = rows;
    }
    if (sheet.hiddenColumns) {
      const cols: XLSX.ColInfo[] = [];
      for (const c of sheet.hiddenColumns) cols[XLSX.utils.decode_col(c)] = { hidden: true };
      ws['!cols'] = cols;
    }
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  sheets.forEach((s, i) => {
    if (!s.hidden) return;
    wb.Workbook ??= {};
    wb.Workbook.Sheets ??= [];
    wb.Workbook.Sheets[i] = { ...(wb.Workbook.Sheets[i] ?? {}), Hidden: 1 };
  });
  const out = XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
