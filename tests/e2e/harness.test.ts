// The end-to-end harness itself (nginx set-up, Chromium launch, crawler), pinned on a tiny static
// site written to a temp folder, so a failure in site.test.ts is about the site, not the harness.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from './support/build.ts';
import { isOffsite, launchChromium, requireChromium, watchContext } from './support/browser.ts';
import { chartCheck, formatViolations, horizontalOverflow, runAxe } from './support/checks.ts';
import { crawlSite, expectedContentType, pageType, samplePages } from './support/crawl.ts';
import { freePort, requireNginx, startNginx, type NginxServer } from './support/nginx.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="stylesheet" href="/town/site.css"></head><body>${body}</body></html>`;

function writeTinySite(dir: string): void {
  const files: Record<string, string> = {
    'index.html': page('首页', '<a href="/town/data/">开放数据</a> <a href="villages/a/">甲村</a> ' +
      '<a href="https://example.org/">外部</a> <a href="#main">跳到正文</a>' + '<p>清理垃圾 1,173.5 吨</p>'.repeat(20)),
    'data/index.html': page('开放数据', '<a href="/town/data/cleanup.csv">cleanup.csv</a> ' +
      '<a href="/town/chart.svg">SVG</a> <a href="/town/rss.xml">RSS</a> <a href="/town/">首页</a>'),
    'data/cleanup.csv': '\uFEFF月份,村,清理垃圾(吨)\r\n' + '2023-01,长塘村,21\r\n'.repeat(40),
    'chart.svg': `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 10 10">${'<rect width="1" height="1"/>'.repeat(30)}</svg>`,
    'rss.xml': '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>动态</title></channel></rss>',
    'site.css': 'body { font-family: sans-serif; color: #222; }\n'.repeat(20),
    'villages/a/index.html': page('甲村', '<a href="/elsewhere/">逃出子路径</a> <a href="../../missing/">坏链接</a> <a href="../../../outside/">逃出</a>'),
    'bad/index.html': page('有问题的页面', '<img src="/town/chart.svg"><div style="width:600px">太宽</div>' +
      '<figure class="chart" id="c1"><figcaption><h3>有图</h3></figcaption><svg role="img" aria-label="图" width="10" height="10"></svg></figure>' +
      '<figure class="chart" id="c2"><figcaption><h3>没有图</h3></figcaption><p>…</p></figure>' +
      '<figure class="chart chart-table" id="c3"><table><tr><td>1</td></tr></table></figure>'),
    '404.html': page('页面不存在', '<h1>页面不存在</h1><a href="/town/">返回首页</a>'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

let dist: string;
let server: NginxServer;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'e2e-tiny-'));
  writeTinySite(dist);
  server = await startNginx({ distDir: dist, base: '/town/' });
});

