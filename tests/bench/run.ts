// `npm run bench`: what a resident downloads (per page type, throttled like Lighthouse mobile),
// how the build scales with the number of villages, and what one chart costs to render.
// Prints a readable report and writes every figure to tests/.out/bench.json (git-ignored).
//
//   tsx tests/bench/run.ts [--scale] [--sizes 300,1000,3000] [--province] [--skip-pages] [--skip-build] [--skip-charts] [--skip-check] [--skip-ledger] [--ledger-villages 3000] [--skip-county] [--skip-photos] [--photos 300] [--skip-pictures] [--picture-villages 0,3000] [--pages-only]
//                          [--runs 5] [--chart-runs 50] [--keep] [--json <file>] [--dist <folder>]
//
// --dist measures a site already built with `--base /town/` instead of building the default one.
// --province adds a 20,000-village build (several minutes, ~2.5 GB) to the sizes; --scale runs only
// the 3,000- and 20,000-village builds (issue 23's figures). --pages-only builds them without the PNG
// pictures (SITE_BENCH_SKIP_PICTURES): the pages alone, since a province's ~48,000 pictures take hours.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/support/browser.ts';
import { buildSite, projectTempDir, REPO_ROOT } from '../e2e/support/build.ts';
import { crawlSite } from '../e2e/support/crawl.ts';
import { startNginx } from '../e2e/support/nginx.ts';
import { buildAtScale, type ScaleResult } from './buildScale.ts';
import { timeCharts, type ChartTiming } from './charts.ts';
import { CHECK_TARGET_MS, timeChecks, type CheckTiming } from './checkInputs.ts';
import { ledgerBench, type LedgerResult } from './ledger.ts';
import { LIMIT_TARGETS, workbookLimitsBench } from './workbookLimits.ts';
import { heaviestPages, measurePages, type PageMeasure } from './pages.ts';
import { HAND_WRITTEN, OBSERVABLE_FRAMEWORK, SCALE_REFERENCES, SCALE_TARGETS, SLOW_4G, TARGETS } from './peers.ts';
import { photoBuild, photoPage } from './photos.ts';
import { countyBench, countyPages, type CountyPages, type CountyResult } from './county.ts';
import { pictureBuilds, type PictureBuild } from './pictures.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,1000,3000' },
    province: { type: 'boolean', default: false },
    // issue 23's two builds alone: 3,000 and 20,000 villages, every other section skipped
    scale: { type: 'boolean', default: false },
    'pages-only': { type: 'boolean', default: false },
    'skip-pages': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'skip-charts': { type: 'boolean', default: false },
    'skip-check': { type: 'boolean', default: false },
    'skip-photos': { type: 'boolean', default: false },
    photos: { type: 'string', default: '300' },
    'skip-ledger': { type: 'boolean', default: false },
    'skip-pictures': { type: 'boolean', default: false },
    'picture-villages': { type: 'string', default: '0,3000' },
    'ledger-villages': { type: 'string', default: '3000' },
    'skip-county': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'chart-runs': { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    dist: { type: 'string' },
    json: { type: 'string', default: path.join(REPO_ROOT, 'tests/.out/bench.json') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log('usage: tsx tests/bench/run.ts [--scale] [--sizes 300,1000,3000] [--province] [--skip-pages] [--skip-build] [--skip-charts] [--skip-check] [--skip-ledger] [--ledger-villages 3000] [--skip-county] [--skip-photos] [--photos 300] [--skip-pictures] [--picture-villages 0,3000] [--pages-only] [--runs 5] [--chart-runs 50] [--keep] [--json file] [--dist folder]');
  process.exit(0);
}

const BASE = '/town/';
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number | null) => (n === null ? '—' : `${int(n)} ms`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const sec = (n: number) => `${(n / 1000).toFixed(1)} s`;

/** Left-aligned first column, right-aligned figures. */
function table(head: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(s));
    return i === 0 ? s + fill : fill + s;
  };
  const line = (cells: string[]) => `  ${cells.map(pad).join('  ')}`;
  return [line(head), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

interface PagesSection {
  siteBuildMs: number;
  settings: typeof SLOW_4G;
  peers: { observableFramework: typeof OBSERVABLE_FRAMEWORK; handWritten: typeof HAND_WRITTEN };
  targets: typeof TARGETS;
  pages: (PageMeasure & { bytesShareOfPeer: number })[];
  heaviest: { name: string; bytes: number; shareOfPeer: number; met: boolean } | null;
  slowestChart: { name: string; ms: number; met: boolean } | null;
}

async function pagesSection(runs: number, prebuilt: string | undefined): Promise<PagesSection> {
  console.log('\n== 1. What a resident downloads (default site, --base /town/, nginx + gzip) ==');
  console.log(`   Chromium, Slow 4G (${SLOW_4G.latency} ms, ${int(SLOW_4G.downloadThroughput * 8 / 1024)} Kbps down, ` +
    `${int(SLOW_4G.uploadThroughput * 8 / 1024)} Kbps up), CPU ×${SLOW_4G.cpuSlowdown}, cache off, ` +
    `${SLOW_4G.viewport.width}×${SLOW_4G.viewport.height}; median of ${runs} runs`);
  const outDir = prebuilt ? path.resolve(prebuilt) : projectTempDir('bench-pages-');
  const built = prebuilt ? { ms: 0 } : await buildSite({ outDir, base: BASE });
  console.log(prebuilt ? `   prebuilt site: ${outDir}` : `   site built in ${sec(built.ms)}`);
  const server = await startNginx({ distDir: outDir, base: BASE });
  const browser = await launchChromium();
  try {
    const crawl = await crawlSite({ home: server.home });
    const chosen = await heaviestPages(crawl.pages, BASE);
    console.log(`   the heaviest page of each type (gzipped HTML as served) of the ${crawl.pages.length} pages crawled`);
    const measured = await measurePages(browser, chosen, runs);
    // Photos have their own target (section 6): the page weight is the page, its CSS and scripts.
    const pages = measured.map((p) => ({ ...p, bytesShareOfPeer: (p.bytes - p.imageBytes) / OBSERVABLE_FRAMEWORK.bytes }));
    const peerRow = (p: typeof OBSERVABLE_FRAMEWORK) => [
      p.label, int(p.requests), int(p.bytes), int(p.jsBytes), '', '', ms(p.firstChartMs), '—', p.chartWithoutJs ? 'yes' : 'no', '',
    ];
    console.log(table(
      ['page', 'requests', 'bytes', 'JS files', 'inline JS', 'of it photos', 'first chart', 'FCP', 'chart without JS', 'page vs peer'],
      [
        ...pages.map((p) => [
          `${p.name} ${p.path}`, int(p.requests), int(p.bytes), int(p.jsBytes), `${int(p.inlineJsChars)} ch`, p.imageBytes ? int(p.imageBytes) : '—', ms(p.firstChartMs), ms(p.fcpMs),
          p.chartInHtml ? `yes (${p.svgCharts} svg)` : 'no chart', `${(p.bytesShareOfPeer * 100).toFixed(1)}%`,
        ]),
        peerRow(OBSERVABLE_FRAMEWORK),
        peerRow(HAND_WRITTEN),
      ],
    ));
    const blocked = pages.filter((p) => p.scriptBlocksChart).map((p) => p.name);
    if (blocked.length) {
      console.log(`   note: a classic <script> between the stylesheet and the first chart stops the parser until the CSS ` +
        `has loaded (one more round trip before the chart) on: ${blocked.join(', ')}`);
    }
    for (const p of pages) {
      if (p.problems.length) console.log(`   ! ${p.name}: ${p.problems.slice(0, 5).join('; ')}`);
    }
    const heaviestPage = pages.reduce<(typeof pages)[number] | null>((a, p) => (!a || p.bytesShareOfPeer > a.bytesShareOfPeer ? p : a), null);
    const charted = pages.filter((p) => p.firstChartMs !== null);
    const slowest = charted.reduce<(typeof pages)[number] | null>((a, p) => (!a || p.firstChartMs! > a.firstChartMs! ? p : a), null);
    const heaviest = heaviestPage && {
      name: heaviestPage.name,
      bytes: heaviestPage.bytes - heaviestPage.imageBytes,
      shareOfPeer: heaviestPage.bytesShareOfPeer,
      met: heaviestPage.bytesShareOfPeer <= TARGETS.maxBytesShareOfPeer,
    };
    const slowestChart = slowest && { name: slowest.name, ms: slowest.firstChartMs!, met: slowest.firstChartMs! <= TARGETS.maxFirstChartMs };
    if (heaviest) {
      console.log(`   target: heaviest page (photos aside) ≤ 1/10 of the peer's ${int(OBSERVABLE_FRAMEWORK.bytes)} bytes ` +
        `(${int(OBSERVABLE_FRAMEWORK.bytes * TARGETS.maxBytesShareOfPeer)}): ${heaviest.name} ${int(heaviest.bytes)} bytes = ` +
        `1/${(1 / heaviest.shareOfPeer).toFixed(1)} of the peer → ${heaviest.met ? 'MET' : 'NOT MET'}`);
    }
    if (slowestChart) {
      console.log(`   target: first chart within ${TARGETS.maxFirstChartMs} ms on every page: slowest ${slowestChart.name} ` +
        `${ms(slowestChart.ms)} (peer ${ms(OBSERVABLE_FRAMEWORK.firstChartMs)}, hand-written ${ms(HAND_WRITTEN.firstChartMs)}) → ${slowestChart.met ? 'MET' : 'NOT MET'}`);
    } else {
      console.log('   target: first chart — no page showed a chart');
    }
    return { siteBuildMs: built.ms, settings: SLOW_4G, peers: { observableFramework: OBSERVABLE_FRAMEWORK, handWritten: HAND_WRITTEN }, targets: TARGETS, pages, heaviest, slowestChart };
  } finally {
    await browser.close();
    await server.stop();
    if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
  }
}

interface BuildSection {
  sizes: ScaleResult[];
  growth: { from: number; to: number; perVillageTimeRatio: number; perVillageMemoryRatio: number; perVillageDistRatio: number } | null;
}

async function buildSection(sizes: number[], keep: boolean, pagesOnly: boolean): Promise<BuildSection> {
  console.log(`\n== 2. Build scale (synthetic data: 24 months, every dataset, 3 reports${pagesOnly ? '; pages only, no PNG pictures' : ''}) ==`);
  const results: ScaleResult[] = [];
  for (const n of sizes) {
    results.push(await buildAtScale(n, { keep, pagesOnly, log: (l) => console.log(l) }));
  }
  const stage = (r: ScaleResult, key: 'loadMs' | 'chartMs') => (r.timings ? sec(r.timings[key]) : 'n/a');
  console.log(table(
    ['villages', 'build', 'pages', 'pages/s', 'peak RSS (largest process)', 'peak RSS (tree)', 'dist/', 'data loading', 'chart rendering', 'charts', 'pictures (after Astro)', 'Astro + rest'],
    results.map((r) => [
      int(r.villages), sec(r.buildMs), int(r.pages), r.pagesPerSecond.toFixed(1), `${mib(r.memory.maxProcessBytes)} (${r.memory.largest ?? '?'})`, mib(r.memory.maxTreeBytes),
      `${mib(r.distBytes)} / ${int(r.distFiles)} files`, stage(r, 'loadMs'), stage(r, 'chartMs'), r.timings ? int(r.timings.charts) : 'n/a',
      r.timings?.pictureMs === undefined ? 'n/a' : `${int(r.timings.pictures ?? 0)} in ${sec(r.timings.pictureMs)} (${r.timings.pictureWorkers ?? 1} workers)`,
      r.restMs === null ? 'n/a' : sec(r.restMs),
    ]),
  ));
  for (const r of results) {
    const peaks = Object.entries(r.memory.byCommand ?? {}).filter(([, b]) => b > 50 * 1024 * 1024).sort((a, b) => b[1] - a[1]);
    console.log(`   ${int(r.villages)} villages, peak RSS by process: ${peaks.map(([c, b]) => `${c || '?'} ${mib(b)}`).join(', ')}`);
  }
  if (results.some((r) => !r.timings)) {
    console.log('   (n/a: the build did not write $SITE_TIMINGS_FILE, so stage times are unknown)');
  }
  scaleReferences(results);
  let growth: BuildSection['growth'] = null;
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && last.villages > first.villages) {
    const per = (r: ScaleResult, v: number) => v / r.villages;
    growth = {
      from: first.villages,
      to: last.villages,
      perVillageTimeRatio: per(last, last.buildMs) / per(first, first.buildMs),
      perVillageMemoryRatio: per(last, last.memory.maxTreeBytes) / per(first, first.memory.maxTreeBytes),
      perVillageDistRatio: per(last, last.distBytes) / per(first, first.distBytes),
    };
    console.log(`   growth ${int(first.villages)} → ${int(last.villages)} villages (×${(last.villages / first.villages).toFixed(0)}): ` +
      `build time ×${(last.buildMs / first.buildMs).toFixed(2)}, per-village cost ratio ${growth.perVillageTimeRatio.toFixed(2)} ` +
      `(1 = linear; below 1: fixed costs dominate, above 1: worse than linear)`);
    console.log(`   per-village ratio of dist/ size ${growth.perVillageDistRatio.toFixed(2)}, of peak tree memory ${growth.perVillageMemoryRatio.toFixed(2)}`);
    if (first.timings && last.timings) {
      const ratio = (k: 'loadMs' | 'chartMs') => (last.timings![k] / last.villages) / (first.timings![k] / first.villages);
      console.log(`   per-village ratio of data loading ${ratio('loadMs').toFixed(2)}, of chart rendering ${ratio('chartMs').toFixed(2)}`);
    }
  }
  return { sizes: results, growth };
}

