// Residents on a phone at large text, and the notice board (issues 12, 21): the repository's own data
// (two townships, 洋江镇 and 楠杆镇, sharing the name 新塘村) with every government footer field
// set, built with `--base /town/`, served by nginx and measured in Chromium: where the page heading
// starts on a 360×740 phone (at 特大, at the phone's 2× zoom and with a 32 px default font), chart
// text against body text, each table's key figure (得分, 覆盖率, 完成) beside the name at 320 and
// 360 px, sideways scrolling at 320 px, the screens to a village's rank, coverage and photo pair,
// A4 pages and PDF text sizes of the 公示 print-outs, the finder, tap targets, the footer, axe (best
// practices included). Every measure is printed (`phone:` lines) for the README.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
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

/** The browser's default font size (Chromium's 字体大小 setting) for one page, via the DevTools protocol. */
async function defaultFont(page: Page, px: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: px } });
}

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
  // A report whose author starts at # and skips levels (issue 21: axe heading-order); dated
  // early, so it is the last in the list and the first report stays the sample's own.
  writeFileSync(path.join(site, 'content/reports/heading-levels.md'),
    '---\ntitle: 标题级别示例\ndate: 2020-01-01\nsummary: 作者从一级标题写起，又跳过了级别。\n---\n\n# 一、总体情况\n\n正文。\n\n### 细项\n\n正文。\n\n# 二、下步打算\n\n##### 再细\n\n正文。\n');
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
  test('the page heading starts within 222 px of a 360×740 screen at 标准 and 特大, on every page type', async () => {
    const problems: string[] = [];
    for (const size of ['标准', '特大'] as const) {
      const ctx = await context(size);
      const tops: string[] = [];
      for (const [type, p] of Object.entries(pages)) {
        const page = await open(ctx, p);
        const top = (await page.evaluate(`document.querySelector('h1').getBoundingClientRect().top`)) as number;
        tops.push(`${type} ${Math.round(top)}`);
        if (top > 222) problems.push(`${size} ${type}: h1 at ${Math.round(top)} px > 222`);
        await page.close();
      }
      console.log(`phone: h1 top at 360×740, ${size} (px): ${tops.join(', ')}`);
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('the page heading is on the first screen at the phone\'s 2× zoom (180×370) and with a 32 px default font', async () => {
    const problems: string[] = [];
    const settings = [
      { name: '2× zoom', viewport: { width: 180, height: 370 }, deviceScaleFactor: 2, font: 0 },
      { name: '32 px default font', viewport: PHONE, deviceScaleFactor: 1, font: 32 },
    ];
    for (const setting of settings) {
      const ctx = await context('标准', { viewport: setting.viewport, deviceScaleFactor: setting.deviceScaleFactor });
      const tops: string[] = [];
      for (const [type, p] of Object.entries(pages)) {
        const page = await ctx.newPage();
        if (setting.font) await defaultFont(page, setting.font);
        await page.goto(url(p), { waitUntil: 'load' });
        // The heading's first line must be on the first screen.
        const { top, line, body } = (await page.evaluate(`(() => { const h = document.querySelector('h1');
          return { top: h.getBoundingClientRect().top, line: parseFloat(getComputedStyle(h).lineHeight), body: parseFloat(getComputedStyle(document.body).fontSize) }; })()`)) as { top: number; line: number; body: number };
        if (setting.font) expect(body, 'the default font size took effect').toBeGreaterThanOrEqual(36);
        tops.push(`${type} ${Math.round(top)}`);
        if (top + line > setting.viewport.height) problems.push(`${setting.name} ${type}: h1's first line ends at ${Math.round(top + line)} px > ${setting.viewport.height}`);
        await page.close();
      }
      console.log(`phone: h1 top, ${setting.name} (${setting.viewport.width}×${setting.viewport.height}): ${tops.join(', ')}`);
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
      // on screen, as a reader sees it: off screen a figure is laid out at its placeholder size
      svg.closest('figure').scrollIntoView();
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const column = svg.closest('figure').getBoundingClientRect();
      const body = parseFloat(getComputedStyle(document.body).fontSize);
      // how far any mark or label reaches outside the figure (the SVG's overflow is visible)
      const spill = Math.max(0, ...[...svg.querySelectorAll('*')].map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 || r.height > 0)
        .map((r) => Math.max(column.left - r.left, r.right - column.right, column.top - r.top, r.bottom - column.bottom)));
      return { id: svg.closest('figure').id, min: Math.min(...sizes), body, right: box.right, columnRight: column.right, spill };
    }))()`;
  type Measured = { id: string; min: number; body: number; right: number; columnRight: number; spill: number };

  test('chart text is at least the body text at 320 and 360 px, 标准 and 特大, and no chart is wider than its column or drawn outside it', async () => {
    const problems: string[] = [];
    for (const width of [320, 360]) {
      for (const size of ['标准', '特大'] as const) {
        const ctx = await context(size, { viewport: { width, height: 740 } });
        const seen: number[] = [];
        let body = 0;
        for (const type of ['home', 'cleanup', 'construction', 'toilets', 'ranking', 'village', 'report']) {
          const page = await open(ctx, pages[type]!);
          const charts = (await page.evaluate(MEASURE)) as Measured[];
          expect(charts.length, type).toBeGreaterThan(0);
          for (const c of charts) {
            seen.push(c.min);
            body = c.body;
            if (c.min < c.body - 0.05) problems.push(`${width} ${size} ${type} #${c.id}: text ${c.min.toFixed(1)} px < body ${c.body} px`);
            if (c.right > c.columnRight + 0.5) problems.push(`${width} ${size} ${type} #${c.id}: right edge ${c.right} > column ${c.columnRight}`);
            // A chart figure is `content-visibility: auto` on screen (src/charts/css.ts), which
            // clips its painting to its box: nothing may be drawn outside it.
            if (c.spill > 0.5) problems.push(`${width} ${size} ${type} #${c.id}: drawn ${c.spill.toFixed(1)} px outside its figure`);
          }
          await page.close();
        }
        console.log(`phone: smallest chart text at ${width} px, ${size}: ${Math.min(...seen).toFixed(1)} px, body ${body} px (${seen.length} charts)`);
        await ctx.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('at the phone\'s 2× zoom and with a 32 px default font, chart text stays at least 13 px', async () => {
    const seen: string[] = [];
    const problems: string[] = [];
    for (const setting of [{ name: '2× zoom', viewport: { width: 180, height: 370 }, font: 0 }, { name: '32 px font', viewport: PHONE, font: 32 }]) {
      const ctx = await context('标准', { viewport: setting.viewport });
      for (const type of ['home', 'ranking', 'village']) {
        const page = await ctx.newPage();
        if (setting.font) await defaultFont(page, setting.font);
        await page.goto(url(pages[type]!), { waitUntil: 'load' });
        const charts = (await page.evaluate(MEASURE)) as Measured[];
        const min = Math.min(...charts.map((c) => c.min));
        seen.push(`${setting.name} ${type} ${min.toFixed(1)} px (body ${charts[0]?.body} px)`);
        if (!(min >= 13)) problems.push(`${setting.name} ${type}: ${min.toFixed(1)} px`);
        await page.close();
      }
      await ctx.close();
    }
    console.log(`phone: smallest chart text: ${seen.join(', ')}`);
    expect(problems).toEqual([]);
  }, 300_000);

  test('bars and dots of a chart with at most 20 marks carry their values', async () => {
    const ctx = await context('特大');
    const page = await open(ctx, pages.ranking!);
    // The ranking's dots: every village's score is written beside its dot, as in the table.
    const scores = await page.locator('.ranking-now tbody td.num').evaluateAll((tds) => tds.map((td) => td.textContent!.trim()));
    const written = await page.locator('.ranking-chart figure.chart svg[role="img"]:visible text').allTextContents();
    expect(scores.length).toBeGreaterThan(5);
    for (const score of scores) expect(written, score).toContain(score);
    await ctx.close();
  });

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

  test('each row\'s key figure (得分, latest 名次, 覆盖率, 完成) is on screen beside the name, at 320 and 360 px, 标准 and 特大', async () => {
    // Columns whose header is one of these, in every table of the page; the cell of every row must
    // lie within the viewport without scrolling the table sideways.
    const KEY = `(() => {
      const out = [];
      for (const table of document.querySelectorAll('main table')) {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const col = heads.findIndex((h, i) => /^(得分|覆盖率|完成|完成量)$/.test(h) || (i === 1 && /^\\d{4}年\\d{1,2}月$/.test(h)));
        if (col < 0) continue;
        for (const tr of table.querySelectorAll('tbody tr')) {
          const r = tr.children[col].getBoundingClientRect();
          out.push({ head: heads[col], text: tr.children[col].textContent.trim(), left: r.left, right: r.right });
        }
      }
      return out;
    })()`;
    const problems: string[] = [];
    const counts: string[] = [];
    for (const width of [320, 360]) {
      for (const size of ['标准', '特大'] as const) {
        const ctx = await context(size, { viewport: { width, height: 740 } });
        for (const type of ['ranking', 'construction', 'toilets']) {
          const page = await open(ctx, pages[type]!);
          // /construction/ folds each point's items: open them all (a reader taps 建设内容).
          await page.evaluate(`document.querySelectorAll('details.card-more').forEach((d) => { d.open = true; })`);
          const cells = (await page.evaluate(KEY)) as { head: string; text: string; left: number; right: number }[];
          const heads = new Set(cells.map((c) => c.head));
          if (type === 'ranking') expect([...heads], type).toEqual(expect.arrayContaining(['得分', '2023年6月']));
          if (type === 'construction') expect([...heads], type).toEqual(expect.arrayContaining(['完成', '完成量']));
          if (type === 'toilets') expect([...heads], type).toContain('覆盖率');
          for (const c of cells) {
            if (c.left < 0 || c.right > width + 0.5) problems.push(`${width} ${size} ${type} ${c.head} "${c.text}": ${Math.round(c.left)}–${Math.round(c.right)} px`);
          }
          counts.push(`${width} ${size} ${type} ${cells.length}`);
          await page.close();
        }
        await ctx.close();
      }
    }
    console.log(`phone: key-figure cells checked: ${counts.join(', ')}`);
    expect(problems).toEqual([]);
  }, 300_000);

  test('at the phone\'s 2× zoom and with a 32 px default font, the ranking\'s 得分 is on screen beside the name', async () => {
    // 11 em across: 第 N 名 shows as N under its 名次 header and the score bar gives way.
    const problems: string[] = [];
    const seen: string[] = [];
    for (const setting of [{ name: '2× zoom', viewport: { width: 180, height: 370 }, font: 0 }, { name: '32 px font', viewport: PHONE, font: 32 }]) {
      const ctx = await context('标准', { viewport: setting.viewport });
      const page = await ctx.newPage();
      if (setting.font) await defaultFont(page, setting.font);
      await page.goto(url(pages.ranking!), { waitUntil: 'load' });
      const cells = (await page.locator('.ranking-now tbody tr').evaluateAll((trs) => trs.map((tr) => {
        const r = tr.children[2]!.getBoundingClientRect();
        return { rank: tr.children[0]!.textContent!.trim(), shown: (tr.children[0] as HTMLElement).innerText.trim(), text: tr.children[2]!.textContent!.trim(), right: r.right };
      }))) as { rank: string; shown: string; text: string; right: number }[];
      expect(cells.length).toBeGreaterThan(5);
      for (const c of cells) {
        if (c.right > setting.viewport.width + 0.5) problems.push(`${setting.name}: 得分 "${c.text}" ends at ${Math.round(c.right)} px`);
        // the words are hidden, not removed: the cell still reads 第 N 名 as text
        expect(c.rank).toMatch(/^第 \d+ 名$/);
        expect(c.shown).toMatch(/^\d+$/);
      }
      seen.push(`${setting.name} ${Math.round(Math.max(...cells.map((c) => c.right)))} of ${setting.viewport.width} px`);
      await ctx.close();
    }
    console.log(`phone: the ranking's 得分 ends at ${seen.join(', ')}`);
    expect(problems).toEqual([]);
  }, 120_000);

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

  test('rank and score, toilet coverage and the newest photo pair lie within the first two screens at 标准', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.village!);
    const bottom = async (locator: ReturnType<Page['locator']>) => {
      const box = await locator.boundingBox();
      expect(box, String(locator)).not.toBeNull();
      return box!.y + box!.height;
    };
    const rank = await bottom(page.locator('.kpi', { hasText: '考评得分' }).first());
    const coverage = await bottom(page.locator('.kpi', { hasText: '无害化卫生户厕覆盖率' }).first());
    const pair = await bottom(page.locator('.photo-pair').first());
    const screens = (y: number) => (y / PHONE.height).toFixed(2);
    console.log(`phone: ${pages.village} at 360×740 标准, screens to the end of: rank ${screens(rank)}, coverage ${screens(coverage)}, photo pair ${screens(pair)}`);
    for (const [what, y] of [['rank', rank], ['coverage', coverage], ['photo pair', pair]] as const) {
      expect(y, what).toBeLessThanOrEqual(2 * PHONE.height);
    }
    await ctx.close();
  });

  test('/construction/ shows summaries first with each point\'s items folded; the print-out shows them', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.construction!);
    const folded = page.locator('details.card-more');
    expect(await folded.count()).toBeGreaterThan(2);
    expect(await folded.evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
    const itemTable = page.locator('details.card-more table').first();
    expect(await itemTable.isVisible()).toBe(false);
    const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    console.log(`phone: /construction/ at 360×740 标准: ${(height / PHONE.height).toFixed(1)} screens`);
    await page.emulateMedia({ media: 'print' });
    expect(await itemTable.isVisible()).toBe(true);
    expect(await page.locator('details.card-more > summary').first().isVisible()).toBe(false);
    await ctx.close();
  });

  test('the finder: "ct" finds 长塘村 and 车田村, and Enter opens the first', async () => {
    const ctx = await context('标准');
    const page = await open(ctx, pages.villages!);
    const input = page.getByLabel('查找我的村');
    await input.fill('ct');
    const shown = await page.locator('li[data-py]:visible').allTextContents();
    expect(shown.map((s) => s.trim())).toEqual(['长塘村', '车田村']);
    await expect(page.locator('.finder-status').textContent()).resolves.toBe('找到 2 个村。按回车键打开第一个：长塘村。');
    await Promise.all([page.waitForURL(url(pages.village!)), input.press('Enter')]);
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

  /**
   * Every text size in a Chromium PDF, in points: each content stream's `Tf` size times the scale
   * of the `cm` matrices before it (Chromium draws CSS pixels at 0.75 pt through two of them).
   */
  function pdfTextSizes(pdf: Buffer): number[] {
    const raw = pdf.toString('latin1');
    const sizes: number[] = [];
    for (const m of raw.matchAll(/\/Filter\s*\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
      const start = m.index! + m[0].length;
      let text: string;
      try { text = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1'); } catch { continue; }
      if (!/\bTf\b/.test(text)) continue;
      let scale = 1;
      const stack: number[] = [];
      for (const op of text.matchAll(/([-\d.]+) [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ cm|\/\S+ ([\d.]+) Tf|(?<![\w/])([qQ])(?!\w)/g)) {
        if (op[1]) scale *= Math.abs(Number(op[1]));
        else if (op[3]) sizes.push(Number(op[3]) * scale);
        else if (op[4] === 'q') stack.push(scale);
        else if (op[4] === 'Q') scale = stack.pop() ?? 1;
      }
    }
    return sizes;
  }

  test('the ranking sheet: every text at 12 pt or more, one A4 page, filled; the village sheet\'s date blank on one line', async () => {
    const ctx = await context('标准', { viewport: { width: 1280, height: 900 } });
    const page = await open(ctx, pages.ranking!);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const sizes = pdfTextSizes(pdf);
    expect(sizes.length).toBeGreaterThan(20);
    const min = Math.min(...sizes);
    console.log(`phone: ranking sheet: ${pagesOf(pdf)} A4 page(s), text ${min.toFixed(1)}–${Math.max(...sizes).toFixed(1)} pt`);
    expect(min).toBeGreaterThanOrEqual(12);
    expect(pagesOf(pdf)).toBe(1);
    // Filled: laid out for print at the A4 page's content width (186 mm), the sheet's foot ends
    // in the lower fifth of the page's 277 mm of content height.
    await page.setViewportSize({ width: Math.round(186 / 25.4 * 96), height: 900 });
    await page.emulateMedia({ media: 'print' });
    const foot = (await page.evaluate(`document.querySelector('.sheet-foot').getBoundingClientRect().bottom + scrollY`)) as number;
    const pageHeight = 277 / 25.4 * 96;
    console.log(`phone: ranking sheet filled to ${(foot / pageHeight * 100).toFixed(0)} % of the A4 page`);
    expect(foot / pageHeight).toBeGreaterThan(0.8);
    expect(foot / pageHeight).toBeLessThanOrEqual(1);
    const village = await open(ctx, pages.village!);
    await village.emulateMedia({ media: 'print' });
    const date = (await village.locator('.sheet-sign p', { hasText: '公示日期' }).evaluate((p) =>
      ({ height: p.getBoundingClientRect().height, line: parseFloat(getComputedStyle(p).lineHeight) }))) as { height: number; line: number };
    expect(date.height).toBeLessThan(1.5 * date.line);
    await ctx.close();
  });

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
      // The first press loads the reader (issue 21): wait until it reads.
      await page.locator('.read-aloud-status', { hasText: '正在朗读' }).waitFor();
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

  test('every report\'s headings pass axe (heading-order included): h2 first, no level skipped', async () => {
    const ctx = await context('标准');
    const index = await open(ctx, pages.reports!);
    const reports = await index.locator('main a[href*="/reports/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
    await index.close();
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.some((r) => decodeURI(r).includes('heading-levels'))).toBe(true);
    const problems: string[] = [];
    for (const r of reports) {
      const page = await open(ctx, r.replace(BASE, ''));
      const levels = await page.locator('article :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      const violations = await runAxe(page, AXE_ALL_TAGS);
      if (violations.length > 0) problems.push(`${r}\n    ${formatViolations(violations)}`);
      if (decodeURI(r).includes('heading-levels')) expect(levels.filter((l) => l > 1)).toEqual([2, 3, 2, 3]);
      await page.close();
    }
    console.log(`phone: axe on ${reports.length} reports: ${problems.length} with violations`);
    expect(problems.join('\n')).toBe('');
    await ctx.close();
  }, 120_000);

  test('no console error, broken resource or off-site request on the pages above', () => {
    // The 404 page answers 404 by design; nothing else may fail.
    const all = watches.flatMap((w) => [...w.consoleErrors, ...w.brokenResources, ...w.offsite]);
    expect(all.map((p) => `${p.page}: ${p.detail}`).filter((p) => !/no-such-page/.test(p))).toEqual([]);
  });
});
