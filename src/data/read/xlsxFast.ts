// A fast reader for .xlsx sheets (Office Open XML, as Excel and WPS save them). SheetJS parses a
// county ledger (1.6 million cells) in about 10 s on the build machine; this scanner reads the
// same sheets in well under that by walking the XML with indexOf: no regular expression runs over
// untrusted text, no object is keyed by a string from the file (no prototype pollution). It reads
// only what the tables need — cell values, shared strings, number formats, merges, sheet names and
// visibility. Anything it does not expect returns null and the caller falls back to SheetJS.
import * as XLSX from '@e965/xlsx';
import { cellText, numberText } from './workbookCell.ts';
import { partBytes, WorkbookLimitError, zipParts, type ZipPart } from './zipParts.ts';

export interface FastSheet {
  name: string;
  hidden: boolean;
  /** rows of cell texts (as cellText gives them), 0-based; absent rows and cells are empty */
  rows: (string[] | undefined)[];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** 0-based rows and columns hidden in Excel (read like the others, contract §3.9) */
  hiddenRows: number[];
  hiddenColumns: number[];
}

// Built-in number formats that are dates or percentages (ids as in ECMA-376, zh-CN variants).
const BUILTIN: ReadonlyMap<number, string> = new Map([
  [9, '0%'],
  [10, '0.00%'],
  [14, 'yyyy-mm-dd'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [22, 'yyyy-mm-dd h:mm'],
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, 'm-d-yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

const utf8 = new TextDecoder('utf-8');

/** A zip read through its central directory: parts inflated on demand, each within its declared size. */
interface Zip {
  bytes: Uint8Array;
  parts: Map<string, ZipPart>;
}

function entry(zip: Zip, name: string): string | null {
  const part = zip.parts.get(name.toLowerCase());
  if (part === undefined) return null;
  const content = partBytes(zip.bytes, part);
  return content === null ? null : utf8.decode(content);
}

/** A sheet larger than this (declared range, merged area, or the grid its cells span) is refused. */
export const CELL_LIMIT = 10_000_000;

const cellsText = (n: number) =>
  n >= 1e8 ? `${(n / 1e8).toFixed(1)} 亿` : n >= 1e4 ? `${Math.round(n / 1e4).toLocaleString('en-US')} 万` : String(n);

function tooBig(sheet: string, what: string, cells: number): never {
  throw new WorkbookLimitError(
    `工作表「${sheet}」${what}有 ${cellsText(cells)} 个单元格，超过 ${cellsText(CELL_LIMIT)} 的上限，不予读取；` +
      '通常是表格远处有一个误输入的单元格、格式或合并：请在 Excel 中按 Ctrl+End 找到表格的最后一格，删去多余的行和列（或取消过大的合并）后另存',
  );
}

/** `<dimension ref="A1:XFD1048576"/>`: refuse a declared range beyond the limit before reading a cell. */
function checkDimension(sheet: string, xml: string): void {
  const end = xml.indexOf('<sheetData');
  const tag = tags(end === -1 ? xml : xml.slice(0, end), 'dimension')[0];
  const ref = tag === undefined ? undefined : attr(tag, 'ref');
  if (ref === undefined) return;
  const [a, b] = ref.split(':');
  const s = a ? decodeRef(a) : null;
  const e = b ? decodeRef(b) : s;
  if (!s || !e) return;
  const area = (Math.abs(e.r - s.r) + 1) * (Math.abs(e.c - s.c) + 1);
  if (area > CELL_LIMIT) tooBig(sheet, `声明的范围 ${ref} `, area);
}

/** XML text → string: the five entities, numeric references and OOXML's `_x000D_` escapes. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') === -1 && s.indexOf('_x') === -1) return s;
  let out = s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (m, hex, dec, named) => {
    if (hex) return safeChar(parseInt(hex, 16)) ?? m;
    if (dec) return safeChar(Number(dec)) ?? m;
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named] ?? m;
  });
  if (out.indexOf('_x') !== -1) out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

function safeChar(code: number): string | null {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The value of `name="…"` in a tag's text, or undefined. */
function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name + '="', from);
    if (i === -1) return undefined;
    const before = tag.charCodeAt(i - 1);
    // a whole attribute name: preceded by a space (or a namespace colon for r:id)
    if (i > 0 && (before === 32 || before === 9 || before === 10 || before === 13 || before === 58)) {
      const start = i + name.length + 2;
      const end = tag.indexOf('"', start);
      return end === -1 ? undefined : unescapeXml(tag.slice(start, end));
    }
    from = i + 1;
  }
}

