// The chart spec: what every chart on the site (topic pages, village pages, Markdown chart blocks)
// hands to the renderer. Rows are already filtered and aggregated; the figure, its summary
// sentence, its table and its CSV download are all built from exactly these rows.
import type { Month } from '../data/types.ts';

export type ChartType = 'bar' | 'line' | 'area' | 'dot' | 'table';

export interface ChartField {
  /** property name in `rows` */
  key: string;
  /** Chinese label for axes, table headers and CSV headers, without unit (e.g. `清理垃圾`) */
  label: string;
  type: 'month' | 'number' | 'percent' | 'text';
  /** unit shown after figures (`吨`, `户`, `%` …) */
  unit?: string;
  /**
   * How the figures add up, for the summary sentence: `flow` (清理垃圾, 当月改厕: summed over months
   * and series), `stock` (a level at month end, e.g. 公厕, 无害化卫生户厕: summed across series
   * within a month, never over months), `rate` (percentages, scores: never summed). Default:
   * `rate` for percent fields, else `flow` for bar and area charts and `rate` for the others.
   */
  measure?: 'flow' | 'stock' | 'rate';
}

/** One drawn row. `approx` marks a value built from an approximate figure (shown with `余`). */
export type ChartRow = Record<string, string | number | boolean | null> & { approx?: boolean };

export interface ChartSpec {
  /** stable id, `[a-z0-9_-]` (rows.ts CHART_ID); used as the figure's anchor and the download file names */
  id: string;
  type: ChartType;
  title: string;
  x: ChartField;
  y: ChartField;
  color?: ChartField;
  rows: ChartRow[];
  /** fixed order of color values (one colour per village/township across the site) */
  colorDomain?: string[];
  /**
   * the colours of colorDomain's values, in its order (default: the palette in order). The
   * 红黑榜 lists 红榜 first, drawn in vermillion, and 黑榜 in blue.
   */
  colorRange?: string[];
  /**
   * a horizontal reference line, e.g. a target. `label` is its name (`目标`, `2023年目标`); the
   * renderer adds the formatted value (`目标 95.0%`); a label ending in its value has it dropped.
   */
  target?: { value: number; label: string };
  /** fixed y domain, e.g. [0, 100] for percentages */
  yDomain?: [number, number];
  /** caption under the chart (from a chart block's `caption`) */
  caption?: string;
  /** source note, e.g. `数据来源：data/cleanup.csv` */
  source?: string;
  /**
   * Draw only the phone-sized variant (shown at most ~26rem wide on large screens). Village pages
   * use it: there are thousands of them, read on phones, and each drawing costs build time.
   */
  compact?: boolean;
  /** latest month in the data the chart is drawn from (数据截至) */
  asOf?: Month;
}

export interface RenderedChart {
  spec: ChartSpec;
  /** inline SVG for wide screens (no xmlns; role="img" and an accessible name) */
  svg: string;
  /** inline SVG for a phone at any text size (11 em of text across, layout.ts); `''` for compact charts */
  svgNarrow: string;
  /** standalone SVG file: xmlns, embedded styles, title */
  svgFile: string;
  /** the parts of svgFile with the phone-sized drawing (drawn charts only): the PNG picture's */
  pictureParts?: import('./svgFile.ts').SvgFileParts;
  /** the automatically written Chinese sentence stating what the chart shows */
  summary: string;
  /** the data table: header cells and formatted body cells */
  table: { head: string[]; body: string[][] };
  /** CSV of exactly the drawn rows: UTF-8 with BOM, Chinese headers, CRLF */
  csv: string;
}
