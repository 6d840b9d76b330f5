// The CSV download of a chart: exactly the drawn rows, for Excel and WPS on Chinese Windows:
// UTF-8 with a BOM (without it Excel reads GBK and garbles the Chinese), Chinese headers with
// units, CRLF line ends and RFC 4180 quoting. Figures stay raw (no thousands separators, months as
// `2023-07`); an approximate figure keeps its mark (`120余`) so it is not mistaken for exact.
import { fieldHeader } from './labels.ts';
import type { ChartData } from './rows.ts';
import { tableFields } from './table.ts';
import type { ChartSpec } from './types.ts';

export function chartCsv(spec: ChartSpec, chart: ChartData): string {
  const lines = [tableFields(spec).map(fieldHeader)];
  for (const d of chart.data) {
    const y = d.y === null ? '' : `${rawNumber(d.y)}${d.approx ? '余' : ''}`;
    lines.push(d.color === null ? [d.x, y] : [d.x, d.color, y]);
  }
  return '\ufeff' + lines.map((cells) => cells.map(csvCell).join(',') + '\r\n').join('');
}

/** RFC 4180: quote a cell holding a comma, a quote or a line break; double its quotes. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// Computed figures (sums, rates) carry float noise (0.1 + 0.2); 12 significant digits drop it.
function rawNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
