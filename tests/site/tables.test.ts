import { expect, test } from 'vitest';
import { cleanupTownshipTable, manyVillages, MAX_VILLAGE_ROWS, rankingTable, toiletTownshipTable } from '../../src/views/tables.ts';
import { csv, load } from '../data/helpers.ts';

const { tables } = load({
  cleanup: csv('月份,村,清理垃圾(吨)', '2023-01,长塘村,10', '2023-01,xc-yj,5余', '2023-02,xc-hk,7'),
  toilets: csv('月份,村,无害化卫生户厕(户)', '2023-01,长塘村,256', '2023-01,xc-hk,100'),
  inspections: csv('月份,村,得分', '2023-02,长塘村,90', '2023-02,xc-yj,90', '2023-02,xc-hk,80'),
});

test('manyVillages switches topic pages to per-township tables above MAX_VILLAGE_ROWS', () => {
  expect(MAX_VILLAGE_ROWS).toBe(200);
  expect(manyVillages(tables)).toBe(false);
});

test('cleanupTownshipTable sums each township and keeps 余', () => {
  expect(cleanupTownshipTable(tables)).toEqual({
    head: ['乡镇', '清理垃圾(吨)'],
    rows: [['洋江镇', '15余'], ['河口镇', '7']],
    numeric: [1],
  });
});

test('toiletTownshipTable counts reporting villages and their coverage', () => {
  expect(toiletTownshipTable(tables).rows).toEqual([
    ['洋江镇', '3', '1', '256', '50.0%', '—'],
    ['河口镇', '1', '1', '100', '50.0%', '—'],
  ]);
});

test('rankingTable: ties share a rank and the next rank skips', () => {
  expect(rankingTable(tables, '2023-02', '/').rows.map((r) => r[0])).toEqual([1, 1, 3].map((rank) => ({ text: `第 ${rank} 名`, rank })));
});
