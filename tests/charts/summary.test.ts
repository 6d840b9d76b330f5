import { describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { areaMonths, barMonths, dotVillages, lineTarget, percentVillages, stackedBar } from './fixtures.ts';

const summary = (spec: ChartSpec) => renderChart(spec).summary;

describe('chartSummary for a month series', () => {
  test('states the total with 余, the largest month and the last change', () => {
    expect(summary(barMonths)).toBe('2023年1月至6月共清理垃圾 1,000余 吨，3月最多（230 吨）；6月比5月减少 12 吨。');
  });
  test('names the year of every month when the range spans years', () => {
    expect(summary(areaMonths)).toBe(
      '2022年7月至2023年6月共清理沟渠 45.2 公里，2023年3月最多（7.2 公里）；2023年6月比2023年5月增加 0.7 公里。',
    );
  });
  test('keeps the data decimals and names tied months', () => {
    const rows = [5, 10.25, 10.25].map((v, i) => ({ month: `2023-0${i + 1}`, garbage_t: v }));
    expect(summary({ ...barMonths, rows })).toBe('2023年1月至3月共清理垃圾 25.5 吨，2月、3月最多（10.25 吨）；3月与2月持平。');
  });
  test('one month: the figure alone', () => {
    expect(summary({ ...barMonths, rows: [{ month: '2023-06', garbage_t: 120 }] })).toBe('2023年6月共清理垃圾 120 吨。');
  });
  test('with a target: the gap to it, or that it is reached', () => {
    expect(summary({ ...barMonths, target: { value: 1200, label: '全年目标' } })).toBe(
      '2023年1月至6月共清理垃圾 1,000余 吨，3月最多（230 吨）；6月比5月减少 12 吨；距全年目标（1,200 吨）还差 200余 吨。',
    );
    expect(summary({ ...barMonths, target: { value: 900, label: '全年目标' } })).toMatch(/；已达到全年目标（900 吨）。$/);
  });
  test('with series: the total of each, largest first', () => {
    expect(summary(stackedBar)).toBe(
      '2023年1月至4月共清理垃圾 575 吨，其中长塘村 260 吨、石门村 205 吨、洋江村 110 吨，3月最多（180 吨）；4月比3月减少 30 吨。',
    );
  });
  test('past six series: the first three and the last', () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({ month: '2023-01', village: `${i + 1}村`, garbage_t: i + 1 }));
    expect(summary({ ...stackedBar, colorDomain: undefined, rows })).toBe(
      '2023年1月共清理垃圾 36 吨，其中8村 8 吨、7村 7 吨、6村 6 吨最多，1村 1 吨最少。',
    );
  });
  test('percentages: never summed, one decimal, changes in points, the gap to the target', () => {
    expect(summary(lineTarget)).toBe(
      '2022年10月至2023年3月，卫生户厕覆盖率2023年3月最高（85.2%），比2023年2月提高 1.2 个百分点；距目标（95.0%）还差 9.8 个百分点。',
    );
    const rows = [...lineTarget.rows, { month: '2023-04', coverage: 84.9 }];
    expect(summary({ ...lineTarget, rows, target: undefined })).toBe(
      '2022年10月至2023年4月，卫生户厕覆盖率2023年3月最高（85.2%）；2023年4月为 84.9%，比2023年3月下降 0.3 个百分点。',
    );
  });
  test('lines of series: the latest figure of each', () => {
    expect(summary({ ...stackedBar, type: 'line' })).toBe('截至2023年4月，清理垃圾：长塘村 65 吨、石门村 50 吨、洋江村 35 吨。');
  });
  test('months not reported are left out, not counted as zero', () => {
    const rows = [
      { month: '2023-01', garbage_t: null },
      { month: '2023-02', garbage_t: 3 },
    ];
    expect(summary({ ...barMonths, rows })).toBe('2023年2月共清理垃圾 3 吨。');
    expect(summary({ ...barMonths, rows: [] })).toBe('暂无数据。');
  });
});

describe('chartSummary by measure', () => {
  const toilets = { key: 'public_toilets', label: '公厕', type: 'number', unit: '座', measure: 'stock' } as const;
  const stock: ChartSpec = {
    ...stackedBar,
    y: toilets,
    rows: stackedBar.rows.map((r) => ({ month: r.month!, village: r.village!, public_toilets: Number(r.garbage_t) / 5 })),
  };
  test('stocks: the latest level, never a sum over months', () => {
    expect(summary(stock)).toBe('截至2023年4月共有公厕 30 座，其中长塘村 13 座、石门村 10 座、洋江村 7 座；4月比3月减少 6 座。');
    expect(summary({ ...stock, color: undefined, rows: stock.rows.filter((r) => r.village === '长塘村') })).toBe(
      '截至2023年4月共有公厕 13 座；4月比3月减少 3 座。',
    );
  });
  test('rates drawn as bars (scores) are never summed', () => {
    const score = { key: 'score', label: '得分', type: 'number', unit: '分', measure: 'rate' } as const;
    const rows = [
      { village: '长塘村', score: 93.5 },
      { village: '石门村', score: 80 },
    ];
    expect(summary({ ...dotVillages, type: 'bar', y: score, rows })).toBe('各村中，长塘村得分最高（93.5 分），石门村最低（80 分）。');
  });
  test('a target label that already carries its value is not repeated', () => {
    expect(summary({ ...lineTarget, target: { value: 95, label: '目标 95%' } })).toMatch(/；距目标（95.0%）还差 9.8 个百分点。$/);
    expect(renderChart({ ...lineTarget, target: { value: 95, label: '目标 95%' } }).svg).toContain('>目标 95.0%</text>');
  });
});

describe('chartSummary for categories', () => {
  test('dots (not summed): largest and smallest, ties named together', () => {
    expect(summary(dotVillages)).toBe('各村中，石门村清理垃圾最高（1,205.5余 吨），洋江村、黄泥坑村民小组最低（96 吨）。');
  });
  test('bars (summed): the total, then largest and smallest', () => {
    expect(summary({ ...dotVillages, type: 'bar' })).toBe(
      '各村共清理垃圾 2,127.5余 吨；石门村最多（1,205.5余 吨），洋江村、黄泥坑村民小组最少（96 吨）。',
    );
  });
  test('percent by village with a target: how many reach it', () => {
    expect(summary(percentVillages)).toBe(
      '各村中，洋江村卫生户厕覆盖率最高（100.0%），下坪村最低（72.3%）；2 个村已达到目标（95.0%），2 个未达到。',
    );
  });
  test('all equal, or a single category', () => {
    const rows = [
      { village: 'A村', coverage: 90 },
      { village: 'B村', coverage: 90 },
    ];
    expect(summary({ ...percentVillages, target: undefined, rows })).toBe('各村卫生户厕覆盖率均为 90.0%。');
    expect(summary({ ...dotVillages, rows: [{ village: '长塘村', garbage_t: 3 }] })).toBe('长塘村清理垃圾 3 吨。');
  });
});
