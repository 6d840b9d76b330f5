// Report file names that cannot be published (issue 9) are errors naming the file: case-only
// duplicates (one file on Windows, macOS and IIS), Windows reserved names, names over 200
// characters (the build crashed with ENAMETOOLONG) and hidden files (which vanished silently).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkReportNames, loadReports } from '../../src/texts/reports.ts';
import { stubPreset, tables } from '../markdown/context.ts';

const opts = { base: '/', dev: false, includeDrafts: false, presetChart: stubPreset };
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function site(names: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'report-names-'));
  roots.push(root);
  mkdirSync(path.join(root, 'content/reports'), { recursive: true });
  for (const name of names) {
    writeFileSync(path.join(root, 'content/reports', name), `---\ntitle: 标题\ndate: 2023-07-01\n---\n正文\n`);
  }
  return root;
}

function errors(names: string[]) {
  const { reports, issues } = loadReports(site(names), tables, opts);
  return { slugs: reports.map((r) => r.slug).sort(), lines: issues.map((i) => `${i.path} ${i.code} ${i.message}`) };
}

test('names differing only in case: the second is an error naming both', () => {
  const { slugs, lines } = errors(['Notice.md', 'notice.md', 'other.md']);
  expect(slugs).toEqual(['Notice', 'other']);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^content\/reports\/notice\.md frontmatter-error .*"notice\.md".*"Notice\.md".*只差大小写/);
});

test('Windows reserved names, any case, any extension', () => {
  const bad = ['CON.md', 'aux.md', 'Nul.md', 'prn.2023.md', 'COM1.md', 'lpt9.md', 'com3.notes.md'];
  const { slugs, lines } = errors([...bad, 'console.md', 'com10.md', 'auxiliary.md']);
  expect(slugs).toEqual(['com10', 'console', 'auxiliary'].sort());
  for (const name of bad) expect(lines.some((l) => l.startsWith(`content/reports/${name} frontmatter-error`) && l.includes('Windows'))).toBe(true);
  expect(lines).toHaveLength(bad.length);
});

test('a name over 200 characters is an error; 200 is fine', () => {
  const long = `${'a'.repeat(245)}.md`;
  const ok = `${'b'.repeat(200)}.md`;
  const { slugs, lines } = errors([long, ok]);
  expect(slugs).toEqual(['b'.repeat(200)]);
  expect(lines).toEqual([`content/reports/${long} frontmatter-error 文件名过长：去掉 .md 后有 245 个字符，最多 200 个；请改短`]);
});

test('a name starting with . is an error, not silently dropped', () => {
  const { slugs, lines } = errors(['.hidden.md', 'shown.md']);
  expect(slugs).toEqual(['shown']);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^content\/reports\/\.hidden\.md frontmatter-error 文件名 "\.hidden\.md" 以 \. 开头/);
});

test('checkReportNames keeps ordinary and Chinese names', () => {
  expect(checkReportNames(['2023年上半年工作汇报.md', 'a_b-c.md', 'README.MD'])).toEqual({ ok: ['2023年上半年工作汇报.md', 'a_b-c.md', 'README.MD'], issues: [] });
});