/** This run beside issue 23's figures for the same sizes, and its targets. */
function scaleReferences(results: ScaleResult[]): void {
  const mb = (n: number) => `${Math.round(n / 1e6).toLocaleString('en-US')} MB`;
  const rows: string[][] = [];
  for (const r of results) {
    const refs = SCALE_REFERENCES.filter((x) => x.villages === r.villages);
    if (refs.length === 0) continue;
    for (const ref of refs) rows.push([`${int(ref.villages)} (${ref.label})`, sec(ref.ms), mb(ref.bytes), '']);
    const target = SCALE_TARGETS.find((t) => t.villages === r.villages);
    const met = target && r.memory.maxProcessBytes <= target.maxBytes && (target.maxMs === null || r.buildMs <= target.maxMs);
    const goal = target ? `≤ ${mb(target.maxBytes)}${target.maxMs === null ? '' : `, ≤ ${sec(target.maxMs)}`}: ${met ? 'MET' : 'NOT MET'}` : '';
    rows.push([`${int(r.villages)} (this run, load ${r.loadAverage})`, sec(r.buildMs), `${mb(r.memory.maxProcessBytes)} (tree ${mb(r.memory.maxTreeBytes)})`, goal]);
  }
  if (rows.length === 0) return;
  console.log('   beside issue 23 (peak = the largest process, the Astro build; time is noisy on a shared machine):');
  console.log(table(['build', 'time', 'peak memory', 'target'], rows));
}

