// photos.csv (contract §3.10): captions of the photos under data/photos/ (the files are checked in src/photos/).
import { isEmptyCell } from '../cells/cells.ts';
import { nameKey } from '../cells/names.ts';
import { choiceOf, stringOf, textOf, type DatasetSchema, type RawOf, type RowProblem, type Values } from '../schema/dataset.ts';
import type { References } from '../cells/readCell.ts';
import { note } from './columns.ts';

const STAGES = ['整治前', '施工中', '整治后'] as const;

export type PhotoStage = (typeof STAGES)[number];

function row(v: Values, line: number) {
  return {
    line,
    /** as typed, forward slashes (resolved under data/photos/ by src/photos/catalog.ts) */
    file: stringOf(v, 'file').replace(/\\/g, '/'),
    /** village id: the row's own, or its point's village (set by checkRow) */
    village: textOf(v, 'village') ?? textOf(v, 'pointVillage'),
    point: textOf(v, 'point'),
    /** `YYYY-MM` or `YYYY-MM-DD` */
    date: textOf(v, 'date'),
    stage: choiceOf(v, 'stage', STAGES),
    pair: textOf(v, 'pair'),
    caption: stringOf(v, 'caption'),
    note: textOf(v, 'note'),
  };
}

export type PhotoRow = ReturnType<typeof row>;

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

export const photosSchema: DatasetSchema<'photos', PhotoRow, false> = {
  name: 'photos',
  table: 'photos',
  title: '照片',
  required: false,
  columns: [
    { key: 'file', label: '文件', type: 'text', required: true },
    { key: 'village', label: '村', type: 'village' },
    { key: 'point', label: '建设点编号', type: 'point' },
    { key: 'date', label: '日期', type: 'date' },
    { key: 'stage', label: '阶段', type: 'enum', values: STAGES },
    { key: 'pair', label: '对比组', type: 'text' },
    { key: 'caption', label: '说明', type: 'text', required: true },
    note,
  ],
  unique: [['file']],
  // The photo catalogue needs the rows left out: files named there are not "unlisted".
  keepRejected: true,
  build: row,
  checkRow: checkPhotoRow,
  // Photos are shown on pages, not charted.
  view: false,
};
