import { describe, expect, test } from 'vitest';
import { checkPresetRequest, presetId, presetSpec, type PresetRequest } from '../../src/presets/presets.ts';
import { villageLabel } from '../../src/metrics/scope.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { csv, load } from '../data/helpers.ts';

const { tables } = load({
  cleanup: csv('月份,村,清理垃圾(吨)', '2023-01,长塘村,10', '2023-01,xc-yj,5余', '2023-02,xc-hk,7'),
  inspections: csv('月份,村,得分', '2023-02,长塘村,90', '2023-02,xc-yj,90', '2023-02,xc-hk,80'),
});

/** What a Markdown `preset:` block would draw: the checked request's spec. */
function presetChart(tb: typeof tables, preset: string, request: Omit<PresetRequest, 'preset'>): ChartSpec | { error: string } {
  const checked = checkPresetRequest(tb, { preset, ...request });
  return checked.ok ? presetSpec(tb, checked.name, checked.scope) : { error: checked.problems.map((p) => p.message).join('；') };
}

const spec = (value: ReturnType<typeof presetChart>): ChartSpec => {
  if ('error' in value) throw new Error(value.error);
  return value;
};

describe('checkPresetRequest and presetSpec', () => {
  test('an unknown preset lists the presets, or names the nearest one', () => {
    expect(presetChart(tables, 'rainfall', {})).toEqual({
      error: expect.stringContaining('预设图表 "rainfall" 不存在（可用：cleanup-monthly、'),
    });
    expect(presetChart(tables, 'cleanup-weekly', {})).toEqual({
      error: '预设图表 "cleanup-weekly" 不存在，是否应为「cleanup-monthly」?',
    });
  });

  test('presetChart over an absent dataset names the missing file', () => {
    expect(presetChart(tables, 'toilet-coverage', {})).toEqual({
      error: '预设图表 "toilet-coverage" 需要数据集 toilets：data/toilets.csv 不存在',
    });
  });

  test('presetChart(village: shared name) asks for the id', () => {
    const result = presetChart(tables, 'cleanup-monthly', { village: '新村' });
    expect('error' in result && result.error).toMatch(/xc-yj/);
  });

  test('presetChart narrows to a village by id and to a township', () => {
    const village = spec(presetChart(tables, 'cleanup-monthly', { village: 'xc-hk' }));
    expect(village.id).toBe('cleanup-monthly-v-xc-hk');
    expect(village.rows).toEqual([{ month: '2023-02', value: 7, approx: false }]);
    const township = spec(presetChart(tables, 'cleanup-monthly', { township: '洋江镇' }));
    expect(township.id).toBe(presetId(tables, 'cleanup-monthly', { kind: 'township', township: '洋江镇' }));
    expect(township.rows).toEqual([{ month: '2023-01', value: 15, approx: true }]);
  });

  test('site-wide charts of several townships are coloured by township in villages.csv order', () => {
    const site = spec(presetChart(tables, 'cleanup-monthly', {}));
    expect(site.colorDomain).toEqual(['洋江镇', '河口镇']);
    expect(site.rows).toContainEqual({ month: '2023-02', township: '河口镇', value: 7, approx: false });
  });

  test('inspection-ranking keeps villages that share a name apart', () => {
    const ranking = spec(presetChart(tables, 'inspection-ranking', {}));
    expect(ranking.rows.map((r) => [r.village, r.rank])).toEqual([
      ['长塘村', 1], // tie: 长 is cháng (pinyin-pro), so before 新村 (xīn)
      ['新村（洋江镇）', 1],
      ['新村（河口镇）', 3],
    ]);
  });
});

test('villageLabel adds the township only to shared names', () => {
  const byId = new Map(tables.villages.rows.map((v) => [v.id, v]));
  expect(villageLabel(tables, byId.get('v1')!)).toBe('长塘村');
  expect(villageLabel(tables, byId.get('xc-hk')!)).toBe('新村（河口镇）');
});

describe('presets on a county of many villages', () => {
  // 40 villages in 10 townships, each with a cleanup figure equal to its number
  const villages = ['编号,村名,乡镇,户数,人口', ...Array.from({ length: 40 }, (_, i) => `c${i + 1},村${i + 1},乡${(i % 10) + 1},100,400`)];
  const cleanup = ['月份,村,清理垃圾(吨)', ...Array.from({ length: 40 }, (_, i) => `2023-01,c${i + 1},${i + 1}`)];
  const inspections = ['月份,村,得分', ...Array.from({ length: 40 }, (_, i) => `2023-01,c${i + 1},${50 + i}`)];
  const county = load({ villages: csv(...villages), cleanup: csv(...cleanup), inspections: csv(...inspections) }).tables;

  test('more than 8 townships: one series, not a colour per township', () => {
    const monthly = spec(presetChart(county, 'cleanup-monthly', {}));
    expect(monthly.color).toBeUndefined();
    expect(monthly.rows).toEqual([{ month: '2023-01', value: 820, approx: false }]);
  });

  test('cleanup-by-village draws the 30 largest and says so', () => {
    const chart = spec(presetChart(county, 'cleanup-by-village', {}));
    expect(chart.rows).toHaveLength(30);
    expect(chart.rows[0]).toMatchObject({ village: '村40', value: 40 });
    expect(chart.rows.at(-1)).toMatchObject({ village: '村11', value: 11 });
    expect(chart.title).toBe('全部乡镇各村清理垃圾（最多的 30 个村）');
  });

  test('inspection-ranking draws the first 30 ranks and says so', () => {
    const chart = spec(presetChart(county, 'inspection-ranking', {}));
    expect(chart.rows.map((r) => r.rank)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(chart.title).toMatch(/（前 30 名）$/);
  });
});
