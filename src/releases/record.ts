// The record of releases (contract §6.3): /data/releases.json as published, read back from the
// site a build replaces (or `--previous <folder>`), and the next record planned from it. The record
// is never rewritten: one that cannot be read stops the build; it is never started again in silence.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareReleases, sameDatasets, type Correction, type DatasetKey, type MonthsAdded, type RowsAdded } from './compare.ts';

/** Where a site publishes its record and every release's datasets. */
export const RECORD_FILE = 'data/releases.json';
export const RELEASES_DIR = 'data/releases';
export const releaseFile = (n: number, name: string) => `${RELEASES_DIR}/${n}/${name}.csv`;

export interface Release {
  number: number;
  /** its day, `YYYY-MM-DD` (China time) */
  date: string;
  /** the datasets it published, by name (`/data/releases/<number>/<name>.csv`) */
  datasets: string[];
  monthsAdded: MonthsAdded[];
  rowsAdded: RowsAdded[];
  corrections: Omit<Correction, 'index'>[];
}

/** releases.json: every release, oldest first. */
export interface ReleaseRecord {
  site: 'renju-huanjing-site';
  releases: Release[];
}

/** The release the previous site ends with: its record and where its files are. */
export type Previous =
  | { kind: 'none' }
  /** an earlier build made before the record existed (no releases.json, no releases/) */
  | { kind: 'unrecorded'; dir: string }
  | { kind: 'record'; dir: string; record: ReleaseRecord; datasets: Map<string, string> }
  | { kind: 'broken'; file: string; problem: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRelease(r: unknown, n: number): r is Release {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  return x.number === n && typeof x.date === 'string' && DAY.test(x.date) &&
    Array.isArray(x.datasets) && x.datasets.every((d) => typeof d === 'string') &&
    Array.isArray(x.monthsAdded) && Array.isArray(x.corrections) && (x.rowsAdded === undefined || Array.isArray(x.rowsAdded));
}

/** Read the previous site's record and its latest release's datasets (the bytes as published). */
export function readPrevious(dir: string | null): Previous {
  if (dir === null || !existsSync(dir) || readdirSync(dir).length === 0) return { kind: 'none' };
  const file = path.join(dir, RECORD_FILE);
  if (!existsSync(file)) {
    if (existsSync(path.join(dir, RELEASES_DIR))) return { kind: 'broken', file, problem: '文件不存在，但 data/releases/ 文件夹还在' };
    // a site built before the record existed; anything else is not a copy of this site
    if (existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, 'data'))) return { kind: 'unrecorded', dir };
    return { kind: 'broken', file, problem: `${dir} 不是本网站生成的网站文件夹（没有 index.html 和 data/），无法与它比较` };
  }
  let record: ReleaseRecord;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const releases = (parsed as { releases?: unknown } | null)?.releases;
    if (!Array.isArray(releases) || releases.length === 0) return { kind: 'broken', file, problem: '没有 releases 列表' };
    const bad = releases.findIndex((r, i) => !isRelease(r, i + 1));
    if (bad >= 0) return { kind: 'broken', file, problem: `第 ${bad + 1} 项发布的编号、日期或内容不完整` };
    record = { site: 'renju-huanjing-site', releases: releases as Release[] };
  } catch (error) {
    return { kind: 'broken', file, problem: `不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）` };
  }
  for (const release of record.releases) {
    for (const name of release.datasets) {
      const csv = path.join(dir, releaseFile(release.number, name));
      if (!existsSync(csv) || !statSync(csv).isFile()) return { kind: 'broken', file, problem: `第 ${release.number} 次发布的 ${releaseFile(release.number, name)} 不见了` };
    }
  }
  const last = record.releases.at(-1)!;
  const datasets = new Map(last.datasets.map((name) => [name, readFileSync(path.join(dir, releaseFile(last.number, name)), 'utf8')]));
  return { kind: 'record', dir, record, datasets };
}

export interface Plan {
  record: ReleaseRecord;
  /** the release this build publishes (the previous one when nothing changed) */
  current: Release;
  /** false: the datasets equal the previous release's, nothing was added to the record */
  isNew: boolean;
  /** the corrections of this build, with their rows in the new datasets (for `npm run check`) */
  corrections: Correction[];
  /** where each release's CSV comes from: the text of this build, or a file of the previous site */
  source(number: number, name: string): { text: string } | { file: string };
}

/**
 * The record after this build: `datasets` are the CSV texts it publishes, `date` its day. Null
 * when the previous record is broken (the caller reports it and stops).
 */
export function planRelease(previous: Previous, datasets: ReadonlyMap<string, string>, keys: ReadonlyMap<string, DatasetKey>, date: string): Plan | null {
  if (previous.kind === 'broken') return null;
  const earlier = previous.kind === 'record' ? previous.record.releases : [];
  const prevDatasets = previous.kind === 'record' ? previous.datasets : null;
  const dir = previous.kind === 'record' ? previous.dir : null;
  const fromPrevious = (number: number, name: string) => ({ file: path.join(dir!, releaseFile(number, name)) });
  if (prevDatasets && sameDatasets(prevDatasets, datasets)) {
    const record = { site: 'renju-huanjing-site' as const, releases: earlier };
    return { record, current: earlier.at(-1)!, isNew: false, corrections: [], source: fromPrevious };
  }
  const changes = compareReleases(prevDatasets, datasets, keys);
  const current: Release = {
    number: earlier.length + 1,
    date,
    datasets: [...datasets.keys()],
    monthsAdded: changes.monthsAdded,
    rowsAdded: changes.rowsAdded,
    corrections: changes.corrections.map(({ index: _index, ...c }) => c),
  };
  return {
    record: { site: 'renju-huanjing-site', releases: [...earlier, current] },
    current,
    isNew: true,
    corrections: changes.corrections,
    source: (number, name) => (number === current.number ? { text: datasets.get(name) ?? '' } : fromPrevious(number, name)),
  };
}

/** A day in China time (UTC+8), `YYYY-MM-DD`: the day staff see on their calendar. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
