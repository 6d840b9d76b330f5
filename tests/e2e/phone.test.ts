// Residents on a phone at large text, and the notice board (issue 12): the repository's own data
// (two townships, 洋江镇 and 楠杆镇, sharing the name 新塘村) with every government footer field
// set, built with `--base /town/`, served by nginx and measured in Chromium: where the page heading
// starts on a 360×740 phone, chart text in screen pixels, sideways scrolling at 320 px, A4 pages of
// the 公示 print-outs, the village's rank among its first figures, tap targets, the footer, axe
// (best practices included). Every measure is printed (`phone:` lines) for the README.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, requireChromium, watchContext, type ContextWatch } from './support/browser.ts';
import { buildSite, projectTempDir, REPO_ROOT } from './support/build.ts';
import { AXE_ALL_TAGS, formatViolations, horizontalOverflow, runAxe } from './support/checks.ts';
import { requireNginx, startNginx, type NginxServer } from './support/nginx.ts';

const BASE = '/town/';
const PHONE = { width: 360, height: 740 };
const SIZES = { 标准: '', 大: 'l', 特大: 'xl' } as const;
type Size = keyof typeof SIZES;
const POLICE = '赣公网安备36072302000123号';
const FOOTER = {
  gov_code: '3607230001',
  police_record: POLICE,
  conac_url: 'https://bszs.conac.cn/sitename?method=show&id=0000000000000000',
  error_report_url: 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3607230001',
  contact: '县农业农村局 电话 0797-1234567',
};
// A 1×1 PNG standing in for the 党政机关网站标识 image staff put in public/.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server: NginxServer;
let browser: Browser;
const watches: ContextWatch[] = [];
/** page type → path under the base */
const pages: Record<string, string> = {};

const url = (p: string) => `${server.home}${p}`;

async function context(size: Size, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: PHONE, ...options });
  await ctx.addInitScript(`try { localStorage.setItem('rjhj-text', ${JSON.stringify(SIZES[size])}); } catch (e) {}`);
  watches.push(watchContext(ctx));
  return ctx;
}

async function open(ctx: BrowserContext, p: string): Promise<Page> {
  const page = await ctx.newPage();
  const response = await page.goto(url(p), { waitUntil: 'load' });
  expect(response?.status(), p).toBe(p.startsWith('no-such') ? 404 : 200);
  return page;
}