/** Every `<tag …>` opening (or empty) element's text in xml. */
function tags(xml: string, name: string): string[] {
  const out: string[] = [];
  const open = `<${name}`;
  for (let i = xml.indexOf(open); i !== -1; i = xml.indexOf(open, i + 1)) {
    const next = xml.charCodeAt(i + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
    const end = xml.indexOf('>', i);
    if (end === -1) break;
    out.push(xml.slice(i, end + 1));
  }
  return out;
}

/** Text of the `<t>` elements between from and to, leaving out phonetic runs (`<rPh>`). */
function textRuns(xml: string, from: number, to: number): string {
  let seg = xml.slice(from, to);
  for (let ph = seg.indexOf('<rPh'); ph !== -1; ph = seg.indexOf('<rPh')) {
    const end = seg.indexOf('</rPh>', ph);
    seg = end === -1 ? seg.slice(0, ph) : seg.slice(0, ph) + seg.slice(end + 6);
  }
  let out = '';
  for (let t = seg.indexOf('<t'); t !== -1; t = seg.indexOf('<t', t + 2)) {
    const c = seg.charCodeAt(t + 2);
    if (c !== 62 && c !== 32) continue;
    const gt = seg.indexOf('>', t);
    if (gt === -1) break;
    if (seg.charCodeAt(gt - 1) === 47) continue; // <t/>
    const close = seg.indexOf('</t>', gt);
    if (close === -1) break;
    out += seg.slice(gt + 1, close);
    t = close;
  }
  return unescapeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  for (let i = xml.indexOf('<si'); i !== -1; ) {
    const end = xml.indexOf('</si>', i);
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = xml.indexOf('<si', gt);
      continue;
    }
    if (end === -1) break;
    out.push(textRuns(xml, gt + 1, end));
    i = xml.indexOf('<si', end);
  }
  return out;
}

/** Number format of each cell style (`s` attribute), for date and percent cells. */
function styleFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const start = xml.indexOf('<cellXfs');
  const end = xml.indexOf('</cellXfs>', start);
  if (start === -1 || end === -1) return [];
  return tags(xml.slice(start, end), 'xf').map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? '0');
    return custom.get(id) ?? BUILTIN.get(id);
  });
}

function decodeRef(ref: string): { r: number; c: number } | null {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
    else if (code >= 97 && code <= 122) c = c * 26 + (code - 96);
    else if (code === 36) continue; // $A$1
    else break;
  }
  const r = Number(ref.slice(i).replace('$', ''));
  if (c === 0 || !Number.isInteger(r) || r < 1) return null;
  return { r: r - 1, c: c - 1 };
}

// The attributes of the cell tag being read (module state: no object per cell).
let refRow = -1;
let refCol = -1;
let cellStyle = -1;
let cellType = 'n';

