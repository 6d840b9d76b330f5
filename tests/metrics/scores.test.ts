import { describe, expect, test } from 'vitest';
import { meanScoreByMonth } from '../../src/metrics/scores.ts';
import { baseVillages, hekou, inspection, inVillage, makeTables, q, site, yangjiang } from './fixtures.ts';

const tables = makeTables({
  villages: baseVillages(),
  inspections: [
    inspection('2023-01', 'shitang', 80),
    inspection('2023-01', 'anle', 90.5),
    inspection('2023-02', 'xiazhou', 70),
    inspection('2023-02', 'shitang', 84),
  ],
});

describe('meanScoreByMonth', () => {
  test('meanScoreByMonth averages the villages scored that month', () => {
    const at = (scope: Parameters<typeof meanScoreByMonth>[1], month: string) =>
      meanScoreByMonth(tables, scope).find((m) => m.month === month)?.value;
    expect(at(yangjiang, '2023-01')).toEqual(q(85.25));
    expect(at(site, '2023-02')).toEqual(q(77));
    expect(at(inVillage('anle'), '2023-01')).toEqual(q(90.5));
    expect(at(hekou, '2023-01')).toBeNull();
  });
  test('meanScoreByMonth covers every month of inspections.csv', () => {
    expect(meanScoreByMonth(tables, hekou)).toEqual([
      { month: '2023-01', value: null },
      { month: '2023-02', value: q(70) },
    ]);
  });
});
