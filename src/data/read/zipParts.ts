// The parts of an .xlsx (a zip file), read from its central directory before anything is inflated
// (issue 22: a 1.2 MB zip bomb unpacks to 1.2 GB). Each part's declared size is checked against
// the limits, and a part is inflated with its declared size as a hard cap, so a part that lies
// about its size fails instead of filling memory. No regular expression runs over the bytes.
import { inflateRawSync } from 'node:zlib';

/** One part's uncompressed size above this is refused (a county ledger's largest sheet is ~70 MB). */
export const PART_LIMIT = 200 * 1024 * 1024;
/** All parts together. */
export const TOTAL_LIMIT = 300 * 1024 * 1024;

export interface ZipPart {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** offset of its local file header */
  offset: number;
}

/** A workbook over a limit: reported as one error at the file (never a fallback to another reader). */
export class WorkbookLimitError extends Error {}

const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round(n / 1024 / 1024).toLocaleString('en-US')} MB`);

/** The zip's parts from its central directory, or null when it has none that can be read. */
export function zipParts(bytes: Uint8Array): ZipPart[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65_535; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const parts: ZipPart[] = [];
  const utf8 = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF: a ZIP64 size of 4 GB or more (no workbook under 20 MB needs one).
    parts.push({ name, method, compressed, size: size === 0xffffffff || compressed === 0xffffffff ? Infinity : size, offset });
    at += 46 + nameLength + extra + comment;
  }
  return parts;
}

/** Refuse a workbook whose parts would unpack beyond the limits: the Chinese reason, else null. */
export function partsProblem(parts: readonly ZipPart[]): string | null {
  let total = 0;
  for (const part of parts) {
    total += part.size;
    if (part.size > PART_LIMIT) {
      return `工作簿中的“${part.name}”解压后有 ${Number.isFinite(part.size) ? mb(part.size) : '4 GB 以上'}，超过 ${mb(PART_LIMIT)} 的上限，不予读取（正常的台账远小于此，文件可能已损坏或被恶意构造）；请用 Excel 或 WPS 打开后另存为新的 .xlsx，或把各表另存为 CSV`;
    }
  }
  if (total > TOTAL_LIMIT) {
    return `工作簿解压后共有 ${mb(total)}，超过 ${mb(TOTAL_LIMIT)} 的上限，不予读取（正常的台账远小于此，文件可能已损坏或被恶意构造）；请删去多余的工作表后另存，或把各表另存为 CSV`;
  }
  return null;
}

/** A part's bytes, inflated with its declared size as the cap; null when absent or unreadable. */
export function partBytes(bytes: Uint8Array, part: ZipPart): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = part.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + part.compressed);
  if (part.method === 0) return data.length === part.size ? data : null;
  if (part.method !== 8) return null;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) });
    return out.length === part.size ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : null;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new WorkbookLimitError(`工作簿中的“${part.name}”解压后比它声明的 ${mb(part.size)} 更大，文件已损坏或被恶意构造，不予读取；请用 Excel 或 WPS 打开后另存为新的 .xlsx`);
    }
    return null;
  }
}
