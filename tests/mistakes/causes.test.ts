// Issue 18: one cause, one line, causes first (contract §5). Files as Excel saves them (GBK CSV).
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { arrangeIssues, formatIssue } from '../../src/data/report.ts';
import type { Issue } from '../../src/data/types.ts';
import { writeWorkbook } from '../support/workbook.ts';
import { check, cleanup, excelCsv, fixture, notepad, villages } from './excel.ts';

describe('one bad 户数 cell in villages.csv (`1580人`) named by five other files', () => {
  const register = villages.map((r) => [...r]);
  register[2]![3] = '1580人';
  const root = fixture({
    'data/villages.csv': excelCsv(register),
    'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10', '1'], ['2023-06', '长塘村', '12', '1'], ['2023-06', '前江村', '9', '1']])),
    'data/toilets.csv': excelCsv([['月份', '村', '无害化卫生户厕(户)'], ['2023-05', '长塘村', '300'], ['2023-06', 'v1', '310']]),
    'data/inspections.csv': excelCsv([['月份', '村', '得分'], ['2023-05', '长塘村', '90'], ['2023-05', '前江村', '88']]),
    'data/construction-points.csv': excelCsv([['编号', '建设点', '村', '年度', '级别'], ['p1', '石塘下组', '长塘村', '2023', '省级']]),
    'data/targets.csv': excelCsv([['指标', '目标值', '期限', '范围'], ['toilet_coverage', '90', '2023-12', '长塘村']]),
  });
  const { errors } = check(root);

  test('the cause comes first, and the rows naming that village are one line right after it', () => {
    expect(errors).toEqual([
      'data/villages.csv:3:4 type-error 「户数」的单位应为 户，实际为 "1580人"',
      'data/cleanup.csv:3:2 foreign-key-error 「村」"长塘村" 在 data/villages.csv 第 3 行，该行有错误；请先改正该行' +
        '（因此未能载入的共 7 行：data/cleanup.csv 第 3、4 行，data/construction-points.csv 第 2 行，data/inspections.csv 第 2 行，' +
        'data/targets.csv 第 2 行，data/toilets.csv 第 2、3 行）',
    ]);
  });
});

describe('months typed `24年1月` (a two-digit year)', () => {
  const rows = [['24年1月', '长塘村', '10', '1'], ['24年1月', '前江村', '8', '1'], ['24年1月', 'xt-yj', '7', '1'], ['2023-12', '长塘村', '9', '1']];
  const report = notepad(
    '---\ntitle: 一月通报\ndate: 2024-02-01\n---\n' +
      '一月共 {{ sum cleanup.garbage_t where month=2024-01 }} 吨，投入 {{ sum cleanup.spending_wan where month=2024-01 }} 万元。\n\n' +
      '长塘村 {{ sum cleanup.garbage_t where month=2024-01 village=长塘村 }} 吨，前江村 {{ sum cleanup.garbage_t where month=2024-01 village=前江村 }} 吨。\n\n' +
      '```chart\ndata: cleanup\ntype: bar\nx: village\ny: garbage_t\nwhere: month=2024-01\n```\n',
  );
  const { errors, lines } = check(fixture({ 'data/cleanup.csv': excelCsv(cleanup(rows)), 'content/reports/2024-01.md': report }), new Date('2024-02-15T04:00:00Z'));

  test('one line for the months, one line for the report that could not use them', () => {
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^data\/cleanup\.csv:3:1 type-error 「月份」.*"24年1月"（第 3–5 行同样的问题，共 3 处）$/);
    expect(errors[1]).toMatch(/^content\/reports\/2024-01\.md:\d+ expression-error 此报告中的 5 处图表或数字用不了 data\/cleanup\.csv 的数据/);
    expect(lines.join('\n')).not.toContain('可检查 where 条件');
  });
});

