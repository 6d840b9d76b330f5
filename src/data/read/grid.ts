// Text → records (contract §3.0 "Shape"): RFC 4180 via d3-dsv, comma or tab, LF, CRLF or CR.
// Each record keeps the row number Excel shows for it (a quoted cell with a line break inside is
// still one row), so messages point at the row staff see.
import { dsvFormat } from 'd3-dsv';

export interface GridRecord {
  /** 1-based row number in the file, blank rows and title row counted */
  line: number;
  cells: string[];
  /**
   * The file's own 1-based column of each cell, when a layout has dropped or moved columns
   * (序号 left out, months as columns turned into rows); absent: cell i is column i + 1.
   */
  columns?: number[];
}

export type Delimiter = ',' | '\t';

const comma = dsvFormat(',');
const tab = dsvFormat('\t');

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/**
 * Comma unless the header line has tabs and no comma. The header is the first line with a
 * delimiter in it: a title row typed into one cell may have none. `preferTab` (UTF-16 "Unicode
 * 文本", which Excel always writes tab-separated) picks tab whenever that line has one.
 */
export function detectDelimiter(text: string, preferTab = false): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 20);
  const line = lines.find((l) => l.includes(',') || l.includes('\t'));
  if (line === undefined) return ',';
  const tabs = count(line, '\t');
  if (tabs === 0) return ',';
  if (preferTab) return '\t';
  const commas = count(line, ',');
  return commas === 0 || tabs > commas ? '\t' : ',';
}

/** True when every cell is empty or white space (Excel writes such rows as `,,,,`). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Parse text into non-blank records with their row numbers. */
export function parseGrid(text: string, delimiter: Delimiter): GridRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // d3-dsv keeps a blank line as the record [""], so the index is the row number.
  const rows = (delimiter === ',' ? comma : tab).parseRows(body);
  const records: GridRecord[] = [];
  rows.forEach((cells, i) => {
    if (!isBlankRow(cells)) records.push({ line: i + 1, cells });
  });
  return records;
}
