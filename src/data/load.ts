// Orchestration: data/*.csv, *.txt, *.xlsx and *.xls → typed tables and every issue, in one pass
// over every file. Which file supplies which dataset (contract §3.9 "File names"): its key or its
// Chinese name, a workbook's sheets named after datasets; two files for one dataset are an error.
// villages first (the others reference it), then construction points (items reference them).
// Pure except readDataDir/loadData; loadTables never throws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadFree } from './free.ts';
import { datasetOf, type AnySchema, type TablesOf } from './schema/dataset.ts';
import { loadKnown, type KnownResult } from './known.ts';
import { nameKey } from './cells/names.ts';
import type { References } from './cells/readCell.ts';
import { recordRegistry, registry, type Registry } from './registry.ts';
import { columnName, csvSource, type Source } from './read/source.ts';
import type { Dataset, FreeRow, Issue, Tables } from './types.ts';
import { currentMonth } from './table/mistakes.ts';
import { readWorkbook, REFUSED_EXTENSIONS, type WorkbookSheet } from './read/workbook.ts';
import { fileOf, folderOf, isNested, PHOTO_FOLDER, mergeFree, mergeParts, nestedFolderIssue, unknownFolderIssue } from './folders.ts';
import type { Seen } from './unique.ts';
import { namesColumns, townshipColumn } from './table/sheet.ts';

export interface DataFile {
  /** relative to the project root, forward slashes: `data/cleanup.csv` */
  path: string;
  bytes: Uint8Array;
}

/** Where a dataset's file is looked for first, named in messages when it is absent. */
const defaultPath = (schema: AnySchema) => `data/${schema.name}.csv`;

function emptyDataset<R>(schema: AnySchema, path: string): Dataset<R> {
  return { name: schema.name, file: path, columns: [], rows: [] };
}

/** Whatever happens inside one file, the other files are still read and nothing is thrown. */
function guarded<T>(path: string, issues: Issue[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    // A bug of the tool, never a user's mistake (contract §5): its own code, at the file being read.
    issues.push({
      path,
      code: 'internal-error',
      internal: true,
      structural: true,
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      message: `读取此文件时本工具出现内部错误（不是您的数据有误）；请把此文件和这条信息发给网站维护人员`,
    });
    return fallback;
  }
}

/** Chinese file (and sheet) names of known datasets (contract §3.9): each one's aliases and title. */
function chineseNames(datasets: readonly AnySchema[]): string[] {
  return datasets.flatMap((s) => [...(s.aliases ?? []), s.title]);
}

/** The known dataset a file or sheet name stands for (`村庄清洁行动` → cleanup), if any. */
export function knownName(name: string, datasets: readonly AnySchema[] = registry): string | undefined {
  const direct = knownKey(name, datasets);
  if (direct !== undefined) return direct;
  // `2023年月度考评`, `cleanup-2023`: a year before or after the name (wide months read it).
  const bare = name
    .normalize('NFKC')
    .replace(/^\s*(?:20\d{2}|2100)\s*(?:年度|年)?\s*[-_.\s]?/u, '')
    .replace(/[-_.\s]?\s*(?:20\d{2}|2100)\s*(?:年度|年)?\s*$/u, '');
  return bare !== name && bare !== '' ? knownKey(bare, datasets) : undefined;
}

function knownKey(name: string, datasets: readonly AnySchema[]): string | undefined {
  const key = nameKey(name);
  return datasets.find((s) => s.name === key || chineseNames([s]).some((n) => nameKey(n) === key))?.name;
}

/**
 * A name without the marks Windows, WPS and Excel add to copies: `cleanup (1)`, `cleanup - 副本`,
 * `复件 cleanup`, `cleanup - Copy (2)`, `Copy of cleanup`, `cleanup的副本`.
 */
