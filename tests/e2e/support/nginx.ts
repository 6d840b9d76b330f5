// A real static server for the built site: Debian's nginx on loopback, serving `distDir` under a
// sub-path (`/town/`) the way a county portal would, with gzip, explicit MIME types and the site's
// 404 page. Everything nginx writes (config, pid, logs, temp files) stays in one temp folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';
export const INSTALL_HINT = 'apt-get install -y chromium nginx fonts-wqy-microhei';

export interface NginxOptions {
  /** the built site (Astro's outDir) */
  distDir: string;
  /** the sub-path the site is served under; default `/town/` */
  base?: string;
}

export interface NginxServer {
  /** `http://127.0.0.1:<port>` (no trailing slash) */
  origin: string;
  port: number;
  /** `origin + base`, the site's home page */
  home: string;
  /** the temp folder holding nginx.conf, the logs and the pid file */
  prefix: string;
  /** nginx's error log so far, for failure messages */
  errorLog(): string;
  stop(): Promise<void>;
}

/** Throws the install hint when Debian's nginx is not on this machine. Tests must not skip. */
export function requireNginx(bin: string = NGINX): string {
  if (!existsSync(bin)) {
    throw new Error(`nginx not found at ${bin}; install it with: ${INSTALL_HINT}`);
  }
  return bin;
}

/** A port that was free a moment ago on 127.0.0.1 (startNginx retries if another process takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// A self-contained types block rather than /etc/nginx/mime.types, so the test does not depend on
// the host's list (Debian's has no csv entry) and duplicate-extension warnings cannot appear.
const MIME_TYPES: Record<string, string> = {
  'text/html': 'html htm',
  'text/css': 'css',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'text/javascript': 'js mjs',
  'application/json': 'json',
  'application/manifest+json': 'webmanifest',
  'application/xml': 'xml xsl',
  'application/rss+xml': 'rss',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/wasm': 'wasm',
  'image/svg+xml': 'svg svgz',
  'image/png': 'png',
  'image/jpeg': 'jpg jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/x-icon': 'ico',
  'font/woff': 'woff',
  'font/woff2': 'woff2',
};

/** The nginx.conf text; exported so a test can show it on failure. */
export function nginxConfig(opts: { prefix: string; port: number; distDir: string; base: string }): string {
  const { prefix, port, distDir, base } = opts;
  const p = (name: string) => path.join(prefix, name);
  const types = Object.entries(MIME_TYPES).map(([type, exts]) => `    ${type} ${exts};`).join('\n');
  // text/html is always compressed by gzip; listing it again makes nginx warn about a duplicate.
  const gzipTypes = 'text/css image/svg+xml text/csv application/xml application/rss+xml text/javascript application/json text/plain';
  return `# written by tests/e2e/support/nginx.ts
daemon off;
# One process, running as the user who started it: no worker that switches to "nobody" and then
# cannot read a 0700 temp folder.
master_process off;
worker_processes 1;
pid ${p('nginx.pid')};
error_log ${p('error.log')} warn;

events {
  worker_connections 256;
}

http {
  types {
${types}
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/csv text/plain text/javascript application/json application/xml application/rss+xml image/svg+xml;
  gzip on;
  gzip_vary on;
  gzip_min_length 256;
  gzip_types ${gzipTypes};
  sendfile on;
  keepalive_timeout 30s;
  server_tokens off;
  access_log ${p('access.log')};
  client_body_temp_path ${p('client_body')};
  proxy_temp_path ${p('proxy')};
  fastcgi_temp_path ${p('fastcgi')};
  uwsgi_temp_path ${p('uwsgi')};
  scgi_temp_path ${p('scgi')};

  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    # Redirects (/town/data -> /town/data/) keep the client's host and port.
    absolute_redirect off;
    root ${p('empty-root')};
    error_page 404 ${base}404.html;

    location ${base} {
      alias ${distDir.replace(/\/+$/, '')}/;
      index index.html;
    }
  }
}
`;
}

async function waitUntilAnswering(origin: string, child: ChildProcess, errorLog: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before answering:\n${errorLog()}`);
    }
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      return; // any HTTP answer means it listens
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not answer at ${origin} within 15 s (${String(lastError)}):\n${errorLog()}`);
}

/** Start nginx serving `distDir` under `base` on a free loopback port; resolves once it answers. */
export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const bin = requireNginx();
  const base = normaliseBase(options.base ?? '/town/');
  const distDir = path.resolve(options.distDir);
  if (!existsSync(distDir)) throw new Error(`startNginx: distDir does not exist: ${distDir}`);
  const prefix = mkdtempSync(path.join(tmpdir(), 'e2e-nginx-'));
  const confPath = path.join(prefix, 'nginx.conf');
  const errorLog = () => {
    try { return readFileSync(path.join(prefix, 'error.log'), 'utf8'); } catch { return '(no error log)'; }
  };

  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    writeFileSync(confPath, nginxConfig({ prefix, port, distDir, base }));
    // `-e` sets the early error log too, so nothing is written under /var/log/nginx.
    const child = spawn(bin, ['-c', confPath, '-p', `${prefix}/`, '-e', path.join(prefix, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += String(chunk); });
    const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await Promise.race([waitUntilAnswering(origin, child, () => `${stderr}${errorLog()}`), spawnFailed]);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      // Another process may have taken the port between freePort() and nginx's bind: try again.
      if (/Address already in use/.test(`${stderr}${errorLog()}`)) continue;
      rmSync(prefix, { recursive: true, force: true });
      throw error;
    }
    // If the test process dies without calling stop(), do not leave nginx holding the port.
    const killOnExit = () => { try { child.kill('SIGKILL'); } catch { /* already gone */ } };
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    let stopped: Promise<void> | undefined;
    return {
      origin,
      port,
      home: `${origin}${base}`,
      prefix,
      errorLog,
      stop() {
        stopped ??= new Promise<void>((resolve) => {
          const done = () => {
            rmSync(prefix, { recursive: true, force: true });
            resolve();
          };
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', done);
          // SIGQUIT is nginx's graceful shutdown; escalate if it lingers.
          child.kill('SIGQUIT');
          setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
        });
        return stopped;
      },
    };
  }
  rmSync(prefix, { recursive: true, force: true });
  throw new Error(`nginx could not bind a free port after 5 attempts: ${String(lastError)}`);
}

function normaliseBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}
