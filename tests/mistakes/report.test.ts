// Issue 10, the report (contract §5): grouped by file, data before content, a file's structural
// problem first, runs of one problem collapsed, consequences in reports folded into one line.
import { describe, expect, test } from 'vitest';
import { arrangeIssues, formatIssue } from '../../src/data/report.ts';
import type { Issue } from '../../src/data/types.ts';
import { check, cleanup, excelCsv, fixture, notepad } from './excel.ts';

const report = (body: string, title = '六月通报') => notepad(`---\ntitle: ${title}\ndate: 2023-07-01\n---\n${body}`);

const chart = (y: string) => ['```chart', 'data: cleanup', 'type: bar', 'x: month', `y: ${y}`, '```'].join('\n');

describe('a cleanup file whose header cannot be found', () => {
  // Every header cell misspelt, under a title row, saved as GBK with CRLF.
  const misspelt = ['月分', '材', '清理拉圾(吨)', '投入资全(万元)'];
  const rows = [['2023-05', '长塘村', '10', '1'], ['2023-06', '前江村', '12', '2'], ['2023-06', '长塘村', '9', '1']];
  const root = fixture({
    'data/cleanup.csv': excelCsv(cleanup(rows, misspelt)),
    'content/reports/2023-06.md': report(
      `全镇清理垃圾 {{ sum cleanup.garbage_t }} 吨，投入 {{ sum cleanup.spending_wan }} 万元。\n\n${chart('garbage_t')}\n\n` +
        `六月 {{ sum cleanup.garbage_t where month=2023-06 }} 吨。\n`,
    ),
    'content/reports/2023-05.md': report(`五月 {{ count cleanup.garbage_t }} 条。\n\n${chart('清理垃圾')}\n`, '五月通报'),
  });
  const { lines, errors } = check(root);

  test('its structural line comes first', () => {
    expect(errors[0]).toMatch(/^data\/cleanup\.csv:2 missing-column 找不到表头：第 2 行（月分、材、清理拉圾\(吨\)、投入资全\(万元\)）中没有一个是本表的列名/);
    // The near matches are still named.
    expect(errors[0]).toContain('"月分" 是否应为「月份」?');
  });

  test('one line for the reports that use it, not one per figure or chart', () => {
    const content = errors.filter((l) => l.startsWith('content/'));
    expect(content).toHaveLength(1);
    expect(content[0]).toMatch(/^content\/reports\/2023-05\.md:\d+ (chart|expression)-error 2 篇报告中的 6 处图表或数字用不了 data\/cleanup\.csv 的数据/);
    expect(content[0]).toContain('content/reports/2023-05.md（第 ');
    expect(content[0]).toContain('content/reports/2023-06.md（第 ');
  });

  test('nothing else: two error lines in all', () => {
    expect(errors).toHaveLength(2);
    expect(lines.filter((l) => / warning /.test(l)).every((l) => !l.startsWith('content/'))).toBe(true);
  });
});

describe('the same bad value on ten rows of one column', () => {
  const rows = Array.from({ length: 10 }, (_, i) => [`2023-0${(i % 9) + 1}`, i < 9 ? '长塘村' : '前江村', '十吨', '1']);
  const root = fixture({ 'data/cleanup.csv': excelCsv(cleanup(rows)) });
  const { errors } = check(root);

  test('is one line at the first row, naming the rows and the count', () => {
    expect(errors).toEqual([
      'data/cleanup.csv:3:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"（第 3–12 行同样的问题，共 10 处）',
    ]);
  });
});