async function chartsSection(runs: number): Promise<ChartTiming[]> {
  console.log(`\n== 3. Chart rendering (renderChart, median of ${runs} runs after warm-up) ==`);
  const timings = await timeCharts(runs);
  console.log(table(
    ['chart', 'rows', 'median', 'p90', 'wide SVG'],
    timings.map((t) => [t.name, int(t.rows), `${t.medianMs.toFixed(2)} ms`, `${t.p90Ms.toFixed(2)} ms`, kb(t.svgBytes)]),
  ));
  return timings;
}

async function checkSection(): Promise<CheckTiming[]> {
  console.log(`\n== 4. npm run check on extreme inputs (target: under ${CHECK_TARGET_MS / 1000} s each) ==`);
  const timings = timeChecks();
  console.log(table(
    ['input', 'npm run check (process)', 'in-process load + check', 'exit', 'target'],
    timings.map((t) => [t.name, ms(t.processMs), ms(t.inProcessMs), String(t.exitCode), t.met ? 'MET' : 'NOT MET']),
  ));
  return timings;
}

async function ledgerSection(villages: number, keep: boolean): Promise<LedgerResult> {
  console.log(`\n== 5. Reading a ledger workbook (台账.xlsx: ${int(villages)} villages, 24 months, every dataset as a sheet ` +
    'with a merged title, a 填报 row and 序号) beside the same data as CSV files ==');
  const r = ledgerBench(villages, 24, keep);
  const row = (name: string, l: LedgerResult['csv'], bytes: number) => [
    name, `${mib(bytes)} (${int(bytes)} B)`, ms(l.ms), ms(l.cpuMs), mib(l.maxRssBytes), int(Object.values(l.rows).reduce((a, b) => a + b, 0)), int(l.errors),
  ];
  console.log(table(
    ['files', 'size', 'load (wall)', 'load (CPU)', 'peak RSS', 'rows', 'errors'],
    [row('data/*.csv', r.csv, r.csvBytes), row('data/台账.xlsx', r.workbook, r.workbookBytes)],
  ));
  if (!r.sameRows) console.log('   ! the workbook and the CSV files did not load the same number of rows');
  for (const e of r.workbook.firstErrors) console.log(`   ! ${e}`);
  console.log(`   target: the workbook loads in under ${sec(r.targets.maxMs)} and ${mib(r.targets.maxRssBytes)}: ` +
    `${sec(r.workbook.ms)} wall (${sec(r.workbook.cpuMs)} CPU), ${mib(r.workbook.maxRssBytes)} → ${r.met ? 'MET' : 'NOT MET'}` +
    (r.workbook.ms > r.workbook.cpuMs * 1.5 ? ' (wall time well above CPU time: the machine was busy)' : ''));
  return r;
}

