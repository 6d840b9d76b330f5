// The edge of the renderer: a ChartSpec's rows normalised once into drawn data. Everything after
// this (marks, summary, table, CSV) reads these values and does not re-check them.
import { colorScale, otherColor, type ColorScale } from './palette.ts';
import { isMonth, monthRange } from './months.ts';
import type { ChartRow, ChartSpec } from './types.ts';

export interface Datum {
  /** the x key: `YYYY-MM`, a category name, or a number written as text */
  x: string;
  /** the series (color field), or null without a color field */
  color: string | null;
  /** null: not reported (shown as — in the table, not drawn) */
  y: number | null;
  approx: boolean;
}

export interface ChartData {
  /** every row, in drawing order: x order, then series order */
  data: Datum[];
  /** the x keys in axis order (months: every month from the first to the last) */
  xDomain: string[];
  /** the series present in this chart, in `colorDomain` order */
  series: string[];
  /** colours by the spec's full colorDomain, so a village keeps its colour across charts */
  colors: ColorScale | null;
  /** series drawn in the one 其他 grey (past MAX_COLORS); empty when every series has its colour */
  others: string[];
}

/**
 * Chart ids: lower-case letters, digits, `-` and `_` (a village's charts carry its id in lower case,
 * see presetId). Lower case because the ids name download files, and Windows and macOS file
 * systems do not tell `A.csv` from `a.csv`.
 */
export const CHART_ID = /^[a-z0-9_-]+$/;
const idPattern = CHART_ID;

/**
 * At most this many colours in one chart (issue 12: eight villages in eight colours could not be
 * told apart): past it, the largest MAX_COLORS − 1 series keep their colours and the rest share
 * one grey, named 其他 in the legend. The data, table, CSV and summary keep every series.
 */
export const MAX_COLORS = 6;

/** Validates a spec's shape (ids, field types, month keys) and orders its rows. */
export function chartData(spec: ChartSpec): ChartData {
  if (!idPattern.test(spec.id)) throw new Error(`invalid chart id: ${spec.id}`);
  if (spec.y.type !== 'number' && spec.y.type !== 'percent') {
    throw new Error(`invalid y field type: ${spec.y.type} (chart ${spec.id})`);
  }
  const data = spec.rows.map((row) => datum(spec, row));

  const xOrder = xKeys(spec, data);
  const xIndex = new Map(xOrder.map((x, i) => [x, i]));
  const series = seriesOrder(spec, data);
  const seriesIndex = new Map(series.map((s, i) => [s, i]));
  // Stable sort: x order first, series order within an x (bottom-to-top in a stack).
  data.sort(
    (a, b) => xIndex.get(a.x)! - xIndex.get(b.x)! || (seriesIndex.get(a.color ?? '') ?? 0) - (seriesIndex.get(b.color ?? '') ?? 0),
  );

  const first = xOrder[0];
  const last = xOrder[xOrder.length - 1];
  const xDomain = spec.x.type === 'month' && first && last ? monthRange(first, last) : xOrder;
  // The full colorDomain (not only the series present), so each value keeps its site-wide colour.
  const domain = [...(spec.colorDomain ?? []), ...series.filter((s) => !spec.colorDomain?.includes(s))];
  const others = series.length > MAX_COLORS ? smallest(data, series, series.length - (MAX_COLORS - 1)) : [];
  const colors = spec.color ? withOthers(colorScale(domain, spec.colorRange), new Set(others)) : null;
  return { data, xDomain, series, colors, others };
}

/** The `count` series with the smallest totals (absolute values), in series order. */
function smallest(data: readonly Datum[], series: readonly string[], count: number): string[] {
  const totals = new Map(series.map((s) => [s, 0]));
  for (const d of data) if (d.y !== null) totals.set(d.color!, totals.get(d.color!)! + Math.abs(d.y));
  const ranked = [...series].sort((a, b) => totals.get(a)! - totals.get(b)!);
  const picked = new Set(ranked.slice(0, count));
  return series.filter((s) => picked.has(s));
}

function withOthers(scale: ColorScale, others: ReadonlySet<string>): ColorScale {
  if (others.size === 0) return scale;
  const color = (value: string) => (others.has(value) ? otherColor : scale.color(value));
  return { domain: scale.domain, range: scale.domain.map(color), color };
}

function datum(spec: ChartSpec, row: ChartRow): Datum {
  const x = row[spec.x.key];
  if (spec.x.type === 'month' && !isMonth(x)) {
    throw new Error(`invalid month: ${String(x)} (chart ${spec.id}, field ${spec.x.key})`);
  }
  const y = row[spec.y.key];
  return {
    x: String(x ?? ''),
    color: spec.color ? String(row[spec.color.key] ?? '') : null,
    y: typeof y === 'number' && Number.isFinite(y) ? y : null,
    approx: row.approx === true,
  };
}

/** x keys present, in axis order: months and numbers ascending, categories as given. */
function xKeys(spec: ChartSpec, data: Datum[]): string[] {
  const keys = [...new Set(data.map((d) => d.x))];
  if (spec.x.type === 'month') return keys.sort();
  if (spec.x.type === 'number' || spec.x.type === 'percent') return keys.sort((a, b) => Number(a) - Number(b));
  return keys;
}

/** Series present, in `colorDomain` order; values missing from it follow in order of appearance. */
function seriesOrder(spec: ChartSpec, data: Datum[]): string[] {
  if (!spec.color) return [];
  const present = new Set(data.map((d) => d.color!));
  const known = (spec.colorDomain ?? []).filter((s) => present.has(s));
  return [...known, ...[...present].filter((s) => !known.includes(s))];
}
