// Refusing hostile workbooks (issue 22 item 5, contract §3.9): a merge over A3:XFD1048576, a cell
// at XFD1048576, a 1.2 MB zip bomb that unpacks to 1.2 GB, and the same bomb declaring 4 KB. Each
// is loaded in its own process (tests/bench/ledgerLoad.ts) beside a villages.csv; the target: one
// error at the file, within 5 s and under 500 MB of peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, projectTempDir } from '../e2e/support/build.ts';
import { bombSheet, farCell, lyingZipBomb, mergeOverSheet, zipBomb } from '../support/hostileWorkbooks.ts';

export const LIMIT_TARGETS = { maxMs: 5_000, maxRssBytes: 500 * 1024 * 1024 };

export interface LimitRun {
  name: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  errors: number;
  firstErrors: string[];
  met: boolean;
}

const VILLAGES = '编号,村名,乡镇,户数,人口\nv1,长塘村,洋江镇,512,1800\n';

function run(name: string, bytes: Uint8Array): LimitRun {
  const root = projectTempDir('bench-limits-');
  try {
    mkdirSync(path.join(root, 'data'), { recursive: true });
    writeFileSync(path.join(root, 'data/villages.csv'), VILLAGES);
    writeFileSync(path.join(root, 'data/cleanup.xlsx'), bytes);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/bench/ledgerLoad.ts'), root], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (child.status !== 0) {
      return { name, bytes: bytes.length, ms: NaN, cpuMs: NaN, maxRssBytes: NaN, errors: NaN, firstErrors: [`exit ${child.status} ${child.signal ?? ''}: ${child.stderr.slice(-300)}`], met: false };
    }
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<LimitRun, 'name' | 'bytes' | 'met'>;
    const oneAtFile = r.errors === 1 && r.firstErrors[0]!.startsWith('data/cleanup.xlsx:');
    return {
      name,
      bytes: bytes.length,
      ...r,
      met: oneAtFile && Math.min(r.ms, r.cpuMs) < LIMIT_TARGETS.maxMs && r.maxRssBytes < LIMIT_TARGETS.maxRssBytes,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function workbookLimitsBench(): Promise<LimitRun[]> {
  const bomb = await bombSheet();
  return [
    run('merge over A3:XFD1048576', mergeOverSheet()),
    run('one cell at XFD1048576', farCell()),
    run('zip bomb (1.2 GB unpacked)', zipBomb(bomb)),
    run('zip bomb declaring 4 KB', lyingZipBomb(bomb)),
  ];
}

// tsx tests/bench/workbookLimits.ts: this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await workbookLimitsBench()) {
    console.log(`${r.name}: ${(r.bytes / 1024).toFixed(0)} KB, ${r.ms.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms), ` +
      `peak ${(r.maxRssBytes / 1024 / 1024).toFixed(0)} MB, ${r.errors} error(s) → ${r.met ? 'MET' : 'NOT MET'}; ${r.firstErrors[0] ?? ''}`);
  }
}
