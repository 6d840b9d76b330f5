// Explicit configuration (issue 13): the environment is read in one module, when asked, and the one
// process-wide slot lives there too.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { ENV, processState, readConfig } from '../../src/config.mjs';
import { timings } from '../../src/project/timings.ts';
import { siteRoot, clockFromEnv, type Project } from '../../src/project/project.ts';
import { downloadsFromPages, pageFigures } from '../../src/views/chartOutput.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const saved = { ...process.env };
const dirs: string[] = [];
afterEach(() => {
  for (const name of Object.values(ENV)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
  dirs.push(dir);
  return dir;
}

describe('readConfig', () => {
  test('maps each variable; empty or unset is the default', () => {
    expect(readConfig({})).toEqual({ siteDir: path.resolve('.'), chartDir: null, now: null, buildStatus: null, timingsFile: null, photoCacheDir: path.resolve('node_modules/.cache/renju-photos'), pictureCacheDir: path.resolve('node_modules/.cache/renju-pictures'), previous: null, pictureDir: null, renderCacheDir: null, reportShown: false, nodeOptions: '' });
    expect(readConfig({ SITE_DIR: 'fixtures/a', SITE_CHART_DIR: 'out/charts', SITE_NOW: '2024-01', SITE_BUILD_STATUS: '/tmp/s', SITE_TIMINGS_FILE: '/tmp/t', SITE_CHART: 'x', PHOTO_CACHE_DIR: 'cache/p', PICTURE_CACHE_DIR: 'cache/g', SITE_PREVIOUS: 'live', SITE_PICTURE_DIR: 'pending', SITE_RENDER_CACHE_DIR: 'drawn', SITE_REPORT_SHOWN: '1', NODE_OPTIONS: '--max-old-space-size=96' }))
      .toEqual({ siteDir: path.resolve('fixtures/a'), chartDir: path.resolve('out/charts'), now: '2024-01', buildStatus: '/tmp/s', timingsFile: '/tmp/t', photoCacheDir: path.resolve('cache/p'), pictureCacheDir: path.resolve('cache/g'), previous: path.resolve('live'), pictureDir: path.resolve('pending'), renderCacheDir: path.resolve('drawn'), reportShown: true, nodeOptions: '--max-old-space-size=96' });
    expect(readConfig({ SITE_DIR: '', SITE_CHART_DIR: '' })).toMatchObject({ siteDir: path.resolve('.'), chartDir: null });
  });

  test('siteRoot and clockFromEnv take their values from it, read when called', () => {
    process.env.SITE_DIR = 'somewhere';
    expect(siteRoot()).toBe(path.resolve('somewhere'));
    process.env.SITE_NOW = '2024-01';
    expect(clockFromEnv()?.toISOString()).toBe('2024-01-01T04:00:00.000Z');
    delete process.env.SITE_NOW;
    expect(clockFromEnv()).toBeUndefined();
  });

  test('SITE_CHART_DIR changed after import is honoured: nothing caches it', () => {
    const project = { base: '/', site: { title: '示例' }, asOf: null } as unknown as Project;
    delete process.env.SITE_CHART_DIR;
    expect(downloadsFromPages()).toBe(false);
    const first = tempDir();
    process.env.SITE_CHART_DIR = first;
    expect(downloadsFromPages()).toBe(true);
    pageFigures(project).write('a.csv', 'x');
    const second = path.join(tempDir(), 'charts');
    process.env.SITE_CHART_DIR = second;
    pageFigures(project).write('b.csv', 'y');
    expect(readdirSync(first)).toEqual(['a.csv']);
    expect(readFileSync(path.join(second, 'b.csv'), 'utf8')).toBe('y');
  });

  test('the build timings live in the one process-wide slot', () => {
    const t = timings();
    expect(processState().timings).toBe(t);
    expect(processState()).toBe((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('renju.process')]);
  });
});

test('no other file reads the environment or keeps a Symbol.for slot on globalThis', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repo, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|mts|mjs|js|astro)$/.test(entry.name) && rel !== 'src/config.mjs') {
        const text = readFileSync(path.join(repo, rel), 'utf8');
        // The build wrapper hands its environment on to Astro's process (with ENV's names): it
        // reads no value of its own there.
        const env = rel === 'src/cli/astro.mjs' ? /process\.env\.|env\[?['"](?:SITE|PHOTO)_/ : /process\.env|env\[?['"](?:SITE|PHOTO)_/;
        if (env.test(text) || /Symbol\.for\(/.test(text)) offenders.push(rel);
      }
    }
  };
  walk('src');
  const config = readFileSync(path.join(repo, 'astro.config.mjs'), 'utf8');
  if (/process\.env|Symbol\.for\(/.test(config)) offenders.push('astro.config.mjs');
  expect(offenders).toEqual([]);
});
