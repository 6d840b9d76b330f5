#!/usr/bin/env node
// Cross-platform entry for `npm run dev|build|preview` (Windows has no `VAR=value cmd`).
// Turns Astro's telemetry off, and for `build` publishes safely (contract §2, `npm run build`):
//
// - the output folder (`--outDir x`, `--outDir=x`, default dist/) is checked first: the project, a
//   folder above it, the data/content/public folders, or a non-empty folder that is not an earlier
//   build of this site (no marker file, see publish.mjs) are refused with a Chinese error;
// - lock files keep two builds apart: `.renju-build.lock` in the project (builds share Astro's
//   caches) and `<outDir>.lock` (two projects publishing to one folder); a lock left by a process
//   that no longer runs is taken over;
// - the new site is built beside the old one, in `<outDir>.building-<pid>/site/` (same file
//   system, so it can be renamed into place): validation, Astro, chart downloads and the search
//   index all write there;
// - only when every step succeeded is it marked, made readable by everyone (755/644) and swapped in
//   with two renames; any error, Ctrl+C (SIGINT), SIGTERM or closed terminal (SIGHUP) leaves the
//   previous site exactly as it was and removes the temporary folder. After a SIGKILL the folder
//   and the lock stay behind, never under the site's own name, and the next build removes them.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  acquireLock, BuildRefused, chmodTree, cleanLeftovers, createWorkDir, fileSystemMessage, isFileSystemError, markSite,
  moveTree, parseBuildArgs, projectLockPath, releaseLock, safeOutDir, stagingRoot, stagingSite, swapIn,
} from './publish.mjs';
import { ENV, readConfig } from '../config.mjs';
import { takePrevious } from './previous.mjs';

const require = createRequire(import.meta.url);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const config = readConfig();
const [command = 'dev', ...args] = process.argv.slice(2);

// astro's package.json does not export its bin file: find it next to the package root.
const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'astro.js');

/**
 * The heap cap the build starts with: 448 MB plus 32 MB per MB of table data (CSV, TXT, workbooks
 * weighted) beyond the first 5 MB, about 1.7 times the live heap measured (`--trace-gc`, README
 * "Build memory"): 3,000 villages (6 MB of CSV) ~250 MB live, cap 477 MB; 20,000 villages (41 MB)
 * ~900 MB live, cap 1,616 MB. A data set that needs more gets it: the build starts again with
 * twice the cap (build()).
 */
function heapLimitMb() {
  const dataDir = path.join(config.siteDir, 'data');
  let bytes = 0;
  try {
    // A workbook's cells take about three times its zipped size as text.
    for (const f of readdirSync(dataDir)) {
      const ext = path.extname(f).toLowerCase();
      const weight = ext === '.csv' || ext === '.txt' ? 1 : ext === '.xlsx' || ext === '.xls' ? 3 : 0;
      if (weight > 0) bytes += weight * statSync(path.join(dataDir, f)).size;
    }
  } catch {
    // no data folder: `check` has already said so
  }
  return Math.round(448 + Math.max(0, bytes / 1e6 - 5) * 32);
}

/** The most heap a retried build may ask for: three quarters of the machine's memory. */
function roomForHeapMb() {
  return Math.floor((totalmem() / 1048576) * 0.75);
}

/**
 * The heap cap to retry with after a run (Astro's or the picture workers') ran out at `limit`:
 * twice as much, while the machine has it; null when there is no retry (a cap the user gave, or
 * no room), after saying so in Chinese.
 */
function moreHeap(limit, given) {
  const more = Math.min(limit * 2, roomForHeapMb());
  if (!given && more >= limit * 1.25) return more;
  console.error(outOfMemoryMessage(limit, given));
  return null;
}

