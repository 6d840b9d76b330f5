// Whatever `npm run check` accepts, `npm run build` builds (contract §2; issue 9: `yj_test` and
// `YjTest` passed check, then the build stopped with "invalid chart id"). Village ids and names
// generated from the contract's grammar (§3.1: id `[A-Za-z0-9_-]{1,40}`, unique ignoring case; name
// any text, unique within its township) pass check, and every chart the build draws for them
// renders with a valid, unique id.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { chartIdSources, villageCharts } from '../../src/views/topics.ts';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';
import { renderChart } from '../../src/charts/render.ts';
import { CHART_ID } from '../../src/charts/rows.ts';
import { villageChartKey } from '../../src/presets/presets.ts';
import { formatIssue } from '../../src/data/report.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** RFC 4180 quoting for the generated files. */
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

// Standing alone, `-` (and a run of dashes, src/data) means "not reported" (contract §3.0, empty
// cells), so it is no id.
const villageId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).filter((id) => !/^-+$/.test(id));
// A name: a Chinese character first (so it never reads as an id, a total row or an empty marker),
// then any mix of Chinese, Latin, digits and the characters that CSV and formulas care about.
const nameTail = fc.array(fc.constantFrom('村', '塘', '江', 'A', 'z', '7', '_', '-', '=', '+', '@', '(', ')', '·', ' ', ',', '"', '\''), { maxLength: 30 });
const villageName = fc.tuple(fc.constantFrom('长', '前', '新', '石'), nameTail).map(([h, t]) => `${h}${t.join('')}`.trim());
const key = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const villagesArb = fc
  .uniqueArray(villageId, { minLength: 1, maxLength: 4, selector: (id) => id.toLowerCase() })
  .chain((ids) =>
    fc.uniqueArray(villageName, { minLength: ids.length, maxLength: ids.length, selector: key }).map((names) => ids.map((id, i) => ({ id, name: names[i]! }))),
  );

function writeSite(villages: { id: string; name: string }[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'chart-ids-'));
  roots.push(root);
  mkdirSync(path.join(root, 'data'));
  mkdirSync(path.join(root, 'content'));
  writeFileSync(path.join(root, 'content/site.md'), '---\ntitle: 测试站\nurl: https://example.gov.cn/\n---\n');
  const lines = (rows: string[]) => rows.join('\n') + '\n';
  writeFileSync(path.join(root, 'data/villages.csv'), lines(['编号,村名,乡镇,户数,人口', ...villages.map((v) => `${q(v.id)},${q(v.name)},洋江镇,100,400`)]));
  writeFileSync(path.join(root, 'data/cleanup.csv'), lines(['月份,村,清理垃圾(吨)', ...villages.map((v, i) => `2024-0${(i % 9) + 1},${q(v.id)},${i + 1}`)]));
  writeFileSync(path.join(root, 'data/toilets.csv'), lines(['月份,村,无害化卫生户厕(户)', ...villages.map((v) => `2024-01,${q(v.id)},50`)]));
  return root;
}

test('villageChartKey keeps ids apart that check keeps apart', () => {
  expect(villageChartKey('yj_test')).toBe('yj_test');
  expect(villageChartKey('YjTest')).toBe('yjtest');
  expect(villageChartKey('yj-test')).toBe('yj-test');
});

test('ids and names from the contract grammar pass check and render every village chart', () => {
  fc.assert(
    fc.property(villagesArb, (villages) => {
      const project = loadProject(writeSite(villages));
      const checked = checkIssues(project);
      expect(checked.issues.filter((i) => i.code !== 'warning').map(formatIssue)).toEqual([]);
      const ids = new Set<string>();
      for (const v of villages) {
        for (const spec of villageCharts(project, v.id)) {
          const chart = renderChart(spec); // what each village page draws in the build
          expect(chart.spec.id).toMatch(CHART_ID);
          expect(ids.has(chart.spec.id)).toBe(false);
          ids.add(chart.spec.id);
        }
      }
      expect(chartIdSources(project).every((s) => CHART_ID.test(s.id))).toBe(true);
    }),
    { numRuns: 25 },
  );
}, 120_000);
