// The build's heap cap (src/cli/astro.mjs): modest by default, and never the reason a build fails.
// A build that runs out of it starts again with twice as much, saying so in Chinese, without V8's
// English dump; a cap the user set in NODE_OPTIONS is kept, and running out of it is a Chinese error.
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSite, projectRoot, type Built } from '../site/buildSite.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/site-one');
const outDirs: string[] = [];
afterAll(() => outDirs.forEach((d) => rmSync(path.dirname(d), { recursive: true, force: true })));

function build(env: Record<string, string>): Built {
  const built = buildSite(fixture, [], env);
  outDirs.push(built.outDir);
  return built;
}

const V8_DUMP = /Last few GCs|FATAL ERROR|Native stack trace|JavaScript heap out of memory|ERR_WORKER_OUT_OF_MEMORY/;

describe('a build that runs out of heap', () => {
  test('starts again with twice the cap and publishes the site; so do the picture workers', () => {
    // 48 MB is far below what Astro needs to start (the default site's cap is 512 MB); 3 MB is
    // below what a picture worker needs to load its modules.
    const timings = path.join(mkdtempSync(path.join(tmpdir(), 'heap-')), 'timings.json');
    const built = build({ SITE_HEAP_MB: '48', SITE_PICTURE_HEAP_MB: '3', SITE_TIMINGS_FILE: timings });
    expect(built.output).toContain('构建所需内存超过了预设上限（48 MB），正在以 96 MB 重新构建');
    expect(built.output).toContain('绘制分享图片所需内存超过了预设上限（3 MB），正在以 6 MB 重新绘制');
    expect(built.output).not.toMatch(V8_DUMP);
    expect(built.output).not.toMatch(/\n\s*\n\s*\n/); // V8's dump leaves no blank lines behind
    // The run that ran out had printed the check report (at 96 MB it does here): the retry does
    // not print it again.
    const warnings = built.output.split('\n').filter((l) => / warning /.test(l));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings).toEqual([...new Set(warnings)]);
    expect(built.code).toBe(0);
    expect(built.exists('index.html')).toBe(true);
    expect(built.exists('villages/index.html')).toBe(true);
    expect(readdirSync(path.join(built.outDir, 'data/charts')).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    // the run that succeeded had a doubled cap (96 MB, or more after a second retry)
    const { nodeOptions } = JSON.parse(readFileSync(timings, 'utf8')) as { nodeOptions: string };
    expect(nodeOptions).toMatch(/^--max-old-space-size=(96|192|384)$/);
  }, 240_000);

  test('with the cap set in NODE_OPTIONS, fails in Chinese and publishes nothing', () => {
    const built = build({ NODE_OPTIONS: '--max-old-space-size=48' });
    expect(built.code).toBe(1);
    expect(built.output).toContain('内存不够：NODE_OPTIONS 中设定的堆内存上限 48 MB 不够本次构建使用');
    expect(built.output).toContain('构建失败：内存不够');
    expect(built.output).not.toContain('正在以');
    expect(built.output).not.toMatch(V8_DUMP);
    expect(built.exists('index.html')).toBe(false);
  }, 120_000);
});
