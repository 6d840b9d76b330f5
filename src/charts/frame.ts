// The frame of one drawing: orientation, size, margins and the two axes, worked out before Plot
// runs because the margins must fit Chinese labels (Plot's default 40 px does not) and the tick
// labels must be Chinese and thinned to what fits.
import type { PlotOptions, ScaleOptions } from '@observablehq/plot';
import { formatCompact, formatNumber } from '../format.ts';
import { fieldHeader, formatCell, formatKey } from './labels.ts';
import { fitText, textWidth, type Variant } from './layout.ts';
import { monthSteps, monthTickLabels, monthTicks } from './months.ts';
import type { ChartData } from './rows.ts';
import { niceAxis, ticksWithin, type ValueAxis } from './ticks.ts';
import type { ChartSpec } from './types.ts';

/** Value-axis ticks: `1.2万` saves room, except when the unit itself is in 万 (`6万 万元`). */
function tickLabel(spec: ChartSpec): (value: number) => string {
  return /[万亿]/.test(spec.y.unit ?? '') ? (v) => formatNumber(v) : (v) => formatCompact(v);
}

export interface Frame {
  /** horizontal: categories down the side, values across (bar and dot charts of villages) */
  horizontal: boolean;
  variant: Variant;
  /** the value scale's domain (target labels are placed against it) */
  valueDomain: [number, number];
  /** everything Plot needs except marks and the document */
  options: PlotOptions;
  /**
   * marks carry a native tooltip (`<title>`) only in a chart drawn once (drawnOnce), there when it
   * has too many marks for value labels; the two-drawing charts leave them out (a touch screen
   * shows no tooltip, and every value is in the figure's table: the wide drawing's 62 tooltips
   * were 0.7 KB gzipped of a report) to keep pages light
   */
  tooltips: boolean;
  /** each category's value as written beside its bar or dot; null where they are not drawn */
  valueLabels: Map<string, string> | null;
  /**
   * a horizontal chart with each name above its bar (the narrow drawing: no room beside it): the
   * names, and offsets from a row's centre to the name's top and to the middle of its mark
   */
  namesAbove: { names: Map<string, string>; nameDy: number; markDy: number; insetTop: number } | null;
}

/** The most marks that carry their value as text (issue 21: a resident reads it off the chart). */
export const MAX_VALUE_LABELS = 20;

/**
 * Values written beside bars and dots: for bar and dot charts of at most 20 marks with one mark
 * per category (a stacked bar's parts would need a total, a figure the table does not show).
 */
function valueLabelsOf(spec: ChartSpec, chart: ChartData): Map<string, string> | null {
  if (spec.type !== 'bar' && spec.type !== 'dot') return null;
  const drawn = chart.data.filter((d) => d.y !== null);
  if (drawn.length === 0 || drawn.length > MAX_VALUE_LABELS) return null;
  const labels = new Map<string, string>();
  for (const d of drawn) {
    if (labels.has(d.x)) return null;
    labels.set(d.x, formatCell(spec.y, d.y!, d.approx));
  }
  return labels;
}

const widest = (texts: Iterable<string>, fontSize: number) => Math.max(0, ...[...texts].map((t) => textWidth(t, fontSize)));

const tickSize = 6;
const tickPadding = 3;
/** room between two neighbouring tick labels */
const labelGap = 10;

/** Categories (text x) read best as horizontal bars or dots: names left, one per row. */
export function isHorizontal(spec: ChartSpec): boolean {
  return spec.x.type === 'text' && (spec.type === 'bar' || spec.type === 'dot');
}

/**
 * Charts shown on the page in one drawing, the phone-sized one (at most 15rem wide on a large
 * screen): compact ones, and horizontal ones, whose wide drawing only spreads the same names and
 * values out (the downloadable file still draws it). Each second drawing cost ~1 KB gzipped.
 */
export function drawnOnce(spec: ChartSpec): boolean {
  return spec.compact === true || isHorizontal(spec);
}

export function chartFrame(spec: ChartSpec, chart: ChartData, variant: Variant): Frame {
  const frame = isHorizontal(spec) ? horizontalFrame(spec, chart, variant) : verticalFrame(spec, chart, variant);
  return { ...frame, tooltips: drawnOnce(spec) && variant.name === 'narrow' };
}

