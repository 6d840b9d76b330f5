// Build scale: synthetic data sets of N villages built with the project's CLI, timed as a whole
// and (when the build writes SITE_TIMINGS_FILE) by stage, with the peak memory of the process tree.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSite, projectTempDir } from '../e2e/support/build.ts';
import { sampleMemory, type MemoryPeak } from './memory.ts';

/** What the build writes to $SITE_TIMINGS_FILE. */
export interface SiteTimings {
  loadMs: number;
  chartMs: number;
  charts: number;
  pages: number;
  /** the picture workers' stage after Astro (src/cli/pictures.ts), wall time, and the pictures drawn */
  pictureMs?: number;
  pictures?: number;
  pictureWorkers?: number;
}

export interface ScaleResult {
  villages: number;
  months: number;
  reports: number;
  buildMs: number;
  /** HTML pages in dist/ */
  pages: number;
  pagesPerSecond: number;
  distBytes: number;
  distFiles: number;
  memory: MemoryPeak;
  /** stage figures from the build itself, when it wrote them */
  timings: SiteTimings | null;
  /** buildMs minus data loading, chart rendering and pictures: Astro, the check step, process start-up */
  restMs: number | null;
  writeMs: number;
  /** the 1-minute load average when the build ended (2 cores shared: time is noisy above ~2) */
  loadAverage: string;
}

function walk(dir: string): { files: number; bytes: number; html: number } {
  let files = 0;
  let bytes = 0;
  let html = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = walk(full);
      files += sub.files;
      bytes += sub.bytes;
      html += sub.html;
    } else {
      files++;
      bytes += statSync(full).size;
      if (entry.name.endsWith('.html')) html++;
    }
  }
  return { files, bytes, html };
}

export interface ScaleOptions {
  months?: number;
  reports?: number;
  /** keep the temp folders (data and dist) for inspection */
  keep?: boolean;
  /** leave the PNG pictures out (SITE_BENCH_SKIP_PICTURES): the pages alone, for a province */
  pagesOnly?: boolean;
  log?: (line: string) => void;
}

export async function buildAtScale(villages: number, options: ScaleOptions = {}): Promise<ScaleResult> {
  const months = options.months ?? 24;
  const reports = options.reports ?? 3;
  const log = options.log ?? (() => undefined);
  const { writeSyntheticProject } = await import('../support/synthetic.ts');
  // Inside the project: see buildSite on why the output must be under the working directory.
  const dir = projectTempDir(`bench-site-${villages}-`);
  try {
    const t = performance.now();
    writeSyntheticProject(dir, { villages, months, reports });
    const writeMs = performance.now() - t;
    const timingsFile = path.join(dir, 'timings.json');
    const outDir = path.join(dir, 'dist');
    let sampler: ReturnType<typeof sampleMemory> | undefined;
    log(`  building ${villages} villages (${dir}) …`);
    let sampled: MemoryPeak = { maxProcessBytes: 0, maxTreeBytes: 0, samples: 0 };
    const built = await buildSite({
      outDir,
      siteDir: dir,
      // an empty picture cache: every picture is drawn, as in a county's first build
      env: { SITE_TIMINGS_FILE: timingsFile, PICTURE_CACHE_DIR: path.join(dir, 'picture-cache'), ...(options.pagesOnly ? { SITE_BENCH_SKIP_PICTURES: '1' } : {}) },
      onSpawn: (child) => { if (child.pid) sampler = sampleMemory(child.pid); },
    }).finally(() => { if (sampler) sampled = sampler.stop(); });
    const memory = sampled;
    const buildMs = built.ms;
    const timings: SiteTimings | null = existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : null;
    const dist = walk(outDir);
    return {
      villages,
      months,
      reports,
      buildMs,
      pages: dist.html,
      pagesPerSecond: dist.html / (buildMs / 1000),
      distBytes: dist.bytes,
      distFiles: dist.files,
      memory,
      timings,
      restMs: timings ? buildMs - timings.loadMs - timings.chartMs - (timings.pictureMs ?? 0) : null,
      writeMs,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!,
    };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else log(`  kept ${dir}`);
  }
}
