// The record of every change, end to end (contract §6.3, issue 20): real builds of the default
// site as child processes. Build 1; then one figure corrected with its 备注, one row removed and a
// month added; build 2 into the same folder, and from a fresh folder with --previous; a broken
// record and Ctrl+C leave the site and its record as they were. Six builds (~2 min).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv, projectTempDir, REPO_ROOT } from '../e2e/support/build.ts';
import { CLI, fingerprint, leftovers, startBuild } from '../e2e/support/publish.ts';
import { textOf } from '../site/buildSite.ts';

const tmp = projectTempDir('releases-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A writable copy of the repository's own site (data/, content/, public/). */
const site = path.join(tmp, 'site');
for (const dir of ['data', 'content', 'public']) {
  if (existsSync(path.join(REPO_ROOT, dir))) cpSync(path.join(REPO_ROOT, dir), path.join(site, dir), { recursive: true });
}

function build(args: string[], now: string) {
  const r = spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: REPO_ROOT, env: buildEnv(site, { SITE_NOW: now }), encoding: 'utf8' });
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const bytes = (dir: string, file: string) => readFileSync(path.join(dir, file));

/** The cells of each row of release `n`'s corrections table on /changes/. */
function corrections(dir: string, n: number): string[][] {
  const html = read(dir, 'changes/index.html');
  const section = html.slice(html.indexOf(`id="release-${n}"`), html.indexOf('</section>', html.indexOf(`id="release-${n}"`)));
  const body = section.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]!).trim()));
}
function routine(dir: string, n: number): string[] {
  const html = read(dir, 'changes/index.html');
  const start = html.indexOf(`id="release-${n}"`);
  const section = html.slice(start, html.indexOf('</section>', start));
  const list = section.slice(section.indexOf('例行更新'), section.indexOf('数据更正'));
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!).trim());
}

const first = path.join(tmp, 'live', 'dist');
const copyOfFirst = path.join(tmp, 'copy', 'dist');
let release1Cleanup: Buffer;

beforeAll(() => {
  const run = build(['--outDir', first], '2023-07-10');
  expect(run.code, run.output).toBe(0);
  expect(run.output).toMatch(/本次是第 1 次发布/);
  release1Cleanup = bytes(first, 'data/cleanup.csv');
  cpSync(first, copyOfFirst, { recursive: true }); // a copy of the live site, for --previous
  // The staff's edits: one figure corrected with its reason, one row removed, a month added.
  const file = path.join(site, 'data/cleanup.csv');
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const edited = lines
    .filter((l) => !l.startsWith('2023-01,前江村,'))
    .map((l) => (l.startsWith('2023-01,长塘村,21,') ? l.replace(/^2023-01,长塘村,21,(.*),$/, '2023-01,长塘村,23,$1,过磅单复核，原数字录入有误') : l));
  expect(edited.length).toBe(lines.length - 1);
  edited.push('2023-07,长塘村,20,0.5,3,,1,');
  writeFileSync(file, `${edited.join('\n')}\n`);
}, 400_000);

