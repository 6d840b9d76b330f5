import { describe, expect, test } from 'vitest';
import type { Scope } from '../../src/data/types.ts';
import {
  scopeKey,
  scopeName,
  scopeRows,
  scopeSize,
  townshipOf,
  townships,
  villageById,
  villagesByTownship,
  villagesInScope,
} from '../../src/metrics/scope.ts';
import { baseVillages, cleanup, hekou, inVillage, makeTables, site, toilet, village, yangjiang } from './fixtures.ts';

const tables = makeTables({
  villages: baseVillages(),
  toilets: [
    toilet('2023-02', 'anle', 10),
    toilet('2023-01', 'xiazhou', 10),
    toilet('2023-01', 'anle', 5),
    toilet('2023-01', 'shitang', 7),
  ],
});

describe('townships and villages', () => {
  test('townships in first-appearance order of villages.csv', () => {
    expect(townships(tables)).toEqual(['洋江镇', '河口乡']);
  });
  test('villagesByTownship groups villages in file order', () => {
    const groups = villagesByTownship(tables);
    expect([...groups.keys()]).toEqual(['洋江镇', '河口乡']);
    expect(groups.get('洋江镇')!.map((v) => v.id)).toEqual(['shitang', 'anle', 'baisha']);
  });
  test('townshipOf and villageById', () => {
    expect(townshipOf(tables, 'xiazhou')).toBe('河口乡');
    expect(townshipOf(tables, 'nowhere')).toBeUndefined();
    expect(villageById(tables, 'anle')!.name).toBe('安乐村');
  });
});

describe('scopes', () => {
  test('villagesInScope for site, township and village', () => {
    const ids = (scope: Scope) => villagesInScope(tables, scope).map((v) => v.id);
    expect(ids(site)).toEqual(['shitang', 'anle', 'xiazhou', 'baisha']);
    expect(ids(yangjiang)).toEqual(['shitang', 'anle', 'baisha']);
    expect(ids(inVillage('anle'))).toEqual(['anle']);
    expect(ids({ kind: 'township', township: '无此乡' })).toEqual([]);
  });
  test('villagesInScope of an unknown village is empty', () => {
    expect(villagesInScope(tables, inVillage('nowhere'))).toEqual([]);
  });
  test('scopeRows: villages in file order, months ascending within a village', () => {
    const rows = scopeRows(tables, 'toilets', yangjiang).map((r) => `${r.village} ${r.month}`);
    expect(rows).toEqual(['shitang 2023-01', 'anle 2023-01', 'anle 2023-02']);
    expect(scopeRows(tables, 'cleanup', site)).toEqual([]);
  });
  test('scopeKey and scopeName', () => {
    expect(scopeKey(site)).toBe('site');
    expect(scopeKey(yangjiang)).toBe('township:洋江镇');
    expect(scopeKey(inVillage('anle'))).toBe('village:anle');
    expect(scopeName(tables, site)).toBe('全部乡镇');
    expect(scopeName(tables, hekou)).toBe('河口乡');
    expect(scopeName(tables, inVillage('anle'))).toBe('安乐村');
    const one = makeTables({ villages: [village('a', '甲村', '洋江镇', 10)] });
    expect(scopeName(one, site)).toBe('洋江镇');
  });
});

describe('scopeSize(tables, scope)', () => {
  test("sums a township's villages, households and people (a township page's lead line)", () => {
    expect(scopeSize(tables, yangjiang)).toEqual({ villages: 3, households: 350, population: 1050 });
    expect(scopeSize(tables, hekou)).toEqual({ villages: 1, households: 400, population: 1200 });
    expect(scopeSize(tables, site)).toEqual({ villages: 4, households: 750, population: 2250 });
  });
});