export function copyBase(name: string): { base: string; copy: boolean } {
  let s = name.normalize('NFKC').trim();
  const before = s;
  for (let i = 0; i < 3; i++) {
    s = s
      .replace(/^(?:复件|副本)\s*(?:\(\d+\)\s*)?/u, '')
      .replace(/^copy\s*(?:\(\d+\)\s*)?of\s+/iu, '')
      .replace(/\s*-\s*(?:副本|copy)(?:\s*\(\d+\))?$/iu, '')
      .replace(/\s*的副本(?:\s*\(\d+\))?$/u, '')
      .replace(/\s+副本(?:\s*\(\d+\))?$/u, '')
      .replace(/\s*\(\d+\)$/u, '')
      .trim();
  }
  return s === '' ? { base: before, copy: false } : { base: s, copy: s !== before };
}

/** One table a file offers: a CSV/TXT file, or one sheet of a workbook. */
interface Offer {
  /** dataset key: a schema name or a free dataset's name */
  dataset: string;
  /** the folder under data/ holding the file (`洋江镇`), '' for data/ itself */
  folder: string;
  /** path shown in issues: `data/cleanup.csv`, `data/台账.xlsx[村庄清洁]` */
  path: string;
  copy: boolean;
  source: () => Source | null;
  /** a workbook named after a known dataset: every sheet that holds it, read as one table (§3.9) */
  sheets?: () => Source[];
}

/**
 * A `.txt` file is a table when it is named after a known dataset, or saved as "Unicode 文本"
 * (UTF-16 with BOM, which Excel always writes tab-separated); other notes in data/ are not read.
 */
function isTableText(stem: string, bytes: Uint8Array, datasets: readonly AnySchema[]): boolean {
  if (knownName(copyBase(stem).base, datasets) !== undefined) return true;
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function extensionOf(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** `第 12–13、20 行`, `第 C–D 列`: runs of consecutive numbers. */
function runs(numbers: readonly number[], name: (n: number) => string = String): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? name(numbers[i]!) : `${name(numbers[i]!)}–${name(numbers[j]!)}`);
    i = j + 1;
  }
  return parts.length > 8 ? `${parts.slice(0, 8).join('、')} 等` : parts.join('、');
}

function sheetSource(file: string, names: string[], sheet: WorkbookSheet, issues: Issue[]): Source {
  const path = `${file}[${sheet.name}]`;
  // Hidden rows, columns and sheets are read like visible ones (Excel's SUM counts them too), with
  // one warning per sheet that names them (contract §3.9).
  const rows = sheet.hiddenRows ?? [];
  const columns = sheet.hiddenColumns ?? [];
  const parts = [
    ...(sheet.hidden ? [`工作表「${sheet.name}」`] : []),
    ...(rows.length > 0 ? [`第 ${runs(rows)} 行`] : []),
    ...(columns.length > 0 ? [`第 ${runs(columns, columnName)} 列`] : []),
  ];
  if (parts.length > 0) {
    issues.push({
      path,
      ...(rows.length > 0 && { row: rows[0] }),
      code: 'warning',
      message: `${parts.join('、')}在 Excel 中被隐藏，已计入（Excel 的求和也计入隐藏的行）；如其中的数据不应公布，请在原表中删除，而不是隐藏`,
    });
  }
  return { path, file, kind: 'sheet', names: [sheet.name, ...names], records: sheet.records };
}