describe('release 2 publishes exactly the three changes', () => {
  const expectRelease2 = (dir: string) => {
    const record = JSON.parse(read(dir, 'data/releases.json'));
    expect(record.releases.map((r: { number: number; date: string }) => [r.number, r.date])).toEqual([[1, '2023-07-10'], [2, '2023-08-05']]);
    expect(routine(dir, 2)).toEqual(['村庄清洁行动：新增 2023年7月 的数据']);
    expect(corrections(dir, 2)).toEqual([
      ['村庄清洁行动', '长塘村', '2023年1月', '清理垃圾(吨)', '21', '23', '过磅单复核，原数字录入有误'],
      ['村庄清洁行动', '前江村', '2023年1月', '整行', expect.stringMatching(/^清理垃圾\(吨\) 19\.5，/), '已删除', ''],
    ]);
    expect(corrections(dir, 1)).toEqual([]);
    // newest first
    const html = read(dir, 'changes/index.html');
    expect(html.indexOf('id="release-2"')).toBeLessThan(html.indexOf('id="release-1"'));
    // every release's datasets as published, byte for byte
    expect(bytes(dir, 'data/releases/1/cleanup.csv').equals(release1Cleanup)).toBe(true);
    expect(bytes(dir, 'data/releases/2/cleanup.csv').equals(bytes(dir, 'data/cleanup.csv'))).toBe(true);
    expect(bytes(dir, 'data/releases/2/cleanup.csv').equals(release1Cleanup)).toBe(false);
    expect(read(dir, 'data/releases/index.html')).toContain('releases/1/cleanup.csv');
    // the RSS item, and the link residents follow
    expect(read(dir, 'rss.xml')).toMatch(/<item><title>数据更正<\/title><link>[^<]*changes\/#release-2<\/link>/);
    expect(read(dir, 'index.html')).toContain('数据更新与更正记录');
    // contract §6.4: every topic page says when it was last updated
    expect(read(dir, 'cleanup/index.html')).toContain('每月更新 · 最近更新 2023年7月');
    for (const topic of ['construction', 'toilets', 'ranking']) expect(read(dir, `${topic}/index.html`)).toMatch(/每月更新 · 最近更新 \d{4}年\d{1,2}月/);
  };

  test('built into the same folder, the site it replaces is the previous release', () => {
    const run = build(['--outDir', first], '2023-08-05');
    expect(run.code, run.output).toBe(0);
    expectRelease2(first);
  }, 300_000);

  test('built into a fresh folder with --previous <copy of the live site>', () => {
    const fresh = path.join(tmp, 'fresh', 'dist');
    const run = build(['--outDir', fresh, `--previous=${copyOfFirst}`], '2023-08-05');
    expect(run.code, run.output).toBe(0);
    expectRelease2(fresh);
    // rebuilt with the same data on a later day: no new release, the record and files unchanged
    const files = (dir: string) => Object.fromEntries(Object.entries(fingerprint(dir)).filter(([f]) => f.startsWith('data/releases')));
    const before = files(fresh);
    const again = build(['--outDir', fresh], '2023-08-20');
    expect(again.code, again.output).toBe(0);
    expect(files(fresh)).toEqual(before);
    expectRelease2(fresh);
  }, 300_000);

  test('npm run check -- --previous lists the corrections and warns for one without a reason', () => {
    const file = path.join(site, 'data/cleanup.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^2023-02,长塘村,([\d.]+),/m, '2023-02,长塘村,99,'));
    try {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check.ts', '--previous', copyOfFirst], {
        cwd: REPO_ROOT, env: buildEnv(site, { SITE_NOW: '2023-08-05' }), encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/data\/cleanup\.csv:\d+ warning 「清理垃圾\(吨\)」已发布的 \d+(\.\d+)? 改为 99（2023年2月 长塘村）.*未说明原因/);
      expect(r.stdout).toMatch(/下一次构建将是第 2 次发布/);
      expect(r.stdout).toMatch(/更正 村庄清洁行动 · 2023年1月 长塘村「清理垃圾\(吨\)」21 → 23；原因：过磅单复核/);
      expect(r.stdout).toMatch(/更正 村庄清洁行动 · 2023年2月 长塘村「清理垃圾\(吨\)」[\d.]+ → 99；原因：未说明原因/);
    } finally {
      writeFileSync(file, text);
    }
  }, 120_000);
});

describe('a failed build changes neither the site nor its record', () => {
  test('a previous site whose releases.json cannot be read stops the build', () => {
    const dir = path.join(tmp, 'broken', 'dist');
    cpSync(copyOfFirst, dir, { recursive: true });
    writeFileSync(path.join(dir, 'data/releases.json'), '{ "site": "renju-huanjing-site", "releases": [ {');
    const before = fingerprint(dir);
    const run = build(['--outDir', dir], '2023-08-05');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/releases\.json constraint-error 上一版网站的发布记录无法读取：不是有效的 JSON/);
    expect(run.output).toMatch(/保持原样/);
    expect(fingerprint(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  }, 300_000);

  test('Ctrl+C during the build leaves the site and its record as they were', async () => {
    const before = fingerprint(first);
    const started = startBuild(['--outDir', first], site);
    await started.waitFor(/\[build\]/);
    process.kill(-started.child.pid!, 'SIGINT');
    const run = await started.exited;
    expect(run.code, run.output).not.toBe(0);
    expect(fingerprint(first)).toEqual(before);
    expect(leftovers(first)).toEqual([]);
  }, 300_000);
});
