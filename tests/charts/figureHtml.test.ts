import { describe, expect, test } from 'vitest';
import { chartCss } from '../../src/charts/css.ts';
import { figureHtml } from '../../src/charts/figureHtml.ts';
import { renderChart } from '../../src/charts/render.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { barMonths, stackedBar } from './fixtures.ts';
import { expectGolden } from './golden.ts';

const links = { csvHref: '/data/charts/cleanup-monthly.csv', svgHref: '/data/charts/cleanup-monthly.svg' };
const figure = (spec: ChartSpec) => figureHtml(renderChart(spec), links);

describe('figureHtml', () => {
  test('golden HTML', () => expectGolden('figure-bar-stacked.html', figure(stackedBar)));

  test('holds heading, both SVGs, summary, table, 分享本图 and downloads, and notes', () => {
    const html = figure(barMonths);
    expect(html.startsWith('<figure class="chart chart-bar" id="chart-cleanup-monthly" data-pagefind-ignore>')).toBe(true);
    expect(html).toContain('<h3 id="chart-cleanup-monthly-title">各月清理垃圾量</h3>');
    expect(html).toContain('<a class="chart-anchor" href="#chart-cleanup-monthly" aria-describedby="chart-cleanup-monthly-title">分享本图</a>');
    expect(html).toContain('<div class="chart-wide"><svg');
    expect(html).toContain('<div class="chart-narrow"><svg');
    expect(html).toContain('<p class="chart-summary">2023年1月至6月共清理垃圾 1,000余 吨');
    expect(html).toContain('<details class="chart-data"><summary>查看数据表</summary>');
    expect(html).toContain('<th scope="col">月份</th><th scope="col">清理垃圾(吨)</th>');
    expect(html).toContain('<tr><th scope="row">2023年2月</th><td>160余</td></tr>');
    expect(html).toContain('<a href="/data/charts/cleanup-monthly.csv" download>下载数据（CSV）</a>');
    expect(html).toContain('<a href="/data/charts/cleanup-monthly.svg" download>下载图表（SVG）</a>');
    expect(html).toContain('<p class="chart-note">数据来源：data/cleanup.csv</p>');
    expect(html).toContain('<p class="chart-note">数据截至 2023年6月</p>');
    expect(html.endsWith('</figure>')).toBe(true);
    expect(html).not.toContain('chart-legend'); // one series: no legend
  });
  test('a legend of the series present, in colorDomain order, with their colours', () => {
    const html = figure(stackedBar);
    const legend = /<ul class="chart-legend">(.*?)<\/ul>/.exec(html)![1]!;
    expect([...legend.matchAll(/fill="(#\w+)"\/><\/svg>([^<]+)<\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['#0072B2', '石门村'],
      ['#D55E00', '长塘村'],
      ['#009E73', '洋江村'],
    ]);
    expect(html).toContain('<p class="chart-note">各村按月上报。</p>');
  });
  test('escapes every staff-written text', () => {
    const html = figure({
      ...stackedBar,
      title: '<script>alert(1)</script>',
      caption: '<img src=x onerror=alert(1)>',
      source: 'A & B',
      rows: [{ month: '2023-01', village: '<b>村</b>', garbage_t: 1 }],
    });
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('<h3 id="chart-cleanup-by-village-monthly-title">&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('&lt;b&gt;村&lt;/b&gt;');
  });
  test('no rows: 暂无数据, no SVG, no table, no downloads', () => {
    const html = figure({ ...barMonths, rows: [] });
    expect(html).toContain('<p class="chart-empty">暂无数据</p>');
    expect(html).not.toMatch(/<svg|<table|下载/);
    expect(html).toContain('数据截至 2023年6月');
  });
  test('a table chart shows its table open, and offers the CSV only', () => {
    const html = figure({ ...stackedBar, type: 'table' });
    expect(html).not.toMatch(/<svg class="chart-plot"|<details|下载图表/);
    expect(html).toContain('<div class="chart-table"><table>');
    expect(html).toContain('下载数据（CSV）');
  });
});

describe('chartCss', () => {
  test('switches between the wide and narrow SVG at 600 px', () => {
    expect(chartCss).toContain('.chart-narrow { display: none; }');
    expect(chartCss).toMatch(/@media \(max-width: 600px\) \{\s*\.chart-wide \{ display: none; \}\s*\.chart-narrow \{ display: block; \}/);
  });
  test('carries what Plot would put in each SVG, and system fonts only', () => {
    expect(chartCss).toContain('.chart-plot text, .chart-plot tspan { white-space: pre; }');
    expect(chartCss).toContain('font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;');
    expect(chartCss).not.toMatch(/@font-face|@import|url\(/);
  });
});
