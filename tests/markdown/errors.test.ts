// Every content error names the file and the line of the offending block line or figure,
// counted from the first line of the file (front matter included: ctx.lineOffset).
import { describe, expect, test } from 'vitest';
import { render, stubPreset } from './context.ts';

/** The 1-based line of the first line containing `marker` in the file (front matter + body). */
function lineOf(file: string, marker: string): number {
  const i = file.split('\n').findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`marker not found: ${marker}`);
  return i + 1;
}

const frontMatter = '---\ntitle: 测试\ndate: 2023-07-01\n---\n';
const offset = 4;

function issuesOf(body: string) {
  const { issues } = render(body, { lineOffset: offset, file: 'content/reports/测试.md' });
  return issues;
}

function expectIssue(body: string, marker: string, code: string, message: string | RegExp) {
  const issues = issuesOf(body).filter((i) => i.code !== 'warning');
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatchObject({ path: 'content/reports/测试.md', row: lineOf(frontMatter + body, marker), code });
  expect(issues[0]!.message).toMatch(message);
}

const block = (...lines: string[]) => ['```chart', ...lines, '```'].join('\n');

describe('renderMarkdown(source, ctx) chart-errors', () => {
  test('unknown dataset', () => {
    const body = `# 标题\n\n段落\n\n${block('data: cleanups', 'type: bar', 'x: month', 'y: garbage_t')}\n`;
    expectIssue(body, 'data: cleanups', 'chart-error', /^数据集 "cleanups" 不存在（已有：cleanup、/);
  });
  test('data given as a path', () => {
    for (const data of ['data/cleanup.csv', 'cleanup.csv', '..\\data\\cleanup']) {
      const body = `\n${block('type: bar', `data: ${data}`, 'x: month', 'y: garbage_t')}\n`;
      expectIssue(body, `data: ${data}`, 'chart-error', /不能写文件路径/);
    }
  });
  test('unknown column, with the near match', () => {
    const body = `${block('data: cleanup', 'type: bar', 'x: month', 'y: garbage')}\n`;
    expectIssue(body, 'y: garbage', 'chart-error', '列 "garbage" 不存在，是否应为「清理垃圾(吨)」?');
  });
  test('unknown village in where', () => {
    const body = `${block('data: cleanup', 'type: bar', 'x: month', 'y: garbage_t', 'where: township=洋江镇', 'where: village=石堂村')}\n`;
    expectIssue(body, 'where: village=石堂村', 'chart-error', /"石堂村" 不是村庄名录/);
  });
  test('unknown type', () => {
    const body = `${block('data: cleanup', 'type: pie', 'x: month', 'y: garbage_t')}\n`;
    expectIssue(body, 'type: pie', 'chart-error', /图表类型 "pie" 不支持/);
  });
  test('missing data/type/x/y is reported at the opening fence', () => {
    const body = `前言\n\n${block('data: cleanup', 'y: garbage_t')}\n`;
    expectIssue(body, '```chart', 'chart-error', /缺少必填项 type、x/);
  });
  test('malformed block line', () => {
    const body = `${block('data: cleanup', 'type: bar', 'x month', 'y: garbage_t')}\n`;
    const issues = issuesOf(body);
    expect(issues.map((i) => [i.row, i.message.slice(0, 9)])).toEqual([
      [lineOf(frontMatter + body, '```chart'), '图表缺少必填项 x'],
      [lineOf(frontMatter + body, 'x month'), '无法识别的一行 "'],
    ]);
  });
  test('unknown key, with the near match', () => {
    const body = `${block('data: cleanup', 'type: bar', 'x: month', 'y: garbage_t', 'colour: village')}\n`;
    expectIssue(body, 'colour: village', 'chart-error', '未知的图表设置 "colour"，是否应为「color」?');
  });
  test('unknown preset', () => {
    const body = `${block('preset: cleanup-month')}\n`;
    expectIssue(body, 'preset: cleanup-month', 'chart-error', /预设图表 "cleanup-month" 不存在，是否应为「cleanup-monthly」/);
  });
  test('unknown village of a preset', () => {
    const body = `${block('preset: cleanup-monthly', 'village: 石堂村')}\n`;
    expectIssue(body, 'village: 石堂村', 'chart-error', /"石堂村" 不是村庄名录/);
  });
  test('unknown township of a preset', () => {
    const body = `${block('preset: cleanup-monthly', 'township: 洋江')}\n`;
    expectIssue(body, 'township: 洋江', 'chart-error', /是否应为「洋江镇」/);
  });
  test('a preset provider error is reported at the preset line', () => {
    const body = `${block('preset: public-toilets')}\n`;
    expectIssue(body, 'preset: public-toilets', 'chart-error', '暂无公厕数据');
  });
  test('ad-hoc keys with a preset', () => {
    const body = `${block('preset: cleanup-monthly', 'x: month')}\n`;
    expectIssue(body, 'x: month', 'chart-error', /使用 preset 时不能再写 x/);
  });
  test('a chart with no matching rows is a warning, not an error', () => {
    const body = `${block('data: cleanup', 'type: bar', 'x: month', 'y: garbage_t', 'where: month=2024-01')}\n`;
    expect(issuesOf(body).map((i) => i.code)).toEqual(['warning']);
  });
});

describe('renderMarkdown(source, ctx) expression-errors', () => {
  const cases: [string, RegExp | string][] = [
    ['{{ sum cleanups.garbage_t }}', /^\{\{ sum cleanups.garbage_t \}\}：数据集 "cleanups" 不存在/],
    ['{{ sum cleanup.garbage }}', '{{ sum cleanup.garbage }}：列 "garbage" 不存在，是否应为「清理垃圾(吨)」?'],
    ['{{ sum cleanup.garbage_t where village=石堂村 }}', /"石堂村" 不是村庄名录/],
    ['{{ total cleanup.garbage_t }}', /未知的统计方式 "total"/],
    ['{{ sum cleanup.garbage_t', /缺少结尾的 }}/],
    ['{{ }}', /没有内容/],
  ];
  for (const [figure, message] of cases) {
    test(figure, () => {
      const body = `# 标题\n\n第一行\n第二行有数字 ${figure} 吨\n`;
      expectIssue(body, '第二行', 'expression-error', message);
    });
  }
  test('figures in lists, quotes and table cells count their own line', () => {
    const body = ['- 一', '- 二 {{ sum x.a }}', '', '> 引用', '> {{ sum x.b }}', '', '| a | b |', '| - | - |', '| 1 | 2 |', '| 3 | {{ sum x.c }} |'].join('\n');
    const rows = issuesOf(body).map((i) => i.row);
    expect(rows).toEqual([lineOf(frontMatter + body, 'x.a'), lineOf(frontMatter + body, 'x.b'), lineOf(frontMatter + body, 'x.c')]);
  });
});

test('a chart that cannot be drawn is a chart-error at its fence, found without drawing it', () => {
  const body = `# 标题\n\n${block('preset: cleanup-monthly')}\n`;
  const broken: typeof stubPreset = (name, scope) => {
    const spec = stubPreset(name, scope);
    return 'error' in spec ? spec : { ...spec, rows: [{ month: '2023-13', value: 1 }] };
  };
  const r = render(body, { lineOffset: offset, file: 'content/reports/测试.md', presetChart: broken });
  expect(r.issues).toEqual([{
    path: 'content/reports/测试.md',
    row: lineOf(frontMatter + body, '```chart'),
    code: 'chart-error',
    message: '图表无法绘制（invalid month: 2023-13 (chart report-test-1, field month)）；请把此文件发给网站维护人员',
  }]);
  expect(r.charts).toEqual([]);
});
