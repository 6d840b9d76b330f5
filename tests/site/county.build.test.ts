// A county's site (contract §3.11), built with the real `npm run build` from
// tests/fixtures/site-county: villages.csv in data/ and in 楠杆镇's folder, cleanup as a CSV in
// 洋江镇/, a GBK CSV with a title row in 杨江乡/ and a workbook sheet in 楠杆镇/. One build, many
// assertions: a page per township, linked from the home page and every village page.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, projectRoot, textOf, type Built } from './buildSite.ts';

describe('a county of three township folders (tests/fixtures/site-county)', () => {
  let built: Built;
  const page = (file: string) => textOf(built.read(file));
  beforeAll(() => {
    built = buildSite(path.join(projectRoot, 'tests/fixtures/site-county'));
  });

  test('builds without errors', () => {
    expect(built.code, built.output).toBe(0);
  });

  test('every township folder counts: the home page totals all three', () => {
    const home = page('index.html');
    expect(home).toContain('各乡镇情况');
    expect(home).toContain('41 吨'); // 25.75 + 6.5 + 8.75
    expect(home).toMatch(/洋江镇 2 25\.75 /);
    expect(home).toMatch(/杨江乡 2 6\.5 /);
    expect(home).toMatch(/楠杆镇 2 8\.75 /);
  });

  test('a page per township at its pinyin; the same pinyin twice gets -2', () => {
    expect(built.exists('townships/yangjiang/index.html')).toBe(true); // 洋江镇
    expect(built.exists('townships/yangjiang-2/index.html')).toBe(true); // 杨江乡
    expect(built.exists('townships/nangan/index.html')).toBe(true); // 楠杆镇
  });

  test("the home page's township table links to each township's page", () => {
    const html = built.read('index.html');
    expect(html).toContain('<a href="/townships/yangjiang/">洋江镇</a>');
    expect(html).toContain('<a href="/townships/yangjiang-2/">杨江乡</a>');
    expect(html).toContain('<a href="/townships/nangan/">楠杆镇</a>');
  });

  test("every village page links to its township's page", () => {
    const of = { 'yj-ct': 'yangjiang', 'yj-xc': 'yangjiang', 'yg-sx': 'yangjiang-2', 'yg-xc': 'yangjiang-2', 'ng-nm': 'nangan', 'ng-gt': 'nangan' };
    for (const [id, slug] of Object.entries(of)) {
      expect(built.read(`villages/${id}/index.html`), id).toContain(`href="/townships/${slug}/"`);
    }
  });

  test("a township page: its KPIs, its villages' ranking, its charts and its villages", () => {
    const html = built.read('townships/nangan/index.html');
    const text = textOf(html);
    expect(text).toContain('楠杆镇 2 个村 · 650 户 · 2,400 人');
    expect(text).toContain('清理垃圾（累计） 8.75 吨');
    expect(text).toContain('无害化卫生户厕覆盖率 76.9%');
    // ranks within the township: 楠木村 95, 杆头村 80 (site-wide 杆头村 is last, 6th)
    expect(text).toContain('第 1 名 楠木村 95 — 楠杆镇');
    expect(text).toContain('第 2 名 杆头村 80 — 楠杆镇');
    expect(text).toContain('楠杆镇各月清理垃圾');
    expect(text).toContain('楠杆镇无害化卫生户厕覆盖率');
    expect(html.match(/<svg[^>]*role="img"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(html).toContain('href="/villages/ng-nm/"');
    expect(html).not.toContain('href="/villages/yj-ct/"');
  });

  test('a name two townships share is its own township\'s village on each page', () => {
    expect(page('townships/yangjiang/index.html')).toContain('新村（洋江镇）');
    expect(page('townships/yangjiang-2/index.html')).toContain('清理垃圾（累计） 6.5 吨');
  });
});
