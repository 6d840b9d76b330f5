// Helpers for the publishing tests (tests/e2e/publish.test.ts): a build as a real child process in
// its own process group (so a test can signal the group, as a terminal's Ctrl+C does), and a
// fingerprint of a folder to prove that it did not change.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildEnv, REPO_ROOT } from './build.ts';

export const CLI = path.join(REPO_ROOT, 'src/cli/astro.mjs');
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `node src/cli/astro.mjs build <args>` to the end (synchronous). */
export function buildSync(args: string[], siteDir: string, opts: { cwd?: string; shell?: string } = {}): Run {
  const env = buildEnv(siteDir);
  const result = opts.shell
    ? spawnSync('sh', ['-c', `${opts.shell}; exec "$0" "$@"`, process.execPath, CLI, 'build', ...args], { cwd: opts.cwd ?? REPO_ROOT, env, encoding: 'utf8' })
    : spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: opts.cwd ?? REPO_ROOT, env, encoding: 'utf8' });
  return { code: result.status, signal: result.signal, output: `${result.stdout}\n${result.stderr}` };
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  /** resolves when the output matches */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<Run>;
}

/** Start a build in its own process group (detached), as a shell starts a foreground job. */
export function startBuild(args: string[], siteDir: string): Started {
  const child = spawn(process.execPath, [CLI, 'build', ...args], {
    cwd: REPO_ROOT,
    env: buildEnv(siteDir),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: string) => {
    // Astro colours its log when CI=true even into a pipe: match the text, not the escapes.
    output += chunk.replace(/\u001b\[[0-9;]*m/g, '');
    for (const l of listeners) l();
  };
  child.stdout!.setEncoding('utf8').on('data', onData);
  child.stderr!.setEncoding('utf8').on('data', onData);
  const exited = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`build output never matched ${pattern}:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => {
        if (!pattern.test(output)) {
          clearTimeout(timer);
          listeners.delete(check);
          reject(new Error(`build ended before its output matched ${pattern}:\n${output}`));
        }
      });
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

/** Every file and folder under `dir` with its mode and a hash of its content. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        out[`${rel}/`] = (st.mode & 0o777).toString(8);
        walk(p);
      } else {
        out[rel] = `${(st.mode & 0o777).toString(8)} ${createHash('sha1').update(readFileSync(p)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** Names beside `outDir` that a build left (work folders, locks). */
export function leftovers(outDir: string): string[] {
  const base = path.basename(outDir);
  const parent = path.dirname(outDir);
  return existsSync(parent) ? readdirSync(parent).filter((n) => n !== base && n.startsWith(`${base}.`)) : [];
}

/** A writable copy of a fixture site. */
export function copyFixture(name: string, to: string): string {
  cpSync(path.join(FIXTURES, name), to, { recursive: true });
  return to;
}