describe('arrangeIssues(issues)', () => {
  const at = (row: number, message = '「清理垃圾(吨)」应为数字，实际为 "十吨"', column = 3): Issue => ({
    path: 'data/cleanup.csv', row, column, code: 'type-error', message,
  });

  test('two consecutive rows keep their own lines; three or more are one', () => {
    const lines = arrangeIssues([at(3), at(4), at(7), at(8), at(9)]).map(formatIssue);
    expect(lines).toEqual([
      'data/cleanup.csv:3:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
      'data/cleanup.csv:4:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
      'data/cleanup.csv:7:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"（第 7–9 行同样的问题，共 3 处）',
    ]);
  });

  test('a run is broken by a different problem, not by a different value; another column runs on its own', () => {
    const value = '「清理垃圾(吨)」应为数字，实际为 "五吨"';
    const other = '「清理垃圾(吨)」应为整数，实际为 "1.5"';
    const lines = arrangeIssues([at(3), at(4), at(5, value), at(6, other), at(7), at(3, 'x', 4), at(4, 'x', 4), at(5, 'x', 4)]).map(formatIssue);
    expect(lines).toEqual([
      'data/cleanup.csv:3:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"（第 3–5 行同样的问题，共 3 处）',
      'data/cleanup.csv:3:4 type-error x（第 3–5 行同样的问题，共 3 处）',
      `data/cleanup.csv:6:3 type-error ${other}`,
      'data/cleanup.csv:7:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
    ]);
  });

  test('data files before content, whatever the names; a whole-file problem first in its file', () => {
    const content: Issue = { path: 'content/reports/a.md', row: 3, code: 'chart-error', message: 'c' };
    const header: Issue = { path: 'data/toilets.csv', row: 2, code: 'missing-column', message: 'h' };
    const encoding: Issue = { path: 'data/villages.csv', code: 'encoding-error', message: 'e' };
    const row: Issue = { path: 'data/toilets.csv', row: 1, column: 1, code: 'warning', message: 'w' };
    const early: Issue = { path: 'data/toilets.csv', row: 1, column: 2, code: 'type-error', message: 't' };
    expect(arrangeIssues([content, row, early, header, encoding])).toEqual([header, early, encoding, content, row]);
  });
});

describe("the README's example report", () => {
  test('is the real output of the check for tests/fixtures/report-three', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { projectRoot } = await import('./excel.ts');
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const { report } = check(path.join(projectRoot, 'tests/fixtures/report-three'));
    expect(report.split('\n')).toHaveLength(4);
    expect(readme).toContain('```\n' + report + '\n```');
  });
});

describe('consequences of an unreadable villages.csv', () => {
  test('figures and charts over cleanup are one line naming villages.csv', () => {
    const root = fixture({
      // Saved as "Unicode 文本" would be fine; this one lost its header: every cell misspelt.
      'data/villages.csv': excelCsv([['编码', '村明', '相镇', '户树', '人囗'], ['v1', '长塘村', '洋江镇', '512', '1800']]),
      'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10', '1']])),
      'content/reports/2023-06.md': report(`长塘村 {{ sum cleanup.garbage_t where village=长塘村 }} 吨，全镇 {{ sum cleanup.garbage_t where township=洋江镇 }} 吨。\n\n${chart('garbage_t')}\n`),
    });
    const { errors } = check(root);
    const content = errors.filter((l) => l.startsWith('content/'));
    expect(content).toHaveLength(1);
    expect(content[0]).toMatch(/^content\/reports\/2023-06\.md:5 (chart|expression)-error 此报告中的 3 处图表或数字用不了 data\/villages\.csv 的数据/);
    expect(errors[0]).toMatch(/^data\/cleanup\.csv .*data\/villages\.csv/);
    expect(errors.findIndex((l) => l.startsWith('data/villages.csv'))).toBeLessThan(errors.indexOf(content[0]!));
  });
});