beforeAll(async () => {
  requireNginx();
  requireChromium();
  // The fixture: the repository's data and content, with the government footer fields set.
  const site = projectTempDir('phone-site-');
  for (const dir of ['data', 'content']) cpSync(path.join(REPO_ROOT, dir), path.join(site, dir), { recursive: true });
  mkdirSync(path.join(site, 'public'), { recursive: true });
  writeFileSync(path.join(site, 'public/conac.png'), PNG);
  const siteMd = path.join(site, 'content/site.md');
  const fields = Object.entries(FOOTER).map(([k, v]) => `${k}: "${v}"`).join('\n');
  writeFileSync(siteMd, readFileSync(siteMd, 'utf8').replace(/^contact:.*\n/m, '').replace(/^---\n/, `---\n${fields}\n`));
  const distDir = (await buildSite({ outDir: projectTempDir('phone-dist-'), base: BASE, siteDir: site })).outDir;
  const first = (file: string, pattern: RegExp) => {
    const m = pattern.exec(readFileSync(path.join(distDir, file), 'utf8'));
    if (!m) throw new Error(`${pattern} not found in ${file}`);
    return m[1]!;
  };
  Object.assign(pages, {
    home: '',
    cleanup: 'cleanup/',
    construction: 'construction/',
    toilets: 'toilets/',
    ranking: 'ranking/',
    villages: 'villages/',
    // 长塘村 has three construction points: the longest village sheet of the sample data.
    village: first('villages/index.html', /href="\/town\/(villages\/[^"/]+\/)">长塘村</),
    reports: 'reports/',
    report: decodeURI(first('reports/index.html', /<a href="\/town\/(reports\/[^"]+\/)">/)),
    data: 'data/',
    about: 'about/',
    search: 'search/',
    '404': 'no-such-page/',
  });
  server = await startNginx({ distDir, base: BASE });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the first screen at 360×740', () => {
  test('the page heading starts within 30 % of the screen at 标准 and 60 % at 特大, on every page type', async () => {
    const problems: string[] = [];
    for (const [size, limit] of [['标准', 0.3], ['特大', 0.6]] as const) {
      const ctx = await context(size);
      const tops: string[] = [];
      for (const [type, p] of Object.entries(pages)) {
        const page = await open(ctx, p);
        const top = (await page.evaluate(`document.querySelector('h1').getBoundingClientRect().top`)) as number;
        tops.push(`${type} ${Math.round(top)}`);
        if (top > limit * PHONE.height) problems.push(`${size} ${type}: h1 at ${Math.round(top)} px > ${limit * PHONE.height}`);
        await page.close();
      }
      console.log(`phone: h1 top at 360×740, ${size} (px): ${tops.join(', ')}`);
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('查找我的村 comes right after the heading on / and /villages/', async () => {
    const ctx = await context('特大');
    for (const p of [pages.home!, pages.villages!]) {
      const page = await open(ctx, p);
      const box = await page.getByLabel('查找我的村').boundingBox();
      expect(box, p).not.toBeNull();
      console.log(`phone: 查找我的村 box on /${p} at 特大: y = ${Math.round(box!.y)} px`);
      expect(box!.y + box!.height, p).toBeLessThan(PHONE.height);
      await page.close();
    }
    await ctx.close();
  });

  test('the 导航 menu works without JavaScript and its links are 44 px targets', async () => {
    const ctx = await context('标准', { javaScriptEnabled: false });
    const page = await open(ctx, pages.ranking!);
    const link = page.locator('.site-nav').getByRole('link', { name: '各村情况' });
    expect(await link.isVisible()).toBe(false);
    await page.locator('.nav-menu > summary').click();
    expect(await link.isVisible()).toBe(true);
    const boxes = await page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(boxes.length).toBeGreaterThan(5);
    expect(boxes.filter(([w, h]) => w! < 44 || h! < 44)).toEqual([]);
    await Promise.all([page.waitForURL(/\/town\/villages\/$/), link.click()]);
    await ctx.close();
  });
});

describe('charts that grow with the text', () => {
  const MEASURE = `(() => [...document.querySelectorAll('figure.chart svg[role="img"]')]
    .filter((svg) => svg.getClientRects().length > 0)
    .map((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const column = svg.closest('figure').getBoundingClientRect();
      return { id: svg.closest('figure').id, min: Math.min(...sizes), right: box.right, columnRight: column.right };
    }))()`;

  test('chart text is at least 0.75 × body text (≥ 18 px at 特大, ≥ 13 px at 标准), and no chart is wider than its column', async () => {
    const problems: string[] = [];
    for (const [size, minPx] of [['标准', 13], ['特大', 18]] as const) {
      const ctx = await context(size);
      const seen: number[] = [];
      for (const type of ['home', 'cleanup', 'construction', 'toilets', 'ranking', 'village', 'report']) {
        const page = await open(ctx, pages[type]!);
        const charts = (await page.evaluate(MEASURE)) as { id: string; min: number; right: number; columnRight: number }[];
        expect(charts.length, type).toBeGreaterThan(0);
        for (const c of charts) {
          seen.push(c.min);
          if (c.min < minPx) problems.push(`${size} ${type} #${c.id}: text ${c.min.toFixed(1)} px < ${minPx}`);
          if (c.right > c.columnRight + 0.5) problems.push(`${size} ${type} #${c.id}: right edge ${c.right} > column ${c.columnRight}`);
        }
        await page.close();
      }
      console.log(`phone: smallest chart text at 360 px, ${size}: ${Math.min(...seen).toFixed(1)} px (${seen.length} charts)`);
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('dark mode draws charts on the dark ground', async () => {
    const ctx = await context('标准', { colorScheme: 'dark' });
    const page = await open(ctx, pages.cleanup!);
    const bg = await page.locator('figure.chart svg[role="img"]:visible').first().evaluate((s) => getComputedStyle(s).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await ctx.close();
  });
});

describe('no sideways scrolling', () => {
  test('scrollWidth ≤ 320 at 320 px at every text size, on every page type', async () => {
    const problems: string[] = [];
    for (const size of ['标准', '大', '特大'] as const) {
      const ctx = await context(size, { viewport: { width: 320, height: 640 } });
      const widths: string[] = [];
      for (const [type, p] of Object.entries(pages)) {
        const page = await open(ctx, p);
        const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        widths.push(`${type} ${width}`);
        const overflow = await horizontalOverflow(page);
        if (overflow) problems.push(`${size} ${type}: scrollWidth ${overflow.scrollWidth}: ${overflow.culprits.join(', ')}`);
        await page.close();
      }
      if (size === '特大') console.log(`phone: scrollWidth at 320 px, 特大: ${widths.join(', ')}`);
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('wide tables keep their first column in view while they scroll', async () => {
    const ctx = await context('特大');
    const page = await open(ctx, pages.ranking!);
    const wrap = page.locator('.rank-history .table-wrap');
    const scrolls = await wrap.evaluate((w) => w.scrollWidth > w.clientWidth);
    expect(scrolls).toBe(true);
    const before = await wrap.locator('tbody td').first().boundingBox();
    await wrap.evaluate((w) => { w.scrollLeft = 200; });
    const after = await wrap.locator('tbody td').first().boundingBox();
    expect(after!.x).toBe(before!.x);
    await ctx.close();
  });
});

describe('a village page', () => {
  test('its first figure is the latest score with 第 N 名 / 共 M 个村 and the change since last month', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.village!);
    const first = (await page.locator('.kpis .kpi').first().textContent())!.replace(/\s+/g, '');
    console.log(`phone: the village's first figure: ${first}`);
    expect(first).toMatch(/^\d{4}年\d{1,2}月考评得分[\d.]+分第\d+名\/共\d+个村，(较上月(上升|下降)\d+名|与上月持平)$/);
    const top = await page.locator('.kpis .kpi').first().boundingBox();
    console.log(`phone: …at y = ${Math.round(top!.y)} px on a 360×740 screen`);
    expect(top!.y).toBeLessThan(PHONE.height);
    await ctx.close();
  });

  test('the township stands beside any name two townships share, in the ranking history too', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.ranking!);
    const names = await page.locator('.rank-history tbody tr > td:first-child').allTextContents();
    expect(names).toContain('新塘村（洋江镇）');
    expect(names).toContain('新塘村（楠杆镇）');
    expect(names).not.toContain('新塘村');
    await ctx.close();
  });
});

describe('the 公示 print-out', () => {
  const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

  test('a village and the ranking each print on one A4 page, bars drawn as borders', async () => {
    const ctx = await context('特大', { viewport: { width: 1280, height: 900 } });
    for (const type of ['village', 'ranking']) {
      const page = await open(ctx, pages[type]!);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const count = pagesOf(pdf);
      console.log(`phone: ${type} /${pages[type]} prints on ${count} A4 page(s) (${(pdf.length / 1024).toFixed(0)} KB PDF)`);
      expect(count, type).toBe(1);
      await page.emulateMedia({ media: 'print' });
      const bars = await page.locator('.bar > span, .cell-bar').evaluateAll((spans) =>
        spans.filter((s) => s.getBoundingClientRect().width > 0).map((s) => parseFloat(getComputedStyle(s).borderTopWidth)));
      expect(bars.length, type).toBeGreaterThan(0);
      expect(bars.filter((w) => w < 1), type).toEqual([]);
      await page.close();
    }
    await ctx.close();
  });

  test('progress bars keep their fill in forced colours; 进度滞后 is not the colour of 进度正常', async () => {
    const ctx = await context('标准', { forcedColors: 'active' });
    const page = await open(ctx, pages.toilets!);
    const fills = await page.locator('.bar > span').evaluateAll((spans) => spans.map((s) => {
      const st = getComputedStyle(s);
      return { width: s.getBoundingClientRect().width, border: parseFloat(st.borderTopWidth), color: st.borderTopColor };
    }));
    expect(fills.filter((f) => f.width > 0 && (f.border < 1 || f.color === 'rgba(0, 0, 0, 0)'))).toEqual([]);
    await ctx.close();
    const normal = await context('标准');
    const tab = await open(normal, pages.toilets!);
    const color = (sel: string) => tab.locator(`${sel} .bar > span`).first().evaluate((s) => getComputedStyle(s).borderTopColor);
    expect(await color('.target-behind')).not.toBe(await color('.target-on-track'));
    await normal.close();
  });
});

describe('targets, links and the footer', () => {
  test('navigation, controls and chart links are at least 44 × 44 px; 分享本图 replaces #', async () => {
    const ctx = await context('标准');
    const problems: string[] = [];
    for (const type of ['home', 'village', 'report', '404', 'ranking']) {
      const page = await open(ctx, pages[type]!);
      const small = (await page.evaluate(`[...document.querySelectorAll('.nav-menu > summary, .tools a, .tools button, .read-aloud button, .chart-downloads a, .site-footer a, .village-list a, main > p a, td > a')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent.trim(), w: r.width, h: r.height }; })
        .filter((r) => r.w < 44 || r.h < 44)`)) as { text: string; w: number; h: number }[];
      problems.push(...small.map((s) => `${type} "${s.text}" ${s.w.toFixed(0)}×${s.h.toFixed(0)}`));
      if (type === 'village') {
        expect(await page.locator('.chart-anchor').first().textContent()).toBe('分享本图');
        expect(await page.locator('.chart-heading h3').first().textContent()).not.toContain('#');
      }
      await page.close();
    }
    expect(problems).toEqual([]);
    await ctx.close();
  }, 300_000);

  test('the government footer: 网站标识码, 党政机关网站标识 (image from public/), 我为政府网站找错, ICP and 公安备案 linked, tel: contact', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.home!);
    const footer = page.locator('footer');
    const text = (await footer.textContent())!;
    expect(text).toContain(`网站标识码：${FOOTER.gov_code}`);
    const police = footer.getByRole('link', { name: POLICE });
    expect(await police.getAttribute('href')).toBe('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36072302000123');
    expect(await footer.getByRole('link', { name: /ICP备/ }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    expect(await footer.getByRole('link', { name: '我为政府网站找错' }).getAttribute('href')).toBe(FOOTER.error_report_url);
    const conac = footer.getByRole('link', { name: '党政机关网站标识' });
    expect(await conac.getAttribute('href')).toBe(FOOTER.conac_url);
    expect(await conac.locator('img').getAttribute('src')).toBe(`${BASE}conac.png`);
    expect(await conac.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect(await footer.getByRole('link', { name: '0797-1234567' }).getAttribute('href')).toBe('tel:07971234567');
    console.log(`phone: footer: ${text.replace(/\s+/g, ' ').trim()}`);
    await ctx.close();
  });
});

describe('朗读 and axe', () => {
  test('朗读 on topic, village and about pages; each chart summary is read once', async () => {
    const ctx = await context('标准');
    await ctx.addInitScript(`window.__spoken = [];
      if (window.speechSynthesis) { speechSynthesis.speak = (u) => { window.__spoken.push(u.text); }; speechSynthesis.cancel = () => {}; }`);
    for (const type of ['cleanup', 'village', 'about', 'report']) {
      const page = await open(ctx, pages[type]!);
      await page.getByRole('button', { name: '朗读全文' }).click();
      const spoken = ((await page.evaluate('window.__spoken')) as string[]).join('\n');
      for (const summary of await page.locator('.chart-summary').allTextContents()) {
        expect(spoken.split(summary.trim()).length - 1, `${type}: ${summary}`).toBe(1);
      }
      expect(spoken).not.toContain('公示');
      await page.close();
    }
    await ctx.close();
  });

  test('axe: no violation of WCAG or best practice (moderate included), at 标准 and at 特大', async () => {
    const problems: string[] = [];
    for (const size of ['标准', '特大'] as const) {
      const ctx = await context(size);
      for (const [type, p] of Object.entries(pages)) {
        const page = await open(ctx, p);
        const violations = await runAxe(page, AXE_ALL_TAGS);
        if (violations.length > 0) problems.push(`${size} ${type}\n    ${formatViolations(violations)}`);
        await page.close();
      }
      await ctx.close();
    }
    expect(problems.join('\n')).toBe('');
  }, 300_000);

  test('no console error, broken resource or off-site request on the pages above', () => {
    // The 404 page answers 404 by design; nothing else may fail.
    const all = watches.flatMap((w) => [...w.consoleErrors, ...w.brokenResources, ...w.offsite]);
    expect(all.map((p) => `${p.page}: ${p.detail}`).filter((p) => !/no-such-page/.test(p))).toEqual([]);
  });
});