function verticalFrame(spec: ChartSpec, chart: ChartData, variant: Variant): Omit<Frame, 'tooltips'> {
  const { width, height, fontSize } = variant;
  const value = valueAxis(spec, chart, variant.valueTicks);
  const tick = tickLabel(spec);
  const tickLabels = value.ticks.map(tick);
  const marginLeft = Math.ceil(Math.max(...tickLabels.map((l) => textWidth(l, fontSize)))) + tickSize + tickPadding + 6;
  const marginTop = fontSize + 14; // the value-axis label sits above the plot
  const marginBottom = fontSize + tickSize + tickPadding + 10;
  const band = spec.type === 'bar';
  const padding = band ? 0.2 : 0.5;

  // Tick spacing depends on the right margin, which must hold half the last label: two passes.
  let marginRight = 14;
  let ticks = categoryTicks(spec, chart.xDomain, width - marginLeft - marginRight, fontSize);
  const step = (width - marginLeft - marginRight) / Math.max(1, chart.xDomain.length);
  const last = ticks.at(-1);
  if (!band && last && last.key === chart.xDomain.at(-1)) {
    const overhang = textWidth(last.label, fontSize) / 2 - step * padding + 4;
    if (overhang > marginRight) {
      marginRight = Math.ceil(overhang);
      ticks = categoryTicks(spec, chart.xDomain, width - marginLeft - marginRight, fontSize);
    }
  }
  const labels = new Map(ticks.map((t) => [t.key, t.label]));
  // Values above the marks only where each fits its column.
  let valueLabels = valueLabelsOf(spec, chart);
  const column = (width - marginLeft - marginRight) / Math.max(1, chart.xDomain.length);
  if (valueLabels && widest(valueLabels.values(), fontSize) > column * (band ? 1 : 0.9)) valueLabels = null;
  const top = valueLabels ? marginTop + fontSize + 4 : marginTop;
  const x: ScaleOptions = {
    type: band ? 'band' : 'point',
    domain: chart.xDomain,
    padding,
    ticks: ticks.map((t) => t.key),
    tickFormat: (key: string) => labels.get(key) ?? '',
    tickSize: band ? 0 : tickSize,
    label: null,
  };
  const y = valueScale(spec, value, tick, 'top');
  return {
    horizontal: false,
    variant,
    valueDomain: value.domain,
    options: { width, height, marginTop: top, marginRight, marginBottom, marginLeft, x, y },
    valueLabels,
    namesAbove: null,
  };
}

function horizontalFrame(spec: ChartSpec, chart: ChartData, variant: Variant): Omit<Frame, 'tooltips'> {
  const { width, fontSize } = variant;
  // The narrow drawing writes each name above its bar, across the whole width.
  const namesAbove = variant.name === 'narrow';
  const rowStep = namesAbove ? Math.round(fontSize * 1.3) + variant.rowStep - 16 : variant.rowStep;
  const maxName = namesAbove ? width - 8 : width * variant.maxLabelShare;
  const names = new Map(chart.xDomain.map((key) => [key, fitText(formatKey(spec.x, key), maxName, fontSize)]));
  // Names above: the left margin holds half the first value tick.
  const marginLeft = namesAbove ? Math.ceil(fontSize * 0.7) : Math.ceil(widest(names.values(), fontSize)) + tickPadding + 8;
  const valueLabels = valueLabelsOf(spec, chart);
  const labelGapPx = spec.type === 'dot' ? 12 : 8;
  /**
   * The right margin that keeps every value label inside the drawing: a label of width w after a
   * mark at share f of the plot width W (W = A − margin) ends at f·W + w ≤ A, so the margin is at
   * least A + (w − A) / f; only the marks near the top of the scale need it.
   */
  const labelMargin = ([lo, hi]: [number, number]): number => {
    if (!valueLabels) return 0;
    const available = width - marginLeft;
    let margin = 0;
    for (const d of chart.data) {
      const f = d.y === null ? 0 : (d.y - lo) / (hi - lo || 1);
      if (f <= 0) continue;
      const need = textWidth(valueLabels.get(d.x) ?? '', fontSize) + labelGapPx;
      margin = Math.max(margin, Math.ceil(available + (need - available) / Math.min(1, f)));
    }
    return margin;
  };
  const marginTop = spec.target ? fontSize + 12 : 8;
  const marginBottom = 2 * fontSize + tickSize + tickPadding + 12; // tick labels, then the axis label

  // Fewer value ticks until their labels fit side by side.
  const tick = tickLabel(spec);
  let value = valueAxis(spec, chart, variant.valueTicks);
  let labels = value.ticks.map(tick);
  let marginRight = 8;
  for (let count = variant.valueTicks; count >= 2; count--) {
    value = valueAxis(spec, chart, count);
    labels = value.ticks.map(tick);
    const widest = Math.max(...labels.map((l) => textWidth(l, fontSize)));
    marginRight = Math.max(Math.ceil(textWidth(labels.at(-1) ?? '', fontSize) / 2) + 4, labelMargin(value.domain));
    const spacing = (width - marginLeft - marginRight) / Math.max(1, value.ticks.length - 1);
    if (spacing >= widest + labelGap) break;
  }
  const x = valueScale(spec, value, tick, 'right');
  const y: ScaleOptions = {
    type: spec.type === 'bar' ? 'band' : 'point',
    domain: chart.xDomain,
    padding: spec.type === 'bar' ? 0.25 : 0.5,
    tickFormat: (key: string) => names.get(key) ?? key,
    tickSize: 0,
    tickPadding: tickPadding + 4,
    label: null,
    ...(namesAbove && { axis: null, paddingInner: ROW_GAP, paddingOuter: 0.05 }),
  };
  const height = marginTop + marginBottom + chart.xDomain.length * rowStep;
  return {
    horizontal: true,
    variant,
    valueDomain: value.domain,
    options: { width, height, marginTop, marginRight, marginBottom, marginLeft, x, y },
    valueLabels,
    namesAbove: namesAbove ? aboveOffsets(names, rowStep, fontSize) : null,
  };
}

