// Chart types to Plot marks: bar (stacked when a color field is given), line, area (stacked) and
// dot, vertical for months and numbers, horizontal for categories; plus the target rule. Every
// drawn value carries a `title` for a native tooltip (`长塘村 · 2023年3月：120 吨`); bar and dot
// charts of at most 20 marks write each value beside its mark (frame.ts valueLabels).
import * as Plot from '@observablehq/plot';
import type { Markish } from '@observablehq/plot';
import type { Frame } from './frame.ts';
import { formatKey, formatValue, seriesName, targetName } from './labels.ts';
import { singleColor } from './palette.ts';
import type { ChartData, Datum } from './rows.ts';
import type { ChartSpec } from './types.ts';

const ink = '#333333';

export function chartMarks(spec: ChartSpec, chart: ChartData, frame: Frame): Markish[] {
  const data = chart.data.filter((d) => d.y !== null);
  const stacked = spec.color !== undefined;
  const paint = stacked ? (d: Datum) => d.color : singleColor;
  // A mark that carries its value as text needs no tooltip saying it again (pages stay light).
  const title = frame.tooltips && !frame.valueLabels ? (d: Datum) => tooltip(spec, d) : undefined;
  const z = stacked ? 'color' : undefined;
  const marks: Markish[] = [];
  // The zero line only where zero is on the scale (score dots start at a round number below the lowest).
  const zero = frame.valueDomain[0] <= 0 && frame.valueDomain[1] >= 0 ? [0] : [];

  if (frame.horizontal) {
    const above = frame.namesAbove;
    const shift = above ? { dy: above.markDy } : {};
    marks.push(Plot.ruleX(zero, { stroke: ink }));
    if (above) {
      const names = above.names;
      marks.push(Plot.text([...names.keys()], {
        y: (key: string) => key, text: (key: string) => names.get(key)!, frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'top', dy: above.nameDy, fill: ink,
      }));
    }
    if (spec.type === 'bar') {
      marks.push(Plot.barX(data, { x: 'y', y: 'x', fill: paint, title, ...separator(stacked), ...(above && { insetTop: above.insetTop, insetBottom: 2 }) }));
    } else {
      marks.push(Plot.dot(data, { x: 'y', y: 'x', fill: paint, r: 6, title, ...halo, ...shift }));
    }
    const labels = frame.valueLabels;
    if (labels) {
      const text = (d: Datum) => labels.get(d.x) ?? '';
      const gap = spec.type === 'dot' ? 10 : 5;
      const label = { x: 'y', y: 'x', text, fill: ink, ...valueHalo, ...shift };
      marks.push(
        Plot.text(data.filter((d) => d.y! >= 0), { ...label, textAnchor: 'start', dx: gap }),
        Plot.text(data.filter((d) => d.y! < 0), { ...label, textAnchor: 'end', dx: -gap }),
      );
    }
  } else {
    switch (spec.type) {
      case 'bar':
        marks.push(Plot.barY(data, { x: 'x', y: 'y', fill: paint, title, ...separator(stacked) }));
        break;
      case 'line':
        marks.push(
          Plot.lineY(withGaps(spec, chart), { x: 'x', y: 'y', z, stroke: paint, strokeWidth: 2.5 }),
          Plot.dot(data, { x: 'x', y: 'y', fill: paint, r: 4, title, ...halo }),
        );
        break;
      case 'area': {
        // Stacked here rather than by Plot, whose stack counts a missing month as zero: a month
        // a series did not report must leave a gap, not a dip to the axis.
        const bands = stackedBands(spec, chart);
        const tops = bands.filter((d) => d.y !== null);
        marks.push(
          Plot.areaY(bands, { x: 'x', y1: 'y1', y2: 'y2', z, fill: paint, fillOpacity: stacked ? 0.75 : 0.3 }),
          Plot.lineY(bands, { x: 'x', y: 'y2', z, stroke: paint, strokeWidth: 2 }),
          Plot.dot(tops, { x: 'x', y: 'y2', fill: paint, r: 3.5, title, ...halo }),
        );
        break;
      }
      case 'dot':
        marks.push(Plot.dot(data, { x: 'x', y: 'y', fill: paint, r: 5, title, ...halo }));
        break;
      case 'table':
        break;
    }
    marks.push(Plot.ruleY(zero, { stroke: ink }));
    const labels = frame.valueLabels;
    if (labels) {
      const text = (d: Datum) => labels.get(d.x) ?? '';
      const gap = spec.type === 'dot' ? 9 : 4;
      const label = { x: 'x', y: 'y', text, fill: ink, ...valueHalo };
      marks.push(
        Plot.text(data.filter((d) => d.y! >= 0), { ...label, lineAnchor: 'bottom', dy: -gap }),
        Plot.text(data.filter((d) => d.y! < 0), { ...label, lineAnchor: 'top', dy: gap }),
      );
    }
  }
  if (spec.target) marks.push(...targetMarks(spec, frame));
  return marks;
}

