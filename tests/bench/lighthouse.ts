// Lighthouse 12 (its default: mobile, simulated Slow 4G) on the home page, a topic page, /ranking/,
// a village page with photos and the heaviest report of the built site, served by nginx under /town/ and opened in Debian's
// Chromium. Prints the performance, accessibility, best-practices and SEO scores, the page's
// timings, and every weighted audit that lost points.
//
//   tsx tests/bench/lighthouse.ts [--dist <folder built with --base /town/>] [--json <file>]
//
// Lighthouse is not a dependency yet: `npm install --save-dev lighthouse@12.8.2` (it brings
// chrome-launcher). CHROME_PATH defaults to Debian's /usr/bin/chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../e2e/support/browser.ts';
import { buildSite, REPO_ROOT } from '../e2e/support/build.ts';
import { startNginx } from '../e2e/support/nginx.ts';

const BASE = '/town/';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const INSTALL = 'npm install --save-dev lighthouse@12.8.2';

/** The parts of Lighthouse's result this script reads (the package's own types need it installed). */
interface Audit {
  id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string;
  details?: { items?: { group?: string; groupLabel?: string; duration?: number; url?: string; startTime?: number }[] };
}
interface LighthouseResult {
  lhr: {
    lighthouseVersion: string;
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, Audit>;
  };
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;
interface LaunchedChrome { port: number; kill(): Promise<void> | void }
interface ChromeLauncher { launch(options: { chromePath: string; chromeFlags: string[]; logLevel?: string }): Promise<LaunchedChrome> }

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    json: { type: 'string', default: path.join(REPO_ROOT, 'tests/.out/lighthouse.json') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('usage: tsx tests/bench/lighthouse.ts [--dist <folder built with --base /town/>] [--json <file>]');
  process.exit(0);
}

/** Import a package that may not be installed, without TypeScript needing its types. */
async function optional<T>(name: string): Promise<T | null> {
  try {
    return (await import(name)) as T;
  } catch {
    return null;
  }
}

const lighthouseModule = await optional<{ default: Lighthouse }>('lighthouse');
const launcher = await optional<Partial<ChromeLauncher> & { default?: ChromeLauncher }>('chrome-launcher');
if (!lighthouseModule || !launcher) {
  console.error(`Lighthouse is not installed. Add it with:\n  ${INSTALL}`);
  process.exit(1);
}
const lighthouse = lighthouseModule.default;
// chrome-launcher 1.x has named ESM exports; a default export is taken too, in case.
const chromeLauncher: ChromeLauncher = launcher.launch ? { launch: launcher.launch } : launcher.default!;
const chromePath = requireChromium(process.env.CHROME_PATH || CHROMIUM);
process.env.CHROME_PATH = chromePath;

let tempOut: string | undefined;
let distDir: string;
if (args.dist) {
  distDir = path.resolve(args.dist);
} else {
  // Inside the repository: Astro stages an outDir outside the working directory in <cwd>/.astro/.
  mkdirSync(path.join(REPO_ROOT, 'tests/.tmp'), { recursive: true });
  tempOut = mkdtempSync(path.join(REPO_ROOT, 'tests/.tmp/lighthouse-'));
  console.log('building the site with --base /town/ …');
  distDir = (await buildSite({ outDir: tempOut, base: BASE })).outDir;
}

/**
 * One page of each kind, found in the built site: home, the first topic page, /ranking/, a village
 * page with photos (the first that has any, else the first), and the heaviest report.
 */
function pagesOf(dist: string): [string, string][] {
  const read = (p: string) => readFileSync(path.join(dist, p, 'index.html'), 'utf8');
  const exists = (p: string) => {
    try { return read(p).length > 0; } catch { return false; }
  };
  const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);
  const topic = ['cleanup', 'toilets', 'construction'].find(exists);
  const villages = all(read('villages'), /href="\/town\/(villages\/[^"/]+\/)"/g);
  const village = villages.find((v) => /<img\b/.test(read(v))) ?? villages[0];
  const reports = exists('reports') ? all(read('reports'), /href="\/town\/(reports\/[^"/]+\/)"/g).map(decodeURI) : [];
  const report = reports.sort((a, b) => read(b).length - read(a).length)[0];
  const pages: [string, string | undefined][] = [
    ['home', ''], ['topic', topic && `${topic}/`], ['ranking', exists('ranking') ? 'ranking/' : undefined],
    ['village', village], ['report', report],
  ];
  return pages.filter((p): p is [string, string] => p[1] !== undefined);
}

const server = await startNginx({ distDir, base: BASE });
// Lighthouse opens its own tab over the DevTools protocol; the flags are the project's own (the
// resolver rule keeps every request on 127.0.0.1).
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'error' });
const rows: { name: string; url: string; version: string; scores: Record<string, number | null>; lost: string[] }[] = [];
try {
  for (const [name, page] of pagesOf(distDir)) {
    const url = `${server.home}${page}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const scores = Object.fromEntries(CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, score === null || score === undefined ? null : Math.round(score * 100)];
    }));
    const weighted = new Set(CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)));
    const lost = Object.values(lhr.audits)
      .filter((a) => weighted.has(a.id) && a.scoreDisplayMode !== 'notApplicable' && a.score !== null && a.score < 1)
      .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ''})`);
    rows.push({ name, url: decodeURI(new URL(url).pathname), version: lhr.lighthouseVersion, scores, lost });
    console.log(`${name.padEnd(8)} ${decodeURI(new URL(url).pathname).padEnd(40)} ${CATEGORIES.map((c) => `${c} ${scores[c] ?? '—'}`).join('  ')}`);
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
    console.log(`           ${metrics.map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? '—'}`).join(' · ')}`);
    for (const l of lost) console.log(`           lost points: ${l}`);
    // What the main thread spent its time on, and its long tasks: what total-blocking-time counts.
    const work = lhr.audits['mainthread-work-breakdown'];
    const groups = (work?.details?.items ?? []).slice(0, 4).map((i) => `${i.groupLabel ?? i.group} ${Math.round(i.duration ?? 0)} ms`);
    const long = (lhr.audits['long-tasks']?.details?.items ?? []).map((i) => `${Math.round(i.duration ?? 0)} ms at ${Math.round(i.startTime ?? 0)} ms (${/^https?:/.test(i.url ?? '') ? decodeURI(new URL(i.url!).pathname) : i.url ?? '?'})`);
    console.log(`           main thread ${work?.displayValue ?? '—'}: ${groups.join(', ')}; long tasks: ${long.join(', ') || 'none'}`);
  }
} finally {
  await chrome.kill();
  await server.stop();
  if (tempOut) rmSync(tempOut, { recursive: true, force: true });
}
mkdirSync(path.dirname(args.json!), { recursive: true });
writeFileSync(args.json!, `${JSON.stringify({ lighthouse: rows[0]?.version, base: BASE, pages: rows }, null, 2)}\n`);
console.log(`Lighthouse ${rows[0]?.version ?? ''} (mobile) — details in ${path.relative(process.cwd(), args.json!)}`);
