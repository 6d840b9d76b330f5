import { describe, expect, test } from 'vitest';
import {
  addMonths,
  compareMonths,
  inRange,
  latestMonth,
  latestMonths,
  monthDiff,
  monthsBetween,
  previousMonth,
  sortMonths,
  yearRange,
} from '../../src/metrics/months.ts';
import { baseVillages, cleanup, inspection, makeTables, toilet } from './fixtures.ts';

describe('month arithmetic', () => {
  test('compareMonths orders months', () => {
    expect(compareMonths('2023-09', '2023-10')).toBeLessThan(0);
    expect(compareMonths('2024-01', '2023-12')).toBeGreaterThan(0);
    expect(compareMonths('2023-07', '2023-07')).toBe(0);
  });
  test('sortMonths sorts and removes duplicates', () => {
    expect(sortMonths(['2023-10', '2022-12', '2023-02', '2023-10'])).toEqual(['2022-12', '2023-02', '2023-10']);
  });
  test('previousMonth crosses the year', () => {
    expect(previousMonth('2023-01')).toBe('2022-12');
    expect(previousMonth('2023-11')).toBe('2023-10');
  });
  test('addMonths crosses the year', () => {
    expect(addMonths('2023-11', 14)).toBe('2025-01');
    expect(addMonths('2023-03', -15)).toBe('2021-12');
  });
  test('monthDiff counts months', () => {
    expect(monthDiff('2023-11', '2024-02')).toBe(3);
    expect(monthDiff('2024-02', '2023-11')).toBe(-3);
  });
  test('monthsBetween lists both ends', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2023-05', '2023-05')).toEqual(['2023-05']);
    expect(monthsBetween('2023-06', '2023-05')).toEqual([]);
  });
  test('inRange with open ends and yearRange', () => {
    expect(inRange('2023-05', { from: '2023-05' })).toBe(true);
    expect(inRange('2023-04', { from: '2023-05' })).toBe(false);
    expect(inRange('2023-12', yearRange(2023))).toBe(true);
    expect(inRange('2024-01', yearRange(2023))).toBe(false);
    expect(inRange('1999-01')).toBe(true);
  });
});

describe('latestMonth(tables)', () => {
  test('takes the latest month of cleanup, toilets and inspections', () => {
    const tables = makeTables({
      villages: baseVillages(),
      cleanup: [cleanup('2023-08', 'anle', {}), cleanup('2023-06', 'anle', {})],
      toilets: [toilet('2023-09', 'anle', 10), toilet('2023-07', 'shitang', 10)],
      inspections: [inspection('2023-05', 'anle', 90)],
    });
    expect(latestMonths(tables)).toEqual({ cleanup: '2023-08', toilets: '2023-09', inspections: '2023-05' });
    expect(latestMonth(tables)).toBe('2023-09');
  });
  test('is null without monthly data; an absent dataset has no entry', () => {
    const tables = makeTables({ villages: baseVillages(), cleanup: [] });
    expect(latestMonths(tables)).toEqual({ cleanup: null });
    expect(latestMonth(tables)).toBeNull();
  });
});
