// Downloads for staff who work in Excel/WPS (contract §2, §3.9): every dataset as `.xlsx` (the same
// rows as its CSV, numbers as numbers, months as text `2023-07` so Excel never turns them into
// dates), and pre-filled next-month templates: one row per village with 月份 and 村 already
// written for the month after the latest data, so staff type only figures (CSV and .xlsx).
import * as XLSX from '@e965/xlsx';
import { datasetOf, type AnySchema } from '../data/schema/dataset.ts';
import { registryOf } from '../data/registry.ts';
import type { ColumnSpec, Dataset, Month, Tables } from '../data/types.ts';
import { csvLines, csvText } from '../charts/csv.ts';
import { isQuantity, villageRef } from './datasetCsv.ts';
import { addMonths, sortMonths } from '../metrics/months.ts';
import { crc32, inflateRawSync } from 'node:zlib';
import { FixedDeflate } from './fixedDeflate.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Value = string | number | null;


function cellValue(c: ColumnSpec, value: unknown, ref: (id: string) => string): Value {
  if (value === null || value === undefined) return null;
  if (c.type === 'village') return ref(String(value));
  if (c.type === 'scope') {
    const scope = value as { kind: string; township?: string; village?: string };
    return scope.kind === 'township' ? (scope.township ?? '') : scope.kind === 'village' ? ref(scope.village ?? '') : null;
  }
  // An approximate figure keeps its mark as text (`1000余`); an exact one is a number.
  if (isQuantity(value)) return value.approx ? `${value.value}余` : value.value;
  if (typeof value === 'number') return value;
  return String(value);
}

/** Header labels and rows of a dataset as published. */
export function datasetTable(tables: Tables, dataset: Dataset<object>): { head: string[]; rows: Value[][] } {
  const ref = villageRef(tables);
  return {
    head: dataset.columns.map((c) => c.label),
    rows: dataset.rows.map((row) =>
      dataset.columns.map((c) => cellValue(c, (row as Record<string, unknown>)[c.key], ref)),
    ),
  };
}

/** A workbook of one sheet: text cells stay text (months too), numbers stay numbers. */
export function workbookBytes(sheetName: string, head: string[], rows: Iterable<Value[]>): Uint8Array<ArrayBuffer> {
  // SheetJS writes the workbook with the header row alone (its styles, theme, properties, sheet
  // head and foot); the data rows are then written, deflated and zipped here a piece at a time,
  // exactly as SheetJS would have (issue 23: SheetJS held every cell as an object and the sheet
  // as one string, the build's peak; a province's cleanup sheet did not fit a 1.7 GB heap).
  const first: Value[][] = [];
  const iterator = rows[Symbol.iterator]();
  let next = iterator.next();
  while (!next.done && first.length < 200) {
    first.push(next.value);
    next = iterator.next();
  }
  const cols = head.map((h, i) => ({
    wch: Math.min(40, Math.max(8, width(h) + 2, ...first.map((r) => width(String(r[i] ?? '')) + 1))),
  }));
  const lastCol = Math.max(0, head.length - 1);
  const headOnly = sheetJsWorkbook(sheetName, [head.map((h) => ({ t: 's', v: h }))], cols, lastCol);
  const parts = zipEntries(headOnly);
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  const xml = inflateRawSync(sheet.data).toString('utf8');
  const foot = xml.indexOf('</sheetData>');
  // The sheet's range (its dimension, and the ignoredErrors SheetJS adds) is the header's here.
  const headRange = `"${XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: lastCol } })}"`;
  if (foot === -1 || !xml.includes(`<dimension ref=${headRange}/>`)) throw new Error('workbookBytes: unexpected sheet XML from SheetJS');
  const deflate = new FixedDeflate();
  let crc = 0;
  let size = 0;
  const put = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate.push(bytes);
  };
  let r = 1;
  let pending = '';
  const row = (values: Value[]) => {
    r++;
    pending += rowXml(r, values);
    if (pending.length > 32_768) {
      put(pending);
      pending = '';
    }
  };
  // The dimension names the last row: count them first (rows are made again, one at a time).
  let count = first.length;
  for (let n = next; !n.done; n = iterator.next()) count++;
  const range = `"${XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: count, c: lastCol } })}"`;
  put(xml.slice(0, foot).replaceAll(headRange, range));
  for (const values of rows) row(values);
  put(pending + xml.slice(foot).replaceAll(headRange, range));
  const data = deflate.finish();
  return zipBytes(parts.map((p) => (p === sheet ? { ...p, crc, size, data } : p)));
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

