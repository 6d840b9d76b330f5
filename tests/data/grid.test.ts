import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseGrid } from '../../src/data/read/grid.ts';

describe('detectDelimiter(text)', () => {
  test('is a comma for a comma-separated header', () => {
    expect(detectDelimiter('月份,村\n2023-07,长塘村')).toBe(',');
  });
  test('is a tab when the header has tabs and no comma', () => {
    expect(detectDelimiter('月份\t村\t备注\n2023-07\t长塘村\t已完成,待验收')).toBe('\t');
  });
  test('looks past a title row typed into one cell', () => {
    expect(detectDelimiter('洋江镇统计表\n月份\t村\n')).toBe('\t');
  });
  test('prefers tab for UTF-16 text whose header has one', () => {
    expect(detectDelimiter('月份\t村,组\n', true)).toBe('\t');
    expect(detectDelimiter('月份\t村,组\n')).toBe(',');
  });
  test('is a comma when there is no delimiter at all', () => {
    expect(detectDelimiter('村名\n长塘村')).toBe(',');
  });
});

describe('parseGrid(text, delimiter)', () => {
  test('numbers records as Excel numbers rows, skipping blank ones', () => {
    const records = parseGrid('a,b\n\n1,2\n,\n  , \n3,4\n', ',');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });
  test('follows RFC 4180 quoting: commas, quotes and line breaks inside a quoted cell', () => {
    const records = parseGrid('a,b\n"x, ""y""","第一行\r\n第二行"\n5,6', ',');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '第一行\r\n第二行'] },
      { line: 3, cells: ['5', '6'] },
    ]);
  });
  test('reads CRLF, LF and CR line ends alike', () => {
    expect(parseGrid('a,b\r\n1,2\r\n', ',')).toEqual(parseGrid('a,b\n1,2\n', ','));
    expect(parseGrid('a,b\r1,2\r', ',')).toEqual(parseGrid('a,b\n1,2\n', ','));
  });
  test('drops a leading BOM character', () => {
    expect(parseGrid('\ufeffa\tb\n', '\t')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
  });
});