/**
 * Line and area data with a null for every month a series did not report, so that Plot breaks
 * the line there instead of drawing a straight line across the missing month.
 */
function withGaps(spec: ChartSpec, chart: ChartData): Datum[] {
  if (spec.x.type !== 'month') return chart.data;
  const series = spec.color ? chart.series : [null];
  const present = new Set(chart.data.map((d) => `${d.color}\t${d.x}`));
  const gaps = series.flatMap((color) =>
    chart.xDomain.filter((x) => !present.has(`${color}\t${x}`)).map((x) => ({ x, color, y: null, approx: false })),
  );
  if (gaps.length === 0) return chart.data;
  const order = new Map(chart.xDomain.map((x, i) => [x, i]));
  return [...chart.data, ...gaps].sort((a, b) => order.get(a.x)! - order.get(b.x)!);
}

/** Each datum with its band in the stack (series order, bottom up); NaN where not reported. */
function stackedBands(spec: ChartSpec, chart: ChartData): (Datum & { y1: number; y2: number })[] {
  const base = new Map<string, number>();
  const rank = new Map(chart.series.map((s, i) => [s, i]));
  // withGaps keeps x order; within one x, stack in series order.
  const byX = new Map<string, Datum[]>();
  for (const d of withGaps(spec, chart)) byX.set(d.x, [...(byX.get(d.x) ?? []), d]);
  const bands: (Datum & { y1: number; y2: number })[] = [];
  for (const [x, group] of byX) {
    group.sort((a, b) => (rank.get(a.color ?? '') ?? 0) - (rank.get(b.color ?? '') ?? 0));
    for (const d of group) {
      const y1 = base.get(x) ?? 0;
      if (d.y === null) {
        bands.push({ ...d, y1: NaN, y2: NaN });
      } else {
        base.set(x, y1 + d.y);
        bands.push({ ...d, y1, y2: y1 + d.y });
      }
    }
  }
  return bands;
}

/** `长塘村 · 2023年3月：120 吨` (the series first, as the legend names it). */
export function tooltip(spec: ChartSpec, d: Datum): string {
  const series = d.color === null ? '' : seriesName(spec, d.color);
  const where = [series, formatKey(spec.x, d.x)].filter((s) => s !== '').join(' · ');
  return `${where}：${d.y === null ? '—' : formatValue(spec.y, d.y, d.approx)}`;
}

/** `目标 95.0%`: the target's name followed by its value. */
export function targetText(spec: ChartSpec): string {
  const target = spec.target!;
  return `${targetName(target)} ${formatValue(spec.y, target.value)}`;
}

// White edges between stacked segments, so neighbouring colours never touch.
function separator(stacked: boolean) {
  return stacked ? { stroke: 'white', strokeWidth: 1 } : {};
}

// A white ring keeps overlapping dots apart.
const halo = { stroke: 'white', strokeWidth: 1.5 };

// Value labels keep clear of gridlines and neighbouring marks.
const valueHalo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' };

function targetMarks(spec: ChartSpec, frame: Frame): Markish[] {
  const { value } = spec.target!;
  const text = targetText(spec);
  const label = { text: () => text, fill: ink, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke', lineAnchor: 'bottom' as const };
  const rule = { stroke: ink, strokeWidth: 1.5, strokeDasharray: '6,4' };
  if (frame.horizontal) {
    const [lo, hi] = frame.valueDomain;
    const at = (value - lo) / (hi - lo || 1);
    const textAnchor = at > 0.7 ? 'end' : at < 0.3 ? 'start' : 'middle';
    return [
      Plot.ruleX([value], rule),
      Plot.text([value], { x: (v: number) => v, frameAnchor: 'top', dy: -4, textAnchor, ...label }),
    ];
  }
  return [
    Plot.ruleY([value], rule),
    Plot.text([value], { y: (v: number) => v, frameAnchor: 'right', textAnchor: 'end', dy: -4, ...label }),
  ];
}
