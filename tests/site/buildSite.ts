// Builds a data set (a folder with data/, content/, public/) with the real build command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildEnv } from '../e2e/support/build.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface Built {
  code: number;
  output: string;
  outDir: string;
  /** read a built file as text (path relative to outDir) */
  read(file: string): string;
  exists(file: string): boolean;
  /** every .html file, relative to outDir */
  htmlFiles(): string[];
}

export function buildSite(siteDir: string | null, args: string[] = [], extraEnv: Record<string, string> = {}): Built {
  // Inside the project on purpose: for an outDir outside the working directory Astro puts its
  // server chunks in <cwd>/.astro/, which two builds at once would share and clobber.
  mkdirSync(path.join(projectRoot, 'tests/.tmp'), { recursive: true });
  const outDir = path.join(mkdtempSync(path.join(projectRoot, 'tests/.tmp/build-')), 'dist');
  const env = buildEnv(siteDir ?? undefined, extraEnv);
  const result = spawnSync(process.execPath, ['src/cli/astro.mjs', 'build', '--outDir', outDir, ...args], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
  });
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [path.relative(outDir, p)];
    });
  return {
    code: result.status ?? 1,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (file) => readFileSync(path.join(outDir, file), 'utf8'),
    exists: (file) => existsSync(path.join(outDir, file)),
    htmlFiles: () => (existsSync(outDir) ? walk(outDir).filter((f) => f.endsWith('.html')) : []),
  };
}

/** The visible text of an HTML page, roughly (tags removed, entities for < > & decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
