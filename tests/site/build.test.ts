// Builds small fixture sites with the real `npm run build` command and asserts on the text a
// resident reads: figures, ties, empty and absent datasets, one and several townships.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, textOf, type Built } from './buildSite.ts';

const fixture = (name: string) => path.join(projectRoot, 'tests/fixtures', name);
const page = (built: Built, file: string) => textOf(built.read(file));

describe('one township (tests/fixtures/site-one)', () => {
  let built: Built;
  beforeAll(() => {
    built = buildSite(fixture('site-one'));
  });

  test('builds without errors', () => {
    expect(built.code, built.output).toBe(0);
  });

  test('home page shows the computed KPIs with 余 and coverage of reporting villages', () => {
    const home = page(built, 'index.html');
    expect(home).toContain('39.75余 吨');
    expect(home).toContain('66.7%');
    expect(home).toContain('3 个村中已有 2 个村上报');
    expect(home).toContain('公厕 4 座');
    expect(home).toContain('数据截至 2024年2月');
  });

  test('one township: no per-township breakdown, no sample notice', () => {
    const home = page(built, 'index.html');
    expect(home).not.toContain('各乡镇情况');
    expect(home).not.toContain('示例数据');
  });

  test('ranking: ties share a rank and the change is stated', () => {
    const html = built.read('ranking/index.html');
    const text = textOf(html);
    expect(text).toContain('第 1 名 下村 95 持平 白沙乡');
    expect(text).toContain('第 2 名 上村 85 下降 1 位 白沙乡');
    expect(text).toContain('第 2 名 中村 85 上升 1 位 白沙乡');
    expect(text).not.toContain('第 3 名');
  });

  test('a dataset with a header and no rows shows 暂无数据', () => {
    expect(page(built, 'construction/index.html')).toContain('暂无数据');
  });

  test('without a public address there is no RSS feed and no sitemap', () => {
    expect(built.exists('rss.xml')).toBe(false);
    expect(built.exists('sitemap-index.xml')).toBe(false);
    expect(built.output).toContain('content/site.md warning 未设置 url');
  });

  test('absent datasets leave no page and no link', () => {
    expect(built.exists('data/targets.csv')).toBe(false);
    expect(built.exists('data/construction-items.csv')).toBe(false);
  });

  test('a report with a Chinese file name gets its page and live figures', () => {
    const report = page(built, 'reports/白沙乡简报/index.html');
    expect(report).toContain('全乡共清理垃圾 39.75余 吨，覆盖 3 个村');
    expect(built.read('reports/index.html')).toContain(`href="/reports/${encodeURIComponent('白沙乡简报')}/"`);
  });

  test('dataset downloads are UTF-8 with BOM and Chinese headers', () => {
    const csv = built.read('data/cleanup.csv');
    expect(csv.startsWith('\ufeff月份,村,清理垃圾(吨),清理沟渠(公里)\r\n')).toBe(true);
    expect(csv).toContain('2024-02,上村,5余,2\r\n');
    // Pre-filled for the month after the latest data: one row per village, staff type figures only.
    expect(built.read('data/templates/toilets.csv')).toBe(
      '\ufeff月份,村,无害化卫生户厕(户),当月改厕(户),公厕(座),备注\r\n2024-03,上村,,,,\r\n2024-03,下村,,,,\r\n2024-03,中村,,,,\r\n',
    );
    expect(built.read('data/templates/villages.csv')).toBe('\ufeff编号,村名,乡镇,类型,户数,人口,自然村数,经度,纬度,备注\r\n');
  });

  test('every dataset and template is also an .xlsx: numbers as numbers, months as text', async () => {
    const XLSX = await import('@e965/xlsx');
    const readBook = (file: string) => {
      const wb = XLSX.read(readFileSync(path.join(built.outDir, file)), { type: 'buffer' });
      return wb.Sheets[wb.SheetNames[0]!]!;
    };
    const sheet = readBook('data/cleanup.xlsx');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    const csvRows = built.read('data/cleanup.csv').slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(rows.length).toBe(csvRows.length);
    expect(rows[0]).toEqual(csvRows[0]);
    expect(sheet['A2']).toMatchObject({ t: 's', v: '2024-01' });
    expect(sheet['C2']!.t).toBe('n');
    expect(rows.some((r) => r.includes('5余'))).toBe(true);
    expect(built.read('data/index.html')).toContain('href="/data/cleanup.xlsx"');
    const template = XLSX.utils.sheet_to_json<unknown[]>(readBook('data/templates/toilets.xlsx'), { header: 1, raw: true });
    expect(template.slice(1)).toEqual([['2024-03', '上村'], ['2024-03', '下村'], ['2024-03', '中村']]);
  });

  test('every chart on a page has a CSV of exactly its rows and an SVG file', () => {
    const html = built.read('index.html');
    const ids = [...html.matchAll(/<figure class="chart[^"]*" id="chart-([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(built.exists(`data/charts/${id}.csv`), id).toBe(true);
      expect(built.read(`data/charts/${id}.svg`)).toContain('xmlns="http://www.w3.org/2000/svg"');
    }
    expect(built.read('data/charts/cleanup-monthly.csv')).toBe('\ufeff月份,清理垃圾(吨)\r\n2024-01,30.5\r\n2024-02,9.25余\r\n');
  });

  test('no page needs a script for its content: charts and tables are in the HTML', () => {
    for (const file of built.htmlFiles()) {
      const html = built.read(file);
      const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, '');
      // every drawn chart (not a table-only chart, not an empty one showing 暂无数据)
      const figures = (html.match(/<figure class="chart[\s\S]*?<\/figure>/g) ?? []).filter(
        (f) => !f.includes('chart-empty') && !f.startsWith('<figure class="chart chart-table'),
      ).length;
      const svgs = withoutScripts.match(/<svg[^>]*role="img"/g)?.length ?? 0;
      expect(svgs, file).toBeGreaterThanOrEqual(figures);
      expect(html, file).toContain('<html lang="zh-CN"');
      // Only small enhancement scripts may exist; none may draw content.
      for (const script of html.match(/<script[\s\S]*?<\/script>/g) ?? []) {
        expect(script, file).not.toMatch(/observablehq|d3\.|Plot\./);
      }
    }
  });
});

describe('several townships (tests/fixtures/site-multi), built under /town/', () => {
  let built: Built;
  beforeAll(() => {
    built = buildSite(fixture('site-multi'), ['--base', '/town/']);
  });

  test('builds without errors', () => {
    expect(built.code, built.output).toBe(0);
  });

  test('a topic whose dataset file is absent is not built and not linked', () => {
    expect(built.exists('cleanup/index.html')).toBe(false);
    for (const file of built.htmlFiles()) expect(built.read(file), file).not.toContain('/town/cleanup/');
  });

  test('per-township breakdown and coverage per township', () => {
    const home = page(built, 'index.html');
    expect(home).toContain('各乡镇情况');
    expect(home).toContain('东乡 2');
    expect(home).toContain('70.0%');
    expect(home).toContain('60.0%');
    expect(home).toContain('64.4%');
  });

  test('the sample notice is on every page', () => {
    for (const file of built.htmlFiles()) expect(page(built, file), file).toContain('示例数据');
  });

  test('a name shared by two townships resolves by id, ranks tie at 2 and the next is 4', () => {
    const text = page(built, 'ranking/index.html');
    expect(text).toContain('第 1 名 丙村 91 — 西乡');
    expect(text).toContain('第 2 名 甲村（西乡） 88 — 西乡');
    expect(text).toContain('第 2 名 乙村 88 — 东乡');
    expect(text).toContain('第 4 名 甲村（东乡） 70 — 东乡');
  });

  test('construction: progress per point and the mean', () => {
    const text = page(built, 'construction/index.html');
    expect(text).toContain('东塘组');
    expect(text).toContain('完成进度： 75.0%');
    expect(text).toContain('完成进度： 50.0%');
    expect(text).toContain('平均完成进度 62.5%');
    expect(text).toContain('120.5');
  });

  test('targets: the sentence states the gap to the target', () => {
    expect(page(built, 'toilets/index.html')).toContain('覆盖率 70.0%，距 90% 目标差 20.0 个百分点');
  });

  test('every link and asset stays under /town/', () => {
    for (const file of built.htmlFiles()) {
      const html = built.read(file);
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^(https?:|mailto:|tel:|#|data:)/.test(url!)) continue;
        expect(url, `${file}: ${url}`).toMatch(/^\/town\//);
      }
    }
  });

  test('village pages exist for both villages named 甲村', () => {
    expect(page(built, 'villages/d-jia/index.html')).toContain('甲村');
    expect(page(built, 'villages/x-jia/index.html')).toContain('西乡');
  });

  test('RSS and sitemap use the public address', () => {
    expect(built.read('rss.xml')).toContain('<title>两乡人居环境</title>');
    expect(built.read('sitemap-0.xml')).toContain('https://example.org/town/villages/d-jia/');
  });
});

describe('bad data (tests/fixtures/site-bad)', () => {
  let built: Built;
  beforeAll(() => {
    built = buildSite(fixture('site-bad'));
  });

  test('the build refuses, lists every error and leaves no site behind', () => {
    expect(built.code).toBe(1);
    expect(built.output).toContain('data/cleanup.csv:2:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"');
    expect(built.output).toContain('data/cleanup.csv:3:2 foreign-key-error');
    expect(built.output).toContain('content/reports/bad.md:5 expression-error');
    expect(built.htmlFiles()).toEqual([]);
  });
});