async function countySection(keep: boolean): Promise<CountyResult> {
  console.log('\n== 5b. A county (contract §3.11): 15 townships × 20 villages × 12 months, npm run check on one 台账.xlsx ' +
    'per township folder (data/<乡镇>/台账.xlsx) beside the same data as one set of CSV files ==');
  const r = countyBench(15, 20, 12, keep);
  const row = (name: string, l: CountyResult['csv'], bytes: number) => [
    name, `${mib(bytes)} (${int(bytes)} B)`, ms(l.ms), ms(l.cpuMs), mib(l.maxRssBytes), int(Object.values(l.rows).reduce((a, b) => a + b, 0)), int(l.errors),
  ];
  console.log(table(
    ['files', 'size', 'check (wall)', 'check (CPU)', 'peak RSS', 'rows', 'errors'],
    [row('data/*.csv', r.csv, r.csvBytes), row(`data/<乡镇>/台账.xlsx ×${r.townships}`, r.folders, r.workbookBytes)],
  ));
  if (!r.sameRows) console.log('   ! the township workbooks and the CSV files did not load the same number of rows');
  for (const e of r.folders.firstErrors) console.log(`   ! ${e}`);
  console.log(`   target: the county's folders check in under ${sec(r.targets.maxMs)} and ${mib(r.targets.maxRssBytes)}: ` +
    `${sec(r.folders.ms)} wall (${sec(r.folders.cpuMs)} CPU), ${mib(r.folders.maxRssBytes)} → ${r.met ? 'MET' : 'NOT MET'}`);
  return r;
}

