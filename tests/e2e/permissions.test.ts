// Every published folder and file is readable by any user (contract §2): a build made under a
// strict umask (077, as on some hardened servers), copied with `cp -a` (modes kept), served by a
// real nginx whose worker runs as `nobody` — as Debian's nginx runs as www-data — answers 200 for
// pages and for every chart download. With the old mkdtemp chart folder (0700) they answered 403.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { projectTempDir } from './support/build.ts';
import { freePort, requireNginx } from './support/nginx.ts';
import { buildSync, FIXTURES } from './support/publish.ts';

const tmp = projectTempDir('perm-');
const served = mkdtempSync(path.join(tmpdir(), 'perm-served-'));
let nginx: ChildProcess | undefined;
afterAll(() => {
  nginx?.kill('SIGQUIT');
  rmSync(tmp, { recursive: true, force: true });
  rmSync(served, { recursive: true, force: true });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

test('a cp -a copy of dist/ served by nginx as user nobody answers 200 for chart CSV and SVG downloads', async () => {
  const bin = requireNginx();
  const dist = path.join(tmp, 'dist');
  const run = buildSync(['--outDir', dist], path.join(FIXTURES, 'site-one'), { shell: 'umask 077' });
  expect(run.code, run.output).toBe(0);
  for (const p of [dist, ...walk(dist)]) {
    const mode = statSync(p).mode & 0o777;
    expect(`${path.relative(dist, p)} ${mode.toString(8)}`).toBe(`${path.relative(dist, p)} ${statSync(p).isDirectory() ? '755' : '644'}`);
  }

  // the served copy lives where `nobody` may traverse: /tmp/perm-served-*/ opened to 755
  chmodSync(served, 0o755);
  const root = path.join(served, 'site');
  const cp = spawnSync('cp', ['-a', dist, root]);
  expect(cp.status, String(cp.stderr)).toBe(0);
  const prefix = path.join(served, 'nginx');
  mkdirSync(prefix);
  const port = await freePort();
  writeFileSync(path.join(prefix, 'nginx.conf'), `
daemon off;
master_process on;
user nobody nogroup;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  types { text/html html; text/csv csv; image/svg+xml svg; }
  access_log off;
  client_body_temp_path ${prefix}/cb;
  proxy_temp_path ${prefix}/px;
  fastcgi_temp_path ${prefix}/fc;
  uwsgi_temp_path ${prefix}/uw;
  scgi_temp_path ${prefix}/sc;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
  }
}
`);
  nginx = spawn(bin, ['-c', path.join(prefix, 'nginx.conf'), '-p', `${prefix}/`, '-e', path.join(prefix, 'error.log')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // the worker really is nobody (otherwise the test proves nothing)
  const workers = spawnSync('ps', ['-o', 'user=,args=', '--ppid', String(nginx.pid)], { encoding: 'utf8' }).stdout;
  expect(workers).toMatch(/^nobody\s+nginx: worker/m);

  const charts = readdirSync(path.join(root, 'data/charts'));
  const csv = charts.filter((f) => f.endsWith('.csv'));
  const svg = charts.filter((f) => f.endsWith('.svg'));
  expect(csv.length).toBeGreaterThan(0);
  expect(svg.length).toBeGreaterThan(0);
  const errors = () => { try { return readFileSync(path.join(prefix, 'error.log'), 'utf8'); } catch { return ''; } };
  for (const url of ['/', '/villages/', '/data/villages.csv', '/pagefind/pagefind.js', ...csv.map((f) => `/data/charts/${f}`), ...svg.map((f) => `/data/charts/${f}`)]) {
    const response = await fetch(`${origin}${url}`);
    await response.arrayBuffer();
    expect(`${url} ${response.status}`, errors()).toBe(`${url} 200`);
  }
}, 400_000);
