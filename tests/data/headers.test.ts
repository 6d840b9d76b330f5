import { describe, expect, test } from 'vitest';
import { matchHeader } from '../../src/data/table/headers.ts';
import { cleanupSchema } from '../../src/data/datasets/cleanup.ts';
import type { Issue } from '../../src/data/types.ts';
import { csv, load, only } from './helpers.ts';

function header(...cells: string[]) {
  const issues: Issue[] = [];
  const layout = matchHeader({ line: 1, cells }, cleanupSchema.columns, 'data/cleanup.csv', issues);
  return { layout, issues };
}

describe('matchHeader(header, columns)', () => {
  test('names a column by key (any case), label, or label without its unit, after NFKC and without white space', () => {
    for (const name of ['清理垃圾（吨）', '清理垃圾(吨)', '清理垃圾', 'Garbage_T', 'garbage_t', ' 清理 垃圾 ( 吨 ) ']) {
      const { layout, issues } = header('月份', '村', name);
      expect(issues, name).toEqual([]);
      expect(layout.indexOf.get('garbage_t'), name).toBe(2);
    }
  });
  test('accepts note / 备注 in every file', () => {
    expect(header('month', 'village', '备注').layout.indexOf.get('note')).toBe(2);
    expect(header('month', 'village', 'NOTE').layout.indexOf.get('note')).toBe(2);
  });
  test('lists the columns present in schema order', () => {
    const { layout } = header('备注', '投入资金(万元)', '村', '月份');
    expect(layout.present.map((c) => c.key)).toEqual(['month', 'village', 'spending_wan', 'note']);
  });
  test('blank-header for an empty header cell before the last named one', () => {
    const { issues } = header('月份', '', '村');
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 1, column: 2, code: 'blank-header', message: expect.stringContaining('第 2 列没有列名') },
    ]);
  });
  test('trailing empty header cells that Excel writes are not columns', () => {
    const { layout, issues } = header('月份', '村', '', '');
    expect(issues).toEqual([]);
    expect(layout.width).toBe(2);
  });
  test('duplicate-header for two cells naming the same column', () => {
    const { issues } = header('月份', '村', '清理垃圾(吨)', 'garbage_t');
    expect(issues).toEqual([
      {
        path: 'data/cleanup.csv',
        row: 1,
        column: 4,
        code: 'duplicate-header',
        message: expect.stringContaining('与第 3 列 "清理垃圾(吨)" 重复'),
      },
    ]);
  });
  test('unknown-header suggests a near match', () => {
    const { issues } = header('月份', '村', '清理垃圾量（吨）');
    expect(issues).toEqual([
      {
        path: 'data/cleanup.csv',
        row: 1,
        column: 3,
        code: 'unknown-header',
        message: '未知列名 "清理垃圾量（吨）"，是否应为「清理垃圾(吨)」?',
      },
    ]);
  });
  test('unknown-header without a near match lists the columns', () => {
    const { issues } = header('月份', '村', '负责人');
    expect(issues[0]!.message).toContain('本表的列为：月份、村、清理垃圾(吨)');
  });
  test('missing-column for each required column absent', () => {
    const { issues, layout } = header('月份', '清理垃圾(吨)');
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 1, code: 'missing-column', message: '缺少必填列「村」（列名可写作 村 或 village）' },
    ]);
    expect(layout.missing.map((c) => c.key)).toEqual(['village']);
  });
});

describe('loadTables: header row', () => {
  test('a header that is one cell with full-width commas is an error that says so', () => {
    const { issues, tables } = load({ cleanup: csv('月份，村，清理垃圾(吨)', '2023-07，长塘村，12') });
    expect(only(issues)).toEqual([
      { path: 'data/cleanup.csv', row: 1, column: 1, code: 'unknown-header', message: expect.stringContaining('全角逗号') },
    ]);
    expect(tables.cleanup!.rows).toEqual([]);
  });
  test('a missing required column leaves every row out', () => {
    const { issues, tables } = load({ cleanup: csv('月份,清理垃圾(吨)', '2023-07,12') });
    expect(only(issues).map((i) => i.code)).toEqual(['missing-column']);
    expect(tables.cleanup!.rows).toEqual([]);
  });
  test('a column in the file is kept even when a required one is missing', () => {
    const { tables } = load({ cleanup: csv('月份,清理垃圾(吨)', '2023-07,12') });
    expect(tables.cleanup!.columns.map((c) => c.key)).toEqual(['month', 'garbage_t']);
  });
  test('an empty file has no header', () => {
    const { issues } = load({ cleanup: '\n\n' });
    expect(issues).toEqual([{ path: 'data/cleanup.csv', code: 'blank-header', message: expect.stringContaining('文件是空的') }]);
  });
});
