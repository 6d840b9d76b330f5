import { describe, expect, test } from 'vitest';
import { previousRankedMonth, rankBy, rankHistory, ranking, rankOf } from '../../src/metrics/ranks.ts';
import { createIndex } from '../../src/metrics/tableIndex.ts';
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
  test('a township\'s ranking is its villages\' rows ranked alone, with the change since its previous ranked month; it is not kept for the build', () => {
    // 4 townships × 5 villages, 6 months; some villages unscored in some months, many ties
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const townships = ['洋江镇', '河口乡', '楠杆镇', '高桥镇'];
    const many = townships.flatMap((t, ti) => ['石塘村', '安乐村', '白沙村', '下洲村', '长塘村'].map((n, vi) => village(`t${ti}v${vi}`, n, t, 10)));
    const months = ['2023-01', '2023-02', '2023-04', '2023-05', '2023-07', '2023-08'];
    const rows = months.flatMap((m) => many.filter(() => random() > 0.2).map((v) => inspection(m, v.id, 80 + Math.floor(random() * 6) * 2)));
    const county = makeTables({ villages: many, inspections: rows });
    for (const township of townships) {
      const scope = { kind: 'township', township } as const;
      const ids = new Set(many.filter((v) => v.township === township).map((v) => v.id));
      let before = new Map<string, number>();
      for (const month of months) {
        const own = rows.filter((r) => r.month === month && ids.has(r.village));
        const expected = rankBy(own, (r) => r.score.value, (r) => many.find((v) => v.id === r.village)!.name, (r) => r.village)
          .map(({ item, rank }) => [item.village, rank, own.length, before.get(item.village) ?? null]);
        const got = ranking(county, month, scope);
        expect(got.map((e) => [e.village.id, e.rank, e.of, e.previousRank]), `${township} ${month}`).toEqual(expected);
        before = new Map(got.map((e) => [e.village.id, e.rank])); // every month here has rows somewhere on the site
      }
    }
    expect([...createIndex(county).cache.keys()].filter((k) => k.includes('township'))).toEqual([]);
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