async function countyPagesSection(keep: boolean): Promise<CountyPages> {
  console.log('\n== 5c. A county of 75 townships (8 villages each, 12 months): page weight of the home page and the heaviest /townships/<slug>/ page ==');
  const r = await countyPages(75, 8, keep);
  console.log(`   built ${int(r.townships)} township pages (${int(r.villages)} villages) in ${sec(r.buildMs)}`);
  console.log(table(
    ['page', 'path', 'HTML (gzip)', 'HTML + CSS + JS (gzip)'],
    r.pages.map((p) => [p.name, p.path, `${int(p.htmlGzipBytes)} B`, `${int(p.bytes)} B`]),
  ));
  console.log(`   target: every page under ${int(r.maxBytes)} B → ${r.met ? 'MET' : 'NOT MET'}`);
  return r;
}

/** The PNG pictures (contract §6.2): time added to a first build and to a rebuild with the cache. */
async function picturesSection(list: string): Promise<PictureBuild[]> {
  console.log('\n== 7. PNG pictures (resvg, shipped Noto Sans SC; first build with an empty cache, then a rebuild) ==');
  const rows: PictureBuild[] = [];
  for (const n of list.split(',').map((s) => Number(s.trim()))) rows.push(...await pictureBuilds(n, (l) => console.log(l)));
  console.log(table(['site', 'build', 'whole build', 'pictures', 'time in pictures', 'largest PNG'], rows.map((r) => [
    r.site, r.run, sec(r.buildMs), int(r.pictures), sec(r.pictureMs), `${kb(r.largestPng.bytes)} (${r.largestPng.file})`,
  ])));
  return rows;
}

