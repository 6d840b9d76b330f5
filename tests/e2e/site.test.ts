// The whole site as a resident meets it: the repository's own site built with `--base /town/`,
// served by a real nginx under that sub-path, crawled from the home page and opened in Chromium
// at phone (390 px) and desktop (1280 px) widths. Every check collects all offending pages before
// it fails, so one run shows everything that needs fixing.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, requireChromium, watchContext, type ContextWatch, type PageProblem } from './support/browser.ts';
import { REPO_ROOT } from './support/build.ts';
import { buildSiteOnce } from './support/buildOnce.ts';
import { chartCheck, formatViolations, horizontalOverflow, runAxe, type AxeViolation } from './support/checks.ts';
import { crawlSite, extractLinks, pageType, representativePages, samplePages, type CrawlResult } from './support/crawl.ts';
import { requireNginx, startNginx, type NginxServer } from './support/nginx.ts';

const BASE = '/town/';
const WIDTHS = [390, 1280] as const;
const MAX_SAMPLED_PER_TYPE = 10;
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'tests/.out/screenshots');
const MISSING = `${BASE}no-such-page/really/`;

interface Findings {
  titles: PageProblem[];
  charts: PageProblem[];
  chartCount: Map<string, number>;
  /** page → formatted violation → widths it was seen at */
  axe: Map<string, Map<string, number[]>>;
  overflow: PageProblem[];
  status: PageProblem[];
  notFound: PageProblem[];
  screenshots: string[];
}

let distDir: string;
let server: NginxServer | undefined;
let browser: Browser | undefined;
let crawl: CrawlResult;
let visited: string[] = [];
const watches: ContextWatch[] = [];
const found: Findings = {
  titles: [], charts: [], chartCount: new Map(), axe: new Map(), overflow: [], status: [], notFound: [], screenshots: [],
};

/** `/town/villages/x/` for messages: the port changes from run to run. */
const short = (url: string) => {
  try { return decodeURI(new URL(url).pathname); } catch { return url; }
};

/** All problems, grouped by page, as one readable block. */
function report(problems: PageProblem[]): string {
  const byPage = new Map<string, string[]>();
  for (const p of problems) {
    const key = short(p.page);
    byPage.set(key, [...(byPage.get(key) ?? []), p.detail]);
  }
  return [...byPage].map(([page, details]) => `  ${page}\n${[...new Set(details)].map((d) => `    - ${d}`).join('\n')}`).join('\n');
}

function expectNone(problems: PageProblem[], what: string): void {
  if (problems.length === 0) return;
  const pages = new Set(problems.map((p) => short(p.page))).size;
  throw new Error(`${what}: ${problems.length} problem(s) on ${pages} page(s)\n${report(problems)}`);
}

/** Open `url` and run the per-page checks for this width; screenshot it when it has a name. */
async function checkPage(context: BrowserContext, url: string, width: number, screenshotName?: string): Promise<void> {
  const page = await context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) {
      found.status.push({ page: url, detail: `opened in the browser at ${width} px: status ${response?.status()}` });
    }
    await checkDocument(page, url, width);
    if (screenshotName) await screenshot(page, `${screenshotName}-${width}`);
  } finally {
    await page.close();
  }
}

async function checkDocument(page: Page, url: string, width: number): Promise<void> {
  const head = (await page.evaluate(`({ lang: document.documentElement.getAttribute('lang'), title: document.title.trim() })`)) as
    { lang: string | null; title: string };
  if (head.lang !== 'zh-CN') found.titles.push({ page: url, detail: `<html lang="${head.lang}">, expected "zh-CN"` });
  if (!head.title) found.titles.push({ page: url, detail: 'empty <title>' });
  const violations: AxeViolation[] = await runAxe(page);
  // The same violation usually shows at both widths: report it once, with the widths.
  const seen = found.axe.get(url) ?? new Map<string, number[]>();
  for (const v of violations) {
    const key = formatViolations([v]);
    seen.set(key, [...(seen.get(key) ?? []), width]);
  }
  found.axe.set(url, seen);
  if (width <= 390) {
    const overflow = await horizontalOverflow(page);
    if (overflow) {
      found.overflow.push({
        page: url,
        detail: `scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth}; too wide: ${overflow.culprits.join(', ') || '(not found)'}`,
      });
    }
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  found.screenshots.push(file);
}

/** Screenshot names for one page of each main type. */
function screenshotNames(pages: string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, url] of representativePages(pages, BASE)) names.set(url, name);
  return names;
}

async function inPool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    while (queue.length > 0) await run(queue.shift()!);
  }));
}

