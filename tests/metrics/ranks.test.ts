import { describe, expect, test } from 'vitest';
import { previousRankedMonth, rankBy, rankHistory, ranking, rankOf } from '../../src/metrics/ranks.ts';
import { inspection, makeTables, village, yangjiang } from './fixtures.ts';

const villages = [
  village('a', '石塘村', '洋江镇', 10),
  village('b', '安乐村', '洋江镇', 10),
  village('c', '白沙村', '洋江镇', 10),
  village('d', '下洲村', '河口乡', 10),
];
const tables = makeTables({
  villages,
  inspections: [
    inspection('2023-01', 'a', 80),
    inspection('2023-01', 'b', 90),
    inspection('2023-01', 'c', 85),
    inspection('2023-01', 'd', 70),
    // 2023-02: no inspection (春节)
    inspection('2023-03', 'a', 95),
    inspection('2023-03', 'b', 90),
    inspection('2023-03', 'c', 90),
    inspection('2023-03', 'd', 88),
    inspection('2023-04', 'd', 99),
  ],
});

describe('ranking', () => {
  test('ranking: higher score first, ties share a rank (1, 2, 2, 4)', () => {
    expect(ranking(tables, '2023-03').map((e) => [e.village.id, e.rank])).toEqual([
      ['a', 1],
      ['b', 2], // 安乐 before 白沙: ties in pinyin order of the name
      ['c', 2],
      ['d', 4],
    ]);
  });
  test('ties are in pinyin-pro order, as the village finder reads names: 长塘 is cháng (before 车田), not zhǎng', () => {
    const names = ['张村', '长塘村', '车田村', '朝阳村'];
    const ranked = rankBy(names, () => 90, (n) => n);
    expect(ranked.map((r) => r.item)).toEqual(['长塘村', '朝阳村', '车田村', '张村']);
  });
  test('ranking counts the villages ranked that month', () => {
    expect(ranking(tables, '2023-03')[0]!.of).toBe(4);
    expect(ranking(tables, '2023-04')).toHaveLength(1);
    expect(ranking(tables, '2023-02')).toEqual([]);
  });
  test('ranking change is against the previous ranked month, positive = moved up', () => {
    const march = ranking(tables, '2023-03');
    expect(march.map((e) => [e.village.id, e.previousRank, e.change])).toEqual([
      ['a', 3, 2],
      ['b', 1, -1],
      ['c', 2, 0],
      ['d', 4, 0],
    ]);
    expect(ranking(tables, '2023-01').every((e) => e.change === null)).toBe(true);
  });
  test('ranking within a township', () => {
    expect(ranking(tables, '2023-01', yangjiang).map((e) => [e.village.id, e.rank, e.of])).toEqual([
      ['b', 1, 3],
      ['c', 2, 3],
      ['a', 3, 3],
    ]);
  });
  test('previousRankedMonth skips months without inspections', () => {
    expect(previousRankedMonth(tables, '2023-03')).toBe('2023-01');
    expect(previousRankedMonth(tables, '2023-01')).toBeNull();
  });
});

describe('rankBy', () => {
  test('rankBy orders ties by name, then id, whatever the input order', () => {
    const items = [
      { id: '2', name: '石塘村', s: 5 },
      { id: '1', name: '石塘村', s: 5 },
      { id: '3', name: '安乐村', s: 5 },
      { id: '4', name: '白沙村', s: 9 },
    ];
    const ranked = rankBy(items, (i) => i.s, (i) => i.name, (i) => i.id);
    expect(ranked.map((r) => `${r.item.id}:${r.rank}`)).toEqual(['4:1', '3:2', '1:2', '2:2']);
    expect(rankBy([...items].reverse(), (i) => i.s, (i) => i.name, (i) => i.id)).toEqual(ranked);
  });
});

describe('per village', () => {
  test('rankOf and its change', () => {
    expect(rankOf(tables, 'c', '2023-03')!.rank).toBe(2);
    expect(rankOf(tables, 'c', '2023-04')).toBeNull();
    expect(rankOf(tables, 'a', '2023-03')!.change).toBe(2);
    expect(rankOf(tables, 'd', '2023-04')!.change).toBe(3);
    expect(rankOf(tables, 'd', '2023-01')!.change).toBeNull();
  });
  test('the change is null for a village not ranked in the previous ranked month', () => {
    const t = makeTables({
      villages,
      inspections: [inspection('2023-01', 'a', 80), inspection('2023-02', 'a', 70), inspection('2023-02', 'b', 90)],
    });
    expect(rankOf(t, 'b', '2023-02')!.change).toBeNull();
    expect(rankOf(t, 'a', '2023-02')!.change).toBe(-1);
  });
  test('rankHistory lists the months the village was scored', () => {
    expect(rankHistory(tables, 'd').map((e) => [e.month, e.rank, e.of, e.change])).toEqual([
      ['2023-01', 4, 4, null],
      ['2023-03', 4, 4, 0],
      ['2023-04', 1, 1, 3],
    ]);
    expect(rankHistory(tables, 'a', yangjiang).map((e) => e.rank)).toEqual([3, 1]);
    expect(rankHistory(tables, 'nowhere')).toEqual([]);
  });
});