function outOfMemoryMessage(limit, given) {
  return given
    ? `内存不够：NODE_OPTIONS 中设定的堆内存上限 ${limit} MB 不够本次构建使用。请调大 --max-old-space-size 的数值（或去掉这一设置，由构建程序按数据量自动决定）后重试。`
    : `内存不够：本次构建已用到 ${limit} MB 堆内存，这台电脑的内存（共 ${Math.round(totalmem() / 1048576)} MB）不够再加。请关闭其他程序后重试，或换一台内存更大的电脑构建。`;
}

/**
 * The signal that stopped us, if any. A terminal's Ctrl+C reaches the whole process group (Astro
 * too); a `kill <pid>` reaches only this process: either way the child is told, and we wait for it.
 */
let stopSignal = null;
/** The running children: Astro, or the picture workers. */
const children = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of SIGNALS) {
  process.on(signal, () => {
    stopSignal ??= signal;
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try { child.kill(signal); } catch { /* already gone */ }
      // Astro normally stops at once; do not let a stuck child keep the build (and its lock) alive.
      setTimeout(() => { try { child.kill('SIGKILL'); } catch { /* gone */ } }, 10_000).unref();
    }
  });
}

/** The child stops itself when this process dies without telling it (a SIGKILL): parentWatch.cjs. */
const parentWatch = fileURLToPath(new URL('parentWatch.cjs', import.meta.url));

/** Our own integrations, whose errors are Chinese reports already printed (astro.config.mjs). */
const OUR_HOOK_ERROR = /\[(validate-data-and-content|public-photos-without-metadata)\] An unhandled error occurred while running the "astro:[a-z:]+" hook/;
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Astro's stderr, less its English frame around our integrations' Chinese reports (the "An
 * unhandled error occurred while running the … hook" line and an empty "Stack trace:"), and less
 * its error and stack for a full, read-only or forbidden disk: `seen.code` keeps that code, and
 * the wrapper says it in Chinese afterwards (fileSystemMessage). Likewise V8's dump when the heap
 * cap is reached: `seen.outOfMemory`, and build() starts again with more or says so in Chinese.
 */
function filterStderr(stream, seen) {
  let held = null; // { line, kind: 'stack' | 'error' | 'blank' }: printed or dropped by what follows
  let quiet = false; // after a disk error: the rest is its English location and stack
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const plain = line.replace(ANSI, '');
    // V8's last words when the heap cap is reached (its GC log, stack and native trace: English, for
    // developers) are not shown: the build says in Chinese what happens next (build()). A worker
    // thread (tsx's module loader) that reaches it ends the process with ERR_WORKER_OUT_OF_MEMORY.
    if (/^<--- Last few GCs --->|JavaScript heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/.test(plain)) {
      seen.outOfMemory = true;
      quiet = true;
      held = null;
    }
    const code = /\b(ENOSPC|EDQUOT|EROFS|EACCES)\b/.exec(plain);
    if (code) {
      seen.code ??= code[1];
      quiet = true;
      held = null; // the "[ERROR] … Build failed" line announcing it
    }
    if (quiet) return;
    if (held !== null) {
      const { line: before, kind } = held;
      held = null;
      if (kind === 'stack' && plain.trim() === '') return;
      process.stderr.write(`${before}\n`);
    }
    if (OUR_HOOK_ERROR.test(plain)) return;
    if (/^\s*Stack trace:\s*$/.test(plain)) held = { line, kind: 'stack' };
    else if (plain.trim() === '') held = { line, kind: 'blank' }; // V8's dump starts with one
    else if (/\[ERROR\]/.test(plain)) held = { line, kind: 'error' };
    else process.stderr.write(`${line}\n`);
  });
  return new Promise((resolve) => lines.on('close', () => {
    if (held?.kind === 'error') process.stderr.write(`${held.line}\n`);
    resolve();
  }));
}

/**
 * Run Node with `argv` as a child (Astro, or a picture worker); resolves with its exit code
 * (signals map to 128 + n, like a shell). `seen` (build only): its stderr is filtered
 * (filterStderr) and what it says about the disk kept.
 */
