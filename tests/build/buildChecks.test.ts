// Checks the build relies on are part of `npm run check` (src/build/validate.ts buildChecks):
// free dataset names that cannot be a download address or a file on Windows are errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

test('free dataset names with ? # % or a Windows reserved name are errors naming the file', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'build-checks-'));
  roots.push(root);
  mkdirSync(path.join(root, 'data'));
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content/site.md'), '---\ntitle: 测试\n---\n');
  writeFileSync(path.join(root, 'data/villages.csv'), '编号,村名,乡镇,户数,人口\na,甲村,东乡,100,400\n');
  for (const name of ['a#b', 'rate%', 'CON', 'aux.2023', '村 级 数据', '道路']) writeFileSync(path.join(root, `data/${name}.csv`), '项目,数量\n路灯,3\n');
  const { issues, hasErrors } = checkIssues(loadProject(root));
  expect(hasErrors).toBe(true);
  const errors = issues.filter((i) => i.code === 'constraint-error').map((i) => i.path).sort();
  expect(errors).toEqual(['data/CON.csv', 'data/a#b.csv', 'data/aux.2023.csv', 'data/rate%.csv']);
});
