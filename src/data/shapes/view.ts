// The view of a dataset as chart blocks and `{{ }}` figures query it (contract §4.1): columns with
// key, label, unit and type, rows as plain records. Owned by the data stage: a dataset's columns
// become view columns here, and the derived ones (src/metrics/derived.ts) are added from above.
import type { Month, Quantity, Scope } from './types.ts';

/**
 * Column types as the query engine sees them. `village` holds a village id, `point` a
 * construction point id, `township` a township name; numbers are Quantities.
 */
export type ViewType = 'text' | 'number' | 'percent' | 'month' | 'village' | 'township' | 'point';

/** A cell of a view row: text (ids, names, months as `YYYY-MM`), a number, or not reported. */
export type ViewValue = string | Quantity | null;

/** One row as a plain record keyed by column key. */
export type ViewRecord = Record<string, ViewValue>;

export interface ViewColumn {
  key: string;
  /** Chinese label as staff write it, with unit: `清理垃圾(吨)` */
  label: string;
  type: ViewType;
  unit?: string;
  /** further names accepted for the column (besides key, label and label without unit) */
  aliases?: string[];
  /** `note`/`备注`: only shown, never charted (contract §3.0) */
  shownOnly?: boolean;
  /** allowed values (enum columns), checked in `where` */
  values?: readonly string[];
  /** values that stand for a name (targets' metric keys): readers see the name, `where` accepts it */
  names?: readonly { key: string; name: string }[];
  /**
   * How the values of several rows make one figure, when summing would be wrong (percentages):
   * toilet coverage is households-weighted, other percentages are averaged.
   */
  combine?: (rows: ViewRecord[]) => Quantity | null;
  /**
   * key of the column that holds each row's unit (construction items: `unit`): such a column
   * is only summed over rows of one unit, and `%` rows are averaged (contract §3.4)
   */
  unitFrom?: string;
  /** for columns that are derived or virtual: not in the file */
  derived?: boolean;
}

/** The number in a cell, or null (text or not reported). */
export function quantityOf(v: ViewValue | undefined): Quantity | null {
  return v !== null && v !== undefined && typeof v === 'object' ? v : null;
}

/** A dataset view while it is built: the file's columns and rows, which derived columns extend. */
export interface ViewParts {
  columns: ViewColumn[];
  rows: ViewRecord[];
}

/**
 * `latest` of a stock column from the metric that the pages use (toilets: coverage, sanitary,
 * public toilets), inside every scope given (none: the site) as of a month (default: the
 * dataset's latest month); `undefined` for a column the metrics do not cover.
 */
export type LatestOf = (columnKey: string, scopes: readonly Scope[], asOf: Month | undefined) => Quantity | null | undefined;

/** What a dataset's derived columns add to its view beyond columns and rows. */
export interface ViewExtras {
  latestOf?: LatestOf;
}
