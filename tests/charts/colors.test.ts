// At most six colours in one chart (issue 12): eight villages stacked in eight colours could not be
// told apart; past six, the largest five keep their colours and the rest share the 其他 grey.
import { describe, expect, test } from 'vitest';
import { legendItems } from '../../src/charts/legend.ts';
import { otherColor } from '../../src/charts/palette.ts';
import { renderChart } from '../../src/charts/render.ts';
import { chartData, MAX_COLORS } from '../../src/charts/rows.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { garbage, month, village } from './fixtures.ts';

const names = ['甲村', '乙村', '丙村', '丁村', '戊村', '己村', '庚村', '辛村'];
const eight: ChartSpec = {
  id: 'eight-villages',
  type: 'bar',
  title: '八个村各月清理垃圾',
  x: month,
  y: garbage,
  color: village,
  colorDomain: names,
  // 甲村 is the smallest, 辛村 the largest.
  rows: ['2023-01', '2023-02'].flatMap((m) => names.map((v, i) => ({ month: m, village: v, garbage_t: 10 + i * 5 }))),
};

describe('colours per chart', () => {
  test('chartData(spec) with 8 series groups the 3 smallest as others', () => {
    const chart = chartData(eight);
    expect(chart.others).toEqual(['甲村', '乙村', '丙村']);
    expect(new Set(chart.series.map((s) => chart.colors!.color(s))).size).toBe(MAX_COLORS);
    expect(chart.colors!.color('甲村')).toBe(otherColor);
  });
  test('the legend names the kept series and 其他（3 个） in grey', () => {
    const items = legendItems(eight, chartData(eight));
    expect(items.map((i) => i.label)).toEqual(['丁村', '戊村', '己村', '庚村', '辛村', '其他（3 个）']);
    expect(items.at(-1)!.color).toBe(otherColor);
  });
  test('the drawing uses at most 6 fill colours; the table keeps all 8 villages', () => {
    const rendered = renderChart(eight);
    for (const svg of [rendered.svg, rendered.svgNarrow]) {
      const fills = new Set([...svg.matchAll(/<rect[^>]* fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]));
      expect(fills.size).toBeLessThanOrEqual(MAX_COLORS);
    }
    expect(rendered.table.head.join(' ') + rendered.table.body.flat().join(' ')).toMatch(/甲村[\s\S]*辛村|辛村[\s\S]*甲村/);
  });
  test('six series or fewer keep a colour each', () => {
    const six = { ...eight, rows: eight.rows.filter((r) => names.indexOf(r.village as string) < 6) };
    expect(chartData(six).others).toEqual([]);
    expect(new Set(legendItems(six, chartData(six)).map((i) => i.color)).size).toBe(6);
  });
});
