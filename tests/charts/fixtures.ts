// Chart specs shared by the chart tests: one per chart type, with figures chosen so the summary
// sentences can be checked by hand.
import type { ChartField, ChartSpec } from '../../src/charts/types.ts';

export const month: ChartField = { key: 'month', label: '月份', type: 'month' };
export const village: ChartField = { key: 'village', label: '村', type: 'text' };
export const garbage: ChartField = { key: 'garbage_t', label: '清理垃圾', type: 'number', unit: '吨' };
export const coverage: ChartField = { key: 'coverage', label: '卫生户厕覆盖率', type: 'percent', unit: '%' };
export const ditches: ChartField = { key: 'ditches_km', label: '清理沟渠', type: 'number', unit: '公里' };

/** 150 + 160余 + 230 + 170 + 151 + 139 = 1,000余; March largest; June 12 below May. */
export const barMonths: ChartSpec = {
  id: 'cleanup-monthly',
  type: 'bar',
  title: '各月清理垃圾量',
  x: month,
  y: garbage,
  rows: [
    { month: '2023-01', garbage_t: 150 },
    { month: '2023-02', garbage_t: 160, approx: true },
    { month: '2023-03', garbage_t: 230 },
    { month: '2023-04', garbage_t: 170 },
    { month: '2023-05', garbage_t: 151 },
    { month: '2023-06', garbage_t: 139 },
  ],
  source: '数据来源：data/cleanup.csv',
  asOf: '2023-06',
};

/** Three villages, colorDomain deliberately not in code-point order. */
export const stackedBar: ChartSpec = {
  id: 'cleanup-by-village-monthly',
  type: 'bar',
  title: '各村各月清理垃圾量',
  x: month,
  y: garbage,
  color: village,
  colorDomain: ['石门村', '长塘村', '洋江村', '下坪村'],
  rows: [
    ['2023-01', 60, 40, 20],
    ['2023-02', 55, 45, 25],
    ['2023-03', 80, 70, 30],
    ['2023-04', 65, 50, 35],
  ].flatMap(([m, a, b, c]) => [
    { month: m as string, village: '长塘村', garbage_t: a as number },
    { month: m as string, village: '石门村', garbage_t: b as number },
    { month: m as string, village: '洋江村', garbage_t: c as number },
  ]),
  caption: '各村按月上报。',
  source: '数据来源：data/cleanup.csv',
};

/** Coverage across a year boundary, with a target. */
export const lineTarget: ChartSpec = {
  id: 'toilet-coverage',
  type: 'line',
  title: '无害化卫生户厕覆盖率',
  x: month,
  y: coverage,
  rows: [
    { month: '2022-10', coverage: 78.25 },
    { month: '2022-11', coverage: 80.1 },
    { month: '2022-12', coverage: 81.4 },
    { month: '2023-01', coverage: 83 },
    { month: '2023-02', coverage: 84.04 },
    { month: '2023-03', coverage: 85.2 },
  ],
  target: { value: 95, label: '目标' },
  yDomain: [0, 100],
  asOf: '2023-03',
};

/** Twelve months across two years, April missing (drawn as a gap in the axis). */
export const areaMonths: ChartSpec = {
  id: 'ditches-monthly',
  type: 'area',
  title: '各月清理沟渠长度',
  x: month,
  y: ditches,
  rows: [
    ['2022-07', 3.5],
    ['2022-08', 4.25],
    ['2022-09', 2],
    ['2022-10', 6.5],
    ['2022-11', 5],
    ['2022-12', 1.75],
    ['2023-01', 2.5],
    ['2023-02', 3],
    ['2023-03', 7.2],
    ['2023-05', 4.4],
    ['2023-06', 5.1],
  ].map(([m, v]) => ({ month: m as string, ditches_km: v as number })),
};

/** Villages as categories: drawn horizontally. */
export const dotVillages: ChartSpec = {
  id: 'cleanup-by-village',
  type: 'dot',
  title: '各村清理垃圾量',
  x: village,
  y: garbage,
  rows: [
    { village: '长塘村', garbage_t: 420 },
    { village: '石门村', garbage_t: 1205.5, approx: true },
    { village: '洋江村', garbage_t: 96 },
    { village: '下坪村', garbage_t: 310 },
    { village: '黄泥坑村民小组', garbage_t: 96 },
  ],
};

/** Percent y by village, with a target some villages reach. */
export const percentVillages: ChartSpec = {
  id: 'coverage-by-village',
  type: 'bar',
  title: '各村卫生户厕覆盖率',
  x: village,
  y: coverage,
  rows: [
    { village: '长塘村', coverage: 96.04 },
    { village: '石门村', coverage: 88.5 },
    { village: '洋江村', coverage: 100 },
    { village: '下坪村', coverage: 72.349 },
  ],
  target: { value: 95, label: '目标' },
  yDomain: [0, 100],
};

export const goldenSpecs: Record<string, ChartSpec> = {
  'bar-months': barMonths,
  'bar-stacked': stackedBar,
  'line-target': lineTarget,
  'area-months': areaMonths,
  'dot-villages': dotVillages,
  'bar-percent': percentVillages,
};