/** Read `r="B12"`, `s="3"` and `t="s"` of a `<c …>` tag between from and to. */
function cellAttrs(xml: string, from: number, to: number): void {
  refRow = -1;
  refCol = -1;
  cellStyle = -1;
  cellType = 'n';
  let i = from;
  while (i < to) {
    const eq = xml.indexOf('="', i);
    if (eq === -1 || eq >= to) return;
    const end = xml.indexOf('"', eq + 2);
    if (end === -1 || end > to) return;
    const name = xml.charCodeAt(eq - 1);
    const before = xml.charCodeAt(eq - 2);
    const single = eq - 2 < from || before === 32 || before === 9 || before === 10 || before === 13;
    if (single && name === 114 /* r */) {
      let c = 0;
      let k = eq + 2;
      for (; k < end; k++) {
        const code = xml.charCodeAt(k);
        if (code >= 65 && code <= 90) c = c * 26 + (code - 64);
        else break;
      }
      const r = Number(xml.slice(k, end));
      if (c > 0 && Number.isInteger(r) && r >= 1) {
        refCol = c - 1;
        refRow = r - 1;
      }
    } else if (single && name === 115 /* s */) cellStyle = Number(xml.slice(eq + 2, end));
    else if (single && name === 116 /* t */) cellType = xml.slice(eq + 2, end);
    i = end + 1;
  }
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** 0-based columns a `<cols>` element hides (`<col min="3" max="4" hidden="1"/>`). */
function hiddenColumns(xml: string): number[] {
  const out: number[] = [];
  const end = xml.indexOf('<sheetData');
  for (const tag of tags(end === -1 ? xml : xml.slice(0, end), 'col')) {
    if (!isTrue(attr(tag, 'hidden'))) continue;
    const min = Number(attr(tag, 'min'));
    const max = Math.min(Number(attr(tag, 'max')), min + 16384);
    if (Number.isInteger(min) && Number.isInteger(max)) for (let c = min; c <= max && c <= 16384; c++) out.push(c - 1);
  }
  return out;
}

function sheetCells(xml: string, strings: string[], formats: (string | undefined)[], date1904: boolean, hiddenRows: number[]): FastSheet['rows'] {
  const rows: FastSheet['rows'] = [];
  let rowIndex = -1;
  let col = -1;
  const data = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>', data);
  if (data === -1) return rows;
  let i = data;
  const stop = dataEnd === -1 ? xml.length : dataEnd;
  for (;;) {
    const lt = xml.indexOf('<', i + 1);
    if (lt === -1 || lt >= stop) break;
    const c1 = xml.charCodeAt(lt + 1);
    const c2 = xml.charCodeAt(lt + 2);
    if (c1 === 114 && c2 === 111) {
      // <row
      const gt = xml.indexOf('>', lt);
      const tag = xml.slice(lt, gt + 1);
      const r = attr(tag, 'r');
      rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
      if (isTrue(attr(tag, 'hidden'))) hiddenRows.push(rowIndex);
      col = -1;
      i = gt;
      continue;
    }
    if (c1 !== 99 || (c2 !== 32 && c2 !== 62 && c2 !== 47)) {
      i = lt;
      continue;
    }
    // <c …>: its r, s and t attributes, read in place (this runs once per cell).
    const gt = xml.indexOf('>', lt);
    cellAttrs(xml, lt + 2, gt);
    col = refCol >= 0 ? refCol : col + 1;
    const row = refRow >= 0 ? refRow : rowIndex;
    const empty = xml.charCodeAt(gt - 1) === 47;
    const close = empty ? gt : xml.indexOf('</c>', gt);
    i = empty ? gt : close;
    if (empty || close === -1 || row < 0) continue;
    const t = cellType;
    let cell: string | undefined;
    if (t === 'inlineStr') {
      cell = textRuns(xml, gt + 1, close);
    } else {
      const v0 = xml.indexOf('<v', gt);
      if (v0 === -1 || v0 > close) continue; // a formula without a saved value
      const vgt = xml.indexOf('>', v0);
      if (xml.charCodeAt(vgt - 1) === 47) continue;
      const v1 = xml.indexOf('</v>', vgt);
      const raw = xml.slice(vgt + 1, v1);
      if (t === 's') cell = strings[Number(raw)] ?? '';
      else if (t === 'str') cell = unescapeXml(raw);
      else if (t === 'b') cell = raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
      else if (t === 'e') cell = unescapeXml(raw);
      else if (t === 'd') cell = cellText({ t: 'd', v: unescapeXml(raw) });
      else {
        let v = Number(raw);
        if (!Number.isFinite(v)) continue;
        const z = cellStyle < 0 ? undefined : formats[cellStyle];
        if (z === undefined) cell = numberText(v);
        else {
          if (date1904 && XLSX.SSF.is_date(z)) v += 1462;
          cell = cellText({ t: 'n', v, z });
        }
      }
    }
    let line = rows[row];
    if (line === undefined) rows[row] = line = [];
    line[col] = cell;
  }
  return rows;
}

/** Read an .xlsx with the fast scanner, or null to let SheetJS read it. */
export function readXlsxFast(bytes: Uint8Array): FastSheet[] | null {
  const list = zipParts(bytes);
  if (list === null) return null;
  const zip: Zip = { bytes, parts: new Map(list.map((p) => [p.name.replace(/^\//, '').toLowerCase(), p])) };
  const workbook = entry(zip, 'xl/workbook.xml');
  const rels = entry(zip, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return null;
  const targets = new Map<string, string>();
  let sharedPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  for (const tag of tags(rels, 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    const type = attr(tag, 'Type') ?? '';
    if (id === undefined || target === undefined) continue;
    const full = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, full);
    if (type.endsWith('/sharedStrings')) sharedPath = full;
    if (type.endsWith('/styles')) stylesPath = full;
  }
  const pr = tags(workbook, 'workbookPr')[0];
  const d1904 = pr === undefined ? undefined : attr(pr, 'date1904');
  const date1904 = d1904 === '1' || d1904 === 'true';
  const strings = sharedStrings(entry(zip, sharedPath));
  const formats = styleFormats(entry(zip, stylesPath));
  const sheets: FastSheet[] = [];
  const sheetTags = tags(workbook, 'sheet');
  // Prefixed elements (`<x:sheet>`) or anything else unusual: SheetJS reads it.
  if (sheetTags.length === 0) return null;
  for (const tag of sheetTags) {
    const name = attr(tag, 'name');
    const id = attr(tag, 'r:id') ?? attr(tag, 'id');
    const path = id === undefined ? undefined : targets.get(id);
    if (name === undefined || path === undefined) return null;
    const xml = entry(zip, path);
    if (xml === null) {
      // a chart sheet or a missing part: no cells
      sheets.push({ name, hidden: false, rows: [], merges: [], hiddenRows: [], hiddenColumns: [] });
      continue;
    }
    if (xml.indexOf('<sheetData') === -1 && xml.indexOf('sheetData') !== -1) return null;
    const state = attr(tag, 'state');
    checkDimension(name, xml);
    const merges: FastSheet['merges'] = [];
    let merged = 0;
    for (const m of tags(xml, 'mergeCell')) {
      const [a, b] = (attr(m, 'ref') ?? '').split(':');
      const s = a ? decodeRef(a) : null;
      const e = b ? decodeRef(b) : s;
      if (!s || !e) continue;
      // Merged cells hold their value in every cell they cover: bound that before filling any.
      merged += (Math.abs(e.r - s.r) + 1) * (Math.abs(e.c - s.c) + 1);
      if (merged > CELL_LIMIT) tooBig(name, '的合并单元格共', merged);
      merges.push({ s, e });
    }
    const hiddenRows: number[] = [];
    const rows = sheetCells(xml, strings, formats, date1904, hiddenRows);
    // The grid its cells and merges span (rows that exist × the widest): bounded before it is filled.
    let width = 0;
    let count = 0;
    for (const row of rows) {
      if (!row) continue;
      count++;
      if (row.length > width) width = row.length;
    }
    const mergedRows = new Set<number>();
    for (const m of merges) {
      width = Math.max(width, Math.max(m.s.c, m.e.c) + 1);
      for (let r = Math.min(m.s.r, m.e.r); r <= Math.max(m.s.r, m.e.r) && mergedRows.size <= CELL_LIMIT; r++) if (!rows[r]) mergedRows.add(r);
    }
    if ((count + mergedRows.size) * width > CELL_LIMIT) tooBig(name, '的单元格分布范围', (count + mergedRows.size) * width);
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', rows, merges, hiddenRows, hiddenColumns: hiddenColumns(xml) });
  }
  return sheets;
}
