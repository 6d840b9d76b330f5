// The one float-noise trim of the site. A leaf: format.ts (display) and data/ (reading cells) both
// import it, and it imports nothing.

/**
 * Significant digits kept for a computed figure (sums, averages, `a / b * 100`, differences):
 * 12, well under a double's ~15.9, so the noise of many operations (`0.1 + 0.2`, a sum of a
 * thousand decimals) is gone; ledger figures carry a few decimals, so no real digit is lost.
 */
export const COMPUTED_DIGITS = 12;

/**
 * Significant digits kept for a number read from a file (a formula cell's value, a unit divided
 * into another): 15, as many as Excel itself keeps, so every digit staff could type survives and
 * only the noise of one operation is dropped. Cells are not trimmed at 12: a 13–15-digit figure
 * is what the file says, and its checks (10^15 and over is an error) see it whole.
 */
export const INPUT_DIGITS = 15;

/**
 * Drop binary float noise: `0.1 + 0.2` is 0.3, `4.35 / 10000` is 0.000435, `-0` is 0; NaN and
 * ±Infinity pass through. `digits` is COMPUTED_DIGITS (the default) for figures the site
 * computes, INPUT_DIGITS for numbers as read from a file. The trim is relative to the value: the
 * difference of two near-equal figures (99.9817 - 99.9883) can keep noise within its 12 digits;
 * a display rounds it away (formatNumber shows two decimals).
 */
export function trimFloat(value: number, digits: number = COMPUTED_DIGITS): number {
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? 0 : value;
  return Number(value.toPrecision(digits));
}
