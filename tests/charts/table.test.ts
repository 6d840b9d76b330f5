import { describe, expect, test } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import type { ChartRow } from '../../src/charts/types.ts';
import { barMonths, lineTarget, stackedBar } from './fixtures.ts';

describe('chartTable', () => {
  test('headers carry units; months read 2023年7月; figures as on the site, with 余', () => {
    const { table } = renderChart(barMonths);
    expect(table.head).toEqual(['月份', '清理垃圾(吨)']);
    expect(table.body.slice(0, 2)).toEqual([
      ['2023年1月', '150'],
      ['2023年2月', '160余'],
    ]);
  });
  test('series: x, series, figure; rows in drawing order (month, then colorDomain)', () => {
    const { table } = renderChart(stackedBar);
    expect(table.head).toEqual(['月份', '村', '清理垃圾(吨)']);
    expect(table.body.slice(0, 3)).toEqual([
      ['2023年1月', '石门村', '40'],
      ['2023年1月', '长塘村', '60'],
      ['2023年1月', '洋江村', '20'],
    ]);
  });
  test('percentages with one decimal; not reported as —; thousands separators', () => {
    const { table } = renderChart({
      ...lineTarget,
      rows: [
        { month: '2023-01', coverage: 78.25 },
        { month: '2023-02', coverage: null },
      ],
    });
    expect(table.head).toEqual(['月份', '卫生户厕覆盖率(%)']);
    expect(table.body).toEqual([
      ['2023年1月', '78.3%'],
      ['2023年2月', '—'],
    ]);
    expect(renderChart({ ...barMonths, rows: [{ month: '2023-01', garbage_t: 1146.75 }] }).table.body).toEqual([
      ['2023年1月', '1,146.75'],
    ]);
  });
});

describe('chartCsv', () => {
  test('UTF-8 BOM, Chinese headers with units, CRLF, raw figures, 余 kept', () => {
    const rows: ChartRow[] = [
      { month: '2023-01', garbage_t: 1146.75 },
      { month: '2023-02', garbage_t: 120, approx: true },
      { month: '2023-03', garbage_t: null },
    ];
    expect(renderChart({ ...barMonths, rows }).csv).toBe(
      '\ufeff月份,清理垃圾(吨)\r\n2023-01,1146.75\r\n2023-02,120余\r\n2023-03,\r\n',
    );
  });
  test('exactly the drawn rows, with the series column', () => {
    const csv = renderChart(stackedBar).csv;
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('月份,村,清理垃圾(吨)');
    expect(lines[1]).toBe('2023-01,石门村,40');
    expect(lines).toHaveLength(stackedBar.rows.length + 2); // header, rows, final empty string
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
  });
  test('RFC 4180 quoting of commas, quotes and line breaks; float noise dropped', () => {
    const rows = [{ village: '长塘村,"上"组\n', garbage_t: 0.1 + 0.2 }];
    const spec = { ...barMonths, x: { key: 'village', label: '村', type: 'text' as const }, rows };
    expect(renderChart(spec).csv).toBe('\ufeff村,清理垃圾(吨)\r\n"长塘村,""上""组\n",0.3\r\n');
  });
});
