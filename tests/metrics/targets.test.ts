import { describe, expect, test } from 'vitest';
import { targetProgress, targetsProgress } from '../../src/metrics/targets.ts';
import { baseVillages, c, cleanup, hekou, inspection, inVillage, item, makeTables, point, q, target, toilet, village } from './fixtures.ts';

// One village of 1,000 households: coverage 80.4% in Feb, 85.2% in Jun → 1.2 points a month.
const coverageTables = makeTables({
  villages: [village('a', '石塘村', '洋江镇', 1000)],
  toilets: [toilet('2023-02', 'a', 804, { public_toilets: c(2) }), toilet('2023-06', 'a', 852, { public_toilets: c(6) })],
});

describe('targetProgress: toilet_coverage', () => {
  test('targetProgress projects the month at the current pace: on-track', () => {
    const p = targetProgress(coverageTables, target('toilet_coverage', 90, '2023-12'));
    expect(p.current).toEqual(q(85.2));
    expect(p.asOf).toBe('2023-06');
    expect(p.gap).toBe(4.8);
    expect(p.pace).toBe(1.2);
    expect(p.projected).toBe('2023-10'); // 4.8 / 1.2 = 4 months, not 5 from float noise
    expect(p.status).toBe('on-track');
    expect(p.unit).toBe('%');
  });
  test('targetProgress is behind when the projection falls after the due month', () => {
    const p = targetProgress(coverageTables, target('toilet_coverage', 90, '2023-09'));
    expect(p.projected).toBe('2023-10');
    expect(p.status).toBe('behind');
  });
  test('targetProgress on the due month itself is on-track', () => {
    expect(targetProgress(coverageTables, target('toilet_coverage', 90, '2023-10')).status).toBe('on-track');
  });
  test('targetProgress is reached, with no projection, once the value meets the target', () => {
    const p = targetProgress(coverageTables, target('toilet_coverage', 85.2, '2023-12'));
    expect(p.status).toBe('reached');
    expect(p.projected).toBeNull();
    expect(p.gap).toBe(0);
  });
  test('targetProgress measures the pace over the scope\'s own reports', () => {
    // 安乐 reports Jan (50%) and Apr (80%); 下洲 of another township reports later and is ignored.
    const t = makeTables({
      villages: baseVillages(),
      toilets: [toilet('2023-01', 'anle', 100), toilet('2023-04', 'anle', 160), toilet('2023-09', 'xiazhou', 400)],
    });
    const p = targetProgress(t, target('toilet_coverage', 95, '2023-12', inVillage('anle')));
    expect(p.asOf).toBe('2023-04');
    expect(p.pace).toBe(10);
    expect(p.projected).toBe('2023-06');
    expect(p.status).toBe('on-track');
  });
  test('targetProgress is no-data without reports in the scope', () => {
    const p = targetProgress(coverageTables, target('toilet_coverage', 90, '2023-12', hekou));
    expect(p).toMatchObject({ current: null, asOf: null, gap: null, pace: null, projected: null, status: 'no-data' });
  });
  test('targetProgress with a single month of data: no pace; no-data before due, behind after', () => {
    const t = makeTables({ villages: [village('a', '石塘村', '洋江镇', 100)], toilets: [toilet('2023-06', 'a', 50)] });
    expect(targetProgress(t, target('toilet_coverage', 90, '2023-12'))).toMatchObject({ current: q(50), pace: null, status: 'no-data' });
    expect(targetProgress(t, target('toilet_coverage', 90, '2023-06')).status).toBe('behind');
  });
});

describe('targetProgress: other metrics', () => {
  test('public_toilets: standing count and its pace', () => {
    const p = targetProgress(coverageTables, target('public_toilets', 10, '2023-12'));
    expect(p).toMatchObject({ current: q(6), pace: 1, projected: '2023-10', status: 'on-track', unit: '座' });
  });
  test('garbage_t: total within the due year, paced per month since the first report', () => {
    const t = makeTables({
      villages: baseVillages(),
      cleanup: [
        cleanup('2022-12', 'anle', { garbage_t: c(100) }), // previous year: not counted
        cleanup('2023-01', 'anle', { garbage_t: c(4) }),
        cleanup('2023-01', 'shitang', { garbage_t: c(6) }),
        cleanup('2023-02', 'anle', { garbage_t: c('~10') }),
        cleanup('2023-03', 'anle', { garbage_t: c(10) }),
      ],
    });
    const p = targetProgress(t, target('garbage_t', 100, '2023-12'));
    expect(p).toMatchObject({ current: q(30, true), asOf: '2023-03', pace: 10, gap: 70, projected: '2023-10', status: 'on-track' });
    expect(targetProgress(t, target('garbage_t', 100, '2024-12')).status).toBe('no-data');
  });
  test('construction_progress: points up to the due year, paced from the start of their year', () => {
    const t = makeTables({
      villages: baseVillages(),
      points: [point('P1', 'anle', 2023), point('P2', 'anle', 2025)],
      items: [item('P1', '改户厕', '户', 10, 5), item('P2', '改户厕', '户', 10, 0)],
      cleanup: [cleanup('2023-06', 'anle', {})], // the data's latest month
    });
    const p = targetProgress(t, target('construction_progress', 100, '2023-12'));
    // 50% after 6 months (2022-12 → 2023-06): 8.33 a month; 50 more points take 6 months.
    expect(p.current).toEqual(q(50));
    expect(p.asOf).toBe('2023-06');
    expect(p.pace).toBeCloseTo(50 / 6, 6);
    expect(p.projected).toBe('2023-12');
    expect(p.status).toBe('on-track');
  });
  test('inspection_score: mean score at the latest month; a falling score is behind, never projected', () => {
    const rows = [inspection('2023-01', 'anle', 80), inspection('2023-03', 'anle', 84), inspection('2023-03', 'shitang', 84)];
    const rising = makeTables({ villages: baseVillages(), inspections: rows });
    expect(targetProgress(rising, target('inspection_score', 90, '2023-06'))).toMatchObject({
      current: q(84),
      pace: 2,
      projected: '2023-06',
      status: 'on-track',
    });
    const falling = makeTables({
      villages: baseVillages(),
      inspections: [inspection('2023-01', 'anle', 88), inspection('2023-02', 'anle', 85)],
    });
    expect(targetProgress(falling, target('inspection_score', 90, '2023-12'))).toMatchObject({
      pace: -3,
      projected: null,
      status: 'behind',
    });
  });
  test('targetsProgress follows targets.csv order', () => {
    const t = makeTables({
      villages: coverageTables.villages.rows,
      toilets: coverageTables.toilets!.rows,
      targets: [target('public_toilets', 4, '2023-12'), target('toilet_coverage', 99, '2023-07')],
    });
    expect(targetsProgress(t).map((p) => [p.target.metric, p.status])).toEqual([
      ['public_toilets', 'reached'],
      ['toilet_coverage', 'behind'],
    ]);
    expect(targetsProgress(makeTables({ villages: [] }))).toEqual([]);
  });
});
