#!/usr/bin/env node
// Cross-platform entry for `npm run dev|build|preview` (Windows has no `VAR=value cmd`).
// Turns Astro's telemetry off, and for `build`: validates data and content first (same report as
// `npm run check`), indexes the built pages for the site search (Pagefind) afterwards, and never
// leaves a half-built site in the output folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const [command = 'dev', ...args] = process.argv.slice(2);

function run(argv) {
  const result = spawnSync(process.execPath, argv, { stdio: 'inherit', env });
  return result.status ?? 1;
}

function outDir() {
  const i = args.indexOf('--outDir');
  return path.resolve(i >= 0 && args[i + 1] ? args[i + 1] : 'dist');
}

/** 768 MB plus 60 MB per MB of CSV data beyond the first 5 MB. */
function heapLimitMb() {
  const dataDir = path.join(path.resolve(process.env.SITE_DIR || '.'), 'data');
  let bytes = 0;
  try {
    for (const f of readdirSync(dataDir)) if (f.toLowerCase().endsWith('.csv')) bytes += statSync(path.join(dataDir, f)).size;
  } catch {
    // no data folder: `check` has already said so
  }
  return Math.round(768 + Math.max(0, bytes / 1e6 - 5) * 60);
}

// astro's package.json does not export its bin file: find it next to the package root.
const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');
/**
 * The site search index: Pagefind's Node API (the same binary on Windows, macOS and Linux, from the
 * `pagefind` package's per-platform dependency) over the built pages, written to `<outDir>/pagefind/`.
 * Only elements marked `data-pagefind-body` are indexed: reports, topic, village and about pages;
 * charts are `data-pagefind-ignore` and the data tables (`.table-wrap`) are left out too, so a
 * result's excerpt is prose, not a row of figures.
 */
const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js',
];

async function indexSite(dir) {
  let pagefind;
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    console.error(`站内搜索索引无法生成：没有找到 pagefind 程序包（${error.message}）。请先运行 npm ci。`);
    return 1;
  }
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({ excludeSelectors: ['.table-wrap'] });
    if (!created.index) throw new Error(created.errors.join('; '));
    const added = await created.index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const bundle = path.join(dir, 'pagefind');
    const written = await created.index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    // The search page uses Pagefind's JavaScript API (pagefind.js, its worker and wasm) with its own
    // list of results; Pagefind's ready-made UIs (some 430 KB) are never loaded, so not published.
    for (const unused of UNUSED_PAGEFIND_FILES) rmSync(path.join(bundle, unused), { force: true });
    // page_count counts every HTML file read; the entry file knows how many went into the index.
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    const indexed = Object.values(entry.languages ?? {}).reduce((n, lang) => n + (lang.page_count ?? 0), 0);
    console.log(`站内搜索：${indexed} 个页面已编入索引（共 ${added.page_count} 个页面，${Math.round(performance.now() - started)} ms）。`);
    return 0;
  } catch (error) {
    console.error(`站内搜索索引生成失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await pagefind.close();
  }
}

// Pages write each chart's CSV and SVG download as they draw it (src/build/charts.ts), so every
// chart is drawn once per build; they land in <outDir>/data/charts/ when Astro is done.
const chartDir = command === 'build' ? mkdtempSync(path.join(tmpdir(), 'renju-charts-')) : null;
if (chartDir) env.SITE_CHART_DIR = chartDir;
if (command === 'build' && !/max-old-space-size/.test(env.NODE_OPTIONS ?? '')) {
  // V8 grows the heap lazily up to ~2 GB on this machine's 24 GB; the build's live data is far
  // smaller (3,000 villages: < 700 MB), so a cap keeps a county server's memory use modest.
  // It grows with the data so a larger county still builds.
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapLimitMb()}`.trim();
}
let code = run([astro, command, ...args]);
if (chartDir) {
  if (code === 0) cpSync(chartDir, path.join(outDir(), 'data', 'charts'), { recursive: true });
  rmSync(chartDir, { recursive: true, force: true });
}
if (command === 'build' && code === 0) code = await indexSite(outDir());
if (command === 'build' && code === 3) {
  // the validation step (astro.config.mjs) found errors and printed them; nothing was built
  rmSync(outDir(), { recursive: true, force: true });
  console.error('构建已停止：请先改正上面列出的错误。dist/ 中没有留下不完整的网站。');
  process.exit(1);
}
if (command === 'build' && code !== 0) {
  rmSync(outDir(), { recursive: true, force: true });
  console.error('构建失败：dist/ 已清空，以免上传不完整的网站。');
}
process.exit(code);
