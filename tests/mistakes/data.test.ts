// Issue 10, data files: everyday mistakes that used to publish a wrong figure silently, each in a
// file written the way Excel/WPS writes it (GBK or BOM, CRLF, a title row above the header).
import { describe, expect, test } from 'vitest';
import { check, cleanup, excelCsv, fixture } from './excel.ts';

describe('future months (contract §3.9, "now" fixed at December 2023)', () => {
  test('2032-06 typed for 2023-06 is a constraint-error; the home page never says 数据截至 2032年6月', () => {
    const root = fixture({
      'data/cleanup.csv': excelCsv(cleanup([
        ['2023-05', '长塘村', '10', '1'],
        ['2032-06', '长塘村', '12', '1'],
      ])),
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:4:1 constraint-error 「月份」为 "2032-06".*晚于本月（2023年12月）/)]);
    expect(project.asOf).toBe('2023-05');
  });

  test('the current month itself is fine; toilets and inspections are checked too', () => {
    const root = fixture({
      'data/toilets.csv': excelCsv([['月份', '村', '无害化卫生户厕(户)'], ['2023-12', '长塘村', '100'], ['2024-01', '长塘村', '101']], 'utf8-bom'),
      'data/inspections.csv': excelCsv([['月份', '村', '得分'], ['2023年12月', '长塘村', '90'], ['2024年1月', '前江村', '88']]),
    });
    expect(check(root).errors).toEqual([
      expect.stringMatching(/^data\/inspections\.csv:3:1 constraint-error 「月份」为 "2024年1月"/),
      expect.stringMatching(/^data\/toilets\.csv:3:1 constraint-error 「月份」为 "2024-01"/),
    ]);
  });

  test('targets may lie in the future', () => {
    const root = fixture({
      'data/targets.csv': excelCsv([['指标', '目标值', '期限'], ['无害化卫生户厕覆盖率', '95', '2030-12']]),
    });
    expect(check(root).errors).toEqual([]);
  });

  test('the clock is passed in: the same file is fine once its month has come', () => {
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2024-03', '长塘村', '10', '1']])) });
    expect(check(root).errors).toHaveLength(1);
    expect(check(root, new Date('2024-03-01T00:00:00+08:00')).errors).toEqual([]);
  });
});

describe("Excel's dotted-October trap (contract §3.9)", () => {
  test('2023.1 among 2023.07 … 2023.12 is a type-error saying what Excel did', () => {
    // Typed 2023.07 … 2023.12; Excel stored 2023.10 as the number 2023.1.
    const months = ['2023.07', '2023.08', '2023.09', '2023.1', '2023.11', '2023.12'];
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup(months.map((m) => [m, '长塘村', '10', '1']))) });
    const { project, errors } = check(root);
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:6:1 type-error 「月份」为 "2023\.1".*2023年10月.*Excel 把输入的 2023\.10 当成了数字/)]);
    expect(project.tables.cleanup!.rows.map((r) => r.month)).not.toContain('2023-01');
  });

  test('written without zeros, 2023.7 … 2023.12 still implies October', () => {
    const months = ['2023.7', '2023.8', '2023.9', '2023.1', '2023.11', '2023.12'];
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup(months.map((m) => [m, '长塘村', '10', '1']))) });
    expect(check(root).errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:6:1 type-error .*2023年10月/)]);
  });

  test('in a free dataset too', () => {
    const months = ['2023.08', '2023.09', '2023.1', '2023.11'];
    const root = fixture({ 'data/垃圾转运.csv': excelCsv([['月份', '转运量(吨)'], ...months.map((m) => [m, '12'])]) });
    expect(check(root).errors).toEqual([expect.stringMatching(/^data\/垃圾转运\.csv:4:1 type-error 「月份」为 "2023\.1".*2023年10月/)]);
  });

  test('2023.1 in a file of January to March is January', () => {
    const months = ['2023.1', '2023.2', '2023.3'];
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup(months.map((m) => [m, '长塘村', '10', '1']))) });
    const { project, errors } = check(root);
    expect(errors).toEqual([]);
    expect(project.tables.cleanup!.rows.map((r) => r.month)).toEqual(['2023-01', '2023-02', '2023-03']);
  });
});

