// Workbooks that used to take minutes and gigabytes to refuse (issue 22 item 5), built for real:
// shared by tests/data/workbookLimits.test.ts (what is reported) and tests/bench/workbookLimits.ts
// (how long it takes and how much memory).
import { writeWorkbook } from './workbook.ts';
import { bombEntry, entryOf, partsOf, zip, type ZipEntry } from './zip.ts';

export const HEADER = [['洋江镇村庄清洁行动统计表'], ['月份', '村', '清理垃圾(吨)'], ['2023-05', '长塘村', 10]];

/** A cleanup workbook whose first sheet is replaced by `sheet` (the other parts as SheetJS writes them). */
export function withSheet(sheet: ZipEntry): Uint8Array {
  const parts = partsOf(writeWorkbook([{ name: '洋江镇', rows: HEADER }]));
  return zip([...parts].map(([name, bytes]) => (name === 'xl/worksheets/sheet1.xml' ? { ...sheet, name } : entryOf(name, bytes))));
}

/** About 2 KB: a merge over A3:XFD1048576 (17 billion cells). */
export function mergeOverSheet(): Uint8Array {
  return writeWorkbook([{ name: '洋江镇', rows: HEADER, merges: ['A3:XFD1048576'] }]);
}

/**
 * One space typed in XFD1048576, with the range Excel then declares. (SheetJS's writer would walk
 * all 17 billion cells of that range, so the sheet part is patched.)
 */
export function farCell(): Uint8Array {
  const parts = partsOf(writeWorkbook([{ name: '洋江镇', rows: HEADER }]));
  const xml = new TextDecoder()
    .decode(parts.get('xl/worksheets/sheet1.xml'))
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row></sheetData>');
  return withSheet(entryOf('xl/worksheets/sheet1.xml', xml));
}

/** The sheet part of a zip bomb: 1.2 GB of spaces, about 1.2 MB deflated. */
export function bombSheet(): Promise<ZipEntry> {
  return bombEntry('xl/worksheets/sheet1.xml', 1200 * 1024 * 1024);
}

/** The bomb, declaring its true size (refused from the central directory). */
export const zipBomb = (sheet: ZipEntry) => withSheet(sheet);

/** The bomb, declaring 4 KB (stopped while inflating, at the declared size). */
export const lyingZipBomb = (sheet: ZipEntry) => withSheet({ ...sheet, size: 4096 });
