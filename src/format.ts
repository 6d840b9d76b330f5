// zh-CN formatting for every figure on the site (contract §4.2). STUB: being implemented.
import type { Month, Quantity } from './data/types.ts';

/** `1,173.5`; keeps the data's decimals up to two; `approx` appends `余`. */
export function formatNumber(value: number, approx = false): string {
  throw new Error('not implemented');
}
/** A quantity (or `—` for not reported). */
export function formatQuantity(q: Quantity | null): string {
  throw new Error('not implemented');
}
/** `85.2%` (value already in percent, 0–100), one decimal. */
export function formatPercent(value: number, approx = false): string {
  throw new Error('not implemented');
}
/** `2023年7月` */
export function formatMonth(m: Month): string {
  throw new Error('not implemented');
}
/** `7月` (axis ticks inside one year) */
export function formatMonthShort(m: Month): string {
  throw new Error('not implemented');
}
