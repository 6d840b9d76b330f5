// Bytes → text (contract §3.0 "Encoding"). Excel and WPS on Chinese Windows write "CSV (逗号分隔)"
// in GBK, "CSV UTF-8" with a BOM, and "Unicode 文本" as UTF-16 LE with a BOM (tab-separated).

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  /** `gbkLines`: a UTF-8 file with a few lines in GBK (pasted from another file): their 1-based line numbers, decoded as GBK */
  | { ok: true; text: string; encoding: Encoding; bom: boolean; gbkLines?: number[] }
  | { ok: false; message: string };

const SAVE_AS_UTF8 = '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后重试';

function tryDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    // fatal: a malformed sequence throws instead of turning into U+FFFD silently.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decoded(text: string, encoding: Encoding, bom: boolean): Decoded {
  // A NUL never occurs in a text table: UTF-16 saved without its BOM, or not a text file at all.
  if (text.includes('\u0000')) {
    return {
      ok: false,
      message: `文件中含有空字符，不是可读的文本表格（可能是没有 BOM 的 UTF-16 文件，或是 .xlsx 等文件改了扩展名）；${SAVE_AS_UTF8}`,
    };
  }
  return { ok: true, text, encoding, bom };
}

/**
 * A UTF-8 file with some lines in GBK (rows pasted from a file Excel saved as GBK): each line
 * decoded on its own, when the lines with Chinese in UTF-8 outnumber those in GBK (a GBK line is
 * never valid UTF-8; a short GBK line may pass for UTF-8, so a GBK file is never taken for this).
 */
function mixedUtf8(bytes: Uint8Array, bom: boolean): Decoded | null {
  let text = '';
  let utf8Lines = 0;
  const gbkLines: number[] = [];
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf === -1 ? bytes.length : lf + 1;
    const piece = bytes.subarray(start, end);
    start = end;
    const utf8 = tryDecode('utf-8', piece);
    if (utf8 !== null) {
      if (piece.some((b) => b >= 0x80)) utf8Lines++;
      text += utf8;
      continue;
    }
    const gb = tryDecode('gb18030', piece);
    if (gb === null) return null;
    gbkLines.push(line);
    text += gb;
  }
  if (gbkLines.length === 0 || utf8Lines <= gbkLines.length) return null;
  const result = decoded(text, 'utf-8', bom);
  return result.ok ? { ...result, gbkLines } : result;
}

/** Decode a CSV file: BOM first, then UTF-8, then GB18030 (the superset of GBK). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = tryDecode('utf-8', bytes);
    if (text === null) {
      return mixedUtf8(bytes.subarray(3), true) ?? { ok: false, message: `文件开头标明是 UTF-8 编码，但内容不是有效的 UTF-8；${SAVE_AS_UTF8}` };
    }
    return decoded(text, 'utf-8', true);
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes);
    if (text === null) {
      return { ok: false, message: `文件开头标明是 Unicode（UTF-16）编码，但内容不完整或已损坏；${SAVE_AS_UTF8}` };
    }
    return decoded(text, encoding, true);
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return decoded(utf8, 'utf-8', false);
  const mixed = mixedUtf8(bytes, false);
  if (mixed !== null) return mixed;
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return decoded(gb, 'gb18030', false);
  return {
    ok: false,
    message: `无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030（可能不是文本文件，或文件已损坏）；${SAVE_AS_UTF8}`,
  };
}
