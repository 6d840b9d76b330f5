import { describe, expect, test } from 'vitest';
import type { Village } from '../../src/data/types.ts';
import { createVillageIndex } from '../../src/data/cells/villages.ts';
import { csv, load, only } from './helpers.ts';
import { arrangeIssues, formatIssue } from '../../src/data/report.ts';

function village(id: string, name: string, township: string): Village {
  return { line: 2, id, name, township, kind: '行政村', households: 100, population: 400, natural_villages: null, lng: null, lat: null, note: null };
}

const index = createVillageIndex([
  village('v1', '长塘村', '洋江镇'),
  village('xc-yj', '新村', '洋江镇'),
  village('xc-hk', '新村', '河口镇'),
]);

describe('createVillageIndex(villages)', () => {
  test('resolve finds a village by id, case-insensitively', () => {
    expect(index.resolve('v1')).toMatchObject({ ok: true, village: { id: 'v1' } });
    expect(index.resolve('V1')).toMatchObject({ ok: true, village: { id: 'v1' } });
    expect(index.resolve('ｖ１')).toMatchObject({ ok: true, village: { id: 'v1' } });
  });
  test('resolve finds a village by name after normalisation', () => {
    expect(index.resolve(' 长塘 村 ')).toMatchObject({ ok: true, village: { id: 'v1' } });
  });
  test('a name two townships share must be given as its id; the message lists the ids', () => {
    const result = index.resolve('新村');
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous' });
    if (!result.ok) {
      expect(result.message).toContain('洋江镇 xc-yj');
      expect(result.message).toContain('河口镇 xc-hk');
      expect(result.message).toContain('请改填村的编号');
    }
    expect(index.resolve('xc-hk')).toMatchObject({ ok: true, village: { township: '河口镇' } });
  });
  test('an unknown reference suggests a near name', () => {
    const result = index.resolve('长唐村');
    expect(result).toEqual({ ok: false, reason: 'not-found', message: '"长唐村" 不是村庄名录 (villages.csv) 中的村编号或村名，是否应为「长塘村」?' });
  });
  test('byId and townships', () => {
    expect(index.byId.get('xc-hk')?.name).toBe('新村');
    expect(index.townships).toEqual(['洋江镇', '河口镇']);
    expect(index.resolveTownship('洋江 镇')).toBe('洋江镇');
  });
});

describe('loadTables: villages.csv (§3.1)', () => {
  test('is required: absent, it is a whole-file error with the path alone', () => {
    const { issues, tables } = load({ villages: null });
    expect(issues).toEqual([{ path: 'data/villages.csv', code: 'missing-value', message: expect.stringContaining('缺少村庄名录') }]);
    expect(tables.villages).toEqual({ name: 'villages', file: 'data/villages.csv', columns: [], rows: [], damaged: 'data/villages.csv' });
  });
  test('reads typed villages, kind defaulting to 行政村', () => {
    const { tables, issues } = load({
      villages: csv('编号,村名,乡镇,类型,户数,人口,自然村数,经度,纬度,备注', 'v1,长塘村,洋江镇,,512,1800,9,115.2,27.1,集镇', 'v2,前江社区,洋江镇,社区,"1,200",4000,,,,'),
    });
    expect(issues).toEqual([]);
    expect(tables.villages.rows).toEqual([
      { line: 2, id: 'v1', name: '长塘村', township: '洋江镇', kind: '行政村', households: 512, population: 1800, natural_villages: 9, lng: 115.2, lat: 27.1, note: '集镇' },
      { line: 3, id: 'v2', name: '前江社区', township: '洋江镇', kind: '社区', households: 1200, population: 4000, natural_villages: null, lng: null, lat: null, note: null },
    ]);
  });
  test('id must be letters, digits, _ or -', () => {
    const { issues } = load({ villages: csv('编号,村名,乡镇,户数,人口', '长塘,长塘村,洋江镇,512,1800') });
    expect(issues).toEqual([{ path: 'data/villages.csv', row: 2, column: 1, code: 'type-error', message: expect.stringContaining('实际为 "长塘"') }]);
  });
  test('id is unique (case-insensitively: it names a folder); unique-error names the earlier row', () => {
    const { issues, tables } = load({ villages: csv('编号,村名,乡镇,户数,人口', 'v1,长塘村,洋江镇,512,1800', 'V1,前江村,洋江镇,400,1500') });
    expect(issues).toEqual([{ path: 'data/villages.csv', row: 3, column: 1, code: 'unique-error', message: '「编号」"V1" 与第 2 行重复；「编号」不能重复' }]);
    expect(tables.villages.rows.map((v) => v.id)).toEqual(['v1']);
  });
  test('a name is unique within its township, and may repeat in another', () => {
    const { issues } = load({
      villages: csv('编号,村名,乡镇,户数,人口', 'a,新村,洋江镇,1,1', 'b,新村,河口镇,1,1', 'c,新 村,洋江镇,1,1'),
    });
    expect(only(issues)).toEqual([{ path: 'data/villages.csv', row: 4, column: 2, code: 'unique-error', message: expect.stringContaining('与第 2 行重复') }]);
  });
  test('households and population are required whole numbers; lng/lat in range', () => {
    const { issues } = load({ villages: csv('编号,村名,乡镇,户数,人口,经度', 'v1,长塘村,洋江镇,,18.5,200') });
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      [4, 'missing-value'],
      [5, 'type-error'],
      [6, 'constraint-error'],
    ]);
  });
  test('a "?" in a name column of a UTF-8 or GBK file is a warning about Excel replacing characters', () => {
    const { issues, tables } = load({ villages: csv('编号,村名,乡镇,户数,人口', 'v1,?家村,洋江镇,512,1800') });
    expect(issues).toEqual([{ path: 'data/villages.csv', row: 2, column: 2, code: 'warning', message: expect.stringContaining('CSV UTF-8') }]);
    expect(tables.villages.rows).toHaveLength(1);
  });
});

