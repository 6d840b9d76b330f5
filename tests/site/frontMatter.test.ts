import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/texts/frontMatter.ts';

const file = 'content/reports/x.md';

describe('parseFrontMatter(text, file)', () => {
  test('reads YAML between --- lines, with the line of each key and of the body', () => {
    const fm = parseFrontMatter('---\ntitle: 标题\ndate: 2023-07-01\ndraft: false\n---\n\n## 正文\n', file);
    expect(fm.issues).toEqual([]);
    expect(fm.data).toEqual({ title: '标题', date: '2023-07-01', draft: false });
    expect([...fm.lines]).toEqual([
      ['title', 2],
      ['date', 3],
      ['draft', 4],
    ]);
    expect(fm.lineOffset).toBe(5);
    expect(fm.body).toBe('\n## 正文\n');
  });
  test('a BOM and CRLF line ends are fine', () => {
    const fm = parseFrontMatter('\uFEFF---\r\ntitle: 标题\r\n---\r\n正文', file);
    expect(fm.data).toEqual({ title: '标题' });
    expect(fm.lineOffset).toBe(3);
    expect(fm.body).toBe('正文');
  });
  test('a file without front matter is all body', () => {
    const fm = parseFrontMatter('# 标题\n', file);
    expect(fm).toMatchObject({ data: {}, body: '# 标题\n', lineOffset: 0, issues: [] });
  });
  test('a missing closing --- is an error at line 1', () => {
    expect(parseFrontMatter('---\ntitle: 标题\n\n正文\n', file).issues).toEqual([
      { path: file, row: 1, code: 'frontmatter-error', message: '文件开头的设置（front matter）缺少结尾的 --- 行' },
    ]);
  });
  test('YAML errors carry the file line', () => {
    const issues = parseFrontMatter('---\ntitle: 标题\ndate: 2023-07-01\ntitle: 又一个\n---\n', file).issues;
    expect(issues).toEqual([{ path: file, row: 4, code: 'frontmatter-error', message: '设置项 "title" 重复：同一个键只能写一次，请删除多余的一行' }]);
    const bad = parseFrontMatter('---\ntitle: 标题\nsummary: [未闭合\n---\n', file).issues;
    expect(bad[0]).toMatchObject({ row: 3, code: 'frontmatter-error' });
  });
  test('a full-width colon is named', () => {
    const issues = parseFrontMatter('---\ntitle：标题\n---\n', file).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, code: 'frontmatter-error' });
    expect(issues[0]!.message).toContain('中文冒号');
  });
});
