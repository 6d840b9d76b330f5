// `npm run dev` follows the files (issue 13): on a copy of tests/fixtures/site-one served by the
// real dev command, a village added to villages.csv gets its page, a new report its page, and a
// topic whose file is removed and restored disappears and comes back. The bound is 2 s per change; the test
// polls (up to a generous limit, so a loaded machine does not make it flaky) and prints the
// measured times, which `npm run bench` does not repeat.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const POLL_LIMIT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The status of a page, or 0 while the server does not answer. */
async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Polls until `url` answers `want`; the milliseconds it took, or fails after POLL_LIMIT_MS. */
async function until(url: string, want: number, limitMs = POLL_LIMIT_MS): Promise<number> {
  const started = performance.now();
  let last = -1;
  while (performance.now() - started < limitMs) {
    last = await status(url);
    if (last === want) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url}: still ${last} after ${limitMs} ms (expected ${want})`);
}

/** Ends the dev server and its child (src/cli/astro.mjs runs astro in a child process). */
function stop(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  if (process.platform === 'win32') spawn('taskkill', ['/pid', String(child.pid), '/T', '/F']);
  else process.kill(-child.pid, 'SIGTERM');
}

describe('npm run dev follows data/ (copy of tests/fixtures/site-one, outside the project)', () => {
  let siteDir: string;
  let server: ChildProcess;
  let base: string;
  let output = '';
  const measured: string[] = [];

  beforeAll(async () => {
    // Outside the project folder on purpose: nothing there is watched unless the site watches it.
    siteDir = mkdtempSync(path.join(tmpdir(), 'renju-dev-'));
    cpSync(path.join(root, 'tests/fixtures/site-one'), siteDir, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['src/cli/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, SITE_DIR: siteDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += String(d)));
    server.stderr!.on('data', (d) => (output += String(d)));
    // The first request compiles every module: allow it time.
    await until(`${base}/`, 200, 180_000);
  }, 200_000);

  afterAll(() => {
    if (server) stop(server);
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
    if (measured.length) console.log(`dev server follows the files: ${measured.join('; ')} (bound: 2,000 ms each)`);
  });

  test('the fixture is served', async () => {
    expect(await status(`${base}/villages/bs-shang/`), output).toBe(200);
    expect(await status(`${base}/cleanup/`), output).toBe(200);
    expect(await status(`${base}/villages/bs-new/`), output).toBe(404);
  });

  test('Vite\'s /@fs/ serves no data/ or content/ original (a --host server is on the office network)', async () => {
    // A phone photo with GPS beside the raw ledgers, in the site folder and in the project's own data/.
    writeFileSync(path.join(siteDir, 'data/gps-photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]));
    const originals = [
      path.join(siteDir, 'data/villages.csv'),
      path.join(siteDir, 'data/gps-photo.jpg'),
      path.join(siteDir, 'content/site.md'),
      path.join(root, 'data/villages.csv'),
      path.join(root, 'package.json'),
    ];
    for (const file of originals) {
      expect(existsSync(file), file).toBe(true);
      const url = `${base}/@fs${encodeURI(file.split(path.sep).join('/'))}`;
      expect([403, 404], `${url}\n${output}`).toContain(await status(url));
    }
    // the site's own code is still served (the pages' scripts come from src/)
    expect(await status(`${base}/@fs${encodeURI(path.join(root, 'src/paths.ts'))}`)).toBe(200);
  });

  test('a village added to villages.csv has its page', async () => {
    const file = path.join(siteDir, 'data/villages.csv');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\nbs-new,新田村,白沙乡,120,460\n`);
    const ms = await until(`${base}/villages/bs-new/`, 200);
    measured.push(`new village page ${ms} ms`);
    const html = await (await fetch(`${base}/villages/bs-new/`)).text();
    expect(html).toContain('新田村');
  }, 60_000);

  test('a report added under content/reports has its page, and the reports list links it', async () => {
    writeFileSync(path.join(siteDir, 'content/reports/new-report.md'), '---\ntitle: 三月简报\ndate: 2024-04-01\n---\n三月清理垃圾 {{ sum cleanup.garbage_t }} 吨。\n');
    const ms = await until(`${base}/reports/new-report/`, 200);
    measured.push(`new report page ${ms} ms`);
    expect(await (await fetch(`${base}/reports/`)).text()).toContain('三月简报');
  }, 60_000);

  test('a topic whose file is removed disappears, and comes back when it is restored', async () => {
    const file = path.join(siteDir, 'data/cleanup.csv');
    const aside = path.join(siteDir, 'cleanup.csv.bak');
    renameSync(file, aside);
    const gone = await until(`${base}/cleanup/`, 404);
    measured.push(`topic removed ${gone} ms`);
    // Moved back at once, with its size and modification time: the file watcher reports nothing
    // for that (the case where /cleanup/ used to stay 404); the fingerprint check still sees it.
    renameSync(aside, file);
    const back = await until(`${base}/cleanup/`, 200);
    measured.push(`topic restored ${back} ms`);
  }, 90_000);
});