/** What each file offers, with whole-file problems (refused formats, unreadable workbooks). */
function offersOf(files: DataFile[], issues: Issue[], datasets: readonly AnySchema[]): Offer[] {
  const offers: Offer[] = [];
  for (const file of files) {
    const path = file.path.replace(/\\/g, '/');
    const base = path.slice(path.lastIndexOf('/') + 1);
    const folder = folderOf(path);
    const ext = extensionOf(base);
    const stem = base.slice(0, base.length - ext.length - 1);
    const refused = REFUSED_EXTENSIONS[ext];
    if (refused !== undefined) {
      issues.push({
        path,
        code: 'encoding-error',
        message: `${refused}不能直接读取，请另存为 .xlsx：用 Excel 或 WPS 打开，“另存为” Excel 工作簿（.xlsx）或 CSV UTF-8（逗号分隔），放在 data/ 中，并删去此文件`,
      });
      continue;
    }
    if (ext === 'csv' || ext === 'txt') {
      const { base: name, copy } = copyBase(stem);
      if (ext === 'txt' && !isTableText(name, file.bytes, datasets)) continue;
      offers.push({ dataset: knownName(name, datasets) ?? name, folder, path, copy, source: () => csvSource(path, file.bytes, issues) });
      continue;
    }
    if (ext !== 'xlsx' && ext !== 'xls') continue;
    offers.push(...workbookOffers({ path, folder, stem }, readWorkbook(file.bytes, ext), issues, datasets));
  }
  return offers;
}

/** A workbook file: its path, the folder under data/ holding it, its name without extension. */
interface WorkbookFile {
  path: string;
  folder: string;
  stem: string;
}

/**
 * Takes a workbook as read; gives what it offers: one dataset, read from every sheet that holds
 * it, when the workbook is named after it or no sheet is named after a dataset; else each sheet
 * named after a dataset (a ledger workbook). An unreadable workbook offers its dataset, damaged.
 */
function workbookOffers(file: WorkbookFile, book: ReturnType<typeof readWorkbook>, issues: Issue[], datasets: readonly AnySchema[]): Offer[] {
  const { path, folder } = file;
  const { base: name, copy } = copyBase(file.stem);
  if (!book.ok) {
    issues.push({ path, code: 'encoding-error', message: book.message });
    // Its dataset could not be read: what depends on it follows from this one line (§5).
    return [{ dataset: knownName(name, datasets) ?? name, folder, path, copy, source: () => null }];
  }
  const filled = book.sheets.filter((s) => s.records.length > 0);
  const own = knownName(name, datasets);
  const named = filled.filter((s) => knownName(copyBase(s.name).base, datasets) !== undefined);
  if (own !== undefined || named.length === 0) return datasetWorkbookOffer(file, filled, own, issues, datasets);
  // A ledger workbook: each sheet named after a dataset supplies it.
  const offers = named.map((sheet) => {
    const sheetName = copyBase(sheet.name);
    return {
      dataset: knownName(sheetName.base, datasets)!,
      folder,
      path: `${path}[${sheet.name}]`,
      copy: copy || sheetName.copy,
      source: () => sheetSource(path, [file.stem], sheet, issues),
    };
  });
  // Hidden sheets too: no sheet with rows is skipped in silence (§3.9).
  const skipped = filled.filter((s) => !named.includes(s)).map((s) => `「${s.name}」`);
  if (skipped.length > 0) {
    issues.push({
      path,
      code: 'warning',
      message:
        `工作表${skipped.join('')}的名称不是数据集名，未读取；` +
        `要读取请把工作表改名为 ${[...new Set(chineseNames(datasets))].join('、')} 之一（或数据集的英文名）`,
    });
  }
  return offers;
}

/**
 * A workbook named after a known dataset (`own`): every non-empty sheet whose header names the
 * dataset's columns, as one table (one sheet per township, year or quarter; §3.9). Otherwise
 * (a free dataset, or no sheet holds it) its first sheet with rows, visible ones first.
 */
