// The rules of known datasets that a column type cannot express (contract §3.1–3.7): units taken
// from the row, checks across columns and files, uniqueness beyond the schema's key.
import { isEmptyCell, normalizeCell, type NumberRule } from './cells.ts';
import { resolveMetric, type References } from './readCell.ts';
import { targetMetrics } from './schemas.ts';
import type { IssueCode, Quantity } from './types.ts';
import { trimFloat } from '../format.ts';

/** Raw cell of a column in the current row, by key (undefined when the column is absent). */
export type RawOf = (key: string) => string | undefined;
/** Values read so far in the current row, by key (absent when unreadable). */
export type Values = Map<string, unknown>;

/** No override: the column's own rule (shared, so callers can tell it apart cheaply). */
export const NO_OVERRIDE: Partial<NumberRule> = Object.freeze({});

/** Number rule overrides that depend on other cells of the same row. */
export function numberOverride(dataset: string, key: string, rawOf: RawOf): Partial<NumberRule> {
  if (dataset === 'construction-items' && (key === 'planned' || key === 'done')) {
    // 计划量/完成量 may carry the row's own unit: `0.6公里`, `48户`.
    const unit = rawOf('unit');
    if (unit !== undefined && !isEmptyCell(unit)) return { unit: normalizeCell(unit) };
  }
  if (dataset === 'targets' && key === 'value') {
    const metric = resolveMetric(rawOf('metric') ?? '');
    const spec = targetMetrics.find((m) => m.key === metric);
    if (spec) return spec.key === 'inspection_score' ? { unit: spec.unit, max: 100 } : { unit: spec.unit };
  }
  return NO_OVERRIDE;
}

/** Columns holding names typed by hand, where `?` betrays Excel's GBK replacement character. */
export const nameColumns: Readonly<Record<string, readonly string[]>> = {
  villages: ['name', 'township'],
  'construction-points': ['name'],
};

export interface RowProblem {
  key: string;
  code: IssueCode;
  message: string;
}

const show = (q: Quantity) => `${trimFloat(q.value)}${q.approx ? '余' : ''}`;

/** Checks across the columns of a row and against other files. */
export function checkRow(dataset: string, values: Values, refs: References): RowProblem[] {
  if (dataset === 'toilets') {
    const sanitary = values.get('sanitary') as Quantity | null | undefined;
    const id = values.get('village') as string | undefined;
    const village = id === undefined ? undefined : refs.villages?.byId.get(id);
    if (sanitary && village && sanitary.value > village.households) {
      return [
        {
          key: 'sanitary',
          code: 'constraint-error',
          message: `「无害化卫生户厕(户)」为 ${show(sanitary)}，超过该村户数 ${village.households}`,
        },
      ];
    }
  }
  if (dataset === 'construction-items') {
    const planned = values.get('planned') as Quantity | null | undefined;
    const done = values.get('done') as Quantity | null | undefined;
    if (planned && done && done.value > planned.value) {
      return [
        {
          key: 'done',
          code: 'warning',
          message: `「完成量」${show(done)} 超过「计划量」${show(planned)}；请核对（计算进度时按 100% 计）`,
        },
      ];
    }
  }
  return [];
}

/** Uniqueness keys: the schema's, plus a village name within its township. */
export function uniqueKeys(dataset: string, schemaUnique: readonly string[] | undefined): string[][] {
  const keys = schemaUnique ? [[...schemaUnique]] : [];
  if (dataset === 'villages') keys.push(['township', 'name']);
  return keys;
}