async function main(): Promise<number> {
  if (args.scale) {
    args.sizes = '3000';
    args.province = true;
    for (const key of ['skip-pages', 'skip-charts', 'skip-check', 'skip-ledger', 'skip-county', 'skip-photos', 'skip-pictures'] as const) args[key] = true;
  }
  const sizes = args.sizes!.split(',').map((s) => Number(s.trim().replace(/[_,]/g, ''))).filter((n) => n > 0);
  if (args.province && !sizes.includes(20_000)) sizes.push(20_000);
  const started = new Date();
  const report: Record<string, unknown> = {
    startedAt: started.toISOString(),
    machine: { node: process.version, platform: `${process.platform} ${process.arch}` },
  };
  const failures: string[] = [];
  const section = async <T>(name: string, skip: boolean, run: () => Promise<T>) => {
    if (skip) return;
    try {
      report[name] = await run();
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      console.error(`\n!! ${name} failed:\n${message}`);
      report[name] = { error: message };
      failures.push(name);
    }
  };
  await section('pages', args['skip-pages']!, () => pagesSection(Number(args.runs), args.dist));
  await section('build', args['skip-build']!, () => buildSection(sizes, args.keep!, args['pages-only']!));
  await section('charts', args['skip-charts']!, () => chartsSection(Number(args['chart-runs'])));
  await section('check', args['skip-check']!, () => checkSection());
  await section('ledger', args['skip-ledger']!, () => ledgerSection(Number(args['ledger-villages']), args.keep!));
  await section('county', args['skip-county']!, () => countySection(args.keep!));
  await section('countyPages', args['skip-county']!, () => countyPagesSection(args.keep!));
  await section('workbookLimits', args['skip-ledger']!, async () => {
    console.log(`\n== 5d. Refusing hostile workbooks (target: one error at the file, under ${sec(LIMIT_TARGETS.maxMs)} and ${mib(LIMIT_TARGETS.maxRssBytes)}) ==`);
    const runs = await workbookLimitsBench();
    console.log(table(
      ['workbook', 'size', 'load (wall)', 'load (CPU)', 'peak RSS', 'errors', 'target'],
      runs.map((r) => [r.name, `${int(r.bytes)} B`, ms(r.ms), ms(r.cpuMs), mib(r.maxRssBytes), String(r.errors), r.met ? 'MET' : 'NOT MET']),
    ));
    for (const r of runs) if (!r.met) console.log(`   ! ${r.name}: ${r.firstErrors.join(' | ')}`);
    return runs;
  });
  await section('photos', args['skip-photos']!, async () => {
    console.log(`\n== 6. Photos (phone-like 4000×3000 JPEGs with grain; nginx + gzip, Slow 4G) ==`);
    const log = (l: string) => console.log(l);
    // --photos 0: the page figures only
    return { page: await photoPage(Number(args.runs), log), build: Number(args.photos) > 0 ? await photoBuild(Number(args.photos), log) : null };
  });
  await section('pictures', args['skip-pictures']!, () => picturesSection(args['picture-villages']!));
  report.finishedAt = new Date().toISOString();
  mkdirSync(path.dirname(args.json!), { recursive: true });
  writeFileSync(args.json!, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), args.json!) || args.json} (${sec(Date.now() - started.getTime())} in all)`);
  if (failures.length) console.error(`failed sections: ${failures.join(', ')}`);
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
