// "Latest value at or before a month" for stocks (sanitary toilets, public toilets standing).
import type { Cell, Month } from '../data/types.ts';

/** Index of the last row whose month is at or before `month` (rows sorted earliest first), or -1. */
export function latestIndex<R extends { month: Month }>(rows: readonly R[], month: Month): number {
  let lo = 0;
  let hi = rows.length; // binary search for the first row after `month`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.month <= month) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The last row whose month is at or before `month`, in rows sorted earliest first. */
export function latestRow<R extends { month: Month }>(rows: readonly R[] | undefined, month: Month): R | undefined {
  return rows ? rows[latestIndex(rows, month)] : undefined;
}

/**
 * The last reported (non-null) cell at or before `month`, with the month of its row.
 * An empty cell means "not reported", so it does not hide an earlier report.
 */
export function latestCell<R extends { month: Month }>(
  rows: readonly R[] | undefined,
  month: Month,
  get: (row: R) => Cell,
): { month: Month; cell: NonNullable<Cell> } | undefined {
  if (!rows) return undefined;
  for (let i = latestIndex(rows, month); i >= 0; i--) {
    const cell = get(rows[i]!);
    if (cell !== null) return { month: rows[i]!.month, cell };
  }
  return undefined;
}
