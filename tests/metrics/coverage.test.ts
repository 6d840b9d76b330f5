import { describe, expect, test } from 'vitest';
import {
  conversionsTotal,
  coverageByMonth,
  coverageByVillage,
  publicToilets,
  publicToiletsByMonth,
  toiletCoverage,
} from '../../src/metrics/coverage.ts';
import { baseVillages, c, hekou, inVillage, makeTables, q, site, toilet, yangjiang } from './fixtures.ts';

// 洋江镇: 石塘 100 户 reports Jan and Mar; 安乐 200 户 reports only Jan (its latest report stays
// valid); 白沙 50 户 never reports. 河口乡: 下洲 400 户 starts reporting in Feb.
const tables = makeTables({
  villages: baseVillages(),
  toilets: [
    toilet('2023-01', 'shitang', 50, { converted: c(5), public_toilets: c(1) }),
    toilet('2023-01', 'anle', 100, { converted: c('~10'), public_toilets: c(2) }),
    toilet('2023-02', 'xiazhou', 200, { converted: null, public_toilets: c(3) }),
    toilet('2023-03', 'shitang', 80, { converted: c(30), public_toilets: null }),
    toilet('2023-03', 'xiazhou', 300, { converted: c(100), public_toilets: c(4) }),
  ],
});

describe('toiletCoverage', () => {
  test('toiletCoverage excludes villages that never reported, from both sums', () => {
    const cov = toiletCoverage(tables, yangjiang, '2023-03')!;
    // (80 + 100) / (100 + 200): 白沙 neither counts as 0 nor adds its 50 households.
    expect(cov.percent).toEqual(q(60));
    expect(cov.sanitary).toEqual(q(180));
    expect(cov.households).toBe(300);
    expect(cov.reporting).toBe(2);
    expect(cov.villages).toBe(3);
  });
  test('toiletCoverage takes each village\'s latest report at or before the month', () => {
    // Feb: 石塘 still 50 (Jan), 安乐 100 (Jan); Mar report of 石塘 is not used.
    expect(toiletCoverage(tables, yangjiang, '2023-02')!.percent).toEqual(q(50));
    // Site in Feb: (50 + 100 + 200) / (100 + 200 + 400)
    expect(toiletCoverage(tables, site, '2023-02')!.percent).toEqual(q(50));
    expect(toiletCoverage(tables, site, '2023-02')!.reporting).toBe(3);
  });
  test('toiletCoverage defaults to the latest month of toilets.csv', () => {
    const cov = toiletCoverage(tables, site)!;
    expect(cov.month).toBe('2023-03');
    expect(cov.percent!.value).toBeCloseTo((480 / 700) * 100, 6);
    expect(cov.reporting).toBe(3);
    expect(cov.villages).toBe(4);
  });
  test('toiletCoverage before any report: no percent, zero reporting', () => {
    const cov = toiletCoverage(tables, hekou, '2023-01')!;
    expect(cov).toEqual({ month: '2023-01', percent: null, sanitary: null, households: 0, reporting: 0, villages: 1 });
  });
  test('toiletCoverage is null when toilets.csv is absent', () => {
    expect(toiletCoverage(makeTables({ villages: baseVillages() }), site)).toBeNull();
  });
  test('toiletCoverage keeps the approx mark of a sanitary count', () => {
    const t = makeTables({ villages: baseVillages(), toilets: [toilet('2023-01', 'shitang', q(50, true)), toilet('2023-01', 'anle', 100)] });
    expect(toiletCoverage(t, yangjiang)!.percent).toEqual(q(50, true));
    expect(toiletCoverage(t, yangjiang)!.sanitary).toEqual(q(150, true));
  });
});

describe('coverageByMonth', () => {
  test('coverageByMonth covers every month from the first report, carrying stocks forward', () => {
    const series = coverageByMonth(tables, site).map((c) => [c.month, c.percent?.value, c.reporting]);
    expect(series).toEqual([
      ['2023-01', 50, 2],
      ['2023-02', 50, 3],
      ['2023-03', expect.closeTo((480 / 700) * 100, 6), 3],
    ]);
  });
  test('coverageByMonth of a scope starts at its first report and agrees with toiletCoverage', () => {
    expect(coverageByMonth(tables, hekou).map((c) => c.month)).toEqual(['2023-02', '2023-03']);
    for (const m of coverageByMonth(tables, yangjiang)) expect(m).toEqual(toiletCoverage(tables, yangjiang, m.month));
    expect(coverageByMonth(tables, inVillage('baisha'))).toEqual([]);
  });
});

describe('coverageByVillage', () => {
  test('coverageByVillage uses each village\'s own latest report', () => {
    const list = coverageByVillage(tables, yangjiang, '2023-03').map((v) => [v.village.id, v.reported, v.percent]);
    expect(list).toEqual([
      ['shitang', '2023-03', q(80)],
      ['anle', '2023-01', q(50)],
      ['baisha', null, null],
    ]);
  });
});

describe('public toilets and conversions', () => {
  test('publicToilets sums each village\'s latest reported count; an empty cell keeps the earlier one', () => {
    // Mar: 石塘 left public_toilets empty → its Jan value 1 stands; 安乐 2; 下洲 4.
    expect(publicToilets(tables, site, '2023-03')).toEqual({ month: '2023-03', total: q(7), reporting: 3, villages: 4 });
    expect(publicToilets(tables, site, '2023-01')!.total).toEqual(q(3));
    expect(publicToilets(tables, hekou, '2023-01')!.total).toBeNull();
  });
  test('publicToiletsByMonth agrees with publicToilets', () => {
    const series = publicToiletsByMonth(tables, site);
    expect(series.map((p) => [p.month, p.total?.value])).toEqual([
      ['2023-01', 3],
      ['2023-02', 6],
      ['2023-03', 7],
    ]);
    for (const p of series) expect(p).toEqual(publicToilets(tables, site, p.month));
  });
  test('conversionsTotal', () => {
    expect(conversionsTotal(tables, site)).toEqual(q(145, true));
    expect(conversionsTotal(tables, inVillage('baisha'))).toBeNull();
  });
});
