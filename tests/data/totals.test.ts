import { describe, expect, test } from 'vitest';
import { totalKind } from '../../src/data/table/frame.ts';
import { totalAgrees } from '../../src/data/table/totals.ts';
import { csv, load } from './helpers.ts';

describe('totalKind(cells)', () => {
  test('finds 合计, 总计 and 小计 in one of the first two cells', () => {
    expect(totalKind(['合计', '', '12'])).toBe('total');
    expect(totalKind(['', '总计'])).toBe('total');
    expect(totalKind(['2023-07', '小计'])).toBe('subtotal');
    expect(totalKind(['合 计'])).toBe('total');
    expect(totalKind(['全镇合计：'])).toBe('total');
  });
  test('ignores the words beyond the first two cells', () => {
    expect(totalKind(['2023-07', '长塘村', '合计'])).toBeNull();
  });
});

describe('totalAgrees(total, sum)', () => {
  test('an exact total equals the sum, float noise aside', () => {
    expect(totalAgrees({ value: 1173.5, approx: false }, 1173.5)).toBe(true);
    expect(totalAgrees({ value: 20, approx: false }, 19.5)).toBe(false);
    expect(totalAgrees({ value: 0.3, approx: false }, 0.1 + 0.2)).toBe(true);
    expect(totalAgrees({ value: 1200, approx: false }, 1173.5)).toBe(false);
  });
  test('an approximate total (1000余) agrees with any sum at least that large', () => {
    expect(totalAgrees({ value: 1000, approx: true }, 1173.5)).toBe(true);
    expect(totalAgrees({ value: 1000, approx: true }, 999)).toBe(false);
  });
});

const HEAD = '月份,村,清理垃圾(吨),清理乱堆乱放(处)';

describe('loadTables: total rows', () => {
  test('a 合计 row is not data and agrees with the rows above', () => {
    const { issues, tables } = load({ cleanup: csv(HEAD, '2023-07,v1,12.5,3', '2023-07,v2,7,2', '合计,,19.5,5') });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.rows).toHaveLength(2);
  });
  test('a 合计 that disagrees with the rows above is a constraint-error quoting both numbers', () => {
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,v1,12.5,3', '2023-07,v2,7,2', '合计,,20,5') });
    expect(issues).toEqual([
      {
        path: 'data/cleanup.csv',
        row: 4,
        column: 3,
        code: 'constraint-error',
        message: '「清理垃圾(吨)」合计为 20，但上方各行相加为 19.5',
      },
    ]);
  });
  test('小计 sums the rows since the previous 小计; 合计/总计 sums all data rows above', () => {
    const good = load({
      cleanup: csv(HEAD, '2023-07,v1,1,1', '2023-07,v2,2,1', '小计,,3,2', '2023-08,v1,4,1', '2023-08,v2,5,1', '小计,,9,2', '总计,,12,4'),
    });
    expect(good.issues).toEqual([]);
    expect(good.tables.cleanup!.rows).toHaveLength(4);
    const bad = load({
      cleanup: csv(HEAD, '2023-07,v1,1,1', '2023-07,v2,2,1', '小计,,3,2', '2023-08,v1,4,1', '2023-08,v2,5,1', '小计,,8,2', '合计,,12,5'),
    });
    expect(bad.issues.map((i) => [i.code, i.row, i.column, i.message])).toEqual([
      ['constraint-error', 7, 3, '「清理垃圾(吨)」小计为 8，但第 5 至 6 行相加为 9'],
      ['constraint-error', 8, 4, '「清理乱堆乱放(处)」合计为 5，但上方各行相加为 4'],
    ]);
  });
  test('after a 合计, the next 合计 may total its own section', () => {
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,v1,1,1', '合计,,1,1', '2023-08,v1,4,1', '合计,,4,1') });
    expect(issues).toEqual([]);
  });
  test('an approximate total matches a sum at least that large', () => {
    expect(load({ cleanup: csv(HEAD, '2023-07,v1,600,1', '2023-07,v2,500,1', '合计,,1000余,2') }).issues).toEqual([]);
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,v1,600,1', '2023-07,v2,300,1', '合计,,1000余,2') });
    expect(issues.map((i) => i.message)).toEqual(['「清理垃圾(吨)」合计为 1000余，但上方各行相加只有 900']);
  });
  test('a column with an unreadable cell above is not checked again', () => {
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,v1,十吨,1', '2023-07,v2,5,1', '合计,,99,2') });
    expect(issues.map((i) => i.code)).toEqual(['type-error']);
  });
  test('a 合计 row with a value that is not a number is a type-error', () => {
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,v1,1,1', '合计,,很多,1') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, 3, 'type-error']]);
  });
});
