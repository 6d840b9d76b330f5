import { describe, expect, test } from 'vitest';
import { sortIssues } from '../../src/data/report.ts';
import { csv, load, only } from './helpers.ts';

describe('loadTables: free datasets (§3.8)', () => {
  test('any other data/<name>.csv is loaded under its file name, types inferred per column', () => {
    const { tables, issues } = load({
      '污水处理': csv('月份,乡镇,处理量（吨）,覆盖率(%),说明', '2023-07,洋江镇,"1,200",85%,正常', '2023年8月,河口镇,约900,90,', '2023-09,洋江镇,-,,检修'),
    });
    expect(issues).toEqual([]);
    const [free] = tables.free;
    expect(free!.name).toBe('污水处理');
    expect(free!.file).toBe('data/污水处理.csv');
    expect(free!.columns).toEqual([
      { key: '月份', label: '月份', type: 'month' },
      { key: '乡镇', label: '乡镇', type: 'text' },
      { key: '处理量(吨)', label: '处理量（吨）', type: 'number', unit: '吨' },
      { key: '覆盖率(%)', label: '覆盖率(%)', type: 'number', unit: '%' },
      { key: '说明', label: '说明', type: 'text' },
    ]);
    expect(free!.rows[1]).toEqual({ line: 3, 月份: '2023-08', 乡镇: '河口镇', '处理量(吨)': { value: 900, approx: true }, '覆盖率(%)': { value: 90, approx: false }, 说明: null });
    expect(free!.rows[2]!['处理量(吨)']).toBeNull();
  });
  test('a column with one cell that is not a number stays text', () => {
    const { tables } = load({ extra: csv('名称,数量', '甲,1', '乙,十') });
    expect(tables.free[0]!.columns.map((c) => c.type)).toEqual(['text', 'text']);
    expect(tables.free[0]!.rows[1]!['数量']).toBe('十');
  });
  test('a free numeric column may hold negative numbers (a change, not a quantity)', () => {
    const { tables, issues } = load({ extra: csv('年份,同比增减(吨)', '2022,-3.5', '2023,12') });
    expect(issues).toEqual([]);
    expect(tables.free[0]!.columns.map((c) => c.type)).toEqual(['number', 'number']);
    expect(tables.free[0]!.rows[0]!['同比增减(吨)']).toEqual({ value: -3.5, approx: false });
  });
  test('free datasets are sorted by name', () => {
    const { tables } = load({ zeta: csv('a', '1'), alpha: csv('a', '1') });
    expect(tables.free.map((d) => d.name)).toEqual(['alpha', 'zeta']);
  });
  test('title and total rows work as in known datasets', () => {
    const { tables, issues } = load({ extra: csv('某某统计表,,', '名称,数量,备注', '甲,1,', '乙,2,', '合计,4,') });
    expect(sortIssues(issues).map((i) => [i.row, i.code])).toEqual([
      [5, 'constraint-error'],
      [1, 'warning'],
    ]);
    expect(tables.free[0]!.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(tables.free[0]!.columns.map((c) => c.key)).toEqual(['名称', '数量', 'note']);
  });
  test('header and shape errors: blank, duplicate header, extra and missing cells', () => {
    const { issues, tables } = load({ extra: csv('名称,,数量,数 量', '甲,1,2,3,4', '乙') });
    expect(only(issues).map((i) => [i.row, i.column, i.code])).toEqual([
      [1, 2, 'blank-header'],
      [1, 4, 'duplicate-header'],
      [2, 5, 'extra-cell'],
      [3, 2, 'missing-cell'],
    ]);
    expect(tables.free[0]!.rows).toEqual([]);
  });
});
