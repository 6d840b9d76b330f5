import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeBytes } from '../../src/data/read/decode.ts';

const text = '月份,村,清理垃圾(吨)\n2023-07,长塘村,12\n';

function utf16le(s: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
}

describe('decodeBytes(bytes)', () => {
  test('reads UTF-8 without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
  });
  test('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
  });
  test('reads UTF-16 LE with BOM (Excel "Unicode 文本")', () => {
    expect(decodeBytes(utf16le(text))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });
  test('reads UTF-16 BE with BOM', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(le).swap16()]);
    expect(decodeBytes(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });
  test('reads bytes that are not valid UTF-8 as GB18030 (GBK from Excel/WPS)', () => {
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'gb18030', bom: false });
  });
  test('reads characters outside GBK from a GB18030 file', () => {
    const rare = '村名\n𠮷村\n';
    expect(decodeBytes(new Uint8Array(iconv.encode(rare, 'gb18030')))).toMatchObject({ ok: true, text: rare });
  });
  test('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const result = decodeBytes(Uint8Array.from([0x41, 0xff, 0xff, 0xff, 0x42]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('无法识别文件编码');
  });
  test('refuses a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])).ok).toBe(false);
  });
  test('refuses a truncated UTF-16 file', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41])).ok).toBe(false);
  });
  test('refuses text with NUL characters (UTF-16 without BOM)', () => {
    const result = decodeBytes(new Uint8Array(Buffer.from('a,b\n', 'utf16le')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('UTF-16');
  });
  test('reads a UTF-8 file with a few GBK lines line by line, and names those lines', () => {
    const mixed = Uint8Array.from([
      ...new TextEncoder().encode('月份,村\n2023-07,长塘村\n'),
      ...iconv.encode('2023-08,前江村\n', 'gbk'),
      ...new TextEncoder().encode('2023-09,长塘村\n'),
    ]);
    expect(decodeBytes(mixed)).toEqual({ ok: true, text: '月份,村\n2023-07,长塘村\n2023-08,前江村\n2023-09,长塘村\n', encoding: 'utf-8', bom: false, gbkLines: [3] });
  });
  test('a GBK file is never taken for a mixed one', () => {
    const rows = ['月份,村,清理垃圾(吨)', ...Array.from({ length: 40 }, (_, i) => `2023-0${(i % 9) + 1},长塘村新塘村前江村,${i}`)].join('\n');
    expect(decodeBytes(new Uint8Array(iconv.encode(rows, 'gbk')))).toEqual({ ok: true, text: rows, encoding: 'gb18030', bom: false });
  });
  test('reads an empty file as empty text', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: true, text: '' });
  });
});
