// The data table of a chart: the same rows as the drawing, headers with units, figures formatted
// as everywhere on the site (months `2023年7月`, `1,173.5`, `120余`, `85.2%`, `—` not reported).
import { formatQuantity } from '../format.ts';
import { fieldHeader, formatCell, formatKey, seriesName } from './labels.ts';
import type { ChartData } from './rows.ts';
import type { ChartField, ChartSpec, RenderedChart } from './types.ts';

/** The fields of a chart's table and CSV, in column order: x, the series, y. */
export function tableFields(spec: ChartSpec): ChartField[] {
  return spec.color ? [spec.x, spec.color, spec.y] : [spec.x, spec.y];
}

export function chartTable(spec: ChartSpec, chart: ChartData): RenderedChart['table'] {
  const head = tableFields(spec).map(fieldHeader);
  const body = chart.data.map((d) => [
    formatKey(spec.x, d.x),
    ...(d.color === null ? [] : [seriesName(spec, d.color)]),
    d.y === null ? formatQuantity(null) : formatCell(spec.y, d.y, d.approx),
  ]);
  return { head, body };
}
