// Issue 18: a stock never falls in silence (contract §3.9). toilets.csv saved by Excel as GBK CSV,
// a ledger workbook with one sheet per township.
import { describe, expect, test } from 'vitest';
import { writeWorkbook } from '../support/workbook.ts';
import { stockNotes } from '../../src/views/stockNotes.ts';
import { check, excelCsv, fixture } from './excel.ts';

const header = ['月份', '村', '无害化卫生户厕(户)', '公厕(座)', '备注'];

describe('无害化卫生户厕 falling from 341 to 36 (a typo)', () => {
  const root = fixture({
    'data/toilets.csv': excelCsv([
      ['洋江镇厕所革命月报'],
      header,
      ['2023-05', '前江村', '330', '2', ''],
      ['2023-06', '前江村', '341', '2', ''],
      ['2023-07', '前江村', '36', '2', ''],
      ['2023-07', '长塘村', '400', '3', ''],
    ]),
  });
  const { errors, project } = check(root);

  test('is a constraint-error at its cell quoting both months and values', () => {
    expect(errors).toEqual([
      expect.stringMatching(/^data\/toilets\.csv:5:3 constraint-error 「无害化卫生户厕\(户\)」2023年7月为 36，比上次上报的2023年6月（第 4 行）的 341 少 305 户：.*「备注」/),
    ]);
  });

  test('the row is not published as a coverage', () => {
    expect(project.tables.toilets!.rows.map((r) => r.line)).toEqual([3, 4, 6]);
  });
});

describe('a fall explained in 备注', () => {
  const root = fixture({
    'data/toilets.csv': excelCsv([
      header,
      ['2023-06', '前江村', '341', '3', ''],
      ['2023-07', '前江村', '339', '2', '拆除 2 户危房，旧公厕 1 座'],
      ['2023-08', '前江村', '345', '', ''],
      ['2023-09', '前江村', '350', '1', ''],
    ]),
  });
  const { errors, project } = check(root);

  test('is no error; a fall after an empty cell compares with the last reported month', () => {
    expect(errors).toEqual([expect.stringMatching(/^data\/toilets\.csv:5:4 constraint-error 「公厕\(座\)」2023年9月为 1，比上次上报的2023年7月（第 3 行）的 2 少 1 座/)]);
  });

  test('its reason is shown beside the figure on the village page', () => {
    expect(stockNotes(project.tables, 'v2')).toEqual([
      { label: '无害化卫生户厕', change: '2023年7月由 341 户减为 339 户', reason: '拆除 2 户危房，旧公厕 1 座' },
      { label: '公厕', change: '2023年7月由 3 座减为 2 座', reason: '拆除 2 户危房，旧公厕 1 座' },
    ]);
    expect(stockNotes(project.tables, 'v1')).toEqual([]);
  });
});

describe('a workbook sheet whose months are not in order', () => {
  test('the fall is found in the order of the months, at the later month', () => {
    const book = writeWorkbook([
      { name: '厕所革命', rows: [header.slice(0, 4), ['2023-07', '长塘村', 30, 4], ['2023-06', '长塘村', 300, 4], ['2023-08', '长塘村', 310, 4]] },
    ]);
    const { errors } = check(fixture({ 'data/厕所革命.xlsx': book }));
    expect(errors).toEqual([expect.stringMatching(/^data\/厕所革命\.xlsx\[厕所革命\]:2:3 constraint-error .*2023年7月为 30，比上次上报的2023年6月（第 3 行）的 300 少 270 户.*（单元格 C2）$/)]);
  });
});

describe('a workbook with one sheet per quarter (read as one table)', () => {
  const book = writeWorkbook([
    { name: '一季度', rows: [header.slice(0, 4), ['2023-02', '长塘村', 300, 4], ['2023-03', '长塘村', 305, 4]] },
    { name: '二季度', rows: [header.slice(0, 4), ['2023-04', '长塘村', 30, 4], ['2023-05', '长塘村', 310, 4]] },
  ]);
  const { errors, project } = check(fixture({ 'data/厕所革命.xlsx': book }));

  test('a fall from one sheet to the next is an error at its cell that names the other sheet', () => {
    expect(errors).toEqual([
      expect.stringMatching(/^data\/厕所革命\.xlsx\[二季度\]:2:3 constraint-error 「无害化卫生户厕\(户\)」2023年4月为 30，比上次上报的2023年3月（data\/厕所革命\.xlsx\[一季度\] 第 3 行）的 305 少 275 户/),
    ]);
  });

  test('the row is not published', () => {
    expect(project.tables.toilets!.rows.map((r) => r.month)).toEqual(['2023-02', '2023-03', '2023-05']);
  });
});
