// Issue 18, contract §3.9: what a ledger carries beside the site's columns. Columns the site does
// not know (责任人, 联系电话) are left out with one warning, never published; a near match of a known
// column stays an error. An 身份证号 in any cell is an error; a phone number in a free dataset is a
// warning. A percentage typed as a fraction (Excel's 90% saved as 0.9) is a type-error.
import { describe, expect, test } from 'vitest';
import { writeWorkbook } from '../support/workbook.ts';
import { check, cleanup, excelCsv, fixture } from './excel.ts';

// Valid check digits (GB 11643 mod 11-2); the second ends in X.
const ID = '110101199003074514';
const ID_X = '11010519491231002X';

describe('columns the site does not know (contract §3.9)', () => {
  const ledger = () =>
    excelCsv(cleanup(
      [
        ['2023-05', '长塘村', '10', '1', '张三', '13812345678'],
        ['2023-06', '前江村', '12', '1', '李四', '13912345678'],
      ],
      ['月份', '村', '清理垃圾(吨)', '投入资金(万元)', '责任人', '联系电话'],
    ));

  test('责任人 and 联系电话 are no error: one warning names them; the data is read', () => {
    const { project, lines, errors } = check(fixture({ 'data/cleanup.csv': ledger() }));
    expect(errors).toEqual([]);
    expect(lines.filter((l) => /不是本表的列/.test(l))).toEqual([
      expect.stringMatching(/^data\/cleanup\.csv:2:5 warning 「责任人」「联系电话」不是本表的列，不公布、不作图，也不在下载的数据中/),
    ]);
    const cleanupTable = project.tables.cleanup!;
    expect(cleanupTable.rows).toHaveLength(2);
    expect(cleanupTable.columns.map((c) => c.label)).not.toContain('责任人');
    expect(JSON.stringify(cleanupTable.rows)).not.toMatch(/张三|138/);
  });

  test('a near match of a known column stays an unknown-header error with its suggestion', () => {
    const file = excelCsv(cleanup([['2023-05', '长塘村', '10', '1']], ['月份', '村', '清理垃圾(屯)', '投入资金(万元)']));
    expect(check(fixture({ 'data/cleanup.csv': file })).errors).toEqual([
      expect.stringMatching(/^data\/cleanup\.csv:2:3 unknown-header 列名 "清理垃圾\(屯\)" .*写作 清理垃圾\(吨\)/),
    ]);
    const typo = excelCsv(cleanup([['2023-05', '长塘村', '10', '1']], ['月份', '村', '清理垃级(吨)', '投入资金(万元)']));
    expect(check(fixture({ 'data/cleanup.csv': typo })).errors).toEqual([
      expect.stringMatching(/^data\/cleanup\.csv:2:3 unknown-header 未知列名 "清理垃级\(吨\)"，是否应为「清理垃圾\(吨\)」\?/),
    ]);
  });

  test('a near match of a column already present is still an error', () => {
    const file = excelCsv(cleanup([['2023-05', '长塘村', '10', '1', '3']], ['月份', '村', '清理垃圾(吨)', '投入资金(万元)', '清理垃级(吨)']));
    expect(check(fixture({ 'data/cleanup.csv': file })).errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:2:5 unknown-header 未知列名 "清理垃级\(吨\)"/)]);
  });

  test('in a workbook sheet too', () => {
    const bytes = writeWorkbook([{ name: '洋江镇', rows: [['月份', '村', '清理垃圾(吨)', '检查人'], ['2023-05', '长塘村', 10, '王五']] }]);
    const { lines, errors } = check(fixture({ 'data/村庄清洁.xlsx': bytes }));
    expect(errors).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^data\/村庄清洁\.xlsx\[洋江镇\]:1:4 warning 「检查人」不是本表的列/));
  });
});

