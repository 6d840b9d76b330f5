// Residents first (适老化): the repository's own site built once with `--base /town/`, served by
// nginx and used in Chromium as an older resident would: bigger text, high contrast, keyboard
// only, finding their village, searching, listening to a report, and printing a 公示 sheet.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, requireChromium, watchContext, type ContextWatch } from './support/browser.ts';
import { REPO_ROOT } from './support/build.ts';
import { buildSiteOnce } from './support/buildOnce.ts';
import { formatViolations, horizontalOverflow, runAxe, settled } from './support/checks.ts';
import { requireNginx, startNginx, type NginxServer } from './support/nginx.ts';

const BASE = '/town/';
const PHONE = { width: 390, height: 844 };
const SIZES = [
  { label: '标准', value: null, minPx: 18 },
  { label: '大', value: 'l', minPx: 20 },
  { label: '特大', value: 'xl', minPx: 24 },
] as const;

let distDir: string;
let server: NginxServer;
let browser: Browser;
const watches: ContextWatch[] = [];
/** site paths (under the base) of one page of each kind, found in the built site */
const paths = { village: '', report: '', reportTitle: '' };
let siteUrl: string | null = null;

const url = (p: string) => `${server.home}${p.replace(/^\//, '')}`;

async function context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: PHONE, ...options });
  watches.push(watchContext(ctx));
  return ctx;
}

/** Open `p` in a fresh page of `ctx`. */
async function open(ctx: BrowserContext, p: string): Promise<Page> {
  const page = await ctx.newPage();
  const response = await page.goto(url(p), { waitUntil: 'load' });
  expect(response?.status(), p).toBe(200);
  return page;
}

// In-page code is a string: tsx/esbuild's keepNames would wrap named functions in a `__name`
// helper that does not exist in the page (see support/checks.ts).
const CONTRAST_SCRIPT = `(selectors) => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
  };
  const out = [];
  for (const selector of selectors) {
    const el = [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length > 0 && e.textContent.trim());
    if (!el) continue;
    const fg = parse(getComputedStyle(el).color);
    const bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    out.push({ selector, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100, color: getComputedStyle(el).color, background: 'rgb(' + bg.r + ', ' + bg.g + ', ' + bg.b + ')' });
  }
  return out;
}`;

const TEXT_SELECTORS = [
  'main h1', 'main p', '.lead', '.meta', 'main a', '.site-title', '.site-nav a', '.site-nav a[aria-current="page"]',
  '.tools button', '.tools a', '.sample-notice', '.site-footer p', '.kpi-label', '.kpi-note', '.chart-summary',
  '.chart-note', '.village-list a', 'th', 'td', 'summary',
];

interface Contrast { selector: string; ratio: number; color: string; background: string }

async function contrasts(page: Page): Promise<Contrast[]> {
  return page.evaluate(`(${CONTRAST_SCRIPT})(${JSON.stringify(TEXT_SELECTORS)})`) as Promise<Contrast[]>;
}

function below(list: Contrast[], min: number): string[] {
  return list.filter((c) => c.ratio < min).map((c) => `${c.selector}: ${c.ratio}:1 (${c.color} on ${c.background})`);
}

/** Visible texts of the village list items. */
async function shownVillages(page: Page): Promise<string[]> {
  return page.locator('li[data-py]:visible').allTextContents();
}

beforeAll(async () => {
  requireNginx();
  requireChromium();
  // E2E_DIST=<folder> reuses a site already built with `--base /town/` (quicker while iterating).
  if (process.env.E2E_DIST) {
    distDir = path.resolve(process.env.E2E_DIST);
  } else {
    // shared with the other files that only read this site (removed when the run ends)
    distDir = (await buildSiteOnce({ base: BASE })).outDir;
  }
  // Pages to use, from the built site: 下河村 (in the default data) and the first report.
  const villages = readFileSync(path.join(distDir, 'villages/index.html'), 'utf8');
  const xiahe = /href="\/town\/(villages\/[^"]+\/)">下河村</.exec(villages);
  if (!xiahe) throw new Error('下河村 is not in the built village list (default data expected)');
  paths.village = xiahe[1]!;
  const reports = readFileSync(path.join(distDir, 'reports/index.html'), 'utf8');
  const report = /<a href="\/town\/(reports\/[^"]+\/)">([^<]+)<\/a>/.exec(reports);
  if (!report) throw new Error('no report linked from /town/reports/');
  paths.report = decodeURI(report[1]!);
  paths.reportTitle = report[2]!;
  siteUrl = /^url:\s*(\S+)/m.exec(readFileSync(path.join(REPO_ROOT, 'content/site.md'), 'utf8'))?.[1] ?? null;
  server = await startNginx({ distDir, base: BASE });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the header's 字号 · 对比度 disclosure (issue 21: the buttons are folded into it). */
