import { describe, expect, test } from 'vitest';
import {
  constructionSums,
  isPercentUnit,
  itemProgress,
  itemTotals,
  pointProgress,
  pointsInScope,
  pointsProgress,
  scopeProgress,
} from '../../src/metrics/progress.ts';
import { baseVillages, c, hekou, inVillage, item, makeTables, point, q, site, yangjiang } from './fixtures.ts';

const tables = makeTables({
  villages: baseVillages(),
  points: [
    point('P1', 'shitang', 2023, { investment_wan: c(120.5), households: c(40), people: c(150) }),
    point('P2', 'anle', 2023, { investment_wan: c('~80'), households: null, people: c(90) }),
    point('P3', 'xiazhou', 2024, { investment_wan: c(50), households: c(20), people: null }),
    point('P4', 'shitang', 2024), // no items yet
  ],
  items: [
    item('P1', '硬化进村主干道', '公里', 2, 2.5), // above plan: capped at 100%
    item('P1', '改户厕', '户', 40, 20), // 50%
    item('P1', '绿化', '%', 100, 80),
    item('P2', '改户厕', '户', 60, 60),
    item('P2', '绿化', '%', 100, 40),
    item('P2', '新建公厕', '座', 0, 0), // nothing planned: complete
    item('P3', '改户厕', '户', 100, q(30, true)),
  ],
});

describe('itemProgress', () => {
  test('itemProgress is done / planned as percent, capped at 100%', () => {
    expect(itemProgress(item('X', 'a', '户', 40, 20))).toEqual(q(50));
    expect(itemProgress(item('X', 'a', '公里', 2, 2.5))).toEqual(q(100));
  });
  test('itemProgress of an item planned at 0 counts as complete', () => {
    expect(itemProgress(item('X', 'a', '座', 0, 0))).toEqual(q(100));
  });
  test('itemProgress is approximate when planned or done is', () => {
    expect(itemProgress(item('X', 'a', '户', 100, q(30, true)))).toEqual(q(30, true));
  });
  test('isPercentUnit', () => {
    expect(isPercentUnit('%')).toBe(true);
    expect(isPercentUnit('％')).toBe(true);
    expect(isPercentUnit('户')).toBe(false);
  });
});

describe('pointProgress', () => {
  test('pointProgress is the mean of its items, each capped at 100%', () => {
    // P1: (100 + 50 + 80) / 3; uncapped 125% would give 85.
    expect(pointProgress(tables, 'P1')!.value).toBeCloseTo(230 / 3, 6);
    // P2: (100 + 40 + 100) / 3
    expect(pointProgress(tables, 'P2')).toEqual(q(80));
  });
  test('pointProgress of a point without items is null', () => {
    expect(pointProgress(tables, 'P4')).toBeNull();
  });
});

describe('points of a scope', () => {
  test('pointsInScope per village, township and year', () => {
    expect(pointsInScope(tables, inVillage('shitang')).map((p) => p.id)).toEqual(['P1', 'P4']);
    expect(pointsInScope(tables, yangjiang).map((p) => p.id)).toEqual(['P1', 'P4', 'P2']);
    expect(pointsInScope(tables, site, 2024).map((p) => p.id)).toEqual(['P4', 'P3']);
  });
  test('pointsProgress gives each point its village, item count and progress', () => {
    const list = pointsProgress(tables, hekou);
    expect(list).toHaveLength(1);
    expect(list[0]!.village!.name).toBe('下洲村');
    expect(list[0]!.items).toBe(1);
    expect(list[0]!.progress).toEqual(q(30, true));
  });
});

describe('scopeProgress', () => {
  test('scopeProgress is the mean of the points\' progress, points without items left out', () => {
    const p = scopeProgress(tables, yangjiang);
    expect(p.percent!.value).toBeCloseTo((230 / 3 + 80) / 2, 6);
    expect(p.points).toBe(3);
    expect(p.measured).toBe(2);
    expect(p.percent!.approx).toBe(false);
  });
  test('scopeProgress keeps approx and is null without items', () => {
    expect(scopeProgress(tables, hekou).percent).toEqual(q(30, true));
    expect(scopeProgress(tables, inVillage('baisha'))).toEqual({ percent: null, points: 0, measured: 0 });
  });
});

describe('itemTotals', () => {
  test('itemTotals sums planned and done per (item, unit), but averages `%` items', () => {
    const totals = itemTotals(tables, yangjiang);
    expect(totals.map((t) => [t.item, t.unit, t.planned, t.done, t.averaged, t.points])).toEqual([
      ['硬化进村主干道', '公里', q(2), q(2.5), false, 1],
      ['改户厕', '户', q(100), q(80), false, 2],
      ['绿化', '%', q(100), q(60), true, 2], // mean of 80 and 40, not 120
      ['新建公厕', '座', q(0), q(0), false, 1],
    ]);
    expect(totals.map((t) => t.progress.value)).toEqual([100, 80, 60, 100]);
  });
  test('itemTotals keeps approx and file order', () => {
    const totals = itemTotals(tables, site);
    expect(totals.map((t) => t.item)).toEqual(['硬化进村主干道', '改户厕', '绿化', '新建公厕']);
    expect(totals[1]).toMatchObject({ planned: q(200), done: q(110, true) });
  });
  test('itemTotals keeps the same item in two units apart', () => {
    const t = makeTables({
      villages: baseVillages(),
      points: [point('P1', 'shitang', 2023)],
      items: [item('P1', '排水沟渠', '公里', 1, 1), item('P1', '排水沟渠', '米', 500, 250)],
    });
    expect(itemTotals(t, site).map((i) => i.unit)).toEqual(['公里', '米']);
  });
});

describe('constructionSums', () => {
  test('constructionSums adds investment, households and people, approx kept', () => {
    expect(constructionSums(tables, yangjiang)).toEqual({
      points: 3,
      investment_wan: q(200.5, true),
      households: q(40),
      people: q(240),
    });
    expect(constructionSums(tables, site, 2024)).toEqual({ points: 2, investment_wan: q(50), households: q(20), people: null });
  });
});
