// One schema per known dataset, transcribed from contract §3.1–3.7.
// The schema is the single source of column keys, Chinese labels, units and types.
import type { ColumnSpec, Tables } from './types.ts';

export interface DatasetSchema {
  /** file name without `.csv`, also the name used in chart blocks and `{{ }}` figures */
  name: string;
  /** property on `Tables` */
  table: Exclude<keyof Tables, 'free'>;
  /** Chinese title shown on /data/ */
  title: string;
  required: boolean;
  columns: ColumnSpec[];
  /** column keys whose combined values must be unique */
  unique?: string[];
}

const note: ColumnSpec = { key: 'note', label: '备注', type: 'text' };

export const villagesSchema: DatasetSchema = {
  name: 'villages',
  table: 'villages',
  title: '村庄名录',
  required: true,
  columns: [
    { key: 'id', label: '编号', type: 'id', required: true },
    { key: 'name', label: '村名', type: 'text', required: true },
    { key: 'township', label: '乡镇', type: 'text', required: true },
    { key: 'kind', label: '类型', type: 'enum', values: ['行政村', '社区'], default: '行政村' },
    { key: 'households', label: '户数', type: 'integer', unit: '户', required: true },
    { key: 'population', label: '人口', type: 'integer', unit: '人', required: true },
    { key: 'natural_villages', label: '自然村数', type: 'integer', unit: '个' },
    { key: 'lng', label: '经度', type: 'number', min: -180, max: 180 },
    { key: 'lat', label: '纬度', type: 'number', min: -90, max: 90 },
    note,
  ],
  unique: ['id'],
};

export const cleanupSchema: DatasetSchema = {
  name: 'cleanup',
  table: 'cleanup',
  title: '村庄清洁行动',
  required: false,
  columns: [
    { key: 'month', label: '月份', type: 'month', required: true },
    { key: 'village', label: '村', type: 'village', required: true },
    { key: 'garbage_t', label: '清理垃圾(吨)', type: 'number', unit: '吨' },
    { key: 'ditches_km', label: '清理沟渠(公里)', type: 'number', unit: '公里' },
    { key: 'piles', label: '清理乱堆乱放(处)', type: 'integer', unit: '处' },
    { key: 'structures_m2', label: '拆除私搭乱建(平方米)', type: 'number', unit: '平方米' },
    { key: 'ads', label: '清理小广告(处)', type: 'integer', unit: '处' },
    { key: 'spending_wan', label: '投入资金(万元)', type: 'number', unit: '万元' },
    note,
  ],
  unique: ['month', 'village'],
};

export const constructionPointsSchema: DatasetSchema = {
  name: 'construction-points',
  table: 'constructionPoints',
  title: '新农村建设点',
  required: false,
  columns: [
    { key: 'id', label: '编号', type: 'id', required: true },
    { key: 'name', label: '建设点', type: 'text', required: true },
    { key: 'village', label: '村', type: 'village', required: true },
    { key: 'year', label: '年度', type: 'integer', required: true, min: 2000, max: 2100 },
    { key: 'level', label: '级别', type: 'enum', values: ['省级', '市级', '县级', '镇级'], required: true },
    { key: 'investment_wan', label: '投资(万元)', type: 'number', unit: '万元' },
    { key: 'households', label: '受益户数', type: 'integer', unit: '户' },
    { key: 'people', label: '受益人数', type: 'integer', unit: '人' },
    note,
  ],
  unique: ['id'],
};

export const constructionItemsSchema: DatasetSchema = {
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
  unique: ['point', 'item', 'unit'],
};

export const toiletsSchema: DatasetSchema = {
  name: 'toilets',
  table: 'toilets',
  title: '厕所革命',
  required: false,
  columns: [
    { key: 'month', label: '月份', type: 'month', required: true },
    { key: 'village', label: '村', type: 'village', required: true },
    { key: 'sanitary', label: '无害化卫生户厕(户)', type: 'integer', unit: '户', required: true },
    { key: 'converted', label: '当月改厕(户)', type: 'integer', unit: '户' },
    { key: 'public_toilets', label: '公厕(座)', type: 'integer', unit: '座' },
    note,
  ],
  unique: ['month', 'village'],
};

export const inspectionsSchema: DatasetSchema = {
  name: 'inspections',
  table: 'inspections',
  title: '月度考评',
  required: false,
  columns: [
    { key: 'month', label: '月份', type: 'month', required: true },
    { key: 'village', label: '村', type: 'village', required: true },
    { key: 'score', label: '得分', type: 'number', required: true, min: 0, max: 100 },
    note,
  ],
  unique: ['month', 'village'],
};

/** Target metrics: key, Chinese name (accepted in the file) and unit. */
export const targetMetrics = [
  { key: 'toilet_coverage', name: '无害化卫生户厕覆盖率', unit: '%' },
  { key: 'public_toilets', name: '公厕', unit: '座' },
  { key: 'garbage_t', name: '清理垃圾', unit: '吨' },
  { key: 'construction_progress', name: '建设点完成进度', unit: '%' },
  { key: 'inspection_score', name: '考评得分', unit: '分' },
] as const;

export const targetsSchema: DatasetSchema = {
  name: 'targets',
  table: 'targets',
  title: '目标',
  required: false,
  columns: [
    { key: 'metric', label: '指标', type: 'metric', required: true },
    { key: 'value', label: '目标值', type: 'number', required: true },
    { key: 'due', label: '期限', type: 'month', required: true },
    { key: 'scope', label: '范围', type: 'scope' },
    note,
  ],
};

export const photosSchema: DatasetSchema = {
  name: 'photos',
  table: 'photos',
  title: '照片',
  required: false,
  columns: [
    { key: 'file', label: '文件', type: 'text', required: true },
    { key: 'village', label: '村', type: 'village' },
    { key: 'point', label: '建设点编号', type: 'point' },
    { key: 'date', label: '日期', type: 'date' },
    { key: 'stage', label: '阶段', type: 'enum', values: ['整治前', '施工中', '整治后'] },
    { key: 'pair', label: '对比组', type: 'text' },
    { key: 'caption', label: '说明', type: 'text', required: true },
    note,
  ],
  unique: ['file'],
};

/** Known datasets in the order they are loaded (villages first: others reference it). */
export const schemas: DatasetSchema[] = [
  villagesSchema,
  cleanupSchema,
  constructionPointsSchema,
  constructionItemsSchema,
  toiletsSchema,
  inspectionsSchema,
  targetsSchema,
  photosSchema,
];

export function schemaByName(name: string): DatasetSchema | undefined {
  return schemas.find((s) => s.name === name);
}
