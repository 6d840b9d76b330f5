// Personal information is never published (contract §3.9): an 18-character 居民身份证号 with a
// valid check digit (GB 11643, ISO 7064 mod 11-2) in any cell of any file is a constraint-error at
// its cell; a mobile number in a free dataset is a warning asking whether residents agreed to show it.
import type { GridRecord } from '../read/grid.ts';
import { quote } from './quote.ts';
import { columnOf } from '../read/source.ts';
import type { Issue } from '../shapes/types.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const ID = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/;

/** A birth date `YYYYMMDD` that exists, from 1900 on (digits 7–14 of an ID number). */
function isBirthDate(text: string): boolean {
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Is this an 18-character 居民身份证号: a province code (11–91), a birth date that exists, and
 * its check digit last? (The date keeps a long ledger figure from being taken for one.)
 */
export function isIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 91 || !isBirthDate(id.slice(6, 14))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** The ID numbers written in a cell (NFKC: full-width digits count too). */
function idsIn(raw: string): string[] {
  if (raw.length < 18) return [];
  const s = raw.normalize('NFKC');
  return [...s.matchAll(ID)].map((m) => m[1]!).filter(isIdNumber);
}

/**
 * Report every ID number in the rows (errors) and, in a free dataset, the mobile numbers of each
 * column (one warning per column). Returns the cells holding an ID number, by record, so that the
 * cell is not reported a second time (as a number too large, for one).
 */
export function checkPersonal(
  rows: readonly GridRecord[],
  header: GridRecord,
  path: string,
  free: boolean,
  issues: Issue[],
): Map<GridRecord, Set<number>> {
  const flagged = new Map<GridRecord, Set<number>>();
  const phones = new Map<number, { first: GridRecord; count: number }>();
  const label = (i: number) => (header.cells[i] ?? '').trim() || `第 ${columnOf(header, i)} 列`;
  for (const record of rows) {
    record.cells.forEach((raw, i) => {
      if (raw.length < 11) return;
      const ids = idsIn(raw);
      if (ids.length > 0) {
        issues.push({
          path,
          row: record.line,
          column: columnOf(record, i),
          code: 'constraint-error',
          message:
            `「${label(i)}」${quote(raw)} 中有居民身份证号：身份证号是个人信息，不能放在网站的数据中（data/ 中的文件都可能被公布）；` +
            '请删去这一列或这些号码后重新保存',
        });
        let cells = flagged.get(record);
        if (cells === undefined) flagged.set(record, (cells = new Set()));
        cells.add(i);
        return;
      }
      if (free && MOBILE.test(raw.normalize('NFKC'))) {
        const seen = phones.get(i);
        if (seen) seen.count++;
        else phones.set(i, { first: record, count: 1 });
      }
    });
  }
  for (const [i, { first, count }] of phones) {
    issues.push({
      path,
      row: first.line,
      column: columnOf(first, i),
      code: 'warning',
      message:
        `「${label(i)}」中有 ${count} 个手机号码（第 ${first.line} 行起），会在网站上公布：请确认本人已同意公开；` +
        '如未征得同意，请删去这一列或这些号码',
    });
  }
  return flagged;
}
