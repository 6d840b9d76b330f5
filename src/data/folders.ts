// A county's ledgers, one folder per township (contract §3.11): `data/洋江镇/cleanup.csv`. Which
// folder a file is in, whether that folder is a township's, and one table out of a dataset's files
// from several folders. A folder that is no township's is an error naming it and the townships it
// could have meant: its files are never ignored in silence.
import { nameKey, nearest, suggestion } from './cells/names.ts';
import type { KnownResult } from './known.ts';
import type { Dataset, FreeRow, Issue } from './types.ts';

/** data/photos/ holds photos (contract §3.10), never a township's ledgers. */
export const PHOTO_FOLDER = 'photos';

/** The folder under data/ that a file is in: `洋江镇` for `data/洋江镇/cleanup.csv`, '' in data/ itself. */
export function folderOf(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts.length > 2 ? parts[1]!.normalize('NFC') : '';
}

/** A file in a folder inside a township's folder (`data/洋江镇/2023/…`): not read. */
export function isNested(path: string): boolean {
  return path.replace(/\\/g, '/').split('/').length > 3;
}

/** The townships a folder name could have meant: the nearest, then those it contains or is part of. */
function meant(folder: string, townships: readonly string[]): string[] {
  const key = nameKey(folder);
  const near = nearest(folder, townships.map((t) => [t, t] as const));
  const related = townships.filter((t) => {
    const k = nameKey(t);
    return k.length >= 2 && key.length >= 2 && (k.includes(key) || key.includes(k));
  });
  return [...new Set([...(near === undefined ? [] : [near]), ...related])].slice(0, 3);
}

/**
 * `data/洋江/` holds files but is no township of villages.csv: one error naming the folder, its files
 * (none of which is read), and the townships it could have meant.
 */
export function unknownFolderIssue(folder: string, files: readonly string[], townships: readonly string[]): Issue {
  const names = files.map((f) => f.slice(f.lastIndexOf('/') + 1));
  const shown = names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 个文件` : names.join('、');
  const candidates = meant(folder, townships);
  const hint =
    candidates.length === 1
      ? suggestion(candidates[0])
      : candidates.length > 1
        ? `是否应为 ${candidates.map((t) => `「${t}」`).join('或')}？`
        : '';
  const known = townships.length === 0 ? '村庄名录中还没有乡镇' : `已有：${townships.slice(0, 8).join('、')}${townships.length > 8 ? ' …' : ''}`;
  return {
    path: `data/${folder}/`,
    code: 'foreign-key-error',
    structural: true,
    message:
      `文件夹 "${folder}" 不是村庄名录中的乡镇（${known}），其中的 ${shown} 未读取${hint}；` +
      '乡镇文件夹的名称须与 villages.csv 中的乡镇名完全一致；照片放在 data/photos/ 中，其他文件请移出 data/',
  };
}

/** `data/洋江镇/2023/cleanup.csv`: a folder inside a township's folder is not read. */
export function nestedFolderIssue(path: string): Issue {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const top = `data/${folderOf(path)}/`;
  return {
    path,
    code: 'foreign-key-error',
    structural: true,
    message: `此文件在文件夹 ${dir} 中，未读取：乡镇的文件直接放在 ${top} 中，不再分子文件夹；请把它移到 ${top}`,
  };
}

/** The file a row of a known dataset came from: its own when the dataset was read from several. */
export function fileOf(row: object, dataset: { file: string }): string {
  return (row as { path?: string }).path ?? dataset.file;
}

/**
 * One dataset out of its files (data/ itself first, then each township's folder): rows one after
 * another, each row knowing its file; the header of the first file names the positions. A file
 * whose header could not be read damages the whole (what depends on it follows from that file).
 */
export function mergeParts<R>(parts: readonly KnownResult<R>[], columnOrder: readonly string[]): KnownResult<R> {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const keys = new Set(parts.flatMap((p) => p.dataset.columns.map((c) => c.key)));
  const columns = columnOrder
    .filter((key) => keys.has(key))
    .map((key) => parts.flatMap((p) => p.dataset.columns).find((c) => c.key === key)!);
  const rows: R[] = [];
  for (const part of parts) {
    for (const row of part.dataset.rows) rows.push(Object.assign(row as object, { path: part.dataset.file }) as R);
  }
  const damaged = parts.find((p) => p.dataset.damaged !== undefined)?.dataset.damaged;
  return {
    dataset: { ...first.dataset, columns, rows, ...(damaged !== undefined && { damaged }) },
    usable: parts.every((p) => p.usable),
    rejected: parts.flatMap((p) => p.rejected.map((r) => ({ ...r, path: p.dataset.file }))),
    ...(first.positions && { positions: first.positions }),
  };
}

/**
 * A free dataset (§3.8) from several folders: one table when every file has the same columns
 * (by name and inferred type); otherwise the first file's, and an error at each file that differs.
 */
export function mergeFree(parts: readonly Dataset<FreeRow>[], issues: Issue[]): Dataset<FreeRow> {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const shape = (d: Dataset<FreeRow>) => d.columns.map((c) => `${c.key}:${c.type}`).join(',');
  const rows: FreeRow[] = [];
  for (const part of parts) {
    if (part !== first && part.damaged === undefined && first.damaged === undefined && shape(part) !== shape(first)) {
      issues.push({
        path: part.file,
        code: 'missing-column',
        structural: true,
        message:
          `与 ${first.file} 是同一个数据集 “${first.name}”，但列不同（${part.columns.map((c) => c.label).join('、')}；` +
          `${first.file} 为 ${first.columns.map((c) => c.label).join('、')}），不能合为一个表；请让各乡镇的表头一致（本次未读取此文件）`,
      });
      continue;
    }
    rows.push(...part.rows);
  }
  const damaged = parts.find((p) => p.damaged !== undefined)?.damaged;
  return { ...first, rows, ...(damaged !== undefined && { damaged }) };
}

/**
 * The cause a chart or figure over an absent dataset carries: the report folds them into one line
 * per report (contract §5), where an unreadable file's consequences are one line naming the file.
 */
export function absentCause(tables: { elsewhere?: Record<string, string[]> }, dataset: string): string {
  return `absent:${dataset}\u0000${absentText(tables, dataset)}`;
}

/** The dataset and the Chinese reason of an absent-dataset cause, or null for a file's cause. */
export function absentOf(cause: string): { dataset: string; text: string } | null {
  const m = /^absent:([^\u0000]*)\u0000(.*)$/su.exec(cause);
  return m === null ? null : { dataset: m[1]!, text: m[2]! };
}

/**
 * `data/cleanup.csv 不存在`, naming the files of the dataset found where they are not read
 * (`data/洋江/cleanup.csv`, in a folder that is no township's).
 */
export function absentText(tables: { elsewhere?: Record<string, string[]> }, dataset: string): string {
  const found = tables.elsewhere?.[dataset] ?? [];
  const where = found.length === 0 ? '' : `（找到了 ${found.join('、')}，但它不在 data/ 或乡镇文件夹中，未读取；见上方该文件的错误）`;
  return `data/${dataset}.csv 不存在${where}`;
}
