import { describe, expect, test } from 'vitest';
import {
  cleanupByMonth,
  cleanupByVillage,
  cleanupTotal,
  hasCleanupMetric,
  presentCleanupMetrics,
} from '../../src/metrics/cleanup.ts';
import { baseVillages, c, cleanup, inVillage, makeTables, q, site, yangjiang } from './fixtures.ts';

const rows = [
  cleanup('2023-01', 'shitang', { garbage_t: c(1.1), ads: c(3) }),
  cleanup('2023-01', 'xiazhou', { garbage_t: c(10), ads: c(1) }),
  cleanup('2023-02', 'shitang', { garbage_t: c(2.2), ads: null }),
  cleanup('2023-02', 'anle', { garbage_t: c('~4'), ads: null }),
  cleanup('2023-04', 'xiazhou', { garbage_t: c(5), ads: null }),
];
// ditches_km and the others are absent from the file; `ads` is present.
const tables = makeTables({ villages: baseVillages(), cleanup: rows, cleanupColumns: ['garbage_t', 'ads'] });

describe('present and absent metric columns', () => {
  test('presentCleanupMetrics lists the columns in the file', () => {
    expect(presentCleanupMetrics(tables)).toEqual(['garbage_t', 'ads']);
    expect(hasCleanupMetric(tables, 'ditches_km')).toBe(false);
    expect(presentCleanupMetrics(makeTables({ villages: baseVillages() }))).toEqual([]);
  });
  test('cleanupTotal: an absent column is undefined, a present one with nothing reported is null', () => {
    expect(cleanupTotal(tables, site, 'ditches_km')).toBeUndefined();
    expect(cleanupTotal(tables, site, 'ads', { from: '2023-02' })).toBeNull();
  });
});

describe('cleanupTotal', () => {
  test('cleanupTotal sums a scope, keeps approx, without float noise', () => {
    expect(cleanupTotal(tables, site, 'garbage_t')).toEqual(q(22.3, true));
    expect(cleanupTotal(tables, site, 'ads')).toEqual(q(4));
    expect(cleanupTotal(tables, inVillage('shitang'), 'garbage_t')).toEqual(q(3.3));
    expect(cleanupTotal(tables, inVillage('xiazhou'), 'garbage_t')).toEqual(q(15));
  });
  test('cleanupTotal within a month range', () => {
    expect(cleanupTotal(tables, yangjiang, 'garbage_t', { from: '2023-01', to: '2023-01' })).toEqual(q(1.1));
    expect(cleanupTotal(tables, site, 'garbage_t', { to: '2023-02' })).toEqual(q(17.3, true));
  });
});

describe('cleanupByMonth', () => {
  test('cleanupByMonth sums the villages of the scope for every month of the file', () => {
    expect(cleanupByMonth(tables, yangjiang, 'garbage_t')).toEqual([
      { month: '2023-01', value: q(1.1) },
      { month: '2023-02', value: q(6.2, true) },
      { month: '2023-04', value: null },
    ]);
  });
  test('cleanupByMonth within a range; empty for an absent column', () => {
    expect(cleanupByMonth(tables, site, 'ads', { from: '2023-02' })).toEqual([
      { month: '2023-02', value: null },
      { month: '2023-04', value: null },
    ]);
    expect(cleanupByMonth(tables, site, 'ditches_km')).toEqual([]);
  });
});

describe('cleanupByVillage', () => {
  test('cleanupByVillage lists every village of the scope, null when it reported nothing', () => {
    const list = cleanupByVillage(tables, yangjiang, 'garbage_t').map((v) => [v.village.id, v.value]);
    expect(list).toEqual([
      ['shitang', q(3.3)],
      ['anle', q(4, true)],
      ['baisha', null],
    ]);
    expect(cleanupByVillage(tables, site, 'garbage_t', { from: '2023-04' }).find((v) => v.village.id === 'xiazhou')!.value).toEqual(q(5));
    expect(cleanupByVillage(tables, site, 'spending_wan')).toEqual([]);
  });
});
