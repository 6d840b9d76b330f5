// Uniqueness keys (contract §3.1–3.6): a row whose key repeats an earlier row's is a unique-error
// naming that row. Keys compare values as read (a village by id, whichever way it was written).
import { nameKey } from './names.ts';
import { quote } from './quote.ts';
import type { ColumnSpec, Issue } from './types.ts';

/** One key: its columns, and the first row seen for each value. */
export interface UniqueKey {
  columns: ColumnSpec[];
  seen: Map<string, number>;
  /** the sheet each value was first seen in, when one key spans the sheets of a workbook */
  where?: Map<string, string>;
}

export function uniqueKey(columns: ColumnSpec[]): UniqueKey {
  return { columns, seen: new Map() };
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
  /** the sheet being read, when the key is shared across sheets */
  path?: string,
): Pick<Issue, 'code' | 'message'> & { key: string } | null {
  const parts: string[] = [];
  for (const col of key.columns) {
    const v = values.get(col.key);
    if (v === undefined || v === null) return null;
    parts.push(part(col, v));
  }
  const id = parts.join('\u0000');
  const earlier = key.seen.get(id);
  if (earlier === undefined) {
    key.seen.set(id, line);
    if (path !== undefined) (key.where ??= new Map()).set(id, path);
    return null;
  }
  const there = key.where?.get(id);
  const row = there !== undefined && there !== path ? `与 ${there} 第 ${earlier} 行重复` : `与第 ${earlier} 行重复`;
  const cols = key.columns;
  const labels = cols.map((c) => `「${c.label}」`).join('');
  const shown = cols.map((c) => quote(rawOf(c.key) ?? '')).join('、');
  // A village name repeats only within one township: say so, and point at the name.
  if (cols.length === 2 && cols[0]!.key === 'township' && cols[1]!.key === 'name') {
    return {
      key: 'name',
      code: 'unique-error',
      message: `「${cols[1]!.label}」${quote(rawOf('name') ?? '')} ${row}：同一乡镇（${String(values.get('township'))}）内村名不能相同`,
    };
  }
  return {
    key: cols[0]!.key,
    code: 'unique-error',
    message:
      cols.length === 1
        ? `${labels}${shown} ${row}；${labels}不能重复`
        : `${labels}为 ${shown} 的行${row}；同一组合只能有一行`,
  };
}
