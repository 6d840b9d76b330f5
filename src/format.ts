// zh-CN formatting for every figure on the site (contract §4.2). One place, so a figure reads
// the same in prose, KPIs, tables and chart summaries.
import type { Month, Quantity } from './values.ts';
import { trimFloat } from './floatNoise.ts';

// signDisplay 'negative' keeps a rounded-away `-0.001` from showing as `-0`.
const numberFormat = new Intl.NumberFormat('zh-CN', {
  maximumFractionDigits: 2,
  signDisplay: 'negative',
});
const oneDecimal = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'negative',
});

// The one float-noise trim of the site (12 significant digits for computed figures), re-exported
// for metrics, checks, displays and downloads.
export { trimFloat };
const clean = trimFloat;

// The figure formatPercent shows, as a number: no grouping, one decimal, same rounding.
const percentRounding = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false });

/** A percent (0–100) rounded as formatPercent shows it: `85.24` → 85.2. */
export function roundPercent(value: number): number {
  if (!Number.isFinite(value)) return value;
  return trimFloat(Number(percentRounding.format(trimFloat(value))));
}

// The figure formatNumber shows, as a number: no grouping, up to two decimals, same rounding.
const numberRounding = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

/** A number rounded as formatNumber shows it: `1.005` → 1 (as shown), `12.345` → 12.35. */
export function roundNumber(value: number): number {
  if (!Number.isFinite(value)) return value;
  return trimFloat(Number(numberRounding.format(trimFloat(value))));
}

/**
 * The change between two percents in points, as readers can check it from the figures shown:
 * the difference of the rounded percents (83.6% → 85.3% is 1.7 points, whatever the decimals).
 * Every sentence that says `提高/下降 N 个百分点` or `差 N 个百分点` uses this.
 */
export function percentPoints(now: number, before: number): number {
  return trimFloat(roundPercent(now) - roundPercent(before));
}

/** `1,173.5`; keeps the data's decimals up to two; `approx` appends `余`. */
export function formatNumber(value: number, approx = false): string {
  if (!Number.isFinite(value)) return '—';
  return numberFormat.format(clean(value)) + (approx ? '余' : '');
}
/** A quantity (or `—` for not reported). */
export function formatQuantity(q: Quantity | null): string {
  return q === null ? '—' : formatNumber(q.value, q.approx);
}
/** `85.2%` (value already in percent, 0–100), one decimal; approximate: `约85.2%`. */
export function formatPercent(value: number, approx = false): string {
  if (!Number.isFinite(value)) return '—';
  return (approx ? '约' : '') + oneDecimal.format(clean(value)) + '%';
}
/** `2023年7月` */
export function formatMonth(m: Month): string {
  const [year, month] = m.split('-');
  return `${year}年${Number(month)}月`;
}
/** `7月` (axis ticks inside one year) */
export function formatMonthShort(m: Month): string {
  return `${Number(m.split('-')[1])}月`;
}

// Intl's compact notation in zh-CN counts in 万 and 亿 and decides on the rounded figure (so
// 99,999,999.999 reads `1亿`, not `10,000万`); grouping always, as formatNumber (`9,999`).
const compactFormat = new Intl.NumberFormat('zh-CN', {
  notation: 'compact',
  maximumFractionDigits: 2,
  signDisplay: 'negative',
  useGrouping: 'always',
});

/** Axis ticks: `1.2万` from 10,000, `1.2亿` from 100,000,000, else as formatNumber. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return compactFormat.format(clean(value));
}

/**
 * A change between two figures: `增加 12.5 吨`, `减少 3 户`, `持平` (zero after rounding to
 * two decimals). `%` sticks to the number (`增加 5%`); for coverage rates use formatPoints.
 */
export function formatChange(delta: number, unit = '', approx = false): string {
  if (!Number.isFinite(delta)) return '—';
  const shown = formatNumber(Math.abs(delta), approx);
  if (formatNumber(Math.abs(delta)) === '0') return '持平';
  const suffix = unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`;
  return `${delta > 0 ? '增加' : '减少'} ${shown}${suffix}`;
}

/**
 * A difference between two percentages: `4.8 个百分点`, one decimal like formatPercent.
 * The sign is kept (`-4.8 个百分点`); pass the magnitude when the wording carries the direction.
 */
export function formatPoints(delta: number): string {
  if (!Number.isFinite(delta)) return '—';
  return `${oneDecimal.format(clean(delta))} 个百分点`;
}
