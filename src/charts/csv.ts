// The CSV download of a chart: exactly the drawn rows, for Excel and WPS on Chinese Windows:
// UTF-8 with a BOM (without it Excel reads GBK and garbles the Chinese), Chinese headers with
// units, CRLF line ends and RFC 4180 quoting. Figures stay raw (no thousands separators, months as
// `2023-07`); an approximate figure keeps its mark (`120余`) so it is not mistaken for exact.
// Text cells never carry a live formula (contract §2, OWASP CSV injection): see csvText.
import { trimFloat } from '../format.ts';
import { csvFormatRows } from 'd3-dsv';
import { fieldHeader } from './labels.ts';
import type { ChartData } from './rows.ts';
import { tableFields } from './table.ts';
import type { ChartSpec } from './types.ts';

export function chartCsv(spec: ChartSpec, chart: ChartData): string {
  const lines = [tableFields(spec).map((f) => csvText(fieldHeader(f)))];
  for (const d of chart.data) {
    const y = d.y === null ? '' : `${rawNumber(d.y)}${d.approx ? '余' : ''}`;
    lines.push(d.color === null ? [csvText(d.x), y] : [csvText(d.x), csvText(d.color), y]);
  }
  return '\ufeff' + csvLines(lines);
}

/** Rows as CSV with CRLF line ends; d3-dsv's RFC 4180 quoting (a comma, quote or line break). */
export function csvLines(rows: string[][]): string {
  return rows.map((cells) => csvFormatRows([cells]) + '\r\n').join('');
}

/** A number as Excel reads one: `-2`, `3.5`, `1e3` (kept as it is, negative numbers included). */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** What Excel and WPS take as the start of a formula (or of a DDE payload after a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel and WPS show as text and never evaluate: one that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's CSV-injection rule); the cell is
 * otherwise kept exactly (nothing is trimmed, so a leading tab stays behind the quote). A plain
 * number such as `-2` is a number, not a formula, and stays as it is.
 */
export function csvText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

// Computed figures (sums, rates) carry float noise (0.1 + 0.2): trimmed as every figure is.
function rawNumber(value: number): string {
  return String(trimFloat(value));
}