describe('loadTables: village references (§3.0)', () => {
  const HEAD = '月份,村,清理垃圾(吨)';
  test('a reference is an id or a name', () => {
    const { tables, issues } = load({ cleanup: csv(HEAD, '2023-07,v1,1', '2023-07,前江村,2', '2023-07,xc-yj,3') });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.rows.map((r) => r.village)).toEqual(['v1', 'v2', 'xc-yj']);
  });
  test('a name shared by two townships is a foreign-key-error listing the ids', () => {
    const { issues, tables } = load({ cleanup: csv(HEAD, '2023-07,新村,1') });
    expect(issues).toEqual([
      {
        path: 'data/cleanup.csv',
        row: 2,
        column: 2,
        code: 'foreign-key-error',
        message: '「村」"新村" 是 2 个村共用的村名（洋江镇 xc-yj、河口镇 xc-hk），请改填村的编号，或加一列「乡镇」，或在村名前写上乡镇（如 洋江镇新村）',
      },
    ]);
    expect(tables.cleanup!.rows).toEqual([]);
  });
  test('an unknown village is a foreign-key-error with a suggestion', () => {
    const { issues } = load({ cleanup: csv(HEAD, '2023-07,长唐村,1') });
    expect(issues[0]).toMatchObject({ code: 'foreign-key-error', message: expect.stringContaining('是否应为「长塘村」?') });
  });
  test('references to a village whose own row has an error are one line, right after that row (contract §5)', () => {
    const { issues } = load({
      villages: csv('编号,村名,乡镇,户数,人口', 'v1,长塘村,洋江镇,很多,1800'),
      cleanup: csv(HEAD, '2023-07,v1,1', '2023-08,长塘村,1'),
    });
    const follows = { path: 'data/villages.csv', row: 2 };
    expect(only(issues, 'foreign-key-error')).toEqual([
      { path: 'data/cleanup.csv', row: 2, column: 2, code: 'foreign-key-error', message: '「村」"v1" 在 data/villages.csv 第 2 行，该行有错误；请先改正该行', follows },
      { path: 'data/cleanup.csv', row: 3, column: 2, code: 'foreign-key-error', message: '「村」"长塘村" 在 data/villages.csv 第 2 行，该行有错误；请先改正该行', follows },
    ]);
    expect(arrangeIssues(issues).filter((i) => i.code !== 'warning').map(formatIssue)).toEqual([
      expect.stringMatching(/^data\/villages\.csv:2:4 type-error 「户数」/),
      'data/cleanup.csv:2:2 foreign-key-error 「村」"v1" 在 data/villages.csv 第 2 行，该行有错误；请先改正该行（因此未能载入的共 2 行：data/cleanup.csv 第 2、3 行）',
    ]);
  });
  test('without a readable villages.csv, references are one whole-file error per file', () => {
    const { issues, tables } = load({ villages: null, cleanup: csv(HEAD, '2023-07,v1,1', '2023-08,v1,1') });
    expect(only(issues, 'foreign-key-error')).toEqual([
      { path: 'data/cleanup.csv', code: 'foreign-key-error', message: expect.stringContaining('无法核对「村」') },
    ]);
    expect(tables.cleanup!.rows).toEqual([]);
  });
});
