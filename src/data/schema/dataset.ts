// What a dataset module (src/data/datasets/*.ts) declares: everything specific to one known
// dataset. The loader, validation, queries, downloads and templates walk the registry
// (src/data/registry.ts) of these and name no dataset themselves.
import type { NumberRule } from '../cells/cells.ts';
import type { References } from '../cells/readCell.ts';
import type { ColumnSpec, Dataset, IssueCode, Month, Quantity, Scope } from '../shapes/types.ts';

/** Raw cell of a column in the current row, by key (undefined when the column is absent). */
export type RawOf = (key: string) => string | undefined;
/** Values read so far in the current row, by key (absent when unreadable). */
export type Values = Map<string, unknown>;

/**
 * A dataset as its loader read it, for `refer` (src/data/known.ts's KnownResult): whether its
 * header was read, and the rows left out because of an error, with their raw cells.
 */
export interface Loaded<R> {
  dataset: Dataset<R>;
  usable: boolean;
  rejected: readonly { line: number; raw: Map<string, string>; path?: string }[];
}

/** No override: the column's own rule (shared, so callers can tell it apart cheaply). */
export const NO_OVERRIDE: Partial<NumberRule> = Object.freeze({});

export interface RowProblem {
  key: string;
  code: IssueCode;
  message: string;
}

export interface DatasetSchema<T extends string = string, R = object, Req extends boolean = boolean> {
  /** file name without `.csv`, also the name used in chart blocks and `{{ }}` figures */
  name: string;
  /** property on `Tables` */
  table: T;
  /** Chinese title shown on /data/ */
  title: string;
  /** a required dataset is never null in `Tables`; its absence is reported with `missing` */
  required: Req;
  /** the message when a required dataset has no file */
  missing?: string;
  /** Chinese file and sheet names that also stand for this dataset (contract §3.9), besides the title */
  aliases?: readonly string[];
  columns: ColumnSpec[];
  /** sets of column keys whose combined values must be unique, in the order they are checked */
  unique?: readonly (readonly string[])[];
  /**
   * The columns that identify a row from one release to the next (contract §6.3, src/releases/):
   * a published figure is compared with the one of the same key. Default: the first `unique` set.
   */
  rowKey?: readonly string[];
  /** columns holding names typed by hand, where `?` betrays Excel's GBK replacement character */
  nameColumns?: readonly string[];
  /**
   * its rows name the townships (villages.csv): a folder under data/ holding its file is that
   * township's folder, and is read before the others are matched to townships (contract §3.11)
   */
  definesTownships?: boolean;
  /** rows are reports of a month (`month` column): months after the current one are mistakes */
  monthly?: boolean;
  /** the value column a wide layout (one column per month) is read into */
  wide?: string;
  /** keep the raw cells of rejected rows and the column positions on the dataset (Dataset.rejected) */
  keepRejected?: boolean;
  /** the typed row of values read by the schema; called only for rows without errors */
  build(values: Values, line: number): R;
  /** number rule overrides that depend on other cells of the same row */
  numberOverride?(key: string, rawOf: RawOf): Partial<NumberRule> | undefined;
  /** checks across the columns of a row and against other files */
  checkRow?(values: Values, refs: References, rawOf: RawOf): RowProblem[];
  /** checks across the rows of the file (a stock that falls, §3.9); an error leaves its row out */
  checkRows?(rows: readonly R[]): (RowProblem & { line: number; row: R })[];
  /**
   * What other datasets may reference in this one, set on `refs` once it is loaded (`result` null
   * when its file is absent; `path` is its file or where it would be). Datasets with references
   * are loaded first, in registry order.
   */
  refer?(refs: References, result: Loaded<R> | null, path: string): void;
  /**
   * `false`: the dataset cannot be queried (no chart block or `{{ }}` figure reads it). The columns
   * its query view derives are declared with the metrics (src/metrics/derived.ts).
   */
  view?: false;
}

/** Any registry entry (`any`: a schema's rows appear in argument positions, so no one row type covers them all). */
export type AnySchema = DatasetSchema<string, any, boolean>;

/** The tables a registry loads into: each dataset under its key, `null` when optional and absent. */
export type TablesOf<Reg extends readonly AnySchema[]> = {
  [S in Reg[number] as S['table']]: S extends DatasetSchema<string, infer R, infer Req>
    ? Req extends true
      ? Dataset<R>
      : Dataset<R> | null
    : never;
};

/** The loaded dataset of a schema in `tables`. */
export function datasetOf(tables: object, schema: AnySchema): Dataset<object> | null {
  return ((tables as Record<string, unknown>)[schema.table] as Dataset<object> | null | undefined) ?? null;
}

// Reading values in row builders. Builders run only for rows without errors, so a required value
// is present and of the type its column reads.
export const cellOf = (v: Values, key: string): Quantity | null => (v.get(key) as Quantity | null | undefined) ?? null;
export const quantityOf = (v: Values, key: string): Quantity => v.get(key) as Quantity;
export const plainOf = (v: Values, key: string): number | null => cellOf(v, key)?.value ?? null;
export const numberOf = (v: Values, key: string): number => quantityOf(v, key).value;
export const textOf = (v: Values, key: string): string | null => (v.get(key) as string | null | undefined) ?? null;
export const stringOf = (v: Values, key: string): string => v.get(key) as string;
export const monthOf = (v: Values, key: string): Month => stringOf(v, key);
export const scopeOf = (v: Values, key: string): Scope => (v.get(key) as Scope | null | undefined) ?? { kind: 'site' };

/** An enum value: one of `values` (the column's list), or null when not given. */
export function choiceOf<const V extends readonly string[]>(v: Values, key: string, values: V): V[number] | null {
  const value = textOf(v, key);
  return values.find((x) => x === value) ?? null;
}
