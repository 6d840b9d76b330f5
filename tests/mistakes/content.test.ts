// Issue 10, content files: reports saved by Notepad, figures typed with a Chinese input method,
// front matter that is not valid YAML.
import { describe, expect, test } from 'vitest';
import { check, cleanup, excelCsv, fixture, notepad } from './excel.ts';

const data = {
  'data/cleanup.csv': excelCsv(cleanup([['2023-05', '长塘村', '10.5', '1'], ['2023-06', '前江村', '12', '2']])),
};

describe('a report saved by Notepad as 通报.md.txt', () => {
  const root = fixture({
    ...data,
    'content/reports/通报.md.txt': notepad('---\ntitle: 六月通报\ndate: 2023-07-01\n---\n正文\n'),
    'content/reports/汇报.markdown.txt': notepad('---\ntitle: 汇报\ndate: 2023-07-02\n---\n正文\n'),
  });
  const { project, errors } = check(root);

  test('is an error asking to rename it', () => {
    expect(errors).toEqual([
      expect.stringMatching(/^content\/reports\/汇报\.markdown\.txt frontmatter-error 文件名 "汇报\.markdown\.txt" 以 \.txt 结尾.*请改名为 "汇报\.md"/),
      expect.stringMatching(/^content\/reports\/通报\.md\.txt frontmatter-error 文件名 "通报\.md\.txt" 以 \.txt 结尾.*请改名为 "通报\.md"/),
    ]);
    expect(project.reports).toEqual([]);
  });
});

describe('figures typed with full-width braces', () => {
  test('｛｛ sum … ｝｝ is a figure like {{ }}', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: 六月通报\ndate: 2023-07-01\n---\n共清理垃圾 ｛｛ sum cleanup.garbage_t ｝｝ 吨，{{ count cleanup.garbage_t }} 条。\n'),
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([]);
    const html = project.reports[0]!.html;
    expect(html).toContain('<span class="figure">22.5</span> 吨');
    expect(html).not.toContain('｛｛');
  });

  test('one brace of each kind (the input method switched half-way) is a figure too', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: 六月通报\ndate: 2023-07-01\n---\n共 {{ sum cleanup.garbage_t ｝｝ 吨，｛{ count cleanup.garbage_t }} 条。\n'),
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([]);
    expect(project.reports[0]!.html).toContain('共 <span class="figure">22.5</span> 吨，<span class="figure">2</span> 条');
  });

  test('a wrong full-width figure is an expression-error at its line', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: 六月通报\ndate: 2023-07-01\n---\n\n共 ｛｛ sum cleanup.garbage ｝｝ 吨；又 ｛｛ sum cleanup.garbage_t\n'),
    });
    expect(check(root).errors).toEqual([
      expect.stringMatching(/^content\/reports\/2023-06\.md:6 expression-error \{\{ sum cleanup\.garbage \}\}：列 "garbage" 不存在/),
      'content/reports/2023-06.md:6 expression-error "｛｛ sum cleanup.garbage_t" 缺少结尾的 ｝｝',
    ]);
  });

  test('inside a code span it stays text', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: 六月通报\ndate: 2023-07-01\n---\n写法：`｛｛ sum cleanup.garbage_t ｝｝`\n'),
    });
    const { project, errors } = check(root);
    expect(errors).toEqual([]);
    expect(project.reports[0]!.html).toContain('<code>｛｛ sum cleanup.garbage_t ｝｝</code>');
  });
});

describe('front matter that is not valid YAML', () => {
  test('a title with a colon: one Chinese error at its line, with the fix, and no false "missing" lines', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: 六月通报: 长塘村第一\ndate: 2023-07-01\n---\n正文\n'),
    });
    expect(check(root).errors).toEqual([
      'content/reports/2023-06.md:2 frontmatter-error title 的值 "六月通报: 长塘村第一" 中含有冒号 ":"，须给整个值加上引号：title: "六月通报: 长塘村第一"',
    ]);
  });

  test('an unclosed quote is reported at its own line', () => {
    const root = fixture({
      ...data,
      'content/reports/2023-06.md': notepad('---\ntitle: "六月通报\ndate: 2023-07-01\n---\n正文\n'),
    });
    const errors = check(root).errors;
    expect(errors).toEqual([expect.stringMatching(/^content\/reports\/2023-06\.md:2 frontmatter-error title 的值 .* 的引号没有成对/)]);
    expect(errors.join('\n')).not.toMatch(/缺少必填|Missing|quote/);
  });

  test('content/site.md too: no false "缺少必填的设置 title"', () => {
    const root = fixture({ ...data, 'content/site.md': '---\ntitle: 洋江镇: 人居环境\n---\n' });
    expect(check(root).errors).toEqual([
      'content/site.md:2 frontmatter-error title 的值 "洋江镇: 人居环境" 中含有冒号 ":"，须给整个值加上引号：title: "洋江镇: 人居环境"',
    ]);
  });
});
