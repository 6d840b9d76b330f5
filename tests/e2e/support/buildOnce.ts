// One build per test run for build-project files that only read the same site (the default site
// with `--base /town/`: tests/e2e/site.test.ts, age-friendly.test.ts, month.test.ts). The first
// file to ask builds it with the real CLI (buildSite); later files in the same run get the same
// folder. The run id comes from the build project's globalSetup (./buildRun.ts), which removes the
// folders at the end and hands out a new id on each watch-mode rerun, so a build is never reused
// across runs and a test never passes on stale output. A file run alone builds for itself.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { buildSite, type BuildOptions, type BuildResult } from './build.ts';
import { sharedBuildsDir } from './buildRun.ts';

/**
 * buildSite into tests/.tmp/shared-<run>/<options>/dist, once per run for the same options.
 * Callers must not write into the folder. The picture cache is a fresh folder of this build's
 * own: the PNGs are drawn by this build, never taken from an earlier build's cache.
 */
export async function buildSiteOnce(options: Omit<BuildOptions, 'outDir' | 'onSpawn'>): Promise<BuildResult> {
  const key = createHash('sha256')
    .update(JSON.stringify([options.base ?? '', options.siteDir ? path.resolve(options.siteDir) : '', options.env ?? {}, options.timeoutMs ?? 0]))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(sharedBuildsDir(inject('buildRunId')), key);
  const done = path.join(dir, 'built.json');
  if (existsSync(done)) return { ...(JSON.parse(readFileSync(done, 'utf8')) as BuildResult), ms: 0 };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await buildSite({
    ...options,
    outDir: path.join(dir, 'dist'),
    env: { PICTURE_CACHE_DIR: path.join(dir, 'pictures'), ...options.env },
  });
  writeFileSync(done, JSON.stringify(result));
  return result;
}

declare module 'vitest' {
  export interface ProvidedContext {
    buildRunId: string;
  }
}
