// inspections.csv (contract §3.6): the monthly inspection scores the ranking is made of.
import { monthOf, quantityOf, stringOf, textOf, type DatasetSchema, type Values } from '../dataset.ts';
import { rankOf } from '../../metrics/ranks.ts';
import { meanOf, note, reportMonth, reportVillage } from './columns.ts';

function row(v: Values, line: number) {
  return {
    line,
    month: monthOf(v, 'month'),
    /** village id */
    village: stringOf(v, 'village'),
    score: quantityOf(v, 'score'),
    note: textOf(v, 'note'),
  };
}

export type InspectionRow = ReturnType<typeof row>;

export const inspectionsSchema: DatasetSchema<'inspections', InspectionRow, false> = {
  name: 'inspections',
  table: 'inspections',
  title: '月度考评',
  required: false,
  columns: [
    reportMonth,
    reportVillage,
    { key: 'score', label: '得分', type: 'number', required: true, min: 0, max: 100 },
    note,
  ],
  unique: [['month', 'village']],
  monthly: true,
  wide: 'score',
  build: row,
  view(tables, parts, rows) {
    parts.columns.push({ key: 'rank', label: '排名', aliases: ['名次'], type: 'number', derived: true, combine: meanOf('rank') });
    parts.rows.forEach((r, i) => {
      const row = rows[i]!;
      const entry = rankOf(tables, row.village, row.month);
      r.rank = entry ? { value: entry.rank, approx: false } : null;
    });
  },
};