describe('personal information is never published (contract §3.9)', () => {
  test('an 18-character 身份证号 in a column the site does not know is a constraint-error at its cell', () => {
    const file = excelCsv(cleanup([['2023-05', '长塘村', '10', '1', ID], ['2023-06', '长塘村', '12', '1', '']], ['月份', '村', '清理垃圾(吨)', '投入资金(万元)', '身份证号']));
    const { errors } = check(fixture({ 'data/cleanup.csv': file }));
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:3:5 constraint-error 「身份证号」"110101199003074514" 中有居民身份证号/)]);
  });

  test('in a free dataset (GBK CSV), with X as check digit, inside text; one line per cell, nothing else', () => {
    const file = excelCsv([
      ['村', '户主', '证件', '补贴(元)'],
      ['长塘村', '张三', ID_X, '500'],
      ['前江村', '李四', `身份证：${ID}`, '600'],
    ]);
    const { errors } = check(fixture({ 'data/补贴名单.csv': file }));
    expect(errors).toEqual([
      expect.stringMatching(/^data\/补贴名单\.csv:2:3 constraint-error 「证件」"11010519491231002X" 中有居民身份证号/),
      expect.stringMatching(/^data\/补贴名单\.csv:3:3 constraint-error 「证件」.*中有居民身份证号/),
    ]);
  });

  test('an 18-digit number whose check digit is wrong is not called an ID (a number that large is a type-error)', () => {
    const file = excelCsv([['村', '编码'], ['长塘村', '110101199003074515'], ['前江村', '12']]);
    const { errors } = check(fixture({ 'data/编码.csv': file }));
    expect(errors).toEqual([expect.stringMatching(/^data\/编码\.csv:2:2 type-error .*10 的 15 次方/)]);
  });

  test('18 digits with a right check digit but no birth date in them are a ledger figure, not an ID', () => {
    // 839173485983477162: check digit 2 is right, digits 7–14 (85983477) are no date
    const file = excelCsv([['村', '编码'], ['长塘村', '839173485983477162'], ['前江村', '12']]);
    const { errors } = check(fixture({ 'data/编码.csv': file }));
    expect(errors).toEqual([expect.stringMatching(/^data\/编码\.csv:2:2 type-error .*10 的 15 次方/)]);
  });
  test('a mobile number in a free dataset is one warning per column asking whether residents agreed', () => {
    const file = excelCsv([['村', '保洁员', '电话'], ['长塘村', '张三', '13812345678'], ['前江村', '李四', '139-1234-5678'], ['新村', '王五', '0797-1234567']]);
    const { lines, errors } = check(fixture({ 'data/保洁员.csv': file }));
    expect(errors).toEqual([]);
    expect(lines.filter((l) => /手机号码/.test(l))).toEqual([expect.stringMatching(/^data\/保洁员\.csv:2:3 warning 「电话」中有 2 个手机号码.*请确认本人已同意公开/)]);
  });
});

describe('a percentage typed as a fraction (contract §3.9)', () => {
  test('targets: 0.9 for 户厕覆盖率 is a type-error suggesting 90; 95 is fine', () => {
    const file = excelCsv([['指标', '目标值', '期限'], ['无害化卫生户厕覆盖率', '0.9', '2024-12'], ['建设点完成进度', '95', '2024-12'], ['公厕', '0.5', '2024-12']]);
    const { project, errors } = check(fixture({ 'data/targets.csv': file }));
    expect(errors).toEqual([expect.stringMatching(/^data\/targets\.csv:2:2 type-error 「目标值」为 "0\.9"：.*0\.9 应为 90？/)]);
    expect(project.tables.targets!.rows.map((r) => r.metric)).toEqual(['construction_progress', 'public_toilets']);
  });

  test('construction-items: % items of one file all between 0 and 1 are type-errors; other units are not', () => {
    const points = excelCsv([['编号', '建设点', '村', '年度', '级别'], ['p1', '石塘下组', '长塘村', '2023', '县级']]);
    const items = excelCsv([
      ['建设点编号', '建设内容', '单位', '计划量', '完成量'],
      ['p1', '改户厕', '%', '1', '0.85'],
      ['p1', '绿化', '%', '1', '0.6'],
      ['p1', '硬化进村主干道', '公里', '0.6', '0.5'],
    ]);
    const { errors } = check(fixture({ 'data/construction-points.csv': points, 'data/construction-items.csv': items }));
    expect(errors).toEqual([
      expect.stringMatching(/^data\/construction-items\.csv:2:5 type-error 「完成量」为 "0\.85"：本文件中这一列的百分数都在 0 到 1 之间.*0\.85 应为 85？/),
      expect.stringMatching(/^data\/construction-items\.csv:3:5 type-error 「完成量」为 "0\.6".*0\.6 应为 60？/),
    ]);
  });

  test('% items written as percentages are fine, even a 0.5 among them', () => {
    const points = excelCsv([['编号', '建设点', '村', '年度', '级别'], ['p1', '石塘下组', '长塘村', '2023', '县级']]);
    const items = excelCsv([['建设点编号', '建设内容', '单位', '计划量', '完成量'], ['p1', '改户厕', '%', '100', '85'], ['p1', '绿化', '%', '100', '0.5']]);
    expect(check(fixture({ 'data/construction-points.csv': points, 'data/construction-items.csv': items })).errors).toEqual([]);
  });

  test('a free dataset: a % column all between 0 and 1 is a type-error at each fraction', () => {
    const file = excelCsv([['村', '污水处理率(%)'], ['长塘村', '0.9'], ['前江村', '0.75'], ['新村', '1']]);
    const { errors } = check(fixture({ 'data/污水处理.csv': file }));
    expect(errors).toEqual([
      expect.stringMatching(/^data\/污水处理\.csv:2:2 type-error 「污水处理率\(%\)」为 "0\.9".*0\.9 应为 90？/),
      expect.stringMatching(/^data\/污水处理\.csv:3:2 type-error .*0\.75 应为 75？/),
    ]);
    const fine = excelCsv([['村', '污水处理率(%)'], ['长塘村', '90'], ['前江村', '0.5']]);
    expect(check(fixture({ 'data/污水处理.csv': fine })).errors).toEqual([]);
  });
});