describe('Excel error values get a formula hint (contract §3.9)', () => {
  for (const value of ['#REF!', '#DIV/0!', '#VALUE!', '#N/A', '#NAME?']) {
    test(value, () => {
      const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2023-06', '长塘村', value, '1']])) });
      const [line, ...rest] = check(root).errors;
      expect(rest).toEqual([]);
      expect(line).toContain(`data/cleanup.csv:3:3 type-error 「清理垃圾(吨)」为 "${value}"：这是 Excel 公式出错的结果`);
      expect(line).toContain('公式');
    });
  }

  test('in a free dataset too: the column stays numeric and the cell is an error', () => {
    const root = fixture({
      'data/垃圾转运.csv': excelCsv([['月份', '转运量(吨)'], ['2023-05', '12'], ['2023-06', '#DIV/0!']]),
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([expect.stringMatching(/^data\/垃圾转运\.csv:3:2 type-error 「转运量\(吨\)」为 "#DIV\/0!"：这是 Excel 公式出错的结果/)]);
    expect(project.tables.free[0]!.columns.find((c) => c.label === '转运量(吨)')!.type).toBe('number');
  });
});

describe('numbers as Excel leaves them', () => {
  test('1.2E+03 is read as 1200, with a warning that Excel may have rounded it', () => {
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2023-06', '长塘村', '1.2E+03', '1']])) });
    const { project, lines, errors } = check(root);
    expect(errors).toEqual([]);
    expect(project.tables.cleanup!.rows[0]!.garbage_t).toEqual({ value: 1200, approx: false });
    expect(lines).toContainEqual(expect.stringMatching(/^data\/cleanup\.csv:3:3 warning 「清理垃圾\(吨\)」的 "1\.2E\+03" 是科学计数法，已读作 1200；.*四舍五入/));
  });

  test('35（估算） is told that the remark belongs in 备注, not that the unit should be 吨', () => {
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2023-06', '长塘村', '35（估算）', '1']])) });
    const errors = check(root).errors;
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:3:3 type-error 「清理垃圾\(吨\)」应为数字，实际为 "35（估算）"：括号里的说明 "估算".*备注/)]);
    expect(errors[0]).not.toContain('单位应为');
  });
});

describe('lists (contract §3.0)', () => {
  test('级别 国家级 is a constraint-error listing the allowed values', () => {
    const root = fixture({
      'data/construction-points.csv': excelCsv([
        ['编号', '建设点', '村', '年度', '级别'],
        ['p1', '石塘下组', '长塘村', '2023', '国家级'],
      ]),
    });
    expect(check(root).errors).toEqual([
      'data/construction-points.csv:2:5 constraint-error 「级别」"国家级" 不在允许的值之中：应为 省级、市级、县级 或 镇级',
    ]);
  });
});

describe('lists: 指标 and 类型 too', () => {
  test('an unknown 指标 and a 类型 outside 行政村/社区 are constraint-errors', () => {
    const root = fixture({
      'data/villages.csv': excelCsv([['编号', '村名', '乡镇', '类型', '户数', '人口'], ['v1', '长塘村', '洋江镇', '自然村', '512', '1800']], 'utf8-bom'),
      'data/targets.csv': excelCsv([['指标', '目标值', '期限'], ['卫生厕所普及率', '95', '2025-12']]),
    });
    expect(check(root).errors).toEqual([
      expect.stringMatching(/^data\/targets\.csv:2:1 constraint-error 「指标」应为以下指标之一/),
      'data/villages.csv:2:4 constraint-error 「类型」"自然村" 不在允许的值之中：应为 行政村 或 社区',
    ]);
  });
});

describe('a suggestion never proposes an invalid value (contract §5)', () => {
  test('洋江镇新塘村 is not told 「新塘村」 (shared by two townships): the id is proposed', () => {
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2023-06', '洋江镇新塘村', '10', '1']])) });
    const errors = check(root).errors;
    expect(errors.join('\n')).not.toContain('「新塘村」');
    // Either the township prefix resolves it (contract §3.9) or the id is proposed.
    if (errors.length > 0) expect(errors[0]).toContain('「xt-yj」');
  });

  test('新塘 (a near miss of a shared name) is proposed the id, never the bare name', () => {
    const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup([['2023-06', '新塘', '10', '1']])) });
    const errors = check(root).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain('「新塘村」');
    expect(errors[0]).toMatch(/「xt-(yj|hk)」/);
  });

  test("a name holding Excel's ? is never proposed; the message points at villages.csv", () => {
    // 㙟 (in 㙟坪村) is not in GBK: Excel's "CSV (逗号分隔)" writes it as "?".
    const register = [['编号', '村名', '乡镇', '户数', '人口'], ['v1', '长塘村', '洋江镇', '512', '1800'], ['v9', '㙟坪村', '洋江镇', '200', '700']];
    const root = fixture({
      'data/villages.csv': excelCsv(register, 'gbk'),
      'data/cleanup.csv': excelCsv(cleanup([['2023-06', '㙟坪村', '10', '1']]), 'utf8-bom'),
    });
    const errors = check(root).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toContain('「?坪村」');
    expect(errors[0]).toMatch(/^data\/cleanup\.csv:3:2 foreign-key-error .*data\/villages\.csv 中的村名 "\?坪村"（编号 v9）可能就是它/);
  });
});

describe('clockFromEnv (SITE_NOW)', () => {
  test('a month or a day in China time; anything else is the real clock', async () => {
    const { clockFromEnv } = await import('../../src/project/project.ts');
    const { currentMonth } = await import('../../src/data/table/mistakes.ts');
    expect(currentMonth(clockFromEnv('2024-01')!)).toBe('2024-01');
    expect(currentMonth(clockFromEnv('2024-01-31')!)).toBe('2024-01');
    expect(clockFromEnv('')).toBeUndefined();
    expect(clockFromEnv('not a date')).toBeUndefined();
    // 2023-12-31 20:00 UTC is already January in China.
    expect(currentMonth(new Date('2023-12-31T20:00:00Z'))).toBe('2024-01');
  });
});
