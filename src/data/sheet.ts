// A CSV file → its header and body rows: decoding, delimiter, blank rows, title rows and the
// full-width-comma header (contract §3.0). Shared by known and free datasets.
import { decodeBytes, type Encoding } from './decode.ts';
import type { Frame } from './frame.ts';
import { frameRecords } from './frame.ts';
import { detectDelimiter, parseGrid, type GridRecord } from './grid.ts';
import { checkFullWidthHeader } from './headers.ts';
import type { Issue } from './types.ts';

export interface Sheet {
  encoding: Encoding;
  header: GridRecord;
  body: GridRecord[];
}

/** Read a file into a sheet, or null (with an error) when it has no readable header. */
export function readSheet(
  path: string,
  bytes: Uint8Array,
  isTitle: (row: GridRecord) => boolean,
  isHeader: (row: GridRecord) => boolean,
  issues: Issue[],
): Sheet | null {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    issues.push({ path, code: 'encoding-error', message: decoded.message });
    return null;
  }
  const utf16 = decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be';
  const records = parseGrid(decoded.text, detectDelimiter(decoded.text, utf16));
  const frame: Frame = frameRecords(records, isTitle, isHeader);
  if (frame.header === undefined) {
    issues.push({ path, code: 'blank-header', message: '文件是空的：第一行应为表头（列名），其下每行一条数据' });
    return null;
  }
  for (const title of frame.titles) {
    const text = title.cells.find((c) => c.trim() !== '')!.trim();
    issues.push({
      path,
      row: title.line,
      code: 'warning',
      message: `第 ${title.line} 行 "${text}" 是表格标题，已跳过（表头在第 ${frame.header.line} 行）`,
    });
  }
  if (checkFullWidthHeader(frame.header, path, issues)) return null;
  return { encoding: decoded.encoding, header: frame.header, body: frame.body };
}