function run(argv, seen = null) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', parentWatch, ...argv], { stdio: ['inherit', 'inherit', seen ? 'pipe' : 'inherit'], env });
    children.add(child);
    const filtered = seen ? filterStderr(child.stderr, seen) : Promise.resolve();
    child.on('error', (error) => {
      console.error(`无法启动 Node.js 子进程：${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      void filtered.then(() => resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 137)));
    });
  });
}

/** The picture workers' script, and tsx's loader for it as a file address (any working folder). */
const picturesScript = fileURLToPath(new URL('pictures.ts', import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

/**
 * Draw the PNG pictures the pages left in `pendingDir` into `chartDir` (src/cli/pictures.ts): one
 * worker process per processor, up to 4, and one per 50 pictures. Resolves false on any failure (the
 * worker has said which picture in Chinese). With a timings file (the benchmark), adds the stage's
 * time and the workers' counts to it.
 */
async function drawPictures(pendingDir, chartDir, seen) {
  const started = performance.now();
  const count = existsSync(pendingDir) ? readdirSync(pendingDir).filter((f) => f.endsWith('.svg')).length : 0;
  if (count === 0) return true;
  const workers = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(count / 50)));
  // said before the wait: thousands of pictures take minutes (about 0.15 s each per processor)
  console.log(`正在绘制分享图片（PNG）：${count} 张，${workers} 个进程……`);
  const codes = await Promise.all(Array.from({ length: workers }, (_, worker) =>
    run(['--expose-gc', '--import', tsxLoader, picturesScript, pendingDir, chartDir, `${worker}/${workers}`], seen)));
  if (codes.some((code) => code !== 0)) return false;
  const stats = Array.from({ length: workers }, (_, worker) => JSON.parse(readFileSync(path.join(pendingDir, `.stats-${worker}.json`), 'utf8')));
  const drawn = stats.reduce((n, s) => n + s.drawn, 0);
  const ms = performance.now() - started;
  console.log(`分享图片（PNG）：${count} 张，新绘制 ${drawn} 张，其余取自上次构建的缓存（${(ms / 1000).toFixed(1)} 秒）。`);
  if (config.timingsFile && existsSync(config.timingsFile)) {
    const timings = JSON.parse(readFileSync(config.timingsFile, 'utf8'));
    timings.pictureMs = (timings.pictureMs ?? 0) + ms;
    timings.pictureWorkers = workers;
    timings.pictures = (timings.pictures ?? 0) + stats.reduce((n, s) => n + s.drawn + s.cached, 0);
    timings.picturesDrawn = (timings.picturesDrawn ?? 0) + drawn;
    writeFileSync(config.timingsFile, JSON.stringify(timings, null, 2));
  }
  return true;
}

/**
 * The site search index: Pagefind's Node API (the same binary on Windows, macOS and Linux, from the
 * `pagefind` package's per-platform dependency) over the built pages, written to `<dir>/pagefind/`.
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
    return false;
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
    return true;
  } catch (error) {
    console.error(`站内搜索索引生成失败：${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    await pagefind.close();
  }
}

function exitCodeOf(signal) {
  return signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
}

async function build() {
  let taken;
  try { taken = takePrevious(args); } catch (error) { throw new BuildRefused(error.message); }
  const parsed = parseBuildArgs(taken.rest);
  const outDir = safeOutDir(parsed.outDir, { projectRoot: process.cwd(), siteDir: config.siteDir });
  // The release is compared with the site it replaces, read before the swap (src/releases/).
  env[ENV.previous] = taken.previous ?? outDir;
  const label = path.relative(process.cwd(), outDir) || '.';
  const shown = label.startsWith('..') || path.isAbsolute(label) ? outDir : `${label}/`;
  const projectLock = projectLockPath(process.cwd());
  acquireLock(outDir, projectLock, '在同一个项目文件夹中');
  try {
    acquireLock(outDir);
  } catch (error) {
    releaseLock(outDir, projectLock);
    throw error;
  }
  const existed = existsSync(outDir);
  const kept = () => (existed ? `${shown} 保持原样（仍是上一次构建的网站）` : `没有写入 ${shown}`);
  let work = null;
  try {
    cleanLeftovers(outDir);
    rmSync(stagingRoot(process.cwd()), { recursive: true, force: true }); // a killed build's (project lock held)
    work = createWorkDir(outDir);
    // Astro builds inside the project (see stagingSite), then the site moves to the work folder.
    const staging = stagingSite(process.cwd(), work.site);
    const astroOut = staging ?? work.site;
    // Astro's process reads these through src/config.mjs.
    env[ENV.chartDir] = path.join(astroOut, 'data', 'charts');
    const pendingPictures = path.join(work.dir, 'pictures');
    env[ENV.pictureDir] = pendingPictures;
    // HTML the pages draw once and use twice (src/views/renderCache.ts): emptied before every Astro
    // run, since Astro empties its output folder, where the first use wrote the chart downloads.
    const renderCache = path.join(work.dir, 'render-cache');
    env[ENV.renderCacheDir] = renderCache;
    env[ENV.buildStatus] = work.status;
    // V8 grows the heap lazily up to ~2 GB on this machine's 24 GB, and past the build's live data
    // (3,000 villages: ~300 MB), so a cap keeps a county server's memory use modest. It grows with
    // the data, and if a data set needs more than it gives, the build starts again with twice as
    // much (as long as the machine has it): a modest cap never fails a build. A heap size given in
    // NODE_OPTIONS is kept as it is.
    // V8's young generation stays at its 16 MB: 32 MB cut scavenging at 3,000 villages from 14.6 to
    // 11.2 s but raised the peak by 60 MB in the benchmark (697 -> 757 MB), past the target.
    const nodeOptions = env.NODE_OPTIONS ?? '';
    const givenLimit = /--max[-_]old[-_]space[-_]size[= ](\d+)/.exec(nodeOptions); // V8 takes - or _
    // SITE_HEAP_MB: the cap to start from instead of the formula's (a test starts low to see the retry).
    let limit = givenLimit ? Number(givenLimit[1]) : Number(env.SITE_HEAP_MB) > 0 ? Math.round(Number(env.SITE_HEAP_MB)) : heapLimitMb();
    const seen = { code: null, outOfMemory: false };
    let code = 1;
    while (!stopSignal) {
      if (!givenLimit) env.NODE_OPTIONS = `${nodeOptions} --max-old-space-size=${limit}`.trim();
      seen.outOfMemory = false;
      rmSync(renderCache, { recursive: true, force: true });
      code = await run([astro, 'build', ...parsed.rest, '--outDir', astroOut], seen);
      if (code === 0 || !seen.outOfMemory || stopSignal) break;
      const more = moreHeap(limit, Boolean(givenLimit));
      if (more === null) break;
      console.warn(`构建所需内存超过了预设上限（${limit} MB），正在以 ${more} MB 重新构建（会多用一些时间）……`);
      // The run that ran out may have printed the check report; the retry's would be the same.
      try { if (JSON.parse(readFileSync(work.status, 'utf8')).reported === true) env[ENV.reportShown] = '1'; } catch { /* not reached */ }
      // Astro empties its output folder when it starts; the pictures the pages left are redone.
      rmSync(pendingPictures, { recursive: true, force: true });
      limit = more;
    }
    const stopped = () => {
      if (!stopSignal) return false;
      console.error(`构建已中断（${stopSignal}）：${kept()}，临时文件已清理。`);
      return true;
    };
    if (stopped()) return exitCodeOf(stopSignal);
    if (code !== 0 && seen.outOfMemory) {
      console.error(`构建失败：内存不够，${kept()}，没有发布不完整的网站。`);
      return 1;
    }
    if (code !== 0) {
      let invalid = false;
      try { invalid = JSON.parse(readFileSync(work.status, 'utf8')).invalid === true; } catch { /* no status: Astro failed */ }
      if (invalid) console.error(`构建已停止：请先改正上面列出的错误。${kept()}。`);
      else if (seen.code) console.error(fileSystemMessage({ code: seen.code }, outDir));
      else console.error(`构建失败（Astro 退出码 ${code}）：${kept()}，没有发布不完整的网站。`);
      return 1;
    }
    // The benchmark's pages-only builds (tests/bench/run.ts --pages-only) leave the pictures out:
    // a province's 48,000 take hours on two cores. Never for a site that is published.
    const skipPictures = env.SITE_BENCH_SKIP_PICTURES === '1';
    if (skipPictures) console.warn('性能测试：跳过分享图片（PNG），本次输出不完整，不可发布。');
    // The picture workers get the cap the pages ran with (SITE_PICTURE_HEAP_MB: a lower one, for a
    // test) and, like the pages, start again with twice as much if they run out; the pictures
    // already drawn come from the picture cache.
    let pictureLimit = Number(env.SITE_PICTURE_HEAP_MB) > 0 && !givenLimit ? Math.round(Number(env.SITE_PICTURE_HEAP_MB)) : limit;
    let drawn = skipPictures;
    while (!drawn && !stopSignal) {
      if (!givenLimit) env.NODE_OPTIONS = `${nodeOptions} --max-old-space-size=${pictureLimit}`.trim();
      seen.outOfMemory = false;
      drawn = await drawPictures(pendingPictures, env[ENV.chartDir], seen);
      if (drawn || !seen.outOfMemory || stopSignal) break;
      const more = moreHeap(pictureLimit, Boolean(givenLimit));
      if (more === null) break;
      console.warn(`绘制分享图片所需内存超过了预设上限（${pictureLimit} MB），正在以 ${more} MB 重新绘制……`);
      pictureLimit = more;
    }
    if (stopped()) return exitCodeOf(stopSignal);
    if (!drawn) {
      if (seen.code) console.error(fileSystemMessage({ code: seen.code }, outDir));
      else if (seen.outOfMemory) console.error(`构建失败：绘制分享图片时内存不够，${kept()}，没有发布不完整的网站。`);
      else console.error(`构建失败：分享图片没有全部生成，${kept()}，没有发布不完整的网站。`);
      return 1;
    }
    if (staging) moveTree(staging, work.site);
    const indexed = await indexSite(work.site);
    if (stopped()) return exitCodeOf(stopSignal); // Ctrl+C reaches Pagefind's process too
    if (!indexed) {
      console.error(`构建失败：${kept()}，没有发布不完整的网站。`);
      return 1;
    }
    markSite(work.site);
    chmodTree(work.site);
    // From here on a signal waits: the swap is two renames and must not stop half-way.
    swapIn(work, outDir);
    console.log(`网站已发布到 ${shown}`);
    return 0;
  } catch (error) {
    // A full, read-only or foreign disk is the machine's state, not a bug: say so in Chinese.
    if (isFileSystemError(error)) throw new BuildRefused(fileSystemMessage(error, outDir));
    throw error;
  } finally {
    if (work) rmSync(work.dir, { recursive: true, force: true });
    rmSync(stagingRoot(process.cwd()), { recursive: true, force: true });
    releaseLock(outDir);
    releaseLock(outDir, projectLock);
  }
}

if (command === 'build') {
  let code;
  try {
    code = await build();
  } catch (error) {
    if (error instanceof BuildRefused) {
      console.error(error.message);
      code = 1;
    } else {
      console.error('构建程序出错（这不是数据问题，请联系技术人员）；输出文件夹保持原样：');
      console.error(error);
      code = 1;
    }
  }
  process.exit(code);
} else {
  const code = await run([astro, command, ...args]);
  process.exit(stopSignal ? exitCodeOf(stopSignal) : code);
}
