// The shapes every stage of src/data/ and every later stage shares: a column, a loaded dataset, a
// free row, a scope, a problem (Issue). Declarations only; the bottom of src/data/.
import type { Month, Quantity } from '../../values.ts';

export type { Cell, Month, Quantity } from '../../values.ts';

/** Every typed row remembers the file line it came from (header = line 1, title row counted). */
export interface RowOrigin {
  line: number;
}

export type Scope =
  | { kind: 'site' }
  | { kind: 'township'; township: string }
  | { kind: 'village'; village: string /* village id */ };

/** A value in a free dataset row (contract §3.8). */
export type FreeValue = string | Quantity | Month | null;

export type ColumnType =
  | 'text'
  | 'id'
  | 'number'
  | 'integer'
  | 'percent'
  | 'month'
  | 'date'
  | 'village'
  | 'point'
  | 'enum'
  | 'metric'
  | 'scope';

/** A column as declared by a schema (known datasets) or inferred (free datasets). */
export interface ColumnSpec {
  key: string;
  /** Chinese label as staff write it, e.g. `清理垃圾(吨)` */
  label: string;
  type: ColumnType;
  /** canonical unit, e.g. `吨`; `%` for percent columns */
  unit?: string;
  required?: boolean;
  /** allowed values for `enum` columns */
  values?: readonly string[];
  /** numeric range for `number`/`integer` columns (lng/lat, score) */
  min?: number;
  max?: number;
  /** a default for optional enum columns (villages.kind) */
  default?: string;
}

/**
 * One loaded dataset. `columns` lists the columns present in the file, in schema order
 * (for cleanup, metric columns may be absent: absent ≠ empty). `file` is relative to the
 * project root, with forward slashes (`data/cleanup.csv`).
 */
export interface Dataset<R> {
  name: string;
  file: string;
  columns: ColumnSpec[];
  rows: R[];
  /**
   * The file this dataset could not be read without: its own file when its header could not be
   * read in full (encoding, header not found, a required or misspelt column), or villages.csv when
   * that cannot be read (no village reference can be checked). A chart or figure that fails over
   * this dataset follows from that file's problem (contract §5).
   */
  damaged?: string;
  /**
   * Its own file when rows were left out because of an error (a month `24年1月` that cannot be
   * read): a figure or chart that finds no rows follows from that file's problem (contract §5).
   */
  incomplete?: string;
  /** 1-based column of each key in the file (known datasets), for messages about a row's cell */
  positions?: Record<string, number>;
  /** raw cells of rows left out because of an error, by line (photos: files named there are not "unlisted") */
  rejected?: { line: number; raw: Map<string, string>; path?: string }[];
  /**
   * Set on a known dataset whose rows are reports of a `month` (its schema's `monthly`), by the
   * loader: the site's 数据截至 counts these (src/metrics/months.ts reads the flag on the dataset).
   */
  monthly?: true;
}

export interface FreeRow extends RowOrigin {
  [key: string]: FreeValue | number;
}

export type IssueCode =
  | 'encoding-error'
  | 'blank-header'
  | 'duplicate-header'
  | 'unknown-header'
  | 'missing-column'
  | 'extra-cell'
  | 'missing-cell'
  | 'missing-value'
  | 'type-error'
  | 'constraint-error'
  | 'unique-error'
  | 'foreign-key-error'
  | 'frontmatter-error'
  | 'chart-error'
  | 'expression-error'
  | 'internal-error'
  | 'warning';

/** One line of the error report (contract §5). `row`/`column` absent for whole-file problems. */
export interface Issue {
  path: string;
  row?: number;
  column?: number;
  code: IssueCode;
  message: string;
  /** set when the issue is a crash inside the loader (a bug), not a problem in the file */
  internal?: true;
  /** internal only: the crash's own (English) message, for maintainers and tests, never in the report line */
  detail?: string;
  /**
   * A problem that only follows from another file (a chart or figure over a dataset whose file could
   * not be read): the path of that file. The report folds all of them into one line (contract §5).
   */
  cause?: string;
  /**
   * A row of another file (a village row of villages.csv that cannot be read) whose error this
   * follows from: the report folds every issue with the same one into one line, right after it (§5).
   */
  follows?: { path: string; row: number };
  /** the file's structural problem (encoding, header not found): listed first for its file */
  structural?: boolean;
}