/** The 404 page: status 404 for a missing URL under the base, and styled from under the base. */
async function checkNotFound(context: BrowserContext, width: number): Promise<void> {
  const url = `${server!.origin}${MISSING}`;
  const page = await context.newPage();
  const stylesheets: { url: string; status: number; type: string }[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'stylesheet') stylesheets.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 404) found.notFound.push({ page: url, detail: `answered ${response?.status()}, expected 404` });
    const styled = (await page.evaluate(`(() => {
      const links = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href);
      let rules = 0;
      for (const sheet of document.styleSheets) {
        try { rules += sheet.cssRules.length; } catch { /* cross-origin: counted as not loaded */ }
      }
      return { links, rules };
    })()`)) as { links: string[]; rules: number };
    if (styled.links.length === 0) found.notFound.push({ page: url, detail: 'no <link rel="stylesheet">' });
    for (const link of styled.links) {
      if (!link.startsWith(`${server!.origin}${BASE}`)) found.notFound.push({ page: url, detail: `stylesheet ${link} is not under ${BASE}` });
    }
    for (const sheet of stylesheets) {
      if (sheet.status !== 200 || !/^text\/css/.test(sheet.type)) {
        found.notFound.push({ page: url, detail: `stylesheet ${sheet.url} answered ${sheet.status} ${sheet.type}` });
      }
    }
    if (styled.rules === 0) found.notFound.push({ page: url, detail: 'no CSS rule applied: the page is unstyled' });
    // Its links must work from any depth: a relative link would point under /no-such-page/.
    const { follow, assets } = extractLinks(await page.content());
    for (const raw of [...follow, ...assets]) {
      if (/^(mailto|tel|data|https?):|^#/i.test(raw) && !raw.startsWith(server!.origin)) continue;
      const target = new URL(raw, url);
      if (!target.pathname.startsWith(BASE) || target.pathname.startsWith(`${BASE}no-such-page/`)) {
        found.notFound.push({ page: url, detail: `link "${raw}" resolves to ${target.pathname}` });
        continue;
      }
      const status = (await fetch(target, { redirect: 'manual' })).status;
      if (status !== 200) found.notFound.push({ page: url, detail: `link "${raw}" answered ${status}` });
    }
    await checkDocument(page, url, width);
    await screenshot(page, `404-${width}`);
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  // Fail before the slow build if the machine lacks what the test needs.
  requireNginx();
  requireChromium();
  // E2E_DIST=<folder> checks a site already built with `--base /town/` (quicker while iterating).
  const prebuilt = process.env.E2E_DIST;
  if (prebuilt) {
    distDir = path.resolve(prebuilt);
  } else {
    // shared with the other files that only read this site (removed when the run ends)
    distDir = (await buildSiteOnce({ base: BASE })).outDir;
  }
  server = await startNginx({ distDir, base: BASE });

  // RSS and sitemap files are not linked with <a>; start from them too when the build wrote them.
  const extra = readdirSync(distDir).filter((f) => f.endsWith('.xml')).map((f) => `${server!.home}${f}`);
  crawl = await crawlSite({ home: server.home, extra });

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const f of readdirSync(SCREENSHOT_DIR)) if (f.endsWith('.png')) rmSync(path.join(SCREENSHOT_DIR, f));

  visited = samplePages(crawl.pages, BASE, MAX_SAMPLED_PER_TYPE);
  const names = screenshotNames(visited);
  browser = await launchChromium();
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width <= 390 ? 844 : 900 } });
    watches.push(watchContext(context));
    await inPool(visited, 2, (url) => checkPage(context, url, width, names.get(url)));
    await context.close();

    const notFoundContext = await browser.newContext({ viewport: { width, height: 844 } });
    const notFoundWatch = watchContext(notFoundContext);
    await checkNotFound(notFoundContext, width);
    await notFoundContext.close();
    // The document's own 404 is the point of this check, not a console error.
    const expected = (p: PageProblem) => /status of 404/.test(p.detail) && short(p.page) === decodeURI(MISSING);
    notFoundWatch.consoleErrors.splice(0, Infinity, ...notFoundWatch.consoleErrors.filter((p) => !expected(p)));
    watches.push(notFoundWatch);
  }

  // Charts are drawn at build time: they must all be there with JavaScript off, at both widths.
  for (const width of WIDTHS) {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    watches.push(watchContext(noScript));
    await inPool(visited, 2, async (url) => {
      const page = await noScript.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        const charts = await chartCheck(page);
        found.chartCount.set(url, charts.drawn);
        for (const missing of charts.withoutSvg) {
          found.charts.push({ page: url, detail: `at ${width} px: ${missing}` });
        }
      } finally {
        await page.close();
      }
    });
    await noScript.close();
  }
  console.log(`e2e: ${crawl.pages.length} pages crawled, ${crawl.urls.size} URLs checked, ${visited.length} pages opened at ${WIDTHS.join(' and ')} px`);
  console.log(`e2e: screenshots in ${SCREENSHOT_DIR}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the site built with --base /town/ and served by nginx', () => {
  test('the crawl from the home page reaches every page type of the contract', () => {
    const types = new Set(crawl.pages.map((u) => {
      const { type, key } = pageType(new URL(u).pathname, BASE);
      return type === 'topic' ? key : type;
    }));
    const expected = ['home', 'villages', 'village', 'data', 'about'];
    const topics: [string, string][] = [['cleanup', 'cleanup.csv'], ['construction', 'construction-points.csv'], ['toilets', 'toilets.csv'], ['ranking', 'inspections.csv']];
    for (const [slug, file] of topics) if (existsSync(path.join(REPO_ROOT, 'data', file))) expected.push(slug);
    const reportsDir = path.join(REPO_ROOT, 'content/reports');
    const published = existsSync(reportsDir) && readdirSync(reportsDir)
      .filter((f) => f.endsWith('.md'))
      .some((f) => !/^draft:\s*true\s*$/m.test(readFileSync(path.join(reportsDir, f), 'utf8').split(/^---\s*$/m)[1] ?? ''));
    if (published) expected.push('reports', 'report');
    expect([...types].sort()).toEqual(expect.arrayContaining(expected.sort()));
    // The feed exists when there are reports and a public address to put in it (contract §1).
    const siteMd = readFileSync(path.join(REPO_ROOT, 'content/site.md'), 'utf8');
    if (published && /^url:\s*https?:\/\//m.test(siteMd)) {
      expect(crawl.urls.get(`${server!.home}rss.xml`)?.status, '/town/rss.xml').toBe(200);
    }
  });

  test('every dataset is downloadable at /town/data/<name>.csv', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'data')).filter((f) => f.endsWith('.csv'));
    const missing = files.filter((f) => crawl.urls.get(`${server!.home}data/${encodeURIComponent(f)}`)?.status !== 200);
    expect(missing, 'datasets without a download linked from the site').toEqual([]);
  });

  test('every internal link and download answers 200', () => {
    expectNone([...crawl.badStatus, ...found.status], 'links that do not answer 200');
  });

  test('every response has the content type its name promises', () => {
    expectNone(crawl.badType, 'wrong content types');
    const kinds = [...crawl.urls.values()].map((u) => path.extname(new URL(u.url).pathname) || '/');
    expect(kinds, 'the open-data page links CSV downloads').toContain('.csv');
  });

  test('no link escapes /town/', () => {
    expectNone(crawl.escapes, 'links outside /town/');
  });

  test('<html lang="zh-CN"> and a non-empty <title> on every page', () => {
    // Pages the browser opened were checked there; the rest (unsampled village pages) as served.
    const served = crawl.pages.flatMap((page) => {
      const { lang, title } = crawl.heads.get(page) ?? { lang: null, title: '' };
      return [
        ...(lang === 'zh-CN' ? [] : [{ page, detail: `<html lang="${lang}"> as served, expected "zh-CN"` }]),
        ...(title ? [] : [{ page, detail: 'empty <title> as served' }]),
      ];
    });
    expectNone([...found.titles, ...served], 'language or title');
  });

  test('no console error on any page', () => {
    expectNone(watches.flatMap((w) => w.consoleErrors), 'console errors');
    expectNone(watches.flatMap((w) => w.brokenResources), 'broken sub-resources');
  });

  test('no request leaves loopback', () => {
    expectNone(watches.flatMap((w) => w.offsite), 'requests to other hosts');
  });

  test('every chart shows an svg[role=img] with JavaScript disabled, at 390 and 1280 px', () => {
    expectNone(found.charts, 'charts missing without JavaScript');
    const total = [...found.chartCount.values()].reduce((a, b) => a + b, 0);
    expect(total, 'drawn charts on the opened pages').toBeGreaterThan(0);
    const topicsWithout = [...found.chartCount]
      .filter(([url, n]) => pageType(new URL(url).pathname, BASE).type === 'topic' && n === 0)
      .map(([url]) => short(url));
    expect(topicsWithout, 'topic pages without a chart').toEqual([]);
  });

  test('axe-core finds no WCAG 2.1 A/AA violation', () => {
    const problems = [...found.axe].flatMap(([page, violations]) =>
      [...violations].map(([text, widths]) => ({ page, detail: `at ${widths.join(' and ')} px: ${text}` })));
    expectNone(problems, 'accessibility violations');
  });

  test('nothing overflows a 390 px viewport horizontally', () => {
    expectNone(found.overflow, 'horizontal overflow at 390 px');
  });

  test('a missing URL under /town/ answers 404 with the styled 404 page', () => {
    expectNone(found.notFound, '404 page');
  });

  test('screenshots of the main page types were saved', () => {
    const names = found.screenshots.map((f) => path.basename(f, '.png'));
    for (const name of ['home', 'villages', 'village', 'data', 'about', '404']) {
      for (const width of WIDTHS) expect(names, `${name}-${width}.png`).toContain(`${name}-${width}`);
    }
  });
});
