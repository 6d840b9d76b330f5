// The streaming port of SheetJS's deflate gives SheetJS's bytes exactly, however the input is cut.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { FixedDeflate } from '../../src/outputs/fixedDeflate.ts';
import { prng } from '../support/synthetic.ts';

const sheetjs = (bytes: Uint8Array): Uint8Array => Uint8Array.from(XLSX.CFB.utils._deflateRaw(bytes) as ArrayLike<number>);

function streamed(bytes: Uint8Array, cuts: number[]): Uint8Array {
  const d = new FixedDeflate();
  let at = 0;
  for (const cut of cuts) {
    d.push(bytes.subarray(at, Math.min(bytes.length, at + cut)));
    at = Math.min(bytes.length, at + cut);
  }
  d.push(bytes.subarray(at));
  return Buffer.concat(d.finish());
}

function sheetLike(rows: number, rnd: () => number): Uint8Array {
  const names = ['长塘村', '前江村', '洋江镇', 'A&B <村>', '  空格 ', '1000余'];
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet><sheetData>';
  for (let r = 2; r <= rows; r++) {
    xml += `<row r="${r}"><c r="A${r}" t="str"><v>2023-${String(1 + (r % 12)).padStart(2, '0')}</v></c>`;
    xml += `<c r="B${r}" t="str"><v>${names[Math.floor(rnd() * names.length)]}</v></c><c r="C${r}"><v>${Math.round(rnd() * 10000) / 10}</v></c></row>`;
  }
  return Buffer.from(`${xml}</sheetData></worksheet>`, 'utf8');
}

describe('FixedDeflate', () => {
  const rnd = prng(23);
  const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
  const runs = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i % 997 < 500 ? 65 : Math.floor(rnd() * 4)));
  const inputs: [string, Uint8Array][] = [
    ['8 bytes', Buffer.from('abcdefgh')],
    ['12 bytes', Buffer.from('aaaaaaaaaaaa')],
    ['a short sheet', sheetLike(30, rnd)],
    ['a sheet over many blocks', sheetLike(6000, rnd)],
    ['noise over blocks', noise(300_000)],
    ['long runs (matches across block ends)', runs(400_000)],
    ['exactly 65,535 + 9 bytes', runs(0xffff + 9)],
    ['exactly 65,535 + 10 bytes', runs(0xffff + 10)],
    ['exactly 2 × 65,535 bytes', noise(2 * 0xffff)],
  ];
  for (const [name, bytes] of inputs) {
    it(`gives SheetJS's bytes: ${name}`, () => {
      const expected = sheetjs(bytes);
      expect(Buffer.from(streamed(bytes, [])).equals(Buffer.from(expected))).toBe(true);
      expect(Buffer.from(streamed(bytes, [1, 7, 100, 65_536, 3, 200_001])).equals(Buffer.from(expected))).toBe(true);
      const pieces = Array.from({ length: 200 }, () => 1 + Math.floor(rnd() * 5000));
      expect(Buffer.from(streamed(bytes, pieces)).equals(Buffer.from(expected))).toBe(true);
    });
  }

  it('refuses input SheetJS would store instead', () => {
    const d = new FixedDeflate();
    d.push(Buffer.from('abc'));
    expect(() => d.finish()).toThrow(/8 bytes/);
  });
});