afterAll(async () => {
  await server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('buildSite', () => {
  test('refuses an outDir outside the project, where concurrent Astro builds clobber each other', async () => {
    await expect(buildSite({ outDir: path.join(tmpdir(), 'elsewhere') })).rejects.toThrow('outDir must be inside the project');
  });
});

describe('missing tools', () => {
  test('fail with the apt-get line instead of skipping', () => {
    expect(() => requireNginx('/nonexistent/nginx')).toThrow('apt-get install -y chromium nginx fonts-wqy-microhei');
    expect(() => requireChromium('/nonexistent/chromium')).toThrow('apt-get install -y chromium nginx fonts-wqy-microhei');
  });
});

describe('startNginx', () => {
  test('serves the folder under /town/ with the right content types and utf-8', async () => {
    const types: Record<string, RegExp> = {
      '/town/': /^text\/html; charset=utf-8$/,
      '/town/data/': /^text\/html/,
      '/town/data/cleanup.csv': /^text\/csv; charset=utf-8$/,
      '/town/chart.svg': /^image\/svg\+xml/,
      '/town/rss.xml': /^application\/(rss\+)?xml/,
      '/town/site.css': /^text\/css/,
    };
    for (const [p, type] of Object.entries(types)) {
      const response = await fetch(server.origin + p);
      expect(response.status, p).toBe(200);
      expect(response.headers.get('content-type'), p).toMatch(type);
    }
    expect(await (await fetch(`${server.origin}/town/data/cleanup.csv`)).text()).toContain('长塘村');
  });

  test('compresses text with gzip', async () => {
    for (const p of ['/town/', '/town/site.css', '/town/data/cleanup.csv', '/town/chart.svg']) {
      const response = await fetch(server.origin + p, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding'), p).toBe('gzip');
      await response.arrayBuffer();
    }
  });

  test('answers a missing page under the base with 404 and the site 404 page', async () => {
    const response = await fetch(`${server.origin}/town/no/such/page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面不存在');
    expect((await fetch(`${server.origin}/elsewhere/`)).status).toBe(404);
  });

  test('redirects a folder without its slash to a relative location', async () => {
    const response = await fetch(`${server.origin}/town/data`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/town/data/');
  });

  test('stop() ends nginx and frees the port', async () => {
    const other = await startNginx({ distDir: dist });
    expect((await fetch(other.home)).status).toBe(200);
    await other.stop();
    await expect(fetch(other.home)).rejects.toThrow();
    expect(await freePort()).toBeGreaterThan(0);
  });
});

describe('crawlSite', () => {
  test('finds every page and reports escapes, bad links and wrong types', async () => {
    const crawl = await crawlSite({ home: server.home });
    const paths = crawl.pages.map((u) => new URL(u).pathname);
    expect(paths).toEqual(['/town/', '/town/data/', '/town/villages/a/']); // /town/bad/ is not linked
    expect(crawl.urls.get(`${server.origin}/town/data/cleanup.csv`)?.status).toBe(200);
    expect(crawl.heads.get(server.home)).toEqual({ lang: 'zh-CN', title: '首页' });
    expect(crawl.escapes.map((e) => e.detail)).toEqual([
      'link "/elsewhere/" is outside /town/',
      'link "../../../outside/" resolves to /outside/, outside /town/',
    ]);
    expect(crawl.badStatus).toEqual([
      { page: `${server.origin}/town/villages/a/`, detail: `${server.origin}/town/missing/ answered 404` },
    ]);
    expect(crawl.badType).toEqual([]);
  });

  test('knows the content type each name promises', () => {
    expect(expectedContentType('/town/data/cleanup.csv')?.test('text/csv; charset=utf-8')).toBe(true);
    expect(expectedContentType('/town/data/cleanup.csv')?.test('application/octet-stream')).toBe(false);
    expect(expectedContentType('/town/rss.xml')?.test('application/rss+xml')).toBe(true);
    expect(expectedContentType('/town/c.svg')?.test('text/plain')).toBe(false);
    expect(expectedContentType('/town/about/')?.test('text/html')).toBe(true);
  });

  test('classifies and samples pages', () => {
    expect(pageType('/town/', '/town/').type).toBe('home');
    expect(pageType('/town/toilets/', '/town/').key).toBe('toilets');
    expect(pageType('/town/villages/yj-a/', '/town/').type).toBe('village');
    expect(pageType('/town/reports/%E6%B1%87%E6%8A%A5/', '/town/').key).toBe('report:汇报');
    const villages = Array.from({ length: 30 }, (_, i) => `http://h/town/villages/v${String(i).padStart(2, '0')}/`);
    const sample = samplePages(['http://h/town/', ...villages], '/town/', 10);
    expect(sample).toHaveLength(11);
    expect(sample).toContain(villages[0]);
    expect(sample).toContain(villages[29]);
  });
});

describe('launchChromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  test('loads a page from nginx and records requests that leave loopback', async () => {
    const context = await browser.newContext();
    const watch = watchContext(context);
    const tab = await context.newPage();
    await tab.route('**/*', (route) => route.continue()); // routing must not hide the requests
    await tab.goto(server.home);
    expect(await tab.title()).toBe('首页');
    expect(watch.offsite).toEqual([]);
    await tab.evaluate(() => fetch('https://example.org/x.js').catch(() => undefined));
    await tab.evaluate(() => fetch('http://localhost:1/').catch(() => undefined));
    expect(watch.offsite.map((o) => o.detail)).toEqual(['GET https://example.org/x.js', 'GET http://localhost:1/']);
    await context.close();
  });

  test('off-site requests fail at once instead of waiting on the network', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(server.home);
    const ms = await tab.evaluate(async () => {
      const t = performance.now();
      await fetch('https://cdn.example.com/lib.js').catch(() => undefined);
      return performance.now() - t;
    });
    expect(ms).toBeLessThan(5_000);
    await context.close();
  });

  test('reads the DOM of a page in a context with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/town/data/`);
    expect(await tab.locator('a').count()).toBe(4);
    expect(await tab.evaluate(() => document.title)).toBe('开放数据');
    await context.close();
  });

  test('axe, overflow and chart checks find the problems of a bad page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/town/bad/`);
    const violations = await runAxe(tab);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    expect(formatViolations(violations)).toContain('<img src="/town/chart.svg">');
    const overflow = await horizontalOverflow(tab);
    expect(overflow?.scrollWidth).toBeGreaterThan(390);
    expect(overflow?.culprits).toEqual(['div (right edge 608px)']);
    const charts = await chartCheck(tab);
    expect(charts).toMatchObject({ figures: 3, drawn: 2 });
    expect(charts.withoutSvg).toEqual(['figure.chart#c2 "没有图" (0 svg, none visible with role=img)']);
    await tab.goto(server.home);
    expect(await horizontalOverflow(tab)).toBeUndefined();
    await context.close();
  });

  test('isOffsite keeps data: and loopback URLs', () => {
    expect(isOffsite('data:,')).toBe(false);
    expect(isOffsite('http://127.0.0.1:8080/town/')).toBe(false);
    expect(isOffsite('http://localhost/')).toBe(true);
    expect(isOffsite('https://cdn.jsdelivr.net/npm/x')).toBe(true);
  });
});
