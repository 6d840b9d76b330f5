// One workbook cell as the text a CSV file saved from it would hold: shared by the SheetJS reader
// (workbook.ts) and the fast .xlsx scanner (xlsxFast.ts), so both give the same text for a cell.
import * as XLSX from '@e965/xlsx';
import { INPUT_DIGITS, trimFloat } from '../../floatNoise.ts';

// Excel's error codes, as stored in .xls and .xlsx error cells.
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A number as staff would type it: no float noise from formulas (`0.30000000000000004` → `0.3`). */
export function numberText(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(trimFloat(v, INPUT_DIGITS));
}

/** Does a number format show a day? (`yyyy"年"m"月"` does not: the cell is a month.) */
function showsDay(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /d/i.test(bare);
}

function dateText(serial: number, format: string): string {
  const d = XLSX.SSF.parse_date_code(serial) as { y: number; m: number; d: number } | null;
  if (!d) return numberText(serial);
  return showsDay(format) ? `${d.y}-${pad(d.m)}-${pad(d.d)}` : `${d.y}-${pad(d.m)}`;
}

export interface RawCell {
  t?: string;
  v?: unknown;
  z?: string | number;
}

/** One cell as the text a CSV file saved from it would hold. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
    case 'str':
      return String(cell.v);
    case 'n': {
      const v = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : '';
      if (format !== '' && format !== 'General' && XLSX.SSF.is_date(format)) return dateText(v, format);
      // A percent-formatted cell shows 85% for 0.85: staff typed 85%.
      if (/%/.test(format.replace(/"[^"]*"/g, ''))) return `${numberText(v * 100)}%`;
      return numberText(v);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#VALUE!') : String(cell.v);
    case 'd': {
      const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    }
    default:
      return String(cell.v);
  }
}
