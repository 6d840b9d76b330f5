// Typed tables: the shapes every later stage (metrics, charts, markdown, pages) trusts.
// Values are normalised at the edge (src/data/load.ts); inner code does not re-check them.

/** A month as `YYYY-MM` (e.g. `2023-07`). */
export type Month = string;

/** A number read from a cell. `approx` keeps the mark of `约/近` or `余/多/+` (contract §3.0). */
export interface Quantity {
  value: number;
  approx: boolean;
}

/** An optional numeric cell: `null` means "not reported" (never zero). */
export type Cell = Quantity | null;

/** Every typed row remembers the file line it came from (header = line 1, title row counted). */
export interface RowOrigin {
  line: number;
}

export interface Village extends RowOrigin {
  id: string;
  name: string;
  township: string;
  kind: '行政村' | '社区';
  households: number;
  population: number;
  natural_villages: number | null;
  lng: number | null;
  lat: number | null;
  note: string | null;
}

export interface CleanupRow extends RowOrigin {
  month: Month;
  /** village id (references are resolved to ids at load time) */
  village: string;
  garbage_t: Cell;
  ditches_km: Cell;
  piles: Cell;
  structures_m2: Cell;
  ads: Cell;
  spending_wan: Cell;
  note: string | null;
}

export type PointLevel = '省级' | '市级' | '县级' | '镇级';

export interface ConstructionPoint extends RowOrigin {
  id: string;
  name: string;
  /** village id */
  village: string;
  year: number;
  level: PointLevel;
  investment_wan: Cell;
  households: Cell;
  people: Cell;
  note: string | null;
}

export interface ConstructionItem extends RowOrigin {
  /** construction point id */
  point: string;
  item: string;
  unit: string;
  planned: Quantity;
  done: Quantity;
  note: string | null;
}

export interface ToiletRow extends RowOrigin {
  month: Month;
  /** village id */
  village: string;
  sanitary: Quantity;
  converted: Cell;
  public_toilets: Cell;
  note: string | null;
}

export interface InspectionRow extends RowOrigin {
  month: Month;
  /** village id */
  village: string;
  score: Quantity;
  note: string | null;
}

export type TargetMetric =
  | 'toilet_coverage'
  | 'public_toilets'
  | 'garbage_t'
  | 'construction_progress'
  | 'inspection_score';

export type Scope =
  | { kind: 'site' }
  | { kind: 'township'; township: string }
  | { kind: 'village'; village: string /* village id */ };

export interface Target extends RowOrigin {
  metric: TargetMetric;
  value: Quantity;
  due: Month;
  scope: Scope;
  note: string | null;
}

export type PhotoStage = '整治前' | '施工中' | '整治后';

/** A row of photos.csv (contract §3.10); the file itself is checked in src/photos/. */
export interface PhotoRow extends RowOrigin {
  /** as typed, forward slashes (resolved under data/photos/ by src/photos/catalog.ts) */
  file: string;
  /** village id: the row's own, or its point's village */
  village: string | null;
  point: string | null;
  /** `YYYY-MM` or `YYYY-MM-DD` */
  date: string | null;
  stage: PhotoStage | null;
  pair: string | null;
  caption: string;
  note: string | null;
}

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
  /** 1-based column of each key in the file (known datasets), for messages about a row's cell */
  positions?: Record<string, number>;
  /** raw cells of rows left out because of an error, by line (photos: files named there are not "unlisted") */
  rejected?: { line: number; raw: Map<string, string> }[];
}

export interface FreeRow extends RowOrigin {
  [key: string]: FreeValue | number;
}

/** Datasets whose file is absent are `null`: their topic is left out of the site. */
export interface Tables {
  villages: Dataset<Village>;
  cleanup: Dataset<CleanupRow> | null;
  constructionPoints: Dataset<ConstructionPoint> | null;
  constructionItems: Dataset<ConstructionItem> | null;
  toilets: Dataset<ToiletRow> | null;
  inspections: Dataset<InspectionRow> | null;
  targets: Dataset<Target> | null;
  photos: Dataset<PhotoRow> | null;
  /** free datasets (§3.8), sorted by name */
  free: Dataset<FreeRow>[];
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
  /**
   * A problem that only follows from another file (a chart or figure over a dataset whose file could
   * not be read): the path of that file. The report folds all of them into one line (contract §5).
   */
  cause?: string;
  /** the file's structural problem (encoding, header not found): listed first for its file */
  structural?: boolean;
}
