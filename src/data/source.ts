// One table to read, whichever file it came from (contract §3.9 "one reader of cells, two readers
// of files"): a CSV/TXT file decodes into a grid of text cells, a workbook sheet is turned into the
// same grid (workbook.ts). Everything after this point — header, layout, cells, rows — is shared.
import { decodeBytes, type Encoding } from './decode.ts';
import { detectDelimiter, parseGrid, type GridRecord } from './grid.ts';
import type { Issue } from './types.ts';

export interface Source {
  /** where issues point: `data/cleanup.csv`, or `data/台账.xlsx[村庄清洁]` for a sheet */
  path: string;
  /** the file itself: `data/台账.xlsx` */
  file: string;
  kind: 'csv' | 'sheet';
  /** csv only: how the bytes were decoded ("?" in names is Excel's GBK replacement) */
  encoding?: Encoding;
  /** file name (and sheet name) without extension: they may carry a year (wide months) */
  names: string[];
  /** non-blank rows with their own row numbers */
  records: GridRecord[];
}

/** Decode a CSV or "Unicode 文本" file into a source, or null with an encoding-error. */
export function csvSource(path: string, bytes: Uint8Array, issues: Issue[]): Source | null {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    issues.push({ path, code: 'encoding-error', message: decoded.message });
    return null;
  }
  const utf16 = decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be';
  const records = parseGrid(decoded.text, detectDelimiter(decoded.text, utf16));
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return { path, file: path, kind: 'csv', encoding: decoded.encoding, names: [base], records };
}

/** `A`, `B`, … `Z`, `AA` … for a 1-based column number. */
export function columnName(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The original 1-based column of a record's cell `i` (layouts drop and reorder columns). */
export function columnOf(record: GridRecord, i: number): number {
  return record.columns?.[i] ?? i + 1;
}
