// inspections.csv (contract §3.6): the monthly inspection scores the ranking is made of.
import { monthOf, quantityOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { note, reportMonth, reportVillage } from './columns.ts';

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
};
