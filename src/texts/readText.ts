// Reading a content file as text: UTF-8 (with or without BOM), or GB18030 as Windows Notepad
// writes it, through the same decoder as the CSV files.
import { readFileSync } from 'node:fs';
import { xmlSafe } from '../charts/escape.ts';
import { decodeBytes } from '../data/read/decode.ts';

export type TextFile = { ok: true; text: string } | { ok: false; missing: boolean; message: string };

export function readText(path: string): TextFile {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return { ok: false, missing: true, message: '文件不存在或无法读取' };
  }
  const decoded = decodeBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
  if (decoded.ok && decoded.gbkLines !== undefined) {
    const lines = decoded.gbkLines.join('、');
    return {
      ok: false,
      missing: false,
      message: `第 ${lines} 行不是 UTF-8 编码，而是 GBK 编码（多半是从另一个文件复制来的），文件其余部分是 UTF-8；请用记事本打开，重新输入这几行后以 UTF-8 保存`,
    };
  }
  // Characters XML forbids (Word's Shift+Enter, a pasted ESC) would break the feed and the SVG
  // files, and mean nothing on a page: gone from every title, summary and paragraph at once.
  return decoded.ok ? { ok: true, text: xmlSafe(decoded.text) } : { ok: false, missing: false, message: decoded.message };
}
