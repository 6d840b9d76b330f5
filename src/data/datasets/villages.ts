// villages.csv (contract §3.1): the village list every other dataset's 村 is checked against.
import { nameKey } from '../cells/names.ts';
import { createVillageIndex } from '../cells/villages.ts';
import { choiceOf, numberOf, plainOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { note } from './columns.ts';

const KINDS = ['行政村', '社区'] as const;

function row(v: Values, line: number) {
  return {
    line,
    id: stringOf(v, 'id'),
    name: stringOf(v, 'name'),
    township: stringOf(v, 'township'),
    kind: choiceOf(v, 'kind', KINDS) ?? '行政村',
    households: numberOf(v, 'households'),
    population: numberOf(v, 'population'),
    natural_villages: plainOf(v, 'natural_villages'),
    lng: plainOf(v, 'lng'),
    lat: plainOf(v, 'lat'),
    note: textOf(v, 'note'),
  };
}

export type Village = ReturnType<typeof row>;

export const villagesSchema: DatasetSchema<'villages', Village, true> = {
  name: 'villages',
  table: 'villages',
  title: '村庄名录',
  required: true,
  definesTownships: true,
  missing:
    '缺少村庄名录 data/villages.csv（也可命名为 村庄名录.csv，或放在工作簿中名为「村庄名录」的工作表里）：' +
    '此文件必须有，其他数据表中的「村」都按其中的村编号或村名核对',
  columns: [
    { key: 'id', label: '编号', type: 'id', required: true },
    { key: 'name', label: '村名', type: 'text', required: true },
    { key: 'township', label: '乡镇', type: 'text', required: true },
    { key: 'kind', label: '类型', type: 'enum', values: KINDS, default: '行政村' },
    { key: 'households', label: '户数', type: 'integer', unit: '户', required: true },
    { key: 'population', label: '人口', type: 'integer', unit: '人', required: true },
    { key: 'natural_villages', label: '自然村数', type: 'integer', unit: '个' },
    { key: 'lng', label: '经度', type: 'number', min: -180, max: 180 },
    { key: 'lat', label: '纬度', type: 'number', min: -90, max: 90 },
    note,
  ],
  // A village name is unique within its township.
  unique: [['id'], ['township', 'name']],
  nameColumns: ['name', 'township'],
  build: row,
  refer(refs, result, path) {
    refs.villagesPath = path;
    if (!result?.usable) return;
    refs.villages = createVillageIndex(result.dataset.rows);
    for (const { line, raw, path: file = path } of result.rejected) {
      for (const key of ['id', 'name']) {
        const value = raw.get(key);
        if (value !== undefined && nameKey(value) !== '' && !refs.brokenVillages.has(nameKey(value))) {
          refs.brokenVillages.set(nameKey(value), { path: file, line });
        }
      }
    }
  },
};