function sheetJsWorkbook(sheetName: string, cells: XLSX.CellObject[][], cols: XLSX.ColInfo[], lastCol: number): Uint8Array {
  // A dense sheet (rows of cells, SheetJS's `!data`), as SheetJS writes it.
  const ws: XLSX.WorkSheet = {
    '!data': cells,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: cells.length - 1, c: lastCol } }),
  };
  ws['!cols'] = cols;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  // A fixed date: the same data always gives the same file.
  wb.Props = { CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

// SheetJS's cell XML (write_ws_xml_cell, writetag, writextag, escapexml) for the values written here.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (s: string) =>
  s.replace(/[&<>'"]/g, (c) => XML_ESCAPES[c]!).replace(/[\u0000-\u0008\u000b-\u001f\uFFFE-\uFFFF]/g, (c) => `_x${`000${c.charCodeAt(0).toString(16)}`.slice(-4)}_`);
const SPACE = /(^\s|\s$|\n)/;
const preserve = (inner: string) => (SPACE.test(inner) ? ' xml:space="preserve"' : '');

function column(c: number): string {
  let s = '';
  for (++c; c; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(((c - 1) % 26) + 65) + s;
  return s;
}

function rowXml(r: number, values: Value[]): string {
  let cells = '';
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === null || v === undefined) continue;
    let attrs = ` r="${column(c)}${r}"`;
    let text: string;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) { attrs += ' t="e"'; text = '#NUM!'; }
      else if (!Number.isFinite(v)) { attrs += ' t="e"'; text = '#DIV/0!'; }
      else text = String(v);
    } else {
      if (v.length > 32767) throw new Error('Text length must not exceed 32767 characters');
      attrs += ' t="str"';
      text = v;
    }
    const escaped = escapeXml(text);
    const inner = `<v${preserve(escaped)}>${escaped}</v>`;
    cells += `<c${attrs}${preserve(inner)}>${inner}</c>`;
  }
  return `<row r="${r}"${preserve(cells)}>${cells}</row>`;
}

interface ZipEntry { header: Uint8Array; name: string; crc: number; size: number; data: Uint8Array }

/** The entries of a zip as SheetJS writes it (local headers one after the other, no extras). */
function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: ZipEntry[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    if (view.getUint16(at + 28, true) !== 0) throw new Error('workbookBytes: unexpected zip from SheetJS');
    const start = at + 30 + nameLength;
    out.push({
      header: zip.subarray(at, at + 30),
      name: new TextDecoder().decode(zip.subarray(at + 30, start)),
      crc: view.getUint32(at + 14, true),
      size: view.getUint32(at + 22, true),
      data: zip.subarray(start, start + compressed),
    });
    at = start + compressed;
  }
  return out;
}

/** SheetJS's zip (cfb.js write_zip: local headers, central directory, end record). */
function zipBytes(entries: { header: Uint8Array; name: string; crc: number; size: number; data: Uint8Array[] | Uint8Array }[]): Uint8Array<ArrayBuffer> {
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let centralSize = 0;
  for (const e of entries) {
    const data = Array.isArray(e.data) ? e.data : [e.data];
    const compressed = data.reduce((n, d) => n + d.length, 0);
    const name = Buffer.from(e.name, 'latin1');
    const local = Buffer.from(e.header);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(e.size, 22);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(local.readUInt16LE(6), 8); // flags
    dir.writeUInt16LE(local.readUInt16LE(8), 10); // method
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(compressed, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    pieces.push(local, name, ...data);
    central.push(dir, name);
    offset += local.length + name.length + compressed;
    centralSize += dir.length + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const p of [...pieces, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function* datasetRows(tables: Tables, dataset: Dataset<object>): Generator<Value[]> {
  const ref = villageRef(tables);
  for (const row of dataset.rows) yield dataset.columns.map((c) => cellValue(c, (row as Record<string, unknown>)[c.key], ref));
}

export function datasetXlsx(tables: Tables, dataset: Dataset<object>, title: string): Uint8Array<ArrayBuffer> {
  // The rows are made as they are written (an iterable that starts again), never all at once.
  return workbookBytes(title, datasetTable(tables, { ...dataset, rows: [] }).head, { [Symbol.iterator]: () => datasetRows(tables, dataset) });
}

/** The month a template is for: the one after the latest month of its dataset (or of any). */
export function templateMonth(tables: Tables, schema: AnySchema): Month | null {
  const monthsOf = (d: Dataset<object> | null) =>
    (d?.rows ?? []).map((r) => (r as { month?: unknown }).month).filter((m): m is Month => typeof m === 'string');
  let months = monthsOf(datasetOf(tables, schema));
  if (months.length === 0) months = registryOf(tables).filter((s) => s.monthly).flatMap((s) => monthsOf(datasetOf(tables, s)));
  const latest = sortMonths(months).at(-1);
  return latest === undefined ? null : addMonths(latest, 1);
}

/**
 * A template: the Chinese header, and for monthly village datasets one row per village with 月份
 * and 村 filled in for the next month. Other datasets get the header alone.
 */
export function templateTable(tables: Tables, schema: AnySchema): { head: string[]; rows: Value[][]; month: Month | null } {
  const head = schema.columns.map((c) => c.label);
  if (!schema.monthly) return { head, rows: [], month: null };
  const month = templateMonth(tables, schema);
  const ref = villageRef(tables);
  const rows = tables.villages.rows.map((v) =>
    schema.columns.map((c): Value => (c.key === 'month' ? month : c.type === 'village' ? ref(v.id) : null)),
  );
  return { head, rows, month };
}

const BOM = '\ufeff';

export function templateCsv(tables: Tables, schema: AnySchema): string {
  const { head, rows } = templateTable(tables, schema);
  // Village names are text: a name starting with = + - @ is written as text like every download (§2).
  const text = (v: Value) => (v === null ? '' : typeof v === 'number' ? String(v) : csvText(v));
  return BOM + csvLines([head.map(csvText), ...rows.map((r) => r.map(text))]);
}

export function templateXlsx(tables: Tables, schema: AnySchema): Uint8Array<ArrayBuffer> {
  const { head, rows } = templateTable(tables, schema);
  return workbookBytes(schema.title, head, rows);
}
