import { describe, expect, test } from 'vitest';
import type { CleanupRow, InspectionRow, Tables, ToiletRow, Village } from '../../src/data/types.ts';
import { cleanupByMonth, cleanupTotal, presentCleanupMetrics } from '../../src/metrics/cleanup.ts';
import { coverageByMonth, toiletCoverage } from '../../src/metrics/coverage.ts';
import { monthsBetween } from '../../src/metrics/months.ts';
import { pointsProgress } from '../../src/metrics/progress.ts';
import { rankHistory, ranking } from '../../src/metrics/ranks.ts';
import { createIndex, monthlyIndex } from '../../src/metrics/tableIndex.ts';
import { baseVillages, c, cleanup, inspection, inVillage, makeTables, site, toilet, village } from './fixtures.ts';

describe('createIndex', () => {
  test('createIndex is memoised per Tables object', () => {
    const tables = makeTables({ villages: baseVillages() });
    expect(createIndex(tables)).toBe(createIndex(tables));
    expect(createIndex(makeTables({ villages: baseVillages() }))).not.toBe(createIndex(tables));
  });
  test('createIndex sorts each village\'s rows by month and lists the months', () => {
    const tables = makeTables({
      villages: baseVillages(),
      toilets: [toilet('2023-03', 'anle', 3), toilet('2023-01', 'anle', 1), toilet('2023-02', 'shitang', 2)],
    });
    const index = monthlyIndex(tables, 'toilets')!;
    expect(index.months).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(index.byVillage.get('anle')!.map((r) => r.month)).toEqual(['2023-01', '2023-03']);
    expect(monthlyIndex(tables, 'cleanup')).toBeNull();
    // built from the datasets' `monthly` flag: the others have no monthly index
    expect([...createIndex(tables).monthly.keys()]).toEqual(['toilets']);
  });
  test('the months are shared, so frozen: reversing them in place throws instead of reordering every later page', () => {
    const tables = makeTables({ villages: baseVillages(), toilets: [toilet('2023-01', 'anle', 1), toilet('2023-02', 'anle', 2)] });
    const months = monthlyIndex(tables, 'toilets')!.months;
    // /ranking/ once listed the months newest first with .reverse(): pages rendered after it took
    // the first month for the latest (a 3,000-village site printed 2022-01's sheets, not 2023-12's)
    expect(() => (months as string[]).reverse()).toThrow(TypeError);
    expect(monthlyIndex(tables, 'toilets')!.months).toEqual(['2023-01', '2023-02']);
  });
});

/** Wrap every row array of `tables` so that reading an element is counted. */
function countingReads(tables: Tables): { tables: Tables; reads: () => number } {
  let reads = 0;
  const count = <R>(rows: R[]): R[] =>
    new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  const wrap = <D extends { rows: unknown[] } | null>(d: D): D => (d ? { ...d, rows: count(d.rows) } : d);
  const counted: Tables = {
    ...tables,
    villages: wrap(tables.villages),
    cleanup: wrap(tables.cleanup),
    constructionPoints: wrap(tables.constructionPoints),
    constructionItems: wrap(tables.constructionItems),
    toilets: wrap(tables.toilets),
    inspections: wrap(tables.inspections),
    targets: wrap(tables.targets),
  };
  return { tables: counted, reads: () => reads };
}

/** `n` villages × 24 months of every monthly dataset. */
function county(n: number): Tables {
  const months = monthsBetween('2022-01', '2023-12');
  const villages: Village[] = Array.from({ length: n }, (_, i) => village(`v${i}`, `村${i}`, `乡${i % 20}`, 500));
  const cleanupRows: CleanupRow[] = [];
  const toiletRows: ToiletRow[] = [];
  const inspectionRows: InspectionRow[] = [];
  villages.forEach((v, i) =>
    months.forEach((m, j) => {
      cleanupRows.push(cleanup(m, v.id, { garbage_t: c(1.5), ads: c(2) }));
      toiletRows.push(toilet(m, v.id, 100 + j, { converted: c(1) }));
      inspectionRows.push(inspection(m, v.id, (i * 7 + j) % 100));
    }),
  );
  return makeTables({ villages, cleanup: cleanupRows, toilets: toiletRows, inspections: inspectionRows, points: [], items: [] });
}

/** Row reads (of the loaded tables) for every village page's figures. */
function villagePageReads(n: number): number {
  const { tables, reads } = countingReads(county(n));
  expect(toiletCoverage(tables, site)!.reporting).toBe(n);
  expect(ranking(tables, '2023-12')).toHaveLength(n);
  for (const v of tables.villages.rows) {
    const scope = inVillage(v.id);
    toiletCoverage(tables, scope);
    coverageByMonth(tables, scope);
    for (const m of presentCleanupMetrics(tables)) cleanupTotal(tables, scope, m);
    cleanupByMonth(tables, scope, 'garbage_t');
    rankHistory(tables, v.id);
    pointsProgress(tables, scope);
  }
  return reads();
}

describe('scale', () => {
  // Counted, not timed: a page that scans every row instead of its village's rows makes the
  // reads grow with villages² (×4 when the villages double); speed itself is `npm run bench`.
  test('the figures of every village page read each loaded row a bounded number of times', () => {
    const small = villagePageReads(500);
    const large = villagePageReads(1000);
    const rows = 1000 * (1 + 3 * 24);
    console.log(`row reads for every village page: 500 villages ${small}, 1,000 villages ${large} (${(large / rows).toFixed(2)} per row)`);
    expect(large / small).toBeLessThan(2.2);
    expect(large).toBeLessThan(10 * rows);
  });
});
