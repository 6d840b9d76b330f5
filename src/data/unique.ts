// Uniqueness keys (contract §3.1–3.6): a row whose key repeats an earlier row's is a unique-error
// naming that row. Keys compare values as read (a village by id, whichever way it was written).
// A dataset read from several files (township folders, contract §3.11) shares one `seen` map per
// key across them, so a key repeated in another file names that file.
import { nameKey } from './cells/names.ts';
import { quote } from './cells/quote.ts';
import type { ColumnSpec, Issue } from './types.ts';

/** Where a key value was first seen: its row, and its file. */
export interface Seen {
  line: number;
  path: string;
}

/** One key: its columns, and the first row seen for each value (shared by a dataset's files). */
export interface UniqueKey {
  columns: ColumnSpec[];
  seen: Map<string, Seen>;
}

export function uniqueKey(columns: ColumnSpec[], seen: Map<string, Seen> = new Map()): UniqueKey {
  return { columns, seen };
}

function part(col: ColumnSpec, value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  // Text as staff would compare it (NFKC, no spaces); ids ignore case (they name folders);
  // months and village ids are canonical already.
  if (col.type === 'text') return nameKey(value);
  if (col.type === 'id') return value.toLowerCase();
  return value;
}

/**
 * Check a row against a key and remember it. Returns the problem (without path/row) or null;
 * rows with an unreadable or empty key cell are not checked.
 */
export function checkUnique(
  key: UniqueKey,
  values: Map<string, unknown>,
  rawOf: (key: string) => string | undefined,
  line: number,
  path = '',
): Pick<Issue, 'code' | 'message'> & { key: string } | null {
  const parts: string[] = [];
  for (const col of key.columns) {
    const v = values.get(col.key);
    if (v === undefined || v === null) return null;
    parts.push(part(col, v));
  }
  const id = parts.join('\u0000');
  const seen = key.seen.get(id);
  if (seen === undefined) {
    key.seen.set(id, { line, path });
    return null;
  }
  // In another file: name it (`data/楠杆镇/cleanup.csv 第 3 行`).
  const earlier = seen.path === path ? `第 ${seen.line} 行` : ` ${seen.path} 第 ${seen.line} 行`;
  const cols = key.columns;
  const labels = cols.map((c) => `「${c.label}」`).join('');
  const shown = cols.map((c) => quote(rawOf(c.key) ?? '')).join('、');
  // A village name repeats only within one township: say so, and point at the name.
  if (cols.length === 2 && cols[0]!.key === 'township' && cols[1]!.key === 'name') {
    return {
      key: 'name',
      code: 'unique-error',
      message: `「${cols[1]!.label}」${quote(rawOf('name') ?? '')} 与${earlier}重复：同一乡镇（${String(values.get('township'))}）内村名不能相同`,
    };
  }
  return {
    key: cols[0]!.key,
    code: 'unique-error',
    message:
      cols.length === 1
        ? `${labels}${shown} 与${earlier}重复；${labels}不能重复`
        : `${labels}为 ${shown} 的行与${earlier}重复；同一组合只能有一行`,
  };
}