async function openTools(page: Page): Promise<void> {
  if (!(await page.locator('#a11y-tools').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#a11y-tools > summary').click();
}

describe('字号 (text size)', () => {
  test('三 buttons named 字号：…, aria-pressed follows the choice, which survives a reload and is applied before the body is parsed', async () => {
    const ctx = await context();
    // Record data-text at the moment <body> is inserted: proof the size is set before first paint.
    await ctx.addInitScript(`new MutationObserver((_, observer) => {
      if (document.body) { window.__textAtBody = document.documentElement.getAttribute('data-text'); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    const page = await open(ctx, '/');
    for (const size of SIZES) {
      await openTools(page);
      await page.getByRole('button', { name: `字号：${size.label}`, exact: true }).click();
      for (const reloaded of [false, true]) {
        if (reloaded) await page.reload({ waitUntil: 'load' });
        const state = (await page.evaluate(`({
          text: document.documentElement.getAttribute('data-text'),
          atBody: window.__textAtBody,
          font: parseFloat(getComputedStyle(document.body).fontSize),
          pressed: [...document.querySelectorAll('[data-text-size]')].map((b) => b.getAttribute('aria-label') + '=' + b.getAttribute('aria-pressed')),
        })`)) as { text: string | null; atBody: string | null; font: number; pressed: string[] };
        const where = `${size.label}${reloaded ? ' after reload' : ''}`;
        expect(state.text, where).toBe(size.value);
        if (reloaded) expect(state.atBody, `${where}: data-text when <body> was parsed`).toBe(size.value);
        expect(state.font, where).toBeGreaterThanOrEqual(size.minPx);
        expect(state.pressed, where).toEqual(SIZES.map((s) => `字号：${s.label}=${s === size}`));
      }
    }
    // 特大: body text at least 24 px, in the header and in the article too.
    const report = await open(ctx, paths.report);
    const px = (await report.evaluate(`[...document.querySelectorAll('article p, .site-nav a, .tools button')].map((e) => parseFloat(getComputedStyle(e).fontSize))`)) as number[];
    expect(Math.min(...px.slice(0, 3))).toBeGreaterThanOrEqual(24);
    await ctx.close();
  });

  test('no horizontal scrolling at 390 px at every size, on every kind of page', async () => {
    const pages = ['/', 'villages/', paths.village, 'cleanup/', 'construction/', 'toilets/', 'ranking/', 'reports/', paths.report, 'data/', 'about/', `search/?q=${encodeURIComponent('垃圾')}`];
    const problems: string[] = [];
    for (const size of SIZES) {
      const ctx = await context();
      await ctx.addInitScript(`try { localStorage.setItem('rjhj-text', ${JSON.stringify(size.value ?? '')}); } catch (e) {}`);
      for (const p of pages) {
        const page = await open(ctx, p);
        if (p.startsWith('search/')) await page.locator('.search-results li').first().waitFor();
        const overflow = await horizontalOverflow(page);
        if (overflow) problems.push(`${size.label} ${p}: scrollWidth ${overflow.scrollWidth} > ${overflow.innerWidth}: ${overflow.culprits.join(', ')}`);
        await page.close();
      }
      await ctx.close();
    }
    expect(problems).toEqual([]);
  }, 180_000); // 36 page loads on a shared two-core machine

  test('without JavaScript: no dead controls (buttons, finder, read-aloud hidden), the lists and the search link remain', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const home = await open(ctx, '/');
    expect(await home.getByRole('button', { name: /字号/ }).count()).toBe(0);
    expect(await home.getByRole('button', { name: '高对比度' }).count()).toBe(0);
    expect(await home.getByRole('searchbox').count()).toBe(0);
    expect((await shownVillages(home)).length).toBeGreaterThan(1);
    await expect(home.getByRole('link', { name: '站内搜索' }).getAttribute('href')).resolves.toBe(`${BASE}search/`);
    const report = await open(ctx, paths.report);
    expect(await report.getByRole('button', { name: '朗读全文' }).count()).toBe(0);
    const search = await open(ctx, 'search/');
    expect(await search.getByRole('searchbox').count()).toBe(0);
    expect(await search.getByText('站内搜索需要浏览器启用 JavaScript').isVisible()).toBe(true);
    await ctx.close();
  });
});

describe('高对比度 (high contrast)', () => {
  test('the toggle sets data-contrast="high", survives a reload, and text reaches 7:1 on every kind of page', async () => {
    const ctx = await context();
    const page = await open(ctx, '/');
    // Inside the closed 字号 · 对比度 disclosure the button is out of the accessibility tree: read
    // its state by selector, press it by role once the disclosure is open.
    const toggle = page.getByRole('button', { name: '高对比度' });
    await expect(page.locator('[data-contrast-toggle]').getAttribute('aria-pressed')).resolves.toBe('false');
    await openTools(page);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    expect(await page.evaluate(`document.documentElement.getAttribute('data-contrast')`)).toBe('high');
    await expect(page.locator('[data-contrast-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    const problems: string[] = [];
    for (const p of ['/', paths.village, 'ranking/', paths.report]) {
      const tab = await open(ctx, p);
      const list = await contrasts(tab);
      expect(list.length, p).toBeGreaterThan(8);
      problems.push(...below(list, 7).map((s) => `${p} ${s}`));
      await tab.close();
    }
    expect(problems).toEqual([]);
    // Off again: remembered as "normal".
    await openTools(page);
    await page.getByRole('button', { name: '高对比度' }).click();
    await page.reload();
    expect(await page.evaluate(`document.documentElement.getAttribute('data-contrast')`)).toBe('normal');
    await ctx.close();
  });

  test('follows prefers-contrast: more until the reader chooses; dark schemes stay readable', async () => {
    const more = await context({ contrast: 'more' });
    const page = await open(more, '/');
    expect(await page.evaluate(`document.documentElement.getAttribute('data-contrast')`)).toBe('high');
    await expect(page.locator('[data-contrast-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');
    await more.close();

    const problems: string[] = [];
    for (const [choice, min] of [['normal', 4.5], ['high', 7]] as const) {
      const dark = await context({ colorScheme: 'dark' });
      await dark.addInitScript(`try { localStorage.setItem('rjhj-contrast', '${choice}'); } catch (e) {}`);
      for (const p of ['/', paths.village, paths.report]) {
        const tab = await open(dark, p);
        problems.push(...below(await contrasts(tab), min).map((s) => `dark ${choice} ${p} ${s}`));
        await tab.close();
      }
      await dark.close();
    }
    expect(problems).toEqual([]);
  });

  test('axe-core: no WCAG 2.1 AA violation at 特大 with high contrast, and with the finder and search in use', async () => {
    const ctx = await context();
    await ctx.addInitScript(`try { localStorage.setItem('rjhj-text', 'xl'); localStorage.setItem('rjhj-contrast', 'high'); } catch (e) {}`);
    const problems: string[] = [];
    for (const p of ['/', 'villages/', paths.village, paths.report, 'search/']) {
      const page = await open(ctx, p);
      if (p === 'villages/') await page.getByLabel('查找我的村').fill('xh');
      if (p === 'search/') {
        await page.getByLabel('搜索本站').fill(paths.reportTitle);
        await page.locator('.search-results li').first().waitFor();
      }
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(`${p}\n    ${formatViolations(violations)}`);
      await page.close();
    }
    expect(problems.join('\n')).toBe('');
  }, 90_000); // five pages at 特大 through axe: over 20 s on the shared two-core machine
});

describe('keyboard', () => {
  test('the skip link comes first; every tool works with Tab, Enter and Space, with a visible focus ring', async () => {
    const ctx = await context();
    const page = await open(ctx, paths.village);
    await page.keyboard.press('Tab');
    const skip = (await page.evaluate(`(() => { const a = document.activeElement; const r = a.getBoundingClientRect(); return { text: a.textContent, left: r.left, top: r.top }; })()`)) as { text: string; left: number; top: number };
    expect(skip.text).toBe('跳到正文');
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(`document.activeElement.id`)).toBe('main');

    await page.goto(url(paths.village)); // afresh: a reload would keep #main and start from there
    const focused = async () => (await page.evaluate(`(() => {
      const a = document.activeElement, s = getComputedStyle(a);
      return { name: a.getAttribute('aria-label') || a.textContent.trim(), outline: s.outlineStyle + ' ' + parseFloat(s.outlineWidth) };
    })()`)) as { name: string; outline: string };
    let seen: { name: string; outline: string } | undefined;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      seen = await focused();
      if (seen.name === '字号 · 对比度') break;
    }
    // One disclosure holds the 字号 and 高对比度 buttons (issue 21): Enter opens it.
    expect(seen?.name).toBe('字号 · 对比度');
    expect(seen?.outline).toMatch(/^solid [2-9]/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // 标准
    await page.keyboard.press('Tab'); // 大
    seen = await focused();
    expect(seen.name).toBe('字号：大');
    expect(seen.outline).toMatch(/^solid [2-9]/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(`document.documentElement.getAttribute('data-text')`)).toBe('l');
    await page.keyboard.press('Tab'); // 特大
    await page.keyboard.press('Tab'); // 高对比度
    expect((await focused()).name).toBe('高对比度');
    await page.keyboard.press('Space');
    expect(await page.evaluate(`document.documentElement.getAttribute('data-contrast')`)).toBe('high');
    await ctx.close();
  });

  test('a table wider than the screen is a named, focusable region; one that fits is not; both follow the width and the text size', async () => {
    // a11yTools.js reads the widths when the browser has laid the tables out (a ResizeObserver),
    // not at DOMContentLoaded (issue 21: that forced a whole-page layout Lighthouse counted).
    const ctx = await context({ viewport: { width: 320, height: 700 } });
    const page = await open(ctx, 'toilets/');
    const tables = async () => {
      await settled(page);
      return (await page.evaluate(`[...document.querySelectorAll('.table-wrap, .chart-table')].filter((w) => w.getClientRects().length > 0).map((w) => ({
        scrolls: w.scrollWidth > w.clientWidth + 1, tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), label: w.getAttribute('aria-label'),
      }))`)) as { scrolls: boolean; tabindex: string | null; role: string | null; label: string | null }[];
    };
    const consistent = (list: Awaited<ReturnType<typeof tables>>) => {
      for (const t of list) {
        if (t.scrolls) expect(t).toMatchObject({ tabindex: '0', role: 'region', label: expect.stringMatching(/表格，可左右滚动(（\d+）)?$/) });
        else expect(t).toMatchObject({ tabindex: null, role: null, label: null });
      }
    };
    const narrow = await tables();
    expect(narrow.filter((t) => t.scrolls).length, 'a table on /toilets/ scrolls sideways at 320 px').toBeGreaterThan(0);
    consistent(narrow);
    expect(new Set(narrow.filter((t) => t.scrolls).map((t) => t.label)).size, 'region names are unique').toBe(narrow.filter((t) => t.scrolls).length);
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await tables();
    expect(wide.filter((t) => t.scrolls)).toEqual([]);
    consistent(wide);
    await page.evaluate(`document.querySelector('[data-text-size="xl"]').click()`);
    consistent(await tables());
    await page.setViewportSize({ width: 320, height: 700 });
    const back = await tables();
    expect(back.filter((t) => t.scrolls).length).toBeGreaterThan(0);
    consistent(back);
    await ctx.close();
  });
});

describe('查找我的村 (find my village)', () => {
  for (const where of ['/', 'villages/']) {
    test(`on ${where}: 下河, xiahe and xh find 下河村 alone; the township headings follow; clearing shows all`, async () => {
      const ctx = await context();
      const page = await open(ctx, where);
      const input = page.getByLabel('查找我的村');
      await expect(input.getAttribute('type')).resolves.toBe('search');
      const all = await shownVillages(page);
      expect(all.length).toBeGreaterThan(5);
      for (const query of ['下河', 'xiahe', 'xh', 'XiaHe']) {
        await input.fill(query);
        expect(await shownVillages(page), query).toEqual(['下河村']);
        expect(await page.locator('li[data-py]:not(:visible)').count(), query).toBe(all.length - 1);
        expect(await page.locator('[data-township]:visible .finder-township').allTextContents(), query).toEqual(['洋江镇']);
        await expect(page.locator('.finder-status').textContent()).resolves.toBe('找到 1 个村。');
      }
      await input.fill('zzzz');
      expect(await shownVillages(page)).toEqual([]);
      await expect(page.locator('.finder-status').textContent()).resolves.toContain('没有找到与“zzzz”相符的村');
      await input.fill('');
      expect(await shownVillages(page)).toEqual(all);
      // Enter opens the one village found.
      await input.fill('xh');
      await Promise.all([page.waitForURL(url(paths.village)), input.press('Enter')]);
      await ctx.close();
    });
  }
});

describe('站内搜索 (site search, Pagefind)', () => {
  test('linked from the header of every page; Pagefind is loaded on the search page only', async () => {
    const ctx = await context();
    const requested: string[] = [];
    ctx.on('request', (r) => requested.push(new URL(r.url()).pathname));
    for (const p of ['/', paths.village, paths.report, 'ranking/']) {
      const page = await open(ctx, p);
      await expect(page.locator('header').getByRole('link', { name: '站内搜索' }).getAttribute('href')).resolves.toBe(`${BASE}search/`);
      await page.close();
    }
    expect(requested.filter((r) => r.includes('/pagefind/'))).toEqual([]);
    await ctx.close();
  });

  test('a report is found by its title, a village by its name; results link under /town/; ?q= is shareable', async () => {
    const ctx = await context();
    const bytes = { total: 0, pagefind: 0 };
    ctx.on('requestfinished', async (r) => {
      const size = (await r.sizes()).responseBodySize;
      bytes.total += size;
      if (r.url().includes('/pagefind/')) bytes.pagefind += size;
    });
    const page = await open(ctx, 'search/');
    await page.getByLabel('搜索本站').fill(paths.reportTitle);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.locator('.search-results li').first().waitFor();
    const hrefs = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.map((h) => decodeURI(h!))).toContain(`${BASE}${paths.report}`);
    expect(hrefs.every((h) => h!.startsWith(BASE))).toBe(true);
    await expect(page.locator('.search-status').textContent()).resolves.toMatch(/^找到 \d+ 个相关页面。$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(paths.reportTitle);
    await page.waitForLoadState('networkidle');
    console.log(`age-friendly: the search page with one search transferred ${(bytes.total / 1024).toFixed(1)} KB, of which Pagefind ${(bytes.pagefind / 1024).toFixed(1)} KB`);

    const byName = await open(ctx, `search/?q=${encodeURIComponent('下河村')}`);
    await byName.locator('.search-results li').first().waitFor();
    await expect(byName.locator('.search-results a').first().textContent()).resolves.toContain('下河村');
    await expect(byName.getByLabel('搜索本站').inputValue()).resolves.toBe('下河村');
    // A village is found by its name, not by its figures: the KPIs, stock notes and target sentence
    // are out of the index (every distinct number is a word to Pagefind: 3.7 GB at 20,000 villages).
    const byFigure = await open(ctx, `search/?q=${encodeURIComponent('无害化卫生户厕覆盖率')}`);
    await byFigure.locator('.search-results li').first().waitFor();
    const figureHrefs = await byFigure.locator('.search-results a').evaluateAll((as) => as.map((a) => decodeURI(a.getAttribute('href')!)));
    expect(figureHrefs).toContain(`${BASE}toilets/`);
    expect(figureHrefs.filter((h) => h.includes('/villages/'))).toEqual([]);
    await byName.getByLabel('搜索本站').fill('zzzzqqq');
    await expect.poll(() => byName.locator('.search-status').textContent()).toContain('没有找到与“zzzzqqq”相关的内容');
    await ctx.close();
  });

  test('Pagefind indexes reports, topics, villages and about, nothing else, and adds under 300 KB to dist/', () => {
    const size = (dir: string): number => readdirSync(dir).reduce((n, f) => {
      const p = path.join(dir, f);
      return n + (statSync(p).isDirectory() ? size(p) : statSync(p).size);
    }, 0);
    const bundle = path.join(distDir, 'pagefind');
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const html = (p: string) => readFileSync(path.join(distDir, p, 'index.html'), 'utf8');
    const expected = ['about', 'cleanup', 'ranking', paths.village, paths.report].map(html);
    for (const page of expected) expect(page).toContain('data-pagefind-body');
    for (const p of ['', 'villages', 'reports', 'data', 'search']) expect(html(p), `/${p}`).not.toContain('data-pagefind-body');
    const villages = readdirSync(path.join(distDir, 'villages')).filter((f) => f !== 'index.html').length;
    const reports = readdirSync(path.join(distDir, 'reports')).filter((f) => f !== 'index.html').length;
    const topics = ['cleanup', 'construction', 'toilets', 'ranking'].filter((t) => readdirSync(distDir).includes(t)).length;
    // each month's 通报 (/ranking/<YYYY-MM>/) and, in a county, each township's page are pages too
    const months = existsSync(path.join(distDir, 'ranking')) ? readdirSync(path.join(distDir, 'ranking')).filter((f) => /^\d{4}-\d{2}$/.test(f)).length : 0;
    const townships = existsSync(path.join(distDir, 'townships')) ? readdirSync(path.join(distDir, 'townships')).filter((f) => f !== 'index.html').length : 0;
    expect(months).toBeGreaterThan(0);
    expect(indexed).toBe(villages + reports + topics + 1 + months + townships);
    const total = size(bundle);
    console.log(`age-friendly: Pagefind adds ${(total / 1024).toFixed(1)} KB to dist/ (${indexed} pages indexed)`);
    expect(total).toBeLessThan(300 * 1024);
  });
});

describe('朗读 (read aloud)', () => {
  const CAPTURE = `window.__spoken = [];
    if (window.speechSynthesis) {
      speechSynthesis.speak = (u) => { window.__spoken.push({ text: u.text, lang: u.lang }); };
      speechSynthesis.cancel = () => {};
    }`;

  test('reads the article and chart summaries in zh-CN, never SVG labels or data tables; pause and stop', async () => {
    const ctx = await context();
    await ctx.addInitScript(CAPTURE);
    const page = await open(ctx, paths.report);
    // The reader is not in the page (issue 21: page weight): the first press loads it.
    const loaded: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') loaded.push(new URL(r.url()).pathname); });
    const play = page.getByRole('button', { name: '朗读全文' });
    await play.click();
    await page.getByRole('status').filter({ hasText: '正在朗读' }).waitFor();
    expect(loaded).toEqual([expect.stringMatching(/^\/town\/assets\/read-aloud-[0-9a-f]{10}\.js$/)]);
    // Within the press (iOS speaks only from a tap) one empty utterance, then the article.
    const all = (await page.evaluate('window.__spoken')) as { text: string; lang: string }[];
    expect(all[0]?.text).toBe('');
    const spoken = all.slice(1);
    const texts = spoken.map((s) => s.text);
    expect(spoken.every((s) => s.lang === 'zh-CN')).toBe(true);
    expect(texts[0]).toBe(paths.reportTitle);
    expect(texts.every((t) => t.length <= 200)).toBe(true);
    const summaries = await page.locator('article .chart-summary').allTextContents();
    for (const s of summaries) expect(texts.join('')).toContain(s.trim());
    // Nothing from inside the charts' SVG or their folded tables and downloads.
    const svgTexts = new Set(await page.locator('article figure svg text').allTextContents());
    expect(texts.filter((t) => svgTexts.has(t))).toEqual([]);
    expect(texts.join('')).not.toContain('下载数据（CSV）');
    expect(texts.join('')).not.toContain('查看数据表');
    await expect(page.getByRole('status').filter({ hasText: '正在朗读' }).count()).resolves.toBe(1);
    // Only what can be done now is shown, and the focus stays in the tool.
    expect(await play.isVisible()).toBe(false);
    const pause = page.getByRole('button', { name: '暂停' });
    await expect(pause.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '继续' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '停止' }).click();
    expect(await play.isVisible()).toBe(true);
    await expect(page.locator('.read-aloud-status').textContent()).resolves.toBe('已停止。');
    // Pressed again, it reads from the start without loading anything more.
    const before = (await page.evaluate('window.__spoken.length')) as number;
    await play.click();
    await expect(page.locator('.read-aloud-status').textContent()).resolves.toBe('正在朗读……');
    expect(loaded).toHaveLength(1);
    const again = ((await page.evaluate('window.__spoken')) as { text: string }[]).slice(before);
    expect(again.map((s) => s.text)).toEqual(texts);
    await ctx.close();
  });

  test('a reader that does not load says so, and the next press tries again', async () => {
    // Not watched (the failed load is the point here): every other page must have none.
    const ctx = await browser.newContext({ viewport: PHONE });
    await ctx.addInitScript(CAPTURE);
    const page = await open(ctx, paths.report);
    await page.route(/read-aloud-/, (route) => route.abort());
    const play = page.getByRole('button', { name: '朗读全文' });
    await play.click();
    await page.locator('.read-aloud-status', { hasText: '朗读功能没有载入，请检查网络后再按一次。' }).waitFor();
    await page.unroute(/read-aloud-/);
    await play.click();
    await page.locator('.read-aloud-status', { hasText: '正在朗读……' }).waitFor();
    await ctx.close();
  });

  test('hidden where speechSynthesis is missing', async () => {
    const ctx = await context();
    await ctx.addInitScript('delete window.speechSynthesis; delete Window.prototype.speechSynthesis;');
    const page = await open(ctx, paths.report);
    expect(await page.evaluate(`'speechSynthesis' in window`)).toBe(false);
    expect(await page.getByRole('button', { name: '朗读全文' }).count()).toBe(0);
    await ctx.close();
  });
});

describe('公示 print sheet', () => {
  test('a village page prints on A4 with 公示, 主办单位, its figures and charts and a QR code; navigation and tools hidden', async () => {
    const ctx = await context({ viewport: { width: 1280, height: 900 } });
    const page = await open(ctx, paths.village);
    const qr = page.locator('.sheet-qr svg');
    expect(await qr.isVisible(), 'QR hidden on screen').toBe(false);
    await page.emulateMedia({ media: 'print' });
    const address = `${siteUrl!.replace(/\/?$/, '/')}${paths.village}`;
    expect(await qr.isVisible()).toBe(true);
    await expect(qr.getAttribute('aria-label')).resolves.toBe(`本页网址二维码：${address}`);
    await expect(page.locator('.sheet-url').textContent()).resolves.toBe(address);
    await expect(page.locator('.sheet-kicker').isVisible()).resolves.toBe(true);
    await expect(page.locator('.sheet-foot').textContent()).resolves.toMatch(/主办单位：.+数据截至：\d{4}年\d{1,2}月/);
    for (const hidden of ['.site-nav', '.tools', '.chart-downloads', '.chart-narrow']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('.print-only .kpis').isVisible()).toBe(true);
    expect(await page.locator('.no-print .kpis').first().isVisible()).toBe(false);
    const drawn = page.locator('figure.chart svg[role="img"]');
    expect(await drawn.count()).toBeGreaterThan(0);
    expect(await drawn.evaluateAll((svgs) => svgs.filter((s) => s.getClientRects().length === 0).length), 'charts hidden in print').toBe(0);
    expect(await page.locator('figure.chart').first().evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/g) ?? [];
    expect(pages.length, 'A4 pages').toBeGreaterThan(0);
    console.log(`age-friendly: ${paths.village} prints on ${pages.length} A4 page(s)`);
    await ctx.close();
  });

  test('the ranking page prints as a sheet with its QR code too', async () => {
    const ctx = await context({ viewport: { width: 1280, height: 900 } });
    const page = await open(ctx, 'ranking/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sheet-qr svg').isVisible()).toBe(true);
    await expect(page.locator('.sheet-url').textContent()).resolves.toBe(`${siteUrl!.replace(/\/?$/, '/')}ranking/`);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
    await ctx.close();
  });
});

describe('sharing a chart', () => {
  test('every chart has its anchor; its CSV, SVG and PNG downloads answer 200 with the right type', async () => {
    const ctx = await context();
    const page = await open(ctx, paths.village);
    const figures = (await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => ({
      id: f.id,
      anchor: f.querySelector('.chart-anchor')?.getAttribute('href'),
      downloads: [...f.querySelectorAll('.chart-downloads a[download]')].map((a) => (a as HTMLAnchorElement).href),
    })))) as { id: string; anchor: string | undefined; downloads: string[] }[];
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.anchor).toBe(`#${f.id}`);
      for (const href of f.downloads) {
        const response = await fetch(href);
        await response.arrayBuffer();
        expect(response.status, href).toBe(200);
        expect(response.headers.get('content-type'), href).toMatch(href.endsWith('.csv') ? /^text\/csv/ : href.endsWith('.png') ? /^image\/png/ : /^image\/svg\+xml/);
      }
    }
    expect(figures.flatMap((f) => f.downloads).some((h) => h.endsWith('.svg'))).toBe(true);
    await ctx.close();
  });
});

describe('small scripts', () => {
  test('each script is well under 5 KB gzipped and sits only on the pages that use it', () => {
    const scriptsOf = (p: string) => [...readFileSync(path.join(distDir, p, 'index.html'), 'utf8')
      .matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, code: m[2]! }));
    const pages = { home: '', villages: 'villages', village: paths.village, report: paths.report, search: 'search', ranking: 'ranking' };
    const sizes = new Map<string, number>();
    const where = new Map<string, string[]>();
    for (const [name, p] of Object.entries(pages)) {
      for (const s of scriptsOf(p)) {
        expect(s.attrs, `${name}: external scripts are not expected`).not.toContain('src=');
        const key = s.code.includes('rjhj-contrast') && s.code.includes('matchMedia') ? 'prefsHead (head, every page)'
          : s.code.includes('a11y-tools') ? 'a11yTools (end of body, every page)'
          : s.code.includes('data-village-finder') ? 'villageFinder'
          : s.code.includes('SpeechSynthesisUtterance(') ? 'readAloud'
          : s.code.includes('data-site-search') ? 'siteSearch'
          : `other on ${name}`;
        sizes.set(key, gzipSync(s.code).length);
        where.set(key, [...new Set([...(where.get(key) ?? []), name])]);
      }
    }
    expect(where.get('villageFinder')).toEqual(['home', 'villages']);
    // 朗读 on every page with prose (issue 12); not on lists (home, villages) or the search page.
    // Its reader is a file loaded on the first press (issue 21), not a script in the page.
    expect(where.get('readAloud')).toBeUndefined();
    const readers = Object.entries(pages).flatMap(([name, p]) => [...readFileSync(path.join(distDir, p, 'index.html'), 'utf8')
      .matchAll(/<div class="read-aloud[^"]*" data-read-aloud="[^"]+" data-src="([^"]+)"/g)].map((m) => ({ name, src: m[1]! })));
    expect([...new Set(readers.map((r) => r.name))]).toEqual(['village', 'report', 'ranking']);
    const [src, ...others] = new Set(readers.map((r) => r.src));
    expect(others).toEqual([]);
    expect(src).toMatch(/^\/town\/assets\/read-aloud-[0-9a-f]{10}\.js$/);
    const reader = readFileSync(path.join(distDir, src!.slice(BASE.length)), 'utf8');
    expect(reader).toContain('SpeechSynthesisUtterance(');
    sizes.set('readAloud (file, loaded on the first press)', gzipSync(reader).length);
    console.log(`age-friendly: scripts (gzipped) ${[...sizes].map(([k, n]) => `${k} ${n} B`).join(', ')}`);
    for (const [key, n] of sizes) expect(n, key).toBeLessThan(2_500);
    expect(where.get('siteSearch')).toEqual(['search']);
    expect([...where.keys()].filter((k) => k.startsWith('other'))).toEqual([]);
  });

  test('no classic script between the stylesheet and the end of <main>: the parser never waits for the CSS', () => {
    for (const p of ['', 'villages', paths.village, paths.report, 'search']) {
      const html = readFileSync(path.join(distDir, p, 'index.html'), 'utf8');
      const css = html.search(/<link\b[^>]*\brel="?stylesheet/);
      const mainEnd = html.indexOf('</main>');
      const classic = [...html.matchAll(/<script\b([^>]*)>/g)]
        .filter((m) => !/\b(async|defer)\b|type="?module/.test(m[1]!))
        .map((m) => m.index!);
      expect(css, `/${p}`).toBeGreaterThan(0);
      expect(classic.filter((i) => i > css && i < mainEnd), `/${p}`).toEqual([]);
      // The head script comes before the stylesheet, so the first paint has the chosen size.
      expect(classic[0], `/${p}`).toBeLessThan(css);
    }
  });
});

describe('every page used above', () => {
  test('no console error, broken resource or off-site request', () => {
    const all = watches.flatMap((w) => [...w.consoleErrors, ...w.brokenResources, ...w.offsite]);
    expect(all.map((p) => `${p.page}: ${p.detail}`)).toEqual([]);
  });
});
