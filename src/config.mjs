// @ts-check
// The one place that reads the process environment and the one process-wide slot. Plain JS so that
// astro.config.mjs, src/content.config.ts, src/cli/astro.mjs and the TypeScript modules all import
// it. Every value is read when `readConfig()` is called, never at import: the build wrapper sets
// SITE_CHART_DIR for Astro after modules may have loaded, and tests change variables between runs.
// Everything below the entry points receives these values as parameters.
import path from 'node:path';

/** The environment variables, by what they configure. */
export const ENV = {
  /** the folder holding data/, content/ and public/ (default: the working directory) */
  siteDir: 'SITE_DIR',
  /** where `npm run build` writes chart downloads (set by src/cli/astro.mjs for Astro) */
  chartDir: 'SITE_CHART_DIR',
  /** `2024-01-15`: check the data as of that day (src/project/project.ts clockFromEnv) */
  now: 'SITE_NOW',
  /** where the validation step tells src/cli/astro.mjs that the data, not Astro, failed */
  buildStatus: 'SITE_BUILD_STATUS',
  /** where the build writes its timings for the benchmark (tests/bench) */
  timingsFile: 'SITE_TIMINGS_FILE',
  /** the resized photos' cache (default node_modules/.cache/renju-photos, git-ignored with it) */
  photoCacheDir: 'PHOTO_CACHE_DIR',
  /** the site this build's release is compared with (set by src/cli/astro.mjs; src/releases/) */
  previous: 'SITE_PREVIOUS',
  /** the PNG pictures' cache (default node_modules/.cache/renju-pictures, git-ignored with it) */
  pictureCacheDir: 'PICTURE_CACHE_DIR',
  /** where the pages leave the pictures to draw after Astro (set by src/cli/astro.mjs; src/cli/pictures.ts) */
  pictureDir: 'SITE_PICTURE_DIR',
  /** where the pages keep HTML drawn once and used twice (set by src/cli/astro.mjs; src/views/renderCache.ts) */
  renderCacheDir: 'SITE_RENDER_CACHE_DIR',
  /** `1`: an earlier run of this build printed the check report (a retry, src/cli/astro.mjs): not again */
  reportShown: 'SITE_REPORT_SHOWN',
};

/**
 * @typedef {object} SiteConfig
 * @property {string} siteDir absolute
 * @property {string | null} chartDir absolute; null: the download endpoints serve chart files
 * @property {string | null} now
 * @property {string | null} buildStatus
 * @property {string | null} timingsFile
 * @property {string} photoCacheDir absolute
 * @property {string | null} previous absolute; null: no previous release (first release, or dev)
 * @property {string} pictureCacheDir absolute
 * @property {string | null} pictureDir absolute; null: pictures are drawn where their chart is
 * @property {string | null} renderCacheDir absolute; null: nothing drawn is kept for a second use
 * @property {boolean} reportShown the check report's warnings were printed by an earlier run of this build
 * @property {string} nodeOptions the process's NODE_OPTIONS (the heap cap src/cli/astro.mjs set), for the timings file
 */

/**
 * The configuration in `env` (default: this process's environment), read now.
 * @param {Record<string, string | undefined>} [env]
 * @returns {SiteConfig}
 */
export function readConfig(env = process.env) {
  /** @param {string} name */
  const value = (name) => env[name] || null;
  const chartDir = value(ENV.chartDir);
  const previous = value(ENV.previous);
  const pictureDir = value(ENV.pictureDir);
  const renderCacheDir = value(ENV.renderCacheDir);
  return {
    siteDir: path.resolve(value(ENV.siteDir) ?? '.'),
    chartDir: chartDir === null ? null : path.resolve(chartDir),
    now: value(ENV.now),
    buildStatus: value(ENV.buildStatus),
    timingsFile: value(ENV.timingsFile),
    photoCacheDir: path.resolve(value(ENV.photoCacheDir) ?? path.join('node_modules', '.cache', 'renju-photos')),
    previous: previous === null ? null : path.resolve(previous),
    pictureCacheDir: path.resolve(value(ENV.pictureCacheDir) ?? path.join('node_modules', '.cache', 'renju-pictures')),
    pictureDir: pictureDir === null ? null : path.resolve(pictureDir),
    renderCacheDir: renderCacheDir === null ? null : path.resolve(renderCacheDir),
    reportShown: value(ENV.reportShown) === '1',
    nodeOptions: env.NODE_OPTIONS ?? '',
  };
}

/**
 * What one Astro process shares between its module instances. Astro loads astro.config.mjs (and the
 * validation step through tsx) in one module graph and Vite loads the page modules in another, in
 * the same process: a module-level variable would exist twice, so the state lives on globalThis,
 * under one key, and only this module touches it.
 * @typedef {object} ProcessState
 * @property {unknown} validatedProject the project the build's validation step accepted (src/build/validate.ts)
 * @property {unknown} timings the build's timings (src/project/timings.ts)
 * @property {unknown} [release] the release of the validated project (src/releases/current.ts)
 * @property {unknown} [renderCaches] the render caches by folder (src/views/renderCache.ts)
 */

const slot = Symbol.for('renju.process');

/** @returns {ProcessState} */
export function processState() {
  const g = /** @type {Record<symbol, ProcessState | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[slot] ??= { validatedProject: undefined, timings: undefined });
}
