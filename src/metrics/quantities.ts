// Aggregates over reported quantities. `null` cells are "not reported" and are skipped, never
// counted as zero; a result built from any approximate value is itself approximate (shown with 余).
import type { Cell, Quantity } from '../data/types.ts';
import { trimFloat } from '../format.ts';


/** A quantity from a number (exact unless `approx`). */
export function quantity(value: number, approx = false): Quantity {
  return { value, approx };
}

/** Sum of the reported cells; `null` when nothing was reported. */
export function sumQuantities(cells: Iterable<Cell>): Quantity | null {
  let sum = 0;
  let approx = false;
  let any = false;
  for (const c of cells) {
    if (c === null) continue;
    sum += c.value;
    approx ||= c.approx;
    any = true;
  }
  return any ? { value: trimFloat(sum), approx } : null;
}

/** Mean of the reported cells; `null` when nothing was reported. */
export function meanQuantities(cells: Iterable<Cell>): Quantity | null {
  let sum = 0;
  let n = 0;
  let approx = false;
  for (const c of cells) {
    if (c === null) continue;
    sum += c.value;
    approx ||= c.approx;
    n++;
  }
  return n > 0 ? { value: trimFloat(sum / n), approx } : null;
}

function extreme(cells: Iterable<Cell>, better: (a: number, b: number) => boolean): Quantity | null {
  let best: Quantity | null = null;
  for (const c of cells) {
    if (c === null) continue;
    if (best === null || better(c.value, best.value)) best = { value: c.value, approx: c.approx };
    // Ties: the extreme is approximate if any value that reaches it is.
    else if (c.value === best.value && c.approx) best = { value: best.value, approx: true };
  }
  return best;
}

/** Smallest reported cell (approximate if a cell holding that value is); `null` when none. */
export function minQuantities(cells: Iterable<Cell>): Quantity | null {
  return extreme(cells, (a, b) => a < b);
}

/** Largest reported cell (approximate if a cell holding that value is); `null` when none. */
export function maxQuantities(cells: Iterable<Cell>): Quantity | null {
  return extreme(cells, (a, b) => a > b);
}
