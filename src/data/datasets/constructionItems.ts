// construction-items.csv (contract §3.4): what is built at each construction point.
import { isEmptyCell, normalizeCell } from '../cells/cells.ts';
import { quantityOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { note, show } from './columns.ts';

function row(v: Values, line: number) {
  return {
    line,
    /** construction point id */
    point: stringOf(v, 'point'),
    item: stringOf(v, 'item'),
    // NFKC: `％` and `㎡` are the same units as `%` and `m2` when items are totalled per unit.
    unit: normalizeCell(stringOf(v, 'unit')),
    planned: quantityOf(v, 'planned'),
    done: quantityOf(v, 'done'),
    note: textOf(v, 'note'),
  };
}

export type ConstructionItem = ReturnType<typeof row>;

export const constructionItemsSchema: DatasetSchema<'constructionItems', ConstructionItem, false> = {
  name: 'construction-items',
  table: 'constructionItems',
  title: '建设内容',
  required: false,
  columns: [
    { key: 'point', label: '建设点编号', type: 'point', required: true },
    { key: 'item', label: '建设内容', type: 'text', required: true },
    { key: 'unit', label: '单位', type: 'text', required: true },
    { key: 'planned', label: '计划量', type: 'number', required: true },
    { key: 'done', label: '完成量', type: 'number', required: true },
    note,
  ],
  unique: [['point', 'item', 'unit']],
  build: row,
  numberOverride(key, rawOf) {
    if (key !== 'planned' && key !== 'done') return undefined;
    // 计划量/完成量 may carry the row's own unit: `0.6公里`, `48户`.
    const unit = rawOf('unit');
    return unit !== undefined && !isEmptyCell(unit) ? { unit: normalizeCell(unit) } : undefined;
  },
  checkRow(values) {
    const planned = values.get('planned') as ConstructionItem['planned'] | null | undefined;
    const done = values.get('done') as ConstructionItem['done'] | null | undefined;
    if (planned && done && done.value > planned.value) {
      return [
        {
          key: 'done',
          code: 'warning',
          message: `「完成量」${show(done)} 超过「计划量」${show(planned)}；请核对（计算进度时按 100% 计）`,
        },
      ];
    }
    return [];
  },
};
