// What the PNG pictures (contract §6.2) add to a build: the default site and a synthetic county,
// built twice with one picture cache — first with an empty cache, then again (a monthly rebuild
// whose charts did not change: every picture comes from the cache). The build's own timings
// (SITE_TIMINGS_FILE) say how long renderFigure spent on pictures; the largest PNG is measured.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSite, projectTempDir } from '../e2e/support/build.ts';

export interface PictureBuild {
  site: string;
  /** `first` (empty cache) or `rebuild` (same cache) */
  run: 'first' | 'rebuild';
  buildMs: number;
  pictureMs: number;
  pictures: number;
  largestPng: { file: string; bytes: number };
}

function largestPng(dir: string): { file: string; bytes: number } {
  let best = { file: '', bytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.png')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = statSync(file).size;
    if (bytes > best.bytes) best = { file: path.relative(dir, file), bytes };
  }
  return best;
}

/** `villages` 0: the repository's own site; otherwise a synthetic one of that many villages. */
export async function pictureBuilds(villages: number, log: (line: string) => void = () => {}): Promise<PictureBuild[]> {
  const dir = projectTempDir(`bench-pictures-${villages}-`);
  try {
    let siteDir: string | undefined;
    if (villages > 0) {
      const { writeSyntheticProject } = await import('../support/synthetic.ts');
      siteDir = path.join(dir, 'site');
      mkdirSync(siteDir);
      writeSyntheticProject(siteDir, { villages, months: 24, reports: 3 });
    }
    const cache = path.join(dir, 'cache');
    const out: PictureBuild[] = [];
    for (const run of ['first', 'rebuild'] as const) {
      const timingsFile = path.join(dir, `timings-${run}.json`);
      log(`  ${villages > 0 ? `${villages} villages` : 'default site'}, ${run} build …`);
      const built = await buildSite({
        outDir: path.join(dir, `dist-${run}`),
        ...(siteDir ? { siteDir } : {}),
        env: { SITE_TIMINGS_FILE: timingsFile, PICTURE_CACHE_DIR: cache },
        timeoutMs: 60 * 60_000,
      });
      const t = existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) as { pictureMs?: number; pictures?: number } : {};
      const row: PictureBuild = {
        site: villages > 0 ? `${villages} villages` : 'default site',
        run,
        buildMs: built.ms,
        pictureMs: t.pictureMs ?? 0,
        pictures: t.pictures ?? 0,
        largestPng: largestPng(built.outDir),
      };
      // said at once, so a long run that is stopped still leaves its first figures
      log(`    ${Math.round(row.buildMs)} ms build, ${row.pictures} pictures, ${Math.round(row.pictureMs)} ms in pictures, largest PNG ${row.largestPng.bytes} bytes (${row.largestPng.file})`);
      out.push(row);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
