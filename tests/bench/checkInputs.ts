// `npm run check` on inputs that used to take minutes (issue 9): a village name of 100,000
// characters (chart labels are cut to fit with fitText, which was quadratic) and a report of
// 10,000 nested list items (Astro's remark rendering of the content collection took 106 s; the
// build no longer renders reports with remark, and check never did). Target: under 2 s each.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';
import { REPO_ROOT } from '../e2e/support/build.ts';

export const CHECK_TARGET_MS = 2_000;

export interface CheckTiming {
  name: string;
  /** `npm run check` as a process (Node and tsx start-up included), ms */
  processMs: number;
  /** loading and checking the site inside one process: the time check itself takes, ms */
  inProcessMs: number;
  exitCode: number | null;
  /** in-process time under the target, and check exited 0 */
  met: boolean;
}

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/site-one');

/** A village name of 100,000 characters, charted by village in a report (labels are fitted). */
export function writeLongNameSite(dir: string): void {
  cpSync(FIXTURE, dir, { recursive: true });
  const long = '长塘'.repeat(50_000);
  for (const name of readdirSync(path.join(dir, 'data'))) {
    const file = path.join(dir, 'data', name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('上村', long));
  }
  writeFileSync(path.join(dir, 'content/reports/by-village.md'), [
    '---', 'title: 各村清理', 'date: 2024-03-02', '---', '', '```chart', 'data: cleanup', 'type: bar', 'x: village', 'y: garbage_t', 'title: 各村清理垃圾', '```', '',
  ].join('\n'));
}

/** 10,000 list items, nested 100 deep in turn, then one item nested 10,000 deep (`- - - …`). */
export function nestedListReport(): string {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(`${'  '.repeat(i % 100)}- 第${i + 1}项`);
  return ['---', 'title: 嵌套列表', 'date: 2024-03-03', '---', '', ...lines, '', `${'- '.repeat(10_000)}最深处`, ''].join('\n');
}

export function writeNestedListSite(dir: string): void {
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'content/reports/nested.md'), nestedListReport());
}

function timeCheck(name: string, write: (dir: string) => void): CheckTiming {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-check-'));
  try {
    write(dir);
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, SITE_DIR: dir },
      encoding: 'utf8',
      timeout: 600_000,
    });
    const processMs = performance.now() - started;
    loadProject(FIXTURE); // warm the modules so the figure is the check, not module loading
    const t = performance.now();
    checkIssues(loadProject(dir));
    const inProcessMs = performance.now() - t;
    return { name, processMs, inProcessMs, exitCode: run.status, met: inProcessMs < CHECK_TARGET_MS && run.status === 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function timeChecks(): CheckTiming[] {
  return [
    timeCheck('the small fixture site-one (start-up cost)', (dir) => cpSync(FIXTURE, dir, { recursive: true })),
    timeCheck('village name of 100,000 characters', writeLongNameSite),
    timeCheck('report of 10,000 nested list items', writeNestedListSite),
  ];
}