/** Share of a row left empty above each name in the narrow drawing, so a mark reads with its own name. */
const ROW_GAP = 0.25;

/** A row of the narrow drawing: the name's line on top, the mark right under it. */
function aboveOffsets(names: Map<string, string>, rowStep: number, fontSize: number): NonNullable<Frame['namesAbove']> {
  const band = rowStep * (1 - ROW_GAP);
  const nameLine = Math.round(fontSize * 1.05);
  return { names, nameDy: -band / 2, markDy: (nameLine + 2) / 2, insetTop: nameLine + 2 };
}

/**
 * The value scale of either orientation: gridlines at the ticks, the y field's name at its end. No
 * tick marks (the gridlines mark the values; 0.3 KB gzipped of a report): the labels keep their
 * place, a tick's length plus the padding away from the axis.
 */
function valueScale(spec: ChartSpec, value: ValueAxis, tick: (v: number) => string, labelAnchor: 'top' | 'right'): ScaleOptions {
  return {
    domain: value.domain,
    ticks: value.ticks,
    tickFormat: tick,
    tickSize: 0,
    tickPadding: tickSize + tickPadding,
    grid: true,
    label: fieldHeader(spec.y),
    labelAnchor,
    labelArrow: 'none',
  };
}

/** The value axis: the spec's fixed domain, else 0–100 for percentages, else zero to a round max. */
function valueAxis(spec: ChartSpec, chart: ChartData, count: number): ValueAxis {
  if (spec.yDomain) return { domain: spec.yDomain, ticks: ticksWithin(spec.yDomain, count) };
  const extent = valueExtent(spec, chart);
  if (spec.y.type === 'percent' && extent[1] <= 100) return { domain: [0, 100], ticks: ticksWithin([0, 100], count) };
  return niceAxis(extent[0], extent[1], count);
}

/** Smallest and largest drawn value: stack tops for bars and areas (Plot stacks them). */
function valueExtent(spec: ChartSpec, chart: ChartData): [number, number] {
  const values: number[] = [];
  if (spec.type === 'bar' || spec.type === 'area') {
    const stacks = new Map<string, [number, number]>();
    for (const d of chart.data) {
      if (d.y === null) continue;
      const stack = stacks.get(d.x) ?? [0, 0];
      stack[d.y < 0 ? 0 : 1] += d.y;
      stacks.set(d.x, stack);
    }
    for (const stack of stacks.values()) values.push(...stack);
  } else {
    for (const d of chart.data) if (d.y !== null) values.push(d.y);
  }
  if (spec.target) values.push(spec.target.value);
  return [Math.min(0, ...values), Math.max(0, ...values)];
}

interface Tick {
  key: string;
  label: string;
}

/** Category-axis ticks: every key if the labels fit, else every 2nd, 3rd … (months on the calendar). */
function categoryTicks(spec: ChartSpec, domain: readonly string[], plotWidth: number, fontSize: number): Tick[] {
  const slot = plotWidth / Math.max(1, domain.length);
  const fits = (ticks: Tick[], step: number) =>
    ticks.every((t) => textWidth(t.label, fontSize) + labelGap <= slot * step);
  if (spec.x.type === 'month') {
    let ticks: Tick[] = [];
    for (const step of monthSteps) {
      const months = monthTicks(domain, step);
      const labels = monthTickLabels(months);
      ticks = months.map((key) => ({ key, label: labels.get(key)! }));
      if (fits(ticks, step)) break;
    }
    return ticks;
  }
  const all = domain.map((key) => ({ key, label: formatKey(spec.x, key) }));
  for (let step = 1; step < domain.length; step++) {
    const ticks = all.filter((_, i) => i % step === 0);
    if (fits(ticks, step)) return ticks;
  }
  return all.slice(0, 1);
}
