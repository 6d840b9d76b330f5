// Orchestration: data/*.csv → typed tables and every issue, in one pass over every file.
// villages.csv first (the others reference it), then construction points (items reference them).
// Pure except readDataDir/loadData; loadTables never throws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadFree } from './free.ts';
import type { Values } from './datasetRules.ts';
import { loadKnown, type KnownResult } from './known.ts';
import { nameKey } from './names.ts';
import type { References } from './readCell.ts';
import { rowBuilders } from './rows.ts';
import {
  cleanupSchema,
  constructionItemsSchema,
  constructionPointsSchema,
  inspectionsSchema,
  photosSchema,
  schemas,
  targetsSchema,
  toiletsSchema,
  villagesSchema,
  type DatasetSchema,
} from './schemas.ts';
import type { ConstructionPoint, Dataset, Issue, Tables, Village } from './types.ts';
import { currentMonth, markVillageDependents } from './mistakes.ts';
import { createVillageIndex } from './villages.ts';

export interface DataFile {
  /** relative to the project root, forward slashes: `data/cleanup.csv` */
  path: string;
  bytes: Uint8Array;
}

const VILLAGES_PATH = 'data/villages.csv';

function emptyDataset<R>(schema: DatasetSchema, path: string): Dataset<R> {
  return { name: schema.name, file: path, columns: [], rows: [] };
}

/** Whatever happens inside one file, the other files are still read and nothing is thrown. */
function guarded<T>(path: string, issues: Issue[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    issues.push({
      path,
      code: 'encoding-error',
      internal: true,
      message: `读取此文件时出现意外的内部错误（${error instanceof Error ? error.message : String(error)}）；请把此文件发给网站维护人员`,
    });
    return fallback;
  }
}

/** Load every dataset from the given files. Best effort: rows with errors are left out. */
export interface LoadOptions {
  /** the clock: reporting months after this month are errors (tests fix it; default: now) */
  now?: Date;
}

export function loadTables(files: DataFile[], options: LoadOptions = {}): { tables: Tables; issues: Issue[] } {
  const issues: Issue[] = [];
  const nothing: Tables = {
    villages: emptyDataset<Village>(villagesSchema, VILLAGES_PATH),
    cleanup: null,
    constructionPoints: null,
    constructionItems: null,
    toilets: null,
    inspections: null,
    targets: null,
    photos: null,
    free: [],
  };
  // Each file is guarded on its own; this is the last line of defence for the glue between them.
  const tables = guarded('data', issues, nothing, () => loadAll(files, issues, currentMonth(options.now ?? new Date())));
  return { tables, issues };
}

function loadAll(files: DataFile[], issues: Issue[], month: string): Tables {
  const known = new Map<string, DataFile>();
  const free = new Map<string, DataFile>();
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = file.path.replace(/\\/g, '/');
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!/\.csv$/i.test(base)) continue;
    const name = base.slice(0, -4);
    const schema = schemas.find((s) => s.name === name.toLowerCase());
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      issues.push({ path, code: 'unique-error', message: `与 ${earlier} 是同一个数据集（文件名只差大小写）；请只保留一个` });
      continue;
    }
    seen.set(folded, path);
    if (schema) known.set(schema.name, { path, bytes: file.bytes });
    else free.set(name, { path, bytes: file.bytes });
  }

  const refs: References = {
    villages: null,
    villagesPath: known.get('villages')?.path ?? VILLAGES_PATH,
    brokenVillages: new Map(),
    points: null,
    pointsPath: known.get('construction-points')?.path ?? 'data/construction-points.csv',
    brokenPoints: new Map(),
    currentMonth: month,
  };

  function load<R>(schema: DatasetSchema, build: (values: Values, line: number) => R): KnownResult<R> | null {
    const file = known.get(schema.name);
    if (!file) return null;
    const fallback: KnownResult<R> = { dataset: emptyDataset<R>(schema, file.path), usable: false, rejected: [] };
    return guarded(file.path, issues, fallback, () => loadKnown(schema, file.path, file.bytes, refs, build, issues));
  }

  const villages = load(villagesSchema, rowBuilders.villages);
  if (villages === null) {
    issues.push({
      path: VILLAGES_PATH,
      code: 'missing-value',
      message: '缺少村庄名录 data/villages.csv：此文件必须有，其他数据表中的「村」都按其中的村编号或村名核对',
    });
  } else if (villages.usable) {
    refs.villages = createVillageIndex(villages.dataset.rows);
    for (const { line, raw } of villages.rejected) {
      for (const key of ['id', 'name']) {
        const value = raw.get(key);
        if (value !== undefined && nameKey(value) !== '' && !refs.brokenVillages.has(nameKey(value))) {
          refs.brokenVillages.set(nameKey(value), line);
        }
      }
    }
  }

  const points = load(constructionPointsSchema, rowBuilders.constructionPoints);
  if (points?.usable) {
    refs.points = new Map<string, ConstructionPoint>(points.dataset.rows.map((p) => [nameKey(p.id), p]));
    for (const { line, raw } of points.rejected) {
      const id = raw.get('id');
      if (id !== undefined && nameKey(id) !== '' && !refs.brokenPoints.has(nameKey(id))) refs.brokenPoints.set(nameKey(id), line);
    }
  }

  const tables: Tables = {
    villages: villages?.dataset ?? emptyDataset<Village>(villagesSchema, VILLAGES_PATH),
    cleanup: load(cleanupSchema, rowBuilders.cleanup)?.dataset ?? null,
    constructionPoints: points?.dataset ?? null,
    constructionItems: load(constructionItemsSchema, rowBuilders.constructionItems)?.dataset ?? null,
    toilets: load(toiletsSchema, rowBuilders.toilets)?.dataset ?? null,
    inspections: load(inspectionsSchema, rowBuilders.inspections)?.dataset ?? null,
    targets: load(targetsSchema, rowBuilders.targets)?.dataset ?? null,
    photos: withRejected(load(photosSchema, rowBuilders.photos)),
    free: [...free.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, file]) =>
        guarded(file.path, issues, { name, file: file.path, columns: [], rows: [] }, () =>
          loadFree(name, file.path, file.bytes, issues),
        ),
      ),
  };
  if (refs.villages === null) markVillageDependents(tables, refs.villagesPath);
  return tables;
}

function withRejected<R>(result: KnownResult<R> | null): Dataset<R> | null {
  return result ? { ...result.dataset, rejected: result.rejected, ...(result.positions && { positions: result.positions }) } : null;
}

/**
 * The CSV files in root/data, sorted by name. Office lock files (`~$…`) and hidden files are
 * skipped; a missing data directory is no files.
 */
export function readDataDir(root: string): DataFile[] {
  const dir = join(root, 'data');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: DataFile[] = [];
  for (const name of names.filter((n) => /\.csv$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort()) {
    const full = join(dir, name);
    try {
      if (!statSync(full).isFile()) continue;
      const buf = readFileSync(full);
      files.push({ path: `data/${name}`, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
    } catch {
      // unreadable (removed while listing, no permission): as if absent
    }
  }
  return files;
}

export function loadData(root: string, options: LoadOptions = {}): { tables: Tables; issues: Issue[] } {
  return loadTables(readDataDir(root), options);
}
