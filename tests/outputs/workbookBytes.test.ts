// The .xlsx downloads written a piece at a time are byte for byte what SheetJS writes for the
// whole sheet (issue 23: no published file may change).
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../src/outputs/datasetXlsx.ts';
import { prng } from '../support/synthetic.ts';

type Value = string | number | null;

/** The previous writer: every cell through SheetJS. */
function sheetJs(sheetName: string, head: string[], rows: Value[][]): Uint8Array {
  const cells: XLSX.CellObject[][] = [head.map((h) => ({ t: 's', v: h }))];
  for (const r of rows) cells.push(r.map((v): XLSX.CellObject => (v === null ? { t: 'z' } : typeof v === 'number' ? { t: 'n', v } : { t: 's', v })));
  const ws: XLSX.WorkSheet = {
    '!data': cells,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: cells.length - 1, c: Math.max(0, head.length - 1) } }),
  };
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  ws['!cols'] = head.map((h, i) => ({
    wch: Math.min(40, Math.max(8, width(h) + 2, ...rows.slice(0, 200).map((r) => width(String(r[i] ?? '')) + 1))),
  }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  wb.Props = { CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const TEXTS = ['长塘村', '前江村', 'A&B <"村">', " it's", '尾空格 ', '两行\n文字', 'tab\there', '控制\u0001字符', '1000余', '', '=SUM(A1)', '😀村'];

function table(rows: number, cols: number, rnd: () => number): Value[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, (_, c): Value => {
    const x = rnd();
    if (x < 0.15) return null;
    if (c % 2 === 0 && x < 0.6) return TEXTS[Math.floor(rnd() * TEXTS.length)]!;
    const n = x < 0.7 ? Math.round(rnd() * 1e6) / 100 : x < 0.8 ? -Math.floor(rnd() * 50) : x < 0.85 ? 1e21 * rnd() : x < 0.9 ? 0.1 + 0.2 : Math.floor(rnd() * 30);
    return n;
  }));
}

describe('workbookBytes', () => {
  const rnd = prng(2026);
  const head = ['月份', '村', '清理垃圾(吨)', '备注', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'AA'];
  const cases: [string, string, string[], Value[][]][] = [
    ['no rows', '村庄清洁', head.slice(0, 4), []],
    ['a few rows', '村庄清洁', head.slice(0, 4), table(5, 4, rnd)],
    ['an empty row and special numbers', '厕所', head.slice(0, 3), [[null, null, null], ['x', Number.NaN, Number.POSITIVE_INFINITY], ['y', -0, 5e-7]]],
    ['27 columns (AA)', 'a sheet name longer than thirty-one characters', head, table(40, 27, rnd)],
    ['thousands of rows (many deflate blocks)', '村庄清洁', head.slice(0, 8), table(6000, 8, rnd)],
  ];
  for (const [name, sheet, h, rows] of cases) {
    it(`writes SheetJS's bytes: ${name}`, () => {
      const mine = Buffer.from(workbookBytes(sheet, h, rows));
      const theirs = Buffer.from(sheetJs(sheet, h, rows));
      expect(mine.length).toBe(theirs.length);
      expect(mine.equals(theirs)).toBe(true);
      // and SheetJS reads it back
      expect(XLSX.read(mine).SheetNames).toEqual([sheet.slice(0, 31)]);
    });
  }
});