function datasetWorkbookOffer(
  file: WorkbookFile,
  filled: readonly WorkbookSheet[],
  own: string | undefined,
  issues: Issue[],
  datasets: readonly AnySchema[],
): Offer[] {
  const { path, folder, stem } = file;
  const { base: name, copy } = copyBase(stem);
  const first = filled.find((s) => !s.hidden) ?? filled[0];
  if (first === undefined) {
    issues.push({ path, code: 'blank-header', message: '工作簿中没有任何数据：第一个工作表的第一行应为表头（列名），其下每行一条数据' });
    return [];
  }
  const schema = datasets.find((d) => d.name === own);
  // (a sheet named after another dataset holds that one, whatever its header shares)
  const other = (s: WorkbookSheet) => {
    const named = knownName(copyBase(s.name).base, datasets);
    return named !== undefined && named !== own;
  };
  const holding =
    schema === undefined ? [] : filled.filter((s) => !other(s) && namesColumns(s.records, schema, [...schema.columns, townshipColumn]));
  const read = holding.length > 0 ? holding : [first];
  const skipped = filled.filter((s) => !read.includes(s));
  if (skipped.length > 0) {
    const what = schema !== undefined ? `「${schema.title}」的表头（至少两个列名，如 ${schema.columns.slice(0, 2).map((c) => c.label).join('、')}）` : '要读取的数据（只读取了第一个有数据的工作表）';
    issues.push({
      path,
      code: 'warning',
      message:
        `工作表${skipped.map((s) => `「${s.name}」`).join('')}中没有${what}，未读取；` +
        `已读取：${read.map((s) => `「${s.name}」`).join('')}。如其中有要公布的数据，请把它放到单独的文件中`,
    });
  }
  return [{
    dataset: own ?? name,
    folder,
    path: read.length === 1 ? `${path}[${read[0]!.name}]` : path,
    copy,
    source: () => sheetSource(path, [stem], read[0]!, issues),
    ...(read.length > 1 && { sheets: () => read.map((sheet) => sheetSource(path, [stem], sheet, issues)) }),
  }];
}

/** Load every dataset from the given files. Best effort: rows with errors are left out. */
export interface LoadOptions<Reg extends readonly AnySchema[] = Registry> {
  /** the clock: reporting months after this month are errors (tests fix it; default: now) */
  now?: Date;
  /** the known datasets (default: the site's registry; tests add their own) */
  registry?: Reg;
}

/** The tables a registry loads: `Tables` for the site's. */
export type LoadedTables<Reg extends readonly AnySchema[]> = Registry extends Reg ? Tables : TablesOf<Reg> & { free: Dataset<FreeRow>[] };

