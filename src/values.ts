// The values every stage passes around: the ground under src/data/, src/metrics/ and src/format.ts.
// A leaf: it imports nothing.

/** A month as `YYYY-MM` (e.g. `2023-07`). */
export type Month = string;

/** A number read from a cell. `approx` keeps the mark of `约/近` or `余/多/+` (contract §3.0). */
export interface Quantity {
  value: number;
  approx: boolean;
}

/** An optional numeric cell: `null` means "not reported" (never zero). */
export type Cell = Quantity | null;
