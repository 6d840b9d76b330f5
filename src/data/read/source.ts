// One table to read, whichever file it came from (contract §3.9 "one reader of cells, two readers
// of files"): a CSV/TXT file decodes into a grid of text cells, a workbook sheet is turned into the
// same grid (workbook.ts). Everything after this point — header, layout, cells, rows — is shared.
import { decodeBytes, type Encoding } from './decode.ts';
import { detectDelimiter, parseGrid, type Delimiter, type GridRecord } from './grid.ts';
import type { Issue } from '../shapes/types.ts';

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
  const delimiter = detectDelimiter(decoded.text, utf16);
  const records = parseGrid(decoded.text, delimiter);
  if (decoded.gbkLines !== undefined) issues.push(gbkRows(path, decoded.text, delimiter, decoded.gbkLines, records));
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return { path, file: path, kind: 'csv', encoding: decoded.encoding, names: [base], records };
}

/**
 * Each line of the file as the row and the column (of its first non-ASCII character, else 1) that
 * Excel shows: a quoted cell with a line break inside is one row.
 */
function rowsOfLines(text: string, delimiter: Delimiter): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  let row = 1;
  let column = 1;
  let quoted = false;
  let current = { row, column: 0 };
  out.push(current);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) column++;
    else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      if (!quoted) {
        row++;
        column = 1;
      }
      out.push((current = { row, column: 0 }));
    } else if (c.charCodeAt(0) > 0x7f && current.column === 0 && c !== '\ufeff') current.column = column;
  }
  return out.map((l) => ({ row: l.row, column: l.column || 1 }));
}

/** A UTF-8 file with a few rows in GBK (decode.ts): one encoding-error naming the rows and what they hold. */
function gbkRows(path: string, text: string, delimiter: Delimiter, lines: number[], records: GridRecord[]): Issue {
  const places = rowsOfLines(text, delimiter);
  const at = lines.map((l) => places[l - 1]!);
  const rows = [...new Set(at.map((p) => p.row))];
  const values = [
    ...new Set(rows.flatMap((r) => records.find((rec) => rec.line === r)?.cells.filter((c) => /[^\x00-\x7f]/.test(c)) ?? [])),
  ];
  const shown = values.slice(0, 6).map((v) => `"${v}"`).join('、') + (values.length > 6 ? ' …' : '');
  return {
    path,
    row: at[0]!.row,
    column: at[0]!.column,
    code: 'encoding-error',
    message:
      `第 ${rows.join('、')} 行不是 UTF-8 编码，而是 GBK 编码，文件其余各行是 UTF-8（这几行多半是从另一个文件复制来的）；` +
      `已按 GBK 读出：${shown}，请核对。请把这几行的中文重新输入，整个文件另存为“CSV UTF-8（逗号分隔）”；` +
      `或把整个文件统一存为 GBK（“CSV（逗号分隔）”）`,
  };
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
