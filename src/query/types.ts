// The uniform view of a dataset that chart blocks and `{{ }}` figures query.
import type { Month, Quantity } from '../data/types.ts';
import type { LatestOf, ViewColumn, ViewRecord, ViewValue } from '../data/shapes/view.ts';

export { quantityOf, type LatestOf, type ViewColumn, type ViewRecord, type ViewType, type ViewValue } from '../data/shapes/view.ts';

export interface DatasetView {
  /** dataset name, e.g. `cleanup` */
  name: string;
  /** `data/cleanup.csv` */
  file: string;
  /** the data file this dataset could not be read without (Dataset.damaged): failures follow from it */
  damaged?: string;
  /** the data file whose rows with errors were left out (Dataset.incomplete): finding no rows follows from it */
  incomplete?: string;
  columns: ViewColumn[];
  rows: ViewRecord[];
  /** key of the month column, if the dataset has one */
  monthKey?: string;
  /** key of the village column (direct or through a construction point), if any */
  villageKey?: string;
  /**
   * `latest` of a stock column from the metric that the pages use (toilets: coverage, sanitary,
   * public toilets), inside every scope given (none: the site) as of a month (default: the
   * dataset's latest month); `undefined` for a column the metrics do not cover.
   */
  latestOf?: LatestOf;
  /** the text a reader sees for a value (village ids → names, months → `2023年7月`, metric keys → names) */
  display(column: ViewColumn, value: ViewValue): string;
}

/** A failed query: a Chinese message for staff. `field` says which part of the query is wrong. */
export interface QueryError {
  message: string;
  field?: string;
  /** index of the offending `where` condition */
  index?: number;
  /** the data file whose unreadable header is the real cause (contract §5: reported once) */
  cause?: string;
  /** no row met the query: over a dataset with rows left out (DatasetView.incomplete), that is the cause */
  empty?: true;
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; errors: QueryError[] };

export function ok<T>(value: T): QueryResult<T> {
  return { ok: true, value };
}

export function fail<T>(message: string, field?: string, index?: number): QueryResult<T> {
  return { ok: false, errors: [{ message, ...(field !== undefined && { field }), ...(index !== undefined && { index }) }] };
}

export type { Month, Quantity };

/**
 * Over a dataset that could not be read (DatasetView.damaged), whatever fails — a column, a
 * village, no rows — follows from that file's problem: the errors carry it as their cause.
 */
export function followsFrom<T>(view: DatasetView, run: () => QueryResult<T>): QueryResult<T> {
  const result = run();
  if (result.ok) return result;
  // Finding no rows follows from rows left out because of an error in their file (`24年1月`).
  const causeOf = (e: QueryError) => view.damaged ?? (e.empty ? view.incomplete : undefined);
  return { ok: false, errors: result.errors.map((e) => (e.cause === undefined && causeOf(e) !== undefined ? { ...e, cause: causeOf(e)! } : e)) };
}
