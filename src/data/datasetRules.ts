// The rules of known datasets that a column type cannot express (contract §3.1–3.7): units taken
// from the row, checks across columns and files, uniqueness beyond the schema's key.
import { isEmptyCell, normalizeCell, type NumberRule } from './cells.ts';
import { resolveMetric, type References } from './readCell.ts';
import { nameKey } from './names.ts';
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
export function checkRow(dataset: string, values: Values, refs: References, rawOf: RawOf = () => undefined): RowProblem[] {
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
  if (dataset === 'photos') return checkPhotoRow(values, refs, rawOf);
  return [];
}

/** A photo belongs to a village or a construction point, or both when they agree (§3.10). */
function checkPhotoRow(values: Values, refs: References, rawOf: RawOf): RowProblem[] {
  const village = values.get('village') as string | null | undefined;
  const point = values.get('point') as string | null | undefined;
  if (point) {
    const p = refs.points?.get(nameKey(point));
    if (p && village && p.village !== village) {
      const name = (id: string) => refs.villages?.byId.get(id)?.name ?? id;
      return [{
        key: 'point',
        code: 'constraint-error',
        message: `「建设点编号」${point} 属于${name(p.village)}，与本行「村」${name(village)}不一致；请核对，或只填其中一个`,
      }];
    }
    if (p) values.set('pointVillage', p.village);
    return [];
  }
  if (village) return [];
  // A reference that could not be read has been reported already.
  if (!isEmptyCell(rawOf('village') ?? '') || !isEmptyCell(rawOf('point') ?? '')) return [];
  const key = values.has('village') ? 'village' : values.has('point') ? 'point' : 'file';
  return [{ key, code: 'missing-value', message: '「村」和「建设点编号」至少填一个：照片要显示在哪个村或建设点的页面上' }];
}

/** Uniqueness keys: the schema's, plus a village name within its township. */
export function uniqueKeys(dataset: string, schemaUnique: readonly string[] | undefined): string[][] {
  const keys = schemaUnique ? [[...schemaUnique]] : [];
  if (dataset === 'villages') keys.push(['township', 'name']);
  return keys;
}
