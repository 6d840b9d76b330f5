import { describe, expect, test } from 'vitest';
import { chartCss } from '../../src/charts/css.ts';
import { renderChart } from '../../src/charts/render.ts';
import { tooltip } from '../../src/charts/marks.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { barMonths, goldenSpecs, stackedBar } from './fixtures.ts';
import { expectGolden } from './golden.ts';

describe('renderChart golden SVG', () => {
  for (const [name, spec] of Object.entries(goldenSpecs)) {
    const chart = renderChart(spec);
    test(`${name} (wide)`, () => expectGolden(`${name}.svg`, chart.svg));
    // a chart drawn once (drawnOnce: horizontal) has no second drawing on the page
    if (chart.svgNarrow !== '') test(`${name} (narrow)`, () => expectGolden(`${name}-narrow.svg`, chart.svgNarrow));
  }
  test('bar-stacked (downloadable file)', () => expectGolden('bar-stacked-file.svg', renderChart(stackedBar).svgFile));
});

describe('renderChart inline SVG', () => {
  const charts = Object.entries(goldenSpecs).map(([name, spec]) => [name, renderChart(spec)] as const);
  const svgs = charts.flatMap(([name, c]) => [
    [`${name} wide`, c.svg],
    ...(c.svgNarrow === '' ? [] : [[`${name} narrow`, c.svgNarrow]]),
  ]);

  test.each(svgs)('%s has no aria-label on <g>', (_, svg) => {
    expect(svg).not.toMatch(/<g[^>]*\saria-(label|description)=/);
  });
  test.each(svgs)('%s has no <style>, no xmlns, no <figure>', (_, svg) => {
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('xmlns');
    expect(svg).not.toContain('<figure');
    expect(svg.startsWith('<svg')).toBe(true);
  });
  // Inline, the summary is the figure's <p class="chart-summary">: a <desc> would make screen
  // readers say it twice (issue 12). The downloadable file keeps its <desc>.
  test.each(svgs)('%s is an image named by the title, without a second copy of the summary', (_, svg) => {
    expect(svg).toMatch(/^<svg[^>]*\srole="img"/);
    expect(svg).toMatch(/^<svg[^>]*\saria-label="[^"]+"/);
    expect(svg).toMatch(/^<svg[^>]*><title>[^<]+<\/title>/);
    expect(svg).not.toContain('<desc>');
  });
  test.each(svgs)('%s uses system Chinese fonts, no web fonts, no random class names', (_, svg) => {
    // the fonts come from chartCss (.chart-plot), not an attribute repeated on every SVG
    expect(svg).not.toContain('font-family');
    expect(chartCss).toContain('font-family: "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;');
    expect(svg).not.toMatch(/@font-face|url\(http/);
    expect(svg).not.toMatch(/plot-[0-9a-f]{6}/);
    expect(svg).not.toContain('⚠'); // Plot's warning marker
  });
  test.each(svgs)('%s has no English month names', (_, svg) => {
    expect(svg).not.toMatch(/>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });

  test('text is at least the body text (1 rem) in the narrowest column each drawing is shown in', () => {
    // chartCss: wide from a 40rem column; narrow below, down to 11rem (a 320 px phone at 特大)
    for (const [, c] of charts) {
      // a chart drawn once shows its phone drawing at every width (chart-compact), down to 11rem
      const shown = c.svgNarrow === '' ? [[c.svg, 11] as const] : ([[c.svg, 40], [c.svgNarrow, 11]] as const);
      for (const [svg, shownFromRem] of shown) {
        const width = Number(/ width="(\d+)"/.exec(svg)![1]);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(sizes.length).toBeGreaterThan(0);
        for (const size of sizes) expect((size * shownFromRem) / width).toBeGreaterThanOrEqual(1);
      }
    }
  });
  test('the narrow SVG is drawn for a phone', () => {
    for (const [, c] of charts) {
      expect(c.svgNarrow || c.svg).toMatch(/^<svg[^>]* width="264"/);
      if (c.svgNarrow !== '') expect(c.svg).toMatch(/^<svg[^>]* width="640"/);
    }
  });
  test('horizontal charts show one drawing, the phone one; vertical ones two; the file keeps the wide one', () => {
    const once = charts.filter(([, c]) => c.svgNarrow === '').map(([name]) => name);
    expect(once).toEqual(['dot-villages', 'bar-percent']);
    for (const [, c] of charts) expect(c.svgFile).toMatch(/<svg[^>]* width="640"/);
  });
  test('bars and dots carry their values when there are at most 20 of them, in every drawing', () => {
    const dots = renderChart(goldenSpecs['dot-villages']!);
    for (const svg of [dots.svg, dots.svgFile]) expect(svg).toContain('>1,205.5余</text>');
    const many = { ...goldenSpecs['dot-villages']!, rows: Array.from({ length: 21 }, (_, i) => ({ village: `村${i}`, garbage_t: 1000 + i })) };
    expect(renderChart(many).svg).not.toContain('>1,020</text>');
    expect(renderChart({ ...many, rows: many.rows.slice(0, 20) }).svg).toContain('>1,019</text>');
    // a stacked bar's parts are not labelled (their total is not a figure of the table)
    expect(renderChart(stackedBar).svg).not.toMatch(/>55<\/text>/);
  });
  test('the narrow drawing writes names above the bars, whole where they fit', () => {
    const narrow = renderChart(goldenSpecs['dot-villages']!).svg;
    expect(narrow).toContain('>黄泥坑村民小组</text>');
  });
  test('month ticks are Chinese, with the year where it changes', () => {
    const wide = renderChart(goldenSpecs['area-months']!).svg;
    const ticks = [...wide.matchAll(/<text[^>]*y="0.71em">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['清理沟渠(公里)', '2022年7月', '9月', '11月', '2023年1月', '3月', '5月']);
    expect(renderChart(barMonths).svgNarrow).toContain('>1月</text>');
  });
  test('stacked series take their colours from colorDomain, not from code-point order', () => {
    const svg = renderChart({ ...stackedBar, compact: true }).svg;
    expect(svg).toMatch(/fill="#0072B2"[^>]*><title>石门村 · 2023年1月：40 吨<\/title>/);
    expect(svg).toMatch(/fill="#D55E00"[^>]*><title>长塘村 · 2023年1月：60 吨<\/title>/);
  });
  test('tooltips name the series, the month and the value with its unit (and 余); a labelled mark has its value as text instead', () => {
    expect(tooltip(barMonths, { x: '2023-02', y: 160, approx: true, color: null })).toBe('2023年2月：160余 吨');
    expect(renderChart(barMonths).svg).toContain('>160余</text>');
    expect(renderChart(barMonths).svg).not.toContain('<title>2023年2月');
    expect(renderChart(goldenSpecs['dot-villages']!).svg).toContain('>1,205.5余</text>');
    expect(renderChart({ ...goldenSpecs['line-target']!, compact: true }).svg).toMatch(/<title>2023年\d+月：[\d.]+%<\/title>/);
  });
  test('only a chart drawn once has mark tooltips; a two-drawing chart has its title only (values are in its table)', () => {
    for (const spec of [stackedBar, goldenSpecs['line-target']!]) {
      const chart = renderChart(spec);
      for (const svg of [chart.svg, chart.svgNarrow]) expect(svg.match(/<title>/g)).toHaveLength(1);
      expect(renderChart({ ...spec, compact: true }).svg.match(/<title>/g)!.length).toBeGreaterThan(1);
    }
  });
  test('a target is drawn as a dashed rule with its label', () => {
    const svg = renderChart(goldenSpecs['line-target']!).svg;
    expect(svg).toContain('stroke-dasharray="6,4"');
    expect(svg).toContain('>目标 95.0%</text>');
  });
  test('yDomain is respected', () => {
    const svg = renderChart(goldenSpecs['line-target']!).svg;
    expect(svg).toContain('>100</text>');
    expect(svg).not.toContain('>120</text>');
  });
  test('long category names are cut to fit, with an ellipsis (the table keeps them whole)', () => {
    const long = '一个名字特别特别特别长的村民小组';
    const chart = renderChart({ ...goldenSpecs['dot-villages']!, rows: [{ village: long, garbage_t: 1 }] });
    expect(chart.svg).toMatch(/>一个名字[^<]*…<\/text>/);
    expect(chart.table.body[0]![0]).toBe(long);
  });
});

describe('renderChart output', () => {
  test('is deterministic: rendering twice gives the same bytes', () => {
    for (const spec of Object.values(goldenSpecs)) {
      const a = renderChart(spec);
      const b = renderChart(spec);
      expect(b).toEqual(a);
    }
  });
  test('the downloadable SVG is standalone: xmlns, embedded CSS, system fonts, title', () => {
    const file = renderChart(stackedBar).svgFile;
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(file).toContain('<style>svg{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}');
    expect(file).toContain('<title>各村各月清理垃圾量</title>');
    expect(file).toContain('>石门村</text>'); // the legend travels with the file
    expect(file).toContain('>数据来源：data/cleanup.csv</text>');
    expect(file).not.toContain('&nbsp;');
  });
  test('escapes a <script> in the title everywhere', () => {
    const chart = renderChart({ ...barMonths, title: '<script>alert("x")</script>' });
    for (const svg of [chart.svg, chart.svgNarrow, chart.svgFile]) {
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;');
    }
  });
  test('a table chart and a chart without rows draw no SVG', () => {
    for (const spec of [{ ...stackedBar, type: 'table' }, { ...barMonths, rows: [] }] as ChartSpec[]) {
      const chart = renderChart(spec);
      expect([chart.svg, chart.svgNarrow, chart.svgFile]).toEqual(['', '', '']);
    }
    expect(renderChart({ ...barMonths, rows: [] }).summary).toBe('暂无数据。');
  });
  test('rejects what the spec promises never to send', () => {
    expect(() => renderChart({ ...barMonths, id: 'Bad Id' })).toThrow('invalid chart id: Bad Id');
    expect(() => renderChart({ ...barMonths, rows: [{ month: '2023-13', garbage_t: 1 }] })).toThrow('invalid month: 2023-13');
  });
});
