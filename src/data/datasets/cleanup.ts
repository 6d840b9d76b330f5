// cleanup.csv (contract §3.2): the monthly village cleaning report.
import { cellOf, monthOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { note, reportMonth, reportVillage } from './columns.ts';

function row(v: Values, line: number) {
  return {
    line,
    month: monthOf(v, 'month'),
    /** village id (references are resolved to ids at load time) */
    village: stringOf(v, 'village'),
    garbage_t: cellOf(v, 'garbage_t'),
    ditches_km: cellOf(v, 'ditches_km'),
    piles: cellOf(v, 'piles'),
    structures_m2: cellOf(v, 'structures_m2'),
    ads: cellOf(v, 'ads'),
    spending_wan: cellOf(v, 'spending_wan'),
    note: textOf(v, 'note'),
  };
}

export type CleanupRow = ReturnType<typeof row>;

export const cleanupSchema: DatasetSchema<'cleanup', CleanupRow, false> = {
  name: 'cleanup',
  table: 'cleanup',
  title: '村庄清洁行动',
  required: false,
  aliases: ['村庄清洁'],
  columns: [
    reportMonth,
    reportVillage,
    { key: 'garbage_t', label: '清理垃圾(吨)', type: 'number', unit: '吨' },
    { key: 'ditches_km', label: '清理沟渠(公里)', type: 'number', unit: '公里' },
    { key: 'piles', label: '清理乱堆乱放(处)', type: 'integer', unit: '处' },
    { key: 'structures_m2', label: '拆除私搭乱建(平方米)', type: 'number', unit: '平方米' },
    { key: 'ads', label: '清理小广告(处)', type: 'integer', unit: '处' },
    { key: 'spending_wan', label: '投入资金(万元)', type: 'number', unit: '万元' },
    note,
  ],
  unique: [['month', 'village']],
  monthly: true,
  build: row,
};
