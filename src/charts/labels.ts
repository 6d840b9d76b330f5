// The words and figures of one chart field as the reader sees them: axis, table and CSV headers,
// category and month names, values with their unit. All figures go through src/format.ts.
import { formatMonth, formatNumber, formatPercent, formatPoints } from '../format.ts';
import type { ChartField } from './types.ts';

export function isPercent(field: ChartField): boolean {
  return field.type === 'percent' || field.unit === '%';
}

/** `清理垃圾(吨)`, `覆盖率(%)`, `村`: table, CSV and axis headers. */
export function fieldHeader(field: ChartField): string {
  const unit = isPercent(field) ? '%' : field.unit;
  return unit ? `${field.label}(${unit})` : field.label;
}

/** A value without its unit, as in a table cell under a header that names the unit. */
export function formatCell(field: ChartField, value: number, approx = false): string {
  return isPercent(field) ? formatPercent(value, approx) : formatNumber(value, approx);
}

/** A value with its unit, as in prose and tooltips: `120 吨`, `1,000余 吨`, `85.2%`. */
export function formatValue(field: ChartField, value: number, approx = false): string {
  if (isPercent(field)) return formatPercent(value, approx);
  const figure = formatNumber(value, approx);
  return field.unit ? `${figure} ${field.unit}` : figure;
}

/** A gap (a magnitude): `12 吨`; percentages differ by points (`1.2 个百分点`, `约` if approximate). */
export function formatDifference(field: ChartField, value: number, approx = false): string {
  if (isPercent(field)) return (approx ? '约' : '') + formatPoints(value);
  return formatValue(field, value, approx);
}

/**
 * A target's name (`目标`, `2023年目标`). The renderer writes the value itself, formatted like
 * every figure; a label that already ends in its value (`目标 95%`) has that part dropped.
 */
export function targetName(target: { value: number; label: string }): string {
  const name = target.label.replace(/\s*[\d,.]+\s*(%|吨|公里|户|人|座|处|个|间|万元|平方米|分)?\s*$/, (tail) =>
    Number(tail.replace(/[^\d.]/g, '')) === target.value ? '' : tail,
  );
  return name === '' ? '目标' : name;
}

/** A series (color value) as the reader sees it: months as `2023年7月`, names as they are. */
export function seriesName(spec: { color?: ChartField }, value: string): string {
  return spec.color ? formatKey(spec.color, value) : value;
}

/** A category or month: `2023年7月`, `长塘村`, `2023` (years and other numeric keys stay plain). */
export function formatKey(field: ChartField, key: string): string {
  return field.type === 'month' ? formatMonth(key) : key;
}
