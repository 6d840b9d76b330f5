// `url` in site.md whose path disagrees with `--base` is a warning (issue 9: the sitemap listed
// wrong addresses while canonical links, RSS and QR codes were right, and nothing said so).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { baseWarnings, checkIssues } from '../../src/build/validate.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function project(url: string, base = '/') {
  const root = mkdtempSync(path.join(tmpdir(), 'base-warning-'));
  roots.push(root);
  mkdirSync(path.join(root, 'data'));
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'data/villages.csv'), '编号,村名,乡镇,户数,人口\na,甲村,东乡,100,400\n');
  writeFileSync(path.join(root, 'content/site.md'), `---\ntitle: 测试\nurl: ${url}\n---\n`);
  return loadProject(root, { base });
}

test('a url with a path and a build without --base: a warning that names both and the fix', () => {
  const warnings = baseWarnings(project('https://x.gov.cn/rjhj/'), '/');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatchObject({ path: 'content/site.md', code: 'warning' });
  expect(warnings[0]!.message).toContain('/rjhj/');
  expect(warnings[0]!.message).toContain('--base /rjhj/');
});

test('agreeing url and base, with or without the trailing slash: no warning', () => {
  expect(baseWarnings(project('https://x.gov.cn/rjhj/', '/rjhj/'), '/rjhj/')).toEqual([]);
  expect(baseWarnings(project('https://x.gov.cn/rjhj', '/rjhj/'), '/rjhj')).toEqual([]);
  expect(baseWarnings(project('https://x.gov.cn/'), '/')).toEqual([]);
  expect(baseWarnings(project('https://x.gov.cn'), '/')).toEqual([]);
});

test('a build under /town/ with a url at the root warns too; it is never an error', () => {
  const p = project('https://x.gov.cn/', '/town/');
  const checked = checkIssues(p, '/town/');
  expect(checked.hasErrors).toBe(false);
  expect(checked.issues.filter((i) => i.message.includes('--base'))).toHaveLength(1);
});
