// construction-points.csv (contract §3.3): the new-countryside construction points.
import { nameKey } from '../cells/names.ts';
import { cellOf, choiceOf, numberOf, stringOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { note } from './columns.ts';

const LEVELS = ['省级', '市级', '县级', '镇级'] as const;

export type PointLevel = (typeof LEVELS)[number];

function row(v: Values, line: number) {
  return {
    line,
    id: stringOf(v, 'id'),
    name: stringOf(v, 'name'),
    /** village id */
    village: stringOf(v, 'village'),
    year: numberOf(v, 'year'),
    level: choiceOf(v, 'level', LEVELS)!,
    investment_wan: cellOf(v, 'investment_wan'),
    households: cellOf(v, 'households'),
    people: cellOf(v, 'people'),
    note: textOf(v, 'note'),
  };
}

export type ConstructionPoint = ReturnType<typeof row>;

export const constructionPointsSchema: DatasetSchema<'constructionPoints', ConstructionPoint, false> = {
  name: 'construction-points',
  table: 'constructionPoints',
  title: '新农村建设点',
  required: false,
  columns: [
    { key: 'id', label: '编号', type: 'id', required: true },
    { key: 'name', label: '建设点', type: 'text', required: true },
    { key: 'village', label: '村', type: 'village', required: true },
    { key: 'year', label: '年度', type: 'integer', required: true, min: 2000, max: 2100 },
    { key: 'level', label: '级别', type: 'enum', values: LEVELS, required: true },
    { key: 'investment_wan', label: '投资(万元)', type: 'number', unit: '万元' },
    { key: 'households', label: '受益户数', type: 'integer', unit: '户' },
    { key: 'people', label: '受益人数', type: 'integer', unit: '人' },
    note,
  ],
  unique: [['id']],
  nameColumns: ['name'],
  build: row,
  refer(refs, result, path) {
    refs.pointsPath = path;
    if (!result?.usable) return;
    refs.points = new Map<string, ConstructionPoint>(result.dataset.rows.map((p) => [nameKey(p.id), p]));
    for (const { line, raw, path: file = path } of result.rejected) {
      const id = raw.get('id');
      if (id !== undefined && nameKey(id) !== '' && !refs.brokenPoints.has(nameKey(id))) refs.brokenPoints.set(nameKey(id), { path: file, line });
    }
  },
};
