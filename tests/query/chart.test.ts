import { describe, expect, test } from 'vitest';
import { buildChartSpec, type ChartQuery } from '../../src/query/chart.ts';
import { sampleTables } from './sampleTables.ts';

const tables = sampleTables();

function spec(query: Partial<ChartQuery>) {
  const r = buildChartSpec(tables, { data: 'cleanup', type: 'bar', x: 'month', y: 'garbage_t', where: [], ...query }, 'c-1');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

function errors(query: Partial<ChartQuery>) {
  const r = buildChartSpec(tables, { data: 'cleanup', type: 'bar', x: 'month', y: 'garbage_t', where: [], ...query }, 'c-1');
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('buildChartSpec(tables, query, id)', () => {
  test('bar: rows with the same x are summed, approximate marks kept', () => {
    const s = spec({});
    expect(s.rows).toEqual([
      { month: '2023-05', garbage_t: 200, approx: true },
      { month: '2023-06', garbage_t: 1220.75 },
    ]);
    expect(s.title).toBe('各月清理垃圾(吨)');
    expect(s.x).toEqual({ key: 'month', label: '月份', type: 'month' });
    expect(s.y).toEqual({ key: 'garbage_t', label: '清理垃圾', type: 'number', unit: '吨' });
    expect(s.source).toBe('数据来源：data/cleanup.csv');
    expect(s.asOf).toBe('2023-06');
    expect(s.id).toBe('c-1');
  });
  test('color: villages named, domain in villages.csv order (shared names told apart)', () => {
    const s = spec({ color: 'village', where: ['township=洋江镇'] });
    expect(s.title).toBe('各月各村清理垃圾(吨)');
    expect(s.colorDomain).toEqual(['石塘村（洋江镇）', '长塘村', '石塘村（白沙镇）', '新村']);
    expect(s.rows.map((r) => [r.month, r.village, r.garbage_t])).toEqual([
      ['2023-05', '石塘村（洋江镇）', 120],
      ['2023-05', '长塘村', 80],
      ['2023-06', '石塘村（洋江镇）', 130.5],
      ['2023-06', '长塘村', 90.25],
    ]);
  });
  test('township as x, in villages.csv order', () => {
    const s = spec({ x: 'township' });
    expect(s.title).toBe('各乡镇清理垃圾(吨)');
    expect(s.rows.map((r) => [r.township, r.garbage_t])).toEqual([
      ['洋江镇', 420.75],
      ['白沙镇', 1000],
    ]);
  });
  test('dot and table keep one row per data row', () => {
    expect(spec({ type: 'dot', x: 'village' }).rows).toHaveLength(5);
    expect(spec({ type: 'table', x: 'village' }).type).toBe('table');
  });
  test('toilets.coverage: percent field, fixed domain, households-weighted when rows are combined', () => {
    const s = spec({ data: 'toilets', x: 'township', y: 'coverage', where: ['month=2023-06'] });
    expect(s.y.type).toBe('percent');
    expect(s.yDomain).toEqual([0, 100]);
    // 洋江镇 in June: only v1 reported, 450/500; 白沙镇: v4 300/400
    expect(s.rows.map((r) => [r.township, r.coverage])).toEqual([
      ['洋江镇', 90],
      ['白沙镇', 75],
    ]);
  });
  test('caption and title given', () => {
    const s = spec({ title: '各月清理垃圾量', caption: '数据来源：镇人居办' });
    expect(s.title).toBe('各月清理垃圾量');
    expect(s.caption).toBe('数据来源：镇人居办');
  });
  test('errors name the field they concern', () => {
    expect(errors({ data: 'cleanups' })[0]).toMatchObject({ field: 'data' });
    expect(errors({ data: 'data/cleanup.csv' })[0]!.message).toContain('不能写文件路径');
    expect(errors({ x: 'monthh', y: 'garbage' }).map((e) => e.field)).toEqual(['x', 'y']);
    expect(errors({ y: 'village' })[0]!.message).toContain('y 应为数值列');
    expect(errors({ data: 'inspections', x: 'note', y: 'score' })[0]).toMatchObject({ field: 'x', message: '「备注」只用于显示，不能作图' });
    expect(errors({ where: ['township=洋江镇', 'village=不存在村'] })[0]).toMatchObject({ field: 'where', index: 1 });
  });
});
