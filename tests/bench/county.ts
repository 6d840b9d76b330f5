// A county's ledgers (contract §3.11): the synthetic project spread over 15 townships, 12 months,
// each township's datasets as one 台账.xlsx in its own folder (data/<乡镇>/台账.xlsx, a sheet per
// dataset under its Chinese name, with a merged title row, a 填报 row and 序号), checked beside the
// same data as one set of CSV files in data/. Each check runs in its own process, so its time and
// peak memory are its own.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite, REPO_ROOT, projectTempDir } from '../e2e/support/build.ts';
import { OBSERVABLE_FRAMEWORK, TARGETS } from './peers.ts';
import { writeSyntheticProject } from '../support/synthetic.ts';
import { writeWorkbook } from '../support/workbook.ts';
import { ledgerSheet, type LedgerLoad } from './ledger.ts';

export interface CountyResult {
  townships: number;
  villages: number;
  months: number;
  workbookBytes: number;
  csvBytes: number;
  csv: LedgerLoad;
  folders: LedgerLoad;
  sameRows: boolean;
  targets: { maxMs: number; maxRssBytes: number };
  met: boolean;
}

/** Datasets split by township (by the village of each row), as a township sends them. */
const SPLIT: [string, string][] = [
  ['cleanup', '村庄清洁'],
  ['construction-points', '新农村建设点'],
  ['construction-items', '建设内容'],
  ['toilets', '厕所革命'],
  ['inspections', '月度考评'],
];

function checkIn(root: string): LedgerLoad {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/bench/countyCheck.ts'), root], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`checking ${root} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as LedgerLoad;
}

const linesOf = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);

export function countyBench(townships = 15, villagesPerTownship = 20, months = 12, keep = false): CountyResult {
  const csvRoot = projectTempDir('bench-county-csv-');
  const folderRoot = projectTempDir('bench-county-folders-');
  try {
    const villages = townships * villagesPerTownship;
    writeSyntheticProject(csvRoot, { villages, months, reports: 0, townships });
    const data = (file: string) => path.join(csvRoot, 'data', `${file}.csv`);
    let csvBytes = 0;
    for (const [file] of [['villages'], ['targets'], ...SPLIT]) csvBytes += statSync(data(file!)).size;
    // The county keeps villages.csv, targets.csv and site.md; each township sends its own workbook.
    cpSync(path.join(csvRoot, 'content'), path.join(folderRoot, 'content'), { recursive: true });
    mkdirSync(path.join(folderRoot, 'data'), { recursive: true });
    for (const file of ['villages', 'targets']) cpSync(data(file), path.join(folderRoot, 'data', `${file}.csv`));
    const townOf = new Map(linesOf(data('villages')).slice(1).map((l) => l.split(',')).map((c) => [c[0]!, c[2]!]));
    const pointTown = new Map(linesOf(data('construction-points')).slice(1).map((l) => l.split(',')).map((c) => [c[0]!, townOf.get(c[2]!)!]));
    const byTown = new Map<string, Map<string, string[]>>();
    for (const [file] of SPLIT) {
      const [header, ...rows] = linesOf(data(file));
      const at = header!.split(',').findIndex((h) => h === '村' || h === '建设点编号');
      const town = (row: string) => {
        const cell = row.split(',')[at]!;
        return file === 'construction-items' ? pointTown.get(cell)! : townOf.get(cell)!;
      };
      for (const row of rows) {
        const t = town(row);
        let sheets = byTown.get(t);
        if (!sheets) byTown.set(t, (sheets = new Map()));
        let lines = sheets.get(file);
        if (!lines) sheets.set(file, (lines = [header!]));
        lines.push(row);
      }
    }
    let workbookBytes = 0;
    for (const [town, sheets] of byTown) {
      const book = writeWorkbook(SPLIT.filter(([file]) => sheets.has(file)).map(([file, name]) => ledgerSheet(name, sheets.get(file)!.join('\n'))));
      workbookBytes += book.byteLength;
      mkdirSync(path.join(folderRoot, 'data', town), { recursive: true });
      writeFileSync(path.join(folderRoot, 'data', town, '台账.xlsx'), book);
    }
    const csv = checkIn(csvRoot);
    const folders = checkIn(folderRoot);
    const targets = { maxMs: 5000, maxRssBytes: 1024 ** 3 };
    const sameRows = JSON.stringify(csv.rows) === JSON.stringify(folders.rows);
    return {
      townships: byTown.size,
      villages,
      months,
      workbookBytes,
      csvBytes,
      csv,
      folders,
      sameRows,
      targets,
      met: sameRows && folders.errors === 0 && Math.min(folders.ms, folders.cpuMs) < targets.maxMs && folders.maxRssBytes < targets.maxRssBytes,
    };
  } finally {
    if (!keep) {
      rmSync(csvRoot, { recursive: true, force: true });
      rmSync(folderRoot, { recursive: true, force: true });
    }
  }
}

export interface CountyPages {
  townships: number;
  villages: number;
  buildMs: number;
  /** gzip bytes of the page and the stylesheets and scripts it loads (what a first visit downloads) */
  pages: { name: string; path: string; htmlGzipBytes: number; bytes: number }[];
  maxBytes: number;
  met: boolean;
}

/**
 * Page weight of a county of `townships` townships (§3.11): the home page (its township table has a
 * row per township) and the heaviest township page, against the page-weight target (a tenth of the
 * Observable Framework page, tests/bench/peers.ts).
 */
export async function countyPages(townships = 75, villagesPerTownship = 8, keep = false): Promise<CountyPages> {
  const siteDir = projectTempDir('bench-county-site-');
  const outDir = projectTempDir('bench-county-dist-');
  try {
    writeSyntheticProject(siteDir, { villages: townships * villagesPerTownship, months: 12, reports: 2, townships });
    const built = await buildSite({ outDir, siteDir });
    const gz = (file: string) => gzipSync(readFileSync(path.join(outDir, file)), { level: 6 }).byteLength;
    const weigh = (name: string, file: string) => {
      const html = readFileSync(path.join(outDir, file), 'utf8');
      const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script[^>]*src)="\/([^"]+)"/g)].map((m) => m[1]!);
      const htmlGzipBytes = gz(file);
      return { name, path: `/${file.replace(/index\.html$/, '')}`, htmlGzipBytes, bytes: htmlGzipBytes + assets.reduce((sum, a) => sum + gz(a), 0) };
    };
    const slugs = readdirSync(path.join(outDir, 'townships'));
    const heaviest = slugs
      .map((slug) => weigh('township (heaviest)', `townships/${slug}/index.html`))
      .reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const pages = [weigh('home', 'index.html'), heaviest];
    const maxBytes = OBSERVABLE_FRAMEWORK.bytes * TARGETS.maxBytesShareOfPeer;
    return {
      townships: slugs.length,
      villages: townships * villagesPerTownship,
      buildMs: built.ms,
      pages,
      maxBytes,
      met: slugs.length === townships && pages.every((p) => p.bytes <= maxBytes),
    };
  } finally {
    if (!keep) {
      rmSync(siteDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  }
}
