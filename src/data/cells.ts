// Cell grammar of contract §3.0: numbers, months, empty markers. Pure functions, no I/O.
// STUB: signatures are fixed; bodies are being implemented (see tests/data/cells.test.ts).
import type { Month, Quantity } from './types.ts';

/** Result of reading one cell. Failures carry the report code and a Chinese message. */
export type CellResult<T> =
  | { ok: true; value: T; warning?: string }
  | { ok: false; code: 'type-error' | 'constraint-error'; message: string };

/** NFKC-normalise and trim a cell (full-width digits, `（）`, ideographic space → ASCII). */
export function normalizeCell(raw: string): string {
  throw new Error('not implemented');
}

/** `''`, `-`, `—`, `/`, `无`, `暂无` standing alone (after normalizeCell): "not reported". */
export function isEmptyCell(raw: string): boolean {
  throw new Error('not implemented');
}

export interface NumberRule {
  /** the column's Chinese label, quoted in messages as 「label」 */
  label: string;
  /** canonical unit (`吨`, `公里`, `平方米`, `万元`, `户`, `人`, `座`, `处`, `个`, `间`, `%`); a trailing unit must be it or an alias */
  unit?: string;
  /** whole numbers only */
  integer?: boolean;
  /** percent column: 0–100, `85%` = `85` */
  percent?: boolean;
  min?: number;
  max?: number;
}

/** Read a non-empty number cell under §3.0 (caller has already handled empty cells). */
export function parseNumber(raw: string, rule: NumberRule): CellResult<Quantity> {
  throw new Error('not implemented');
}

/** Read a non-empty month cell (`2023-07`, `2023年7月`, full dates…) into `YYYY-MM`. */
export function parseMonth(raw: string, label: string): CellResult<Month> {
  throw new Error('not implemented');
}