export function loadTables<Reg extends readonly AnySchema[] = Registry>(
  files: DataFile[],
  options: LoadOptions<Reg> = {},
): { tables: LoadedTables<Reg>; issues: Issue[] } {
  const datasets: readonly AnySchema[] = options.registry ?? registry;
  const issues: Issue[] = [];
  const nothing: Record<string, unknown> = { free: [] };
  // A crash between files leaves every dataset damaged by it: no consequence lines (§5).
  for (const schema of datasets) nothing[schema.table] = { ...emptyDataset(schema, defaultPath(schema)), damaged: 'data' };
  // Each file is guarded on its own; this is the last line of defence for the glue between them.
  const tables = guarded('data', issues, nothing, () => loadAll(files, issues, currentMonth(options.now ?? new Date()), datasets));
  recordRegistry(tables, datasets);
  for (const schema of datasets) {
    const dataset = schema.monthly ? datasetOf(tables, schema) : null;
    if (dataset) dataset.monthly = true;
  }
  // In a workbook, the message also names the cell (`C14`): staff find it with Ctrl+G.
  for (const issue of issues) {
    if (issue.row !== undefined && issue.column !== undefined && issue.path.endsWith(']') && /\.xlsx?\[/i.test(issue.path)) {
      issue.message += `（单元格 ${columnName(issue.column)}${issue.row}）`;
    }
  }
  return { tables: tables as LoadedTables<Reg>, issues };
}

interface Chosen {
  path: string;
  source: () => Source | null;
  /** the folder under data/ it is in ('' for data/ itself) */
  folder: string;
  sheets?: () => Source[];
}

function loadAll(files: DataFile[], issues: Issue[], month: string, datasets: readonly AnySchema[]): Record<string, unknown> {
  const folders = foldersOf(files, issues);
  const offers: Offer[] = [];
  for (const [folder, list] of folders.byFolder) {
    offers.push(...offersOf(list.filter((f) => !isNested(f.path)), folders.issues.get(folder)!, datasets));
  }
  const villagesName = datasets.find((s) => s.definesTownships)?.name;
  for (const offer of offers) if (offer.folder !== '' && offer.dataset === villagesName) folders.townOf.set(offer.folder, offer.folder);
  const { known, free } = chooseFiles(offers, folders.issues, datasets);

  // Each dataset with references sets its part when loaded (villages, construction points).
  const refs: References = {
    villages: null,
    villagesPath: '',
    brokenVillages: new Map(),
    points: null,
    pointsPath: '',
    brokenPoints: new Map(),
    currentMonth: month,
  };
  const { results, missing } = loadKnownDatasets(datasets, known, folders, refs, villagesName, issues);
  const elsewhere = unreadFolders(folders, offers, refs, villagesName !== undefined && known.has(villagesName), datasets, issues);

  const tables: Record<string, unknown> = {};
  for (const schema of datasets) {
    const result = results.get(schema) ?? null;
    tables[schema.table] =
      result === null
        ? schema.required ? emptyDataset(schema, defaultPath(schema)) : null
        : schema.keepRejected
          ? { ...result.dataset, rejected: result.rejected, ...(result.positions && { positions: result.positions }) }
          : result.dataset;
  }
  tables.free = freeTables(free, folders, issues);
  if (elsewhere.size > 0) tables.elsewhere = Object.fromEntries(elsewhere);
  // Township folders' problems, once every file of theirs has been read (free datasets last).
  for (const [folder, list] of folders.issues) if (folder !== '' && folders.townOf.has(folder)) issues.push(...list);
  // A required file that is only where it is not read: say where it is (§3.11).
  for (const [name, issue] of missing) {
    const found = elsewhere.get(name);
    if (found) issue.message += `（找到了 ${found.join('、')}，但它所在的文件夹未读取，见该文件夹的错误）`;
  }
  // Without a readable villages.csv no village reference can be checked: the charts and figures of
  // every queryable dataset follow from its problem (contract §5).
  if (refs.villages === null) {
    for (const schema of datasets) {
      const dataset = datasetOf(tables, schema);
      if (schema.view !== false && dataset && dataset.damaged === undefined) dataset.damaged = refs.villagesPath;
    }
  }
  return tables;
}

/** The files by folder under data/, which folders are townships', and each folder's problems. */
interface Folders {
  /** data/ itself (''), then one folder per township (§3.11); photos/ is not a ledger */
  byFolder: Map<string, DataFile[]>;
  /** folder → its township: a folder holding villages.csv names its own, others match a township */
  townOf: Map<string, string>;
  /**
   * Each folder's problems (data/'s are the run's own list): a folder's are reported only once it
   * is known to be a township's (villages.csv names the townships, and may itself be in the folders).
   */
  issues: Map<string, Issue[]>;
}

function foldersOf(files: DataFile[], issues: Issue[]): Folders {
  const byFolder = new Map<string, DataFile[]>([['', []]]);
  for (const file of files) {
    const folder = folderOf(file.path);
    if (folder === PHOTO_FOLDER) continue;
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  }
  const folderIssues = new Map<string, Issue[]>();
  for (const folder of byFolder.keys()) folderIssues.set(folder, folder === '' ? issues : []);
  return { byFolder, townOf: new Map([['', '']]), issues: folderIssues };
}

/** The files of a dataset that are read: those in data/ and in townships' folders. */
function readParts(folders: Folders, list: Chosen[] | undefined): Chosen[] {
  return (list ?? []).filter((c) => folders.townOf.has(c.folder));
}

/** Once villages are known, the other folders named after a township are that township's. */
function matchFolders(folders: Folders, refs: References): void {
  for (const folder of folders.byFolder.keys()) {
    if (folders.townOf.has(folder)) continue;
    const town = refs.villages?.resolveTownship(folder);
    if (town !== undefined) folders.townOf.set(folder, town);
  }
}

/**
 * Takes every file's offers; gives the files read for each known and free dataset, data/ itself
 * first, then the folders by name. More than one file for a dataset in one folder is an error
 * naming both (§3.9); files of one dataset in several folders are one table.
 */
function chooseFiles(
  offers: readonly Offer[],
  folderIssues: ReadonlyMap<string, Issue[]>,
  datasets: readonly AnySchema[],
): { known: Map<string, Chosen[]>; free: Map<string, Chosen[]> } {
  const known = new Map<string, Chosen[]>();
  const free = new Map<string, Chosen[]>();
  const groups = new Map<string, Offer[]>();
  for (const offer of offers) {
    const key = `${offer.folder}\u0000${offer.dataset.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(offer);
    else groups.set(key, [offer]);
  }
  for (const group of groups.values()) {
    const into = folderIssues.get(group[0]!.folder)!;
    // The one checked further: an original before a copy, then by path.
    const sorted = [...group].sort((a, b) => Number(a.copy) - Number(b.copy));
    const chosen = sorted[0]!;
    const dataset = chosen.dataset;
    const schema = datasets.find((x) => x.name === dataset);
    const title = schema ? `「${schema.title}」（${dataset}）` : `“${dataset}”`;
    const where = chosen.folder === '' ? 'data/' : `data/${chosen.folder}/`;
    for (const other of sorted.slice(1)) {
      into.push({
        path: other.path,
        code: 'unique-error',
        message:
          `与 ${chosen.path} 是同一个数据集${title}的两个文件（或副本），不知以哪个为准；` +
          `请只保留一个，删除另一个或移出 ${where} 文件夹（本次只检查了 ${chosen.path}）`,
      });
    }
    if (chosen.copy && group.length === 1) {
      into.push({
        path: chosen.path,
        code: 'warning',
        message: `文件名像是副本，已作为数据集${title}读取；建议改名为 ${dataset}.csv 或其中文名`,
      });
    }
    const entry = { path: chosen.path, source: chosen.source, folder: chosen.folder, ...(chosen.sheets && { sheets: chosen.sheets }) };
    const table = schema ? known : free;
    const key = schema ? schema.name : dataset;
    const list = table.get(key);
    if (list) list.push(entry);
    else table.set(key, [entry]);
  }
  for (const list of [...known.values(), ...free.values()]) {
    list.sort((a, b) => (a.folder === b.folder ? 0 : a.folder === '' ? -1 : b.folder === '' ? 1 : a.folder < b.folder ? -1 : 1));
  }
  return { known, free };
}

/**
 * Takes the files chosen for the known datasets; loads each, datasets others reference first
 * (villages, then construction points), each setting its part of `refs`; once villages are known
 * the township folders are matched. Gives each dataset's result (null: no file), and the error of
 * each required dataset without a file.
 */
function loadKnownDatasets(
  datasets: readonly AnySchema[],
  known: ReadonlyMap<string, Chosen[]>,
  folders: Folders,
  refs: References,
  villagesName: string | undefined,
  issues: Issue[],
): { results: Map<AnySchema, KnownResult<object> | null>; missing: Map<string, Issue> } {
  const order = [...datasets.filter((s) => s.refer), ...datasets.filter((s) => !s.refer)];
  const results = new Map<AnySchema, KnownResult<object> | null>();
  const missing = new Map<string, Issue>();
  if (villagesName === undefined) matchFolders(folders, refs);
  for (const schema of order) {
    const result = loadDataset<object>(schema, readParts(folders, known.get(schema.name)), folders, refs, issues);
    results.set(schema, result);
    if (result === null && schema.required && schema.missing !== undefined) {
      const issue: Issue = { path: defaultPath(schema), code: 'missing-value', message: schema.missing };
      issues.push(issue);
      missing.set(schema.name, issue);
    }
    schema.refer?.(refs, result, result?.dataset.file ?? defaultPath(schema));
    if (schema.name === villagesName) matchFolders(folders, refs);
  }
  return { results, missing };
}

/** One known dataset from its files and sheets, as one table (null: no file); a crash damages only its file. */
function loadDataset<R>(schema: AnySchema, parts: readonly Chosen[], folders: Folders, refs: References, issues: Issue[]): KnownResult<R> | null {
  if (parts.length === 0) return null;
  // One map per unique key for all the dataset's files and sheets: a key repeated in another
  // file or sheet names it (§3.9, §3.11).
  const seen = new Map<string, Map<string, Seen>>();
  const results = parts.flatMap((file) => {
    // After a crash the file is damaged: what depends on it follows from the crash (§5).
    const fallback: KnownResult<R> = { dataset: { ...emptyDataset<R>(schema, file.path), damaged: file.path }, usable: false, rejected: [] };
    const township = folders.townOf.get(file.folder) || undefined;
    const into = folders.issues.get(file.folder)!;
    const part = { ...(township !== undefined && { township }), seen };
    // A workbook named after the dataset: every sheet that holds it, as one table (§3.9).
    if (file.sheets) {
      const sheets = guarded<Source[] | null>(file.path, into, null, () => file.sheets!());
      return sheets === null ? [fallback] : sheets.map((sheet) => guarded(sheet.path, into, fallback, () => loadKnown<R>(schema, sheet, refs, into, part)));
    }
    return [guarded(file.path, into, fallback, () => {
      const source = file.source();
      // A file that could not be decoded: what depends on it follows from its problem (§5).
      return source === null ? fallback : loadKnown<R>(schema, source, refs, into, part);
    })];
  });
  const merged = mergeParts(results, schema.columns.map((c) => c.key));
  return results.length > 1 ? checkAcrossParts(schema, merged, results, issues) : merged;
}

/**
 * Folders that are no township's: one error each, and what they hold is named wherever its
 * dataset is missing (contract §5). Files in a folder inside a township's folder likewise. Gives
 * the files not read, by dataset.
 */
function unreadFolders(
  folders: Folders,
  offers: readonly Offer[],
  refs: References,
  villagesChosen: boolean,
  datasets: readonly AnySchema[],
  issues: Issue[],
): Map<string, string[]> {
  const { byFolder, townOf } = folders;
  const elsewhere = new Map<string, string[]>();
  const unread = (dataset: string, path: string) => {
    const list = elsewhere.get(dataset);
    if (list) list.push(path);
    else elsewhere.set(dataset, [path]);
  };
  const townships = refs.villages?.townships ?? [...townOf.values()].filter((t) => t !== '');
  for (const [folder, list] of byFolder) {
    if (folder === '') continue;
    if (!townOf.has(folder)) {
      // Without a readable village list no folder can be matched: that list is the one cause (§5).
      issues.push(
        refs.villages === null && villagesChosen
          ? { path: `data/${folder}/`, code: 'warning', message: `文件夹 "${folder}" 未读取：村庄名录 ${refs.villagesPath} 未能读取，无法核对它是不是乡镇文件夹（原因见 ${refs.villagesPath} 的错误）` }
          : unknownFolderIssue(folder, list.map((f) => f.path), townships),
      );
      for (const offer of offers) if (offer.folder === folder) unread(offer.dataset, offer.path);
    }
    for (const file of list.filter((f) => isNested(f.path))) {
      if (townOf.has(folder)) issues.push(nestedFolderIssue(file.path));
      const base = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
      unread(knownName(copyBase(base).base, datasets) ?? base, file.path);
    }
  }
  return elsewhere;
}

/** The free datasets, by name, each from its files read as one table; a crash damages only its file. */
function freeTables(free: ReadonlyMap<string, Chosen[]>, folders: Folders, issues: Issue[]): Dataset<FreeRow>[] {
  return [...free.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, list]) => {
      const parts = readParts(folders, list).map((file) =>
        guarded(file.path, folders.issues.get(file.folder)!, { name, file: file.path, columns: [], rows: [], damaged: file.path } as Dataset<FreeRow>, () => {
          const source = file.source();
          return source === null ? { name, file: file.path, columns: [], rows: [], damaged: file.path } : loadFree(name, source, folders.issues.get(file.folder)!);
        }),
      );
      return parts.length === 0 ? null : mergeFree(parts, issues);
    })
    .filter((d): d is Dataset<FreeRow> => d !== null);
}

/**
 * Checks across rows over a dataset read from several files or sheets (a stock that falls from one
 * quarter's sheet to the next, §3.9): each file was checked on its own; what shows only in the
 * whole table is an error at its row in its own file, and the row is left out, as within a file.
 */
function checkAcrossParts<R>(schema: AnySchema, merged: KnownResult<R>, parts: readonly KnownResult<R>[], issues: Issue[]): KnownResult<R> {
  const problems = (schema.checkRows?.(merged.dataset.rows) ?? []) as { line: number; row: R; key: string; code: Issue['code']; message: string }[];
  if (problems.length === 0) return merged;
  const left = new Set<R>();
  const rejected = [...merged.rejected];
  for (const problem of problems) {
    const path = fileOf(problem.row as object, merged.dataset);
    const column = parts.find((p) => p.dataset.file === path)?.positions?.[problem.key];
    issues.push({ path, row: problem.line, ...(column !== undefined && { column }), code: problem.code, message: problem.message });
    if (problem.code === 'warning' || left.has(problem.row)) continue;
    left.add(problem.row);
    rejected.push({ line: problem.line, raw: new Map(), path });
  }
  return { ...merged, dataset: { ...merged.dataset, rows: merged.dataset.rows.filter((r) => !left.has(r)) }, rejected };
}

const READ = /\.(?:csv|txt|xlsx|xls|et|ett|ets|numbers|ods|fods|xlsm|xlsb|xltx|xlt)$/i;

/**
 * The data files in root/data and in the folders under it (a county's township folders, §3.11, and
 * whatever else is there, so that nothing is ignored in silence): CSV, TXT, workbooks, and
 * spreadsheet formats that are refused with their fix, sorted by path. Office lock files (`~$…`),
 * hidden files and data/photos/ are skipped; a missing data directory is no files.
 */
export function readDataDir(root: string, datasets: readonly AnySchema[] = registry): DataFile[] {
  const files: DataFile[] = [];
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.filter((n) => !n.startsWith('~$') && !n.startsWith('.')).sort()) {
      const full = join(dir, name);
      try {
        const stat = statSync(full);
        if (stat.isDirectory()) {
          // Three levels are enough to name what is misplaced (and a linked folder cannot loop).
          if ((rel !== 'data' || name !== PHOTO_FOLDER) && rel.split('/').length < 3) walk(full, `${rel}/${name}`);
          continue;
        }
        if (!stat.isFile() || !READ.test(name)) continue;
        const buf = readFileSync(full);
        if (/\.txt$/i.test(name) && !isTableText(name.slice(0, -4), buf, datasets)) continue;
        files.push({ path: `${rel}/${name}`, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
      } catch {
        // unreadable (removed while listing, no permission): as if absent
      }
    }
  };
  walk(join(root, 'data'), 'data');
  // data/ itself first, then its folders (the order the files are read and reported in).
  return files.sort((a, b) => folderOf(a.path).localeCompare(folderOf(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function loadData<Reg extends readonly AnySchema[] = Registry>(
  root: string,
  options: LoadOptions<Reg> = {},
): { tables: LoadedTables<Reg>; issues: Issue[] } {
  return loadTables(readDataDir(root, options.registry ?? registry), options);
}
