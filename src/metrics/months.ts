// Month arithmetic on `YYYY-MM` strings. Zero-padded months with four-digit years sort
// lexicographically, so comparisons are plain string comparisons.
import type { TableKey } from '../data/registry.ts';
import type { Dataset, Month, Tables } from '../data/types.ts';
import { memo } from './tableIndex.ts';

/** An inclusive month range; a missing end is open. */
export interface MonthRange {
  from?: Month;
  to?: Month;
}

/** Compare two months for sorting: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareMonths(a: Month, b: Month): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct months of `months`, earliest first. */
export function sortMonths(months: Iterable<Month>): Month[] {
  return [...new Set(months)].sort(compareMonths);
}

function toIndex(m: Month): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

function fromIndex(i: number): Month {
  const year = Math.floor(i / 12);
  const month = (i % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `m` moved by `n` months (negative moves back): `addMonths('2023-12', 1)` is `2024-01`. */
export function addMonths(m: Month, n: number): Month {
  return fromIndex(toIndex(m) + n);
}

/** The month before `m`: `previousMonth('2023-01')` is `2022-12`. */
export function previousMonth(m: Month): Month {
  return addMonths(m, -1);
}

/** Number of months from `a` to `b` (`monthDiff('2023-01', '2023-03')` is 2; negative if `b` is earlier). */
export function monthDiff(a: Month, b: Month): number {
  return toIndex(b) - toIndex(a);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = toIndex(from), end = toIndex(to); i <= end; i++) out.push(fromIndex(i));
  return out;
}

/** The year of a month, as a number. */
export function yearOf(m: Month): number {
  return Number(m.slice(0, 4));
}

/** The range covering one calendar year. */
export function yearRange(year: number): Required<MonthRange> {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01`, to: `${y}-12` };
}

/** Whether `m` lies inside `range` (an absent range holds every month). */
export function inRange(m: Month, range?: MonthRange): boolean {
  if (!range) return true;
  return (range.from === undefined || m >= range.from) && (range.to === undefined || m <= range.to);
}

/** Table keys of the monthly datasets: those whose rows are reports of a `month`. */
export type MonthlyTable = { [K in TableKey]: NonNullable<Tables[K]>['rows'][number] extends { month: Month } ? K : never }[TableKey];

/** The latest month of each monthly dataset present (`null` when it has no rows; no entry when its file is absent). */
export function latestMonths(tables: Tables): Partial<Record<MonthlyTable, Month | null>> {
  return memo(tables, 'months:latest', () => {
    const out: Record<string, Month | null> = {};
    for (const [table, dataset] of Object.entries(tables) as [string, Dataset<{ month: Month }> | Dataset<object>[] | null][]) {
      if (dataset === null || Array.isArray(dataset) || !dataset.monthly) continue;
      out[table] = sortMonths(dataset.rows.map((r) => r.month)).at(-1) ?? null;
    }
    return out as Partial<Record<MonthlyTable, Month | null>>;
  });
}

/** The latest month in any monthly dataset: the site's 数据截至. */
export function latestMonth(tables: Tables): Month | null {
  let latest: Month | null = null;
  for (const m of Object.values(latestMonths(tables))) if (m !== null && (latest === null || m > latest)) latest = m;
  return latest;
}
