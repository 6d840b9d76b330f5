// Build a site with the project's own CLI (`node src/cli/astro.mjs build`), as `npm run build`
// does, into a folder of the caller's choosing. Used by the end-to-end test and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A new empty folder under tests/.tmp/ (git-ignored), for build output and synthetic sites. */
export function projectTempDir(prefix: string): string {
  const parent = path.join(REPO_ROOT, 'tests/.tmp');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, prefix));
}

export interface BuildOptions {
  outDir: string;
  /** `--base`, e.g. `/town/`; omitted: the site's default (`/`) */
  base?: string;
  /** SITE_DIR: a folder with data/, content/, public/; omitted: the repository's own site */
  siteDir?: string;
  env?: Record<string, string>;
  /** called with the CLI's process right after it starts (the benchmark samples its memory) */
  onSpawn?: (child: ChildProcess) => void;
  /** stop the build after this long; default 20 minutes */
  timeoutMs?: number;
}

export interface BuildResult {
  outDir: string;
  ms: number;
  /** stdout and stderr, interleaved */
  output: string;
}

/** The environment `npm run build` sees from a shell, for a child build started from a test. */
export function buildEnv(siteDir?: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  if (siteDir) env.SITE_DIR = path.resolve(siteDir);
  else delete env.SITE_DIR;
  // Inside Vitest, process.env also holds what Vitest puts there for import.meta.env (BASE_URL=/,
  // MODE=test, DEV, PROD, SSR, TEST, NODE_ENV=test …). A child build must see the environment
  // `npm run build` sees from a shell: BASE_URL=/ would otherwise override `--base` (seen here).
  if (process.env.VITEST) {
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'FORCE_TTY']) delete env[key];
    for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
    if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  }
  for (const [key, value] of Object.entries(extra)) env[key] = value;
  return env;
}

export function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  // For an outDir outside its working directory Astro writes its server chunks to <root>/.astro/
  // and deletes that folder afterwards (getOutDirWithinCwd in astro/dist/core/build/common.js),
  // so two such builds at once break each other (seen here: ENOENT scandir '.astro/').
  if (!outDir.startsWith(REPO_ROOT)) {
    return Promise.reject(new Error(`buildSite: outDir must be inside the project (use projectTempDir()), got ${outDir}`));
  }
  const args = [path.join(REPO_ROOT, 'src/cli/astro.mjs'), 'build', '--outDir', outDir];
  if (options.base) args.push('--base', options.base);
  const env = buildEnv(options.siteDir, options.env);

  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    options.onSpawn?.(child);
    let output = '';
    // setEncoding keeps a Chinese character split across two chunks whole.
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20 * 60_000);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0) return resolve({ outDir, ms, output });
      // Astro prints a line per page; the error may be far from the end, so show both.
      const lines = output.trimEnd().split('\n');
      const errorAt = lines.findIndex((l) => /\b(error|Error|failed)\b|失败|错误|^\s+at /.test(l));
      const excerpt = errorAt >= 0 && errorAt < lines.length - 60
        ? [...lines.slice(errorAt, errorAt + 30), '…', ...lines.slice(-40)]
        : lines.slice(-80);
      const log = path.join(tmpdir(), `build-failed-${Date.now()}.log`);
      writeFileSync(log, output);
      reject(new Error(
        `build failed (${code ?? signal}) after ${(ms / 1000).toFixed(1)} s: ` +
        `${env.SITE_DIR ? `SITE_DIR=${env.SITE_DIR} ` : ''}node ${['src/cli/astro.mjs', ...args.slice(1)].join(' ')}\n` +
        `full output: ${log}\n${excerpt.join('\n')}`,
      ));
    });
  });
}
