import { describe, expect, test } from 'vitest';
import { formatIssue, formatReport, hasErrors, sortIssues } from '../../src/data/report.ts';
import type { Issue } from '../../src/data/types.ts';

const typeError: Issue = { path: 'data/cleanup.csv', row: 14, column: 3, code: 'type-error', message: '「清理垃圾(吨)」应为数字，实际为 "十吨"' };
const constraint: Issue = { path: 'data/toilets.csv', row: 8, column: 3, code: 'constraint-error', message: '「无害化卫生户厕(户)」为 530，超过该村户数 512' };
const warning: Issue = { path: 'data/cleanup.csv', row: 1, code: 'warning', message: '第 1 行是表格标题，已跳过' };
const wholeFile: Issue = { path: 'data/villages.csv', code: 'missing-value', message: '缺少村庄名录' };

describe('formatIssue(issue)', () => {
  test('path:row:column code message', () => {
    expect(formatIssue(typeError)).toBe('data/cleanup.csv:14:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"');
  });
  test('a row without a column is path:row', () => {
    expect(formatIssue(warning)).toBe('data/cleanup.csv:1 warning 第 1 行是表格标题，已跳过');
  });
  test('a whole-file problem gives the path alone', () => {
    expect(formatIssue(wholeFile)).toBe('data/villages.csv missing-value 缺少村庄名录');
  });
});

describe('sortIssues(issues)', () => {
  test('errors before warnings, then by path, row and column; whole-file first', () => {
    const later: Issue = { ...typeError, row: 2, column: 5 };
    const earlier: Issue = { ...typeError, row: 2, column: 1 };
    expect(sortIssues([warning, constraint, typeError, later, wholeFile, earlier])).toEqual([earlier, later, typeError, constraint, wholeFile, warning]);
  });
  test('does not change its argument', () => {
    const issues = [warning, typeError];
    sortIssues(issues);
    expect(issues).toEqual([warning, typeError]);
  });
});

describe('formatReport(issues)', () => {
  test('every line sorted, then a summary', () => {
    expect(formatReport([warning, constraint, typeError])).toBe(
      [
        'data/cleanup.csv:14:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
        'data/toilets.csv:8:3 constraint-error 「无害化卫生户厕(户)」为 530，超过该村户数 512',
        'data/cleanup.csv:1 warning 第 1 行是表格标题，已跳过',
        '共 2 个错误、1 个警告。',
      ].join('\n'),
    );
  });
  test('no errors', () => {
    expect(formatReport([])).toBe('检查通过：没有错误。');
    expect(formatReport([warning]).split('\n').at(-1)).toBe('检查通过：没有错误，有 1 个警告。');
  });
});

describe('hasErrors(issues)', () => {
  test('any code but warning is an error', () => {
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, wholeFile])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});

describe('a county report (contract §3.11)', () => {
  const at = (path: string, row: number, code: Issue['code'] = 'type-error'): Issue => ({ path, row, column: 3, code, message: `问题 ${row}` });
  const issues = [
    at('data/洋江镇/cleanup.csv', 3),
    at('data/村庄名录.csv', 5),
    at('data/楠杆镇/toilets.csv', 2),
    at('data/洋江镇/台账.xlsx[月度考评]', 4),
    at('data/楠杆镇/cleanup.csv', 9),
    at('data/洋江镇/cleanup.csv', 1, 'warning'),
    at('content/reports/a.md', 7),
  ];
  test('groups the lines by township folder, data/ itself first, each folder under a heading', () => {
    expect(formatReport(issues).split('\n')).toEqual([
      'data/村庄名录.csv:5:3 type-error 问题 5',
      '—— 楠杆镇（data/楠杆镇/）——',
      'data/楠杆镇/cleanup.csv:9:3 type-error 问题 9',
      'data/楠杆镇/toilets.csv:2:3 type-error 问题 2',
      '—— 洋江镇（data/洋江镇/）——',
      'data/洋江镇/cleanup.csv:3:3 type-error 问题 3',
      'data/洋江镇/台账.xlsx[月度考评]:4:3 type-error 问题 4',
      'content/reports/a.md:7:3 type-error 问题 7',
      '—— 洋江镇（data/洋江镇/）——',
      'data/洋江镇/cleanup.csv:1:3 warning 问题 1',
      '共 6 个错误、1 个警告。',
    ]);
  });
});
