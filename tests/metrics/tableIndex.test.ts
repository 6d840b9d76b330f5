import { describe, expect, test } from 'vitest';
import type { CleanupRow, InspectionRow, ToiletRow, Village } from '../../src/data/types.ts';
import { cleanupByMonth, cleanupTotals } from '../../src/metrics/cleanup.ts';
import { coverageByMonth, toiletCoverage } from '../../src/metrics/coverage.ts';
import { monthsBetween } from '../../src/metrics/months.ts';
import { pointsProgress } from '../../src/metrics/progress.ts';
import { rankHistory, ranking } from '../../src/metrics/ranks.ts';
import { createIndex } from '../../src/metrics/tableIndex.ts';
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
    const index = createIndex(tables).toilets!;
    expect(index.months).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(index.byVillage.get('anle')!.map((r) => r.month)).toEqual(['2023-01', '2023-03']);
    expect(createIndex(tables).cleanup).toBeNull();
  });
});

describe('scale', () => {
  test('every village page of 3,000 villages × 24 months computes in linear time', () => {
    const months = monthsBetween('2022-01', '2023-12');
    const villages: Village[] = Array.from({ length: 3000 }, (_, i) => village(`v${i}`, `村${i}`, `乡${i % 20}`, 500));
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
    const tables = makeTables({ villages, cleanup: cleanupRows, toilets: toiletRows, inspections: inspectionRows, points: [], items: [] });
    expect(toiletCoverage(tables, site)!.reporting).toBe(3000);
    expect(ranking(tables, '2023-12')).toHaveLength(3000);
    for (const v of villages) {
      const scope = inVillage(v.id);
      toiletCoverage(tables, scope);
      coverageByMonth(tables, scope);
      cleanupTotals(tables, scope);
      cleanupByMonth(tables, scope, 'garbage_t');
      rankHistory(tables, v.id);
      pointsProgress(tables, scope);
    }
    // Speed is measured by `npm run bench` (build scale), never by a timed test.
  });
});