describe('a UTF-8 file with a few rows pasted from a GBK file', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
  const bytes = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const head = '洋江镇2023年村庄清洁行动统计表\r\n月份,村,清理垃圾(吨),投入资金(万元)\r\n2023-05,长塘村,10,1\r\n';

  test('names the rows and the column that are not UTF-8, and says what to do', () => {
    const file = bytes(utf8(head), gbk('2023-06,前江村,12,1\r\n2023-07,前江村,9,1\r\n'), utf8('2023-07,长塘村,11,1\r\n'));
    const { errors, project } = check(fixture({ 'data/cleanup.csv': file }));
    expect(errors).toEqual([
      expect.stringMatching(/^data\/cleanup\.csv:4:2 encoding-error 第 4、5 行不是 UTF-8 编码.*GBK.*"前江村".*另存为.*UTF-8.*GBK/),
    ]);
    expect(errors[0]).not.toContain('可能不是文本文件');
    // The rest of the file is still checked.
    expect(project.tables.cleanup!.rows).toHaveLength(4);
  });

  test('in a report, the line is named', () => {
    const md = bytes(utf8('---\r\ntitle: 六月通报\r\ndate: 2023-07-01\r\n---\r\n全镇清理垃圾。\r\n'), gbk('长塘村清理沟渠。\r\n'), utf8('前江村拆除私搭乱建。\r\n'));
    const { errors } = check(fixture({ 'content/reports/2023-06.md': md }));
    expect(errors).toEqual([expect.stringMatching(/^content\/reports\/2023-06\.md.* 第 6 行不是 UTF-8 编码/)]);
  });

  test('with a BOM as well', () => {
    const file = bytes(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8(head), gbk('2023-06,前江村,12,1\r\n'), utf8('2023-07,长塘村,11,1\r\n'));
    const { errors } = check(fixture({ 'data/cleanup.csv': file }));
    expect(errors).toEqual([expect.stringMatching(/^data\/cleanup\.csv:4:2 encoding-error 第 4 行不是 UTF-8 编码/)]);
  });
});

describe('the order of the report (contract §5)', () => {
  const at = (path: string, code: Issue['code'], row?: number, extra: Partial<Issue> = {}): Issue => ({
    path,
    ...(row !== undefined && { row, column: 2 }),
    code,
    message: `${path}:${row ?? ''}`,
    ...extra,
  });

  test('errors before warnings; data before content; by file; a file\'s structural problem first; the file a row follows from first', () => {
    const follower = at('data/cleanup.csv', 'foreign-key-error', 3, { follows: { path: 'data/villages.csv', row: 3 } });
    const cause = at('data/villages.csv', 'type-error', 3);
    const laterVillage = at('data/villages.csv', 'type-error', 9);
    const cleanupRow = at('data/cleanup.csv', 'type-error', 2);
    const cleanupHeader = at('data/cleanup.csv', 'missing-column', 1, { structural: true });
    const toiletsEncoding = at('data/toilets.csv', 'encoding-error');
    const content = at('content/reports/a.md', 'chart-error', 4);
    const warning = at('data/cleanup.csv', 'warning', 1);
    const shuffled = [warning, content, cleanupRow, toiletsEncoding, follower, laterVillage, cleanupHeader, cause];
    expect(arrangeIssues(shuffled)).toEqual([cause, follower, laterVillage, cleanupHeader, cleanupRow, toiletsEncoding, content, warning]);
  });
});

describe('issue 22 item 9: a free dataset whose title is merged across the whole first row', () => {
  const title = '洋江镇2023年污水处理设施统计表';
  const rows = [[title], ['乡镇', '设施数(座)', '处理能力(吨)'], ['洋江镇', 3, 120], ['河口镇', 2, 80]];

  test('is a title: one warning, no duplicate-header line, the table read', () => {
    const book = writeWorkbook([{ name: 'Sheet1', rows, merges: ['A1:XFD1'] }]);
    const { lines, project } = check(fixture({ 'data/污水处理.xlsx': book }));
    expect(lines.filter((l) => l.includes('污水处理'))).toEqual([`data/污水处理.xlsx[Sheet1]:1 warning 第 1 行 "${title}" 是表格标题，已跳过（表头在第 2 行）`]);
    expect(project.tables.free.find((d) => d.name === '污水处理')!.rows).toHaveLength(2);
  });

  test('a group label merged over four header cells is one duplicate-header line naming the columns and the count', () => {
    const book = writeWorkbook([{ name: 'Sheet1', rows: [['乡镇', '设施', null, null, null], ['洋江镇', 1, 2, 3, 4]], merges: ['B1:E1'] }]);
    const { errors } = check(fixture({ 'data/设施.xlsx': book }));
    expect(errors).toEqual([
      'data/设施.xlsx[Sheet1]:1:3 duplicate-header 列名 "设施" 与第 2 列 "设施" 重复；请删除或改名其中一列（单元格 C1）（第 3–5 列（C–E）同样的问题，共 3 处）',
    ]);
  });

  test('16,383 repeated header problems are one line', () => {
    const issues: Issue[] = Array.from({ length: 16_383 }, (_, i) => ({
      path: 'data/x.xlsx[Sheet1]',
      row: 1,
      column: i + 2,
      code: 'duplicate-header',
      message: `列名 "${title}" 与第 1 列 "${title}" 重复；请删除或改名其中一列`,
    }));
    expect(arrangeIssues(issues).map(formatIssue)).toEqual([
      `data/x.xlsx[Sheet1]:1:2 duplicate-header 列名 "${title}" 与第 1 列 "${title}" 重复；请删除或改名其中一列（第 2–16384 列（B–XFD）同样的问题，共 16383 处）`,
    ]);
  });
});
