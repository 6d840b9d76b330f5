// What a resident downloads: each page type of the site, served by nginx (gzip), loaded in
// Chromium under Lighthouse's mobile Slow 4G and 4x CPU slowdown with the cache disabled.
import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { watchContext } from '../e2e/support/browser.ts';
import { pageType } from '../e2e/support/crawl.ts';
import { SLOW_4G } from './peers.ts';

export interface PageRun {
  requests: number;
  /** sum of encodedDataLength over Network.loadingFinished: bytes on the wire */
  bytes: number;
  jsBytes: number;
  /** of `bytes`, images (a village's photos: their own target, photos.ts) */
  imageBytes: number;
  /** ms from navigation start until the first svg[role=img] was in the DOM; null: no chart */
  firstChartMs: number | null;
  fcpMs: number | null;
  loadMs: number;
}

export interface PageMeasure extends PageRun {
  name: string;
  path: string;
  /** the chart's SVG is in the HTML as served (so it shows with JavaScript disabled) */
  chartInHtml: boolean;
  /** svg[role=img] elements in the HTML as served */
  svgCharts: number;
  /**
   * a classic <script> sits between a stylesheet and the first chart: the parser stops there
   * until the stylesheet has loaded, so the chart enters the DOM a round trip later
   */
  scriptBlocksChart: boolean;
  /** characters of inline <script> code in the HTML (not counted in jsBytes, which is files) */
  inlineJsChars: number;
  /** HTML document alone, bytes as served with gzip and without */
  htmlGzipBytes: number;
  htmlBytes: number;
  runs: PageRun[];
  /** requests to other hosts or console errors seen while measuring */
  problems: string[];
}

// Runs before any of the page's own code: note when the first chart appears.
const FIRST_CHART_SCRIPT = `(() => {
  const w = window;
  w.__benchFirstChart = null;
  const seen = () => {
    if (w.__benchFirstChart === null && document.querySelector('svg[role="img"]')) {
      w.__benchFirstChart = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

// A string, not a function: tsx's keepNames would add a `__name` helper the page does not have.
const TIMING_SCRIPT = `new Promise((resolve) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const done = (fcp) => resolve({ fcp, chart: window.__benchFirstChart ?? null, load: nav ? nav.loadEventStart : 0 });
  const entry = performance.getEntriesByName('first-contentful-paint')[0];
  if (entry) return done(entry.startTime);
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) done(fcp.startTime);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(() => done(null), 5000);
})`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const medianOrNull = (values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === values.length && known.length > 0 ? median(known) : null;
};

async function measureOnce(browser: Browser, url: string, problems: string[]): Promise<PageRun> {
  const context = await browser.newContext({ viewport: SLOW_4G.viewport });
  const watch = watchContext(context);
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_CHART_SCRIPT);
    const cdp = await context.newCDPSession(page);
    const types = new Map<string, string>();
    let requests = 0;
    let bytes = 0;
    let jsBytes = 0;
    let imageBytes = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith('data:')) requests++;
    });
    cdp.on('Network.responseReceived', (e) => { types.set(e.requestId, e.type); });
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Image') imageBytes += e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_4G.latency,
      downloadThroughput: SLOW_4G.downloadThroughput,
      uploadThroughput: SLOW_4G.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });

    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Late requests (lazy images, scripts' fetches) would count too; the site should have none.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const timing = (await page.evaluate(TIMING_SCRIPT)) as { fcp: number | null; chart: number | null; load: number };
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    for (const p of [...watch.offsite, ...watch.consoleErrors, ...watch.brokenResources]) problems.push(p.detail);
    return { requests, bytes, jsBytes, imageBytes, firstChartMs: timing.chart, fcpMs: timing.fcp, loadMs: timing.load };
  } finally {
    await context.close();
  }
}

async function servedHtml(url: string): Promise<{ gzip: number; plain: number; text: string }> {
  // Node's fetch inflates gzip, so the length on the wire comes from node:http, which does not.
  const gzip = await new Promise<number>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => { n += chunk.length; });
      res.on('end', () => resolve(n));
    });
    req.on('error', reject);
    req.end();
  });
  const text = await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).text();
  return { gzip, plain: Buffer.byteLength(text), text };
}

/**
 * One page per page type (each topic page its own type), the heaviest of its type as served
 * (gzipped HTML): the weight target is for every page, and the first village or report found
 * need not be the heaviest (issue 21: the first report was 4 KB lighter than another).
 */
export async function heaviestPages(pages: string[], base: string): Promise<Map<string, string>> {
  const heaviest = new Map<string, { url: string; gzip: number }>();
  for (const url of pages) {
    const { type, key } = pageType(new URL(url).pathname, base);
    const name = type === 'topic' ? key : type === 'other' ? '' : type;
    if (!name) continue;
    const { gzip } = await servedHtml(url);
    const known = heaviest.get(name);
    if (!known || gzip > known.gzip) heaviest.set(name, { url, gzip });
  }
  return new Map([...heaviest].map(([name, { url }]) => [name, url]));
}

/** Measure each named page `runs` times; figures are medians. */
export async function measurePages(browser: Browser, pages: Map<string, string>, runs = 3): Promise<PageMeasure[]> {
  const out: PageMeasure[] = [];
  for (const [name, url] of pages) {
    const problems: string[] = [];
    // One unthrottled load first so nginx and the disk are warm and each run sees the same server.
    await fetch(url).then((r) => r.arrayBuffer());
    const results: PageRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, url, problems));
    const html = await servedHtml(url);
    const svgCharts = (html.text.match(/<svg\b[^>]*\brole=["']?img\b/g) ?? []).length;
    const inlineJsChars = [...html.text.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type=["']?application\/(ld\+)?json)[^>]*>([\s\S]*?)<\/script>/g)]
      .reduce((n, m) => n + m[2]!.length, 0);
    const firstSvg = html.text.search(/<svg\b[^>]*\brole=["']?img\b/);
    const firstCss = html.text.search(/<link\b[^>]*\brel=["']?stylesheet\b/);
    const classic = [...html.text.matchAll(/<script\b([^>]*)>/g)]
      .filter((m) => !/\b(async|defer)\b|type=["']?(module|application\/(ld\+)?json)/.test(m[1]!))
      .map((m) => m.index!);
    const scriptBlocksChart = firstSvg > 0 && firstCss >= 0 && classic.some((i) => i > firstCss && i < firstSvg);
    out.push({
      name,
      path: decodeURI(new URL(url).pathname),
      requests: median(results.map((r) => r.requests)),
      bytes: median(results.map((r) => r.bytes)),
      jsBytes: median(results.map((r) => r.jsBytes)),
      imageBytes: median(results.map((r) => r.imageBytes)),
      firstChartMs: medianOrNull(results.map((r) => r.firstChartMs)),
      fcpMs: medianOrNull(results.map((r) => r.fcpMs)),
      loadMs: median(results.map((r) => r.loadMs)),
      chartInHtml: svgCharts > 0,
      svgCharts,
      inlineJsChars,
      scriptBlocksChart,
      htmlGzipBytes: html.gzip,
      htmlBytes: html.plain,
      runs: results,
      problems: [...new Set(problems)],
    });
  }
  return out;
}
