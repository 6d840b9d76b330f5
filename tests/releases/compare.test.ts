// The comparison of two releases (src/releases/compare.ts), on published CSV texts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareReleases, type DatasetKey } from '../../src/releases/compare.ts';
import { csvLines } from '../../src/charts/csv.ts';
import { monthList } from '../../src/releases/text.ts';

const keys = new Map<string, DatasetKey>([
  ['villages', { name: 'villages', title: '村庄名录', key: ['编号'], note: '备注' }],
  ['cleanup', { name: 'cleanup', title: '村庄清洁行动', key: ['月份', '村'], village: '村', month: '月份', note: '备注' }],
]);
const csv = (rows: string[][]) => `\ufeff${csvLines(rows)}`;
const villages = (names: [string, string][]) => csv([['编号', '村名', '乡镇', '户数'], ...names.map(([id, n]) => [id, n, '洋江镇', '100'])]);
const HEAD = ['月份', '村', '清理垃圾(吨)', '清理沟渠(公里)', '备注'];

describe('compareReleases', () => {
  const before = new Map([
    ['villages', villages([['ct', '长塘村'], ['qj', '前江村']])],
    ['cleanup', csv([HEAD, ['2023-01', '长塘村', '21', '0.4', ''], ['2023-01', '前江村', '19.5', '0.4', ''], ['2023-02', '长塘村', '20', '0.5', '']])],
  ]);

  test('a changed figure with its 备注, a removed row and an added month', () => {
    const after = new Map([
      ['villages', before.get('villages')!],
      ['cleanup', csv([HEAD, ['2023-01', '长塘村', '25', '0.4', '过磅单复核'], ['2023-02', '长塘村', '20', '0.5', ''], ['2023-03', '长塘村', '22', '0.5', '']])],
    ]);
    const changes = compareReleases(before, after, keys);
    expect(changes.monthsAdded).toEqual([{ dataset: 'cleanup', title: '村庄清洁行动', months: ['2023-03'] }]);
    expect(changes.corrections.map(({ index: _i, ...c }) => c)).toEqual([
      { dataset: 'cleanup', title: '村庄清洁行动', village: '长塘村', point: null, month: '2023-01', row: '2023-01 长塘村', column: '清理垃圾(吨)', old: '21', new: '25', reason: '过磅单复核' },
      { dataset: 'cleanup', title: '村庄清洁行动', village: '前江村', point: null, month: '2023-01', row: '2023-01 前江村', column: null, old: '清理垃圾(吨) 19.5，清理沟渠(公里) 0.4', new: null, reason: null },
    ]);
  });

  test('a change of 备注 alone is no correction; a changed figure without 备注 has no reason', () => {
    const after = new Map([
      ['villages', before.get('villages')!],
      ['cleanup', csv([HEAD, ['2023-01', '长塘村', '21', '0.4', '补充说明'], ['2023-01', '前江村', '19.5', '0.3', ''], ['2023-02', '长塘村', '20', '0.5', '']])],
    ]);
    const changes = compareReleases(before, after, keys);
    expect(changes.corrections).toHaveLength(1);
    expect(changes.corrections[0]).toMatchObject({ village: '前江村', column: '清理沟渠(公里)', old: '0.4', new: '0.3', reason: null });
  });

  test('a village renamed in villages.csv is one correction of its name, not a removal of its rows', () => {
    const after = new Map([
      ['villages', villages([['ct', '长塘新村'], ['qj', '前江村']])],
      ['cleanup', csv([HEAD, ['2023-01', '长塘新村', '21', '0.4', ''], ['2023-01', '前江村', '19.5', '0.4', ''], ['2023-02', '长塘新村', '20', '0.5', '']])],
    ]);
    const changes = compareReleases(before, after, keys);
    expect(changes.corrections.map(({ index: _i, ...c }) => c)).toEqual([
      { dataset: 'villages', title: '村庄名录', village: '长塘新村', point: null, month: null, row: '长塘新村', column: '村名', old: '长塘村', new: '长塘新村', reason: null },
    ]);
    expect(changes.monthsAdded).toEqual([]);
  });

  test('the first release adds every month and corrects nothing', () => {
    const changes = compareReleases(null, before, keys);
    expect(changes.corrections).toEqual([]);
    expect(changes.monthsAdded).toEqual([{ dataset: 'cleanup', title: '村庄清洁行动', months: ['2023-01', '2023-02'] }]);
  });

  test('property: for random edits of random cells, the corrections are exactly the edited cells', () => {
    const FIGURES = ['清理垃圾(吨)', '清理沟渠(公里)', '清理乱堆乱放(处)'];
    const head = ['月份', '村', ...FIGURES, '备注'];
    const names = ['长塘村', '前江村', '洋江村', '杨潭村'];
    const value = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 999 }).map(String), fc.double({ min: 0, max: 99, noNaN: true }).map((x) => String(Math.round(x * 100) / 100)));
    const table = fc.uniqueArray(fc.tuple(fc.constantFrom('2023-01', '2023-02', '2023-03'), fc.constantFrom(...names)), { minLength: 1, maxLength: 12, selector: ([m, v]) => `${m}|${v}` })
      .chain((ks) => fc.tuple(fc.constant(ks), fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: ks.length, maxLength: ks.length })));
    const edits = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), value, fc.option(fc.constantFrom('复核更正', '录入错误'), { nil: undefined })), { maxLength: 8 });
    fc.assert(fc.property(table, edits, ([ks, figures], edit) => {
      const vs = villages(names.map((n, i) => [`v${i}`, n]));
      const oldRows = ks.map(([m, v], i) => [m, v, ...figures[i]!, '']);
      const newRows = oldRows.map((r) => [...r]);
      const expected = new Map<string, { old: string; new: string; reason: string | null }>();
      const reasons = new Map<number, string>();
      for (const [r, c, v, reason] of edit) {
        const row = r % newRows.length;
        newRows[row]![2 + c] = v;
        if (reason) reasons.set(row, reason);
      }
      for (const [row, reason] of reasons) newRows[row]![5] = reason;
      newRows.forEach((r, i) => FIGURES.forEach((label, c) => {
        if (r[2 + c] !== oldRows[i]![2 + c]) expected.set(`${r[0]} ${r[1]} ${label}`, { old: oldRows[i]![2 + c]!, new: r[2 + c]!, reason: reasons.get(i) ?? null });
      }));
      const changes = compareReleases(
        new Map([['villages', vs], ['cleanup', csv([head, ...oldRows])]]),
        new Map([['villages', vs], ['cleanup', csv([head, ...newRows])]]),
        keys,
      );
      const got = new Map(changes.corrections.map((c) => [`${c.month} ${c.village} ${c.column}`, { old: c.old, new: c.new, reason: c.reason }]));
      expect(got).toEqual(expected);
      expect(changes.corrections).toHaveLength(expected.size);
    }), { numRuns: 300 });
  });
});

describe('how months added read', () => {
  test('runs of three or more consecutive months are a range', () => {
    expect(monthList(['2023-07'])).toBe('2023年7月');
    expect(monthList(['2023-07', '2023-08'])).toBe('2023年7月、2023年8月');
    expect(monthList(['2023-01', '2023-02', '2023-03', '2023-05'])).toBe('2023年1月至3月、2023年5月');
    expect(monthList(['2023-11', '2023-12', '2024-01'])).toBe('2023年11月至2024年1月');
  });
});