describe("a village name that villages.csv holds with Excel's ?", () => {
  test('fifteen rows referring to it (interleaved with other villages) are one line pointing at villages.csv', () => {
    const register = [['编号', '村名', '乡镇', '户数', '人口'], ['v1', '长塘村', '洋江镇', '512', '1800'], ['v9', '㙟坪村', '洋江镇', '200', '700']];
    const rows = Array.from({ length: 15 }, (_, i) => [
      [`2022-${String((i % 12) + 1).padStart(2, '0')}`.replace('2022', i < 12 ? '2022' : '2023'), '长塘村', '5', '1'],
      [`2022-${String((i % 12) + 1).padStart(2, '0')}`.replace('2022', i < 12 ? '2022' : '2023'), '㙟坪村', '3', '1'],
    ]).flat();
    const root = fixture({
      'data/villages.csv': excelCsv(register, 'gbk'),
      'data/cleanup.csv': excelCsv(cleanup(rows), 'utf8-bom'),
    });
    const { errors } = check(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/cleanup\.csv:4:2 foreign-key-error .*"\?坪村"（编号 v9）可能就是它.*（本文件共 15 行因此未载入）$/);
  });
});

describe('preset charts over an unreadable file', () => {
  test('their "暂无数据" warnings fold into one line per file', () => {
    const root = fixture({
      'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10', '1']], ['月分', '材', '清理拉圾(吨)', '投入资全(万元)'])),
      'content/reports/a.md': report('```chart\npreset: cleanup-monthly\n```\n\n```chart\npreset: cleanup-by-village\nvillage: 长塘村\n```\n\n共 {{ sum cleanup.garbage_t }} 吨。\n'),
    });
    const { lines } = check(root);
    const content = lines.filter((l) => l.startsWith('content/'));
    expect(content).toEqual([expect.stringMatching(/^content\/reports\/a\.md:14 expression-error 此报告中的 3 处图表或数字用不了 data\/cleanup\.csv 的数据.*（第 5、9、14 行）$/)]);
  });
});

describe('title, 填报单位 and 单位 rows above the header (the issue\'s 91 lines)', () => {
  test('never buries the cause: data lines first, at most one line for the reports, no line per row', () => {
    // 72 distinct (month, village) rows: 36 months of two villages.
    const month = (i: number) => `${2021 + Math.floor(i / 24)}-${String((Math.floor(i / 2) % 12) + 1).padStart(2, '0')}`;
    const rows = Array.from({ length: 72 }, (_, i) => ['洋江镇', i % 2 ? '长塘村' : '前江村', month(i), String(i + 1), '1']);
    const root = fixture({
      'data/cleanup.csv': excelCsv([
        ['洋江镇2023年村庄清洁行动统计表'],
        ['填报单位：洋江镇人居办', '', '', '填报日期：2023-07-05'],
        ['单位：吨'],
        ['乡镇', '村', '月份', '清理垃圾', '投入资金(万元)'],
        ...rows,
      ]),
      'content/reports/a.md': report(
        Array.from({ length: 15 }, (_, i) => `第 ${i + 1} 项 {{ sum cleanup.garbage_t where month=2023-0${(i % 6) + 1} }} 吨。`).join('\n\n') + '\n',
      ),
    });
    const { errors } = check(root);
    const content = errors.filter((l) => l.startsWith('content/'));
    expect(content.length).toBeLessThanOrEqual(1);
    expect(errors.filter((l) => / extra-cell /.test(l))).toEqual([]);
    expect(errors.join('\n')).not.toContain('garbage_t');
    const firstContent = errors.findIndex((l) => l.startsWith('content/'));
    if (firstContent !== -1) expect(errors.slice(firstContent).every((l) => l.startsWith('content/'))).toBe(true);
    expect(errors.length).toBeLessThanOrEqual(3);
  });
});

describe('runs in a workbook', () => {
  test('rows whose messages differ only in their cell name (C3, C4, C5) are one run', () => {
    const path = 'data/台账.xlsx[村庄清洁]';
    const issues: Issue[] = [3, 4, 5].map((row) => ({
      path,
      row,
      column: 3,
      code: 'type-error',
      message: `「清理垃圾(吨)」应为数字，实际为 "十吨"（单元格 C${row}）`,
    }));
    expect(arrangeIssues(issues).map(formatIssue)).toEqual([
      `${path}:3:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"（单元格 C3）（第 3–5 行同样的问题，共 3 处）`,
    ]);
  });
});
