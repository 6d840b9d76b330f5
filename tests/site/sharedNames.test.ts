// One label per village everywhere a reader sees it (issue 13): on a site where 东乡 and 西乡 both
// have a 甲村, every chart, chart block, summary, table, KPI and chart download says 甲村（东乡）
// or 甲村（西乡）, never 东乡甲村 nor a bare 甲村 (the village page's own heading and the village
// finder name the page's village, with its township beside it). And a village page states one
// change of coverage: the KPI and the chart summaries compare the percents as shown.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectTempDir } from '../e2e/support/build.ts';
import { buildSite, projectRoot, textOf, type Built } from './buildSite.ts';

const REPORT = `---
title: 两个甲村
date: 2024-06-30
---
各村得分：

\`\`\`chart
data: inspections
type: bar
x: village
y: score
\`\`\`

各村户厕覆盖率：

\`\`\`chart
data: toilets
type: dot
x: village
y: coverage
where: month=2024-06
\`\`\`

\`\`\`chart
data: toilets
type: table
x: village
y: sanitary
\`\`\`

\`\`\`chart
preset: cleanup-by-village
\`\`\`

\`\`\`chart
preset: inspection-ranking
\`\`\`
`;

/** The fragments of a page a reader reads as figures: charts (with their summaries), tables, KPIs. */
function figureParts(html: string): string[] {
  return [
    ...html.matchAll(/<figure[\s\S]*?<\/figure>/g),
    ...html.matchAll(/<table[\s\S]*?<\/table>/g),
    ...html.matchAll(/<ul class="kpis"[\s\S]*?<\/ul>/g),
  ].map((m) => m[0]);
}

/** Every 甲村 not followed by its township in brackets. */
const bare = (text: string) => [...text.matchAll(/甲村(?!（[东西]乡）)/g)].length;

describe('a name shared by two townships is labelled one way (copy of tests/fixtures/site-multi)', () => {
  let built: Built;
  let siteDir: string;
  beforeAll(() => {
    siteDir = projectTempDir('shared-names-');
    cpSync(path.join(projectRoot, 'tests/fixtures/site-multi'), siteDir, { recursive: true });
    // x-jia with 10,000 households: 83.64% → 85.26% is 1.7 points as shown (83.6 → 85.3) but 1.62 unrounded.
    writeFileSync(path.join(siteDir, 'data/villages.csv'), '编号,村名,乡镇,户数,人口\nd-jia,甲村,东乡,100,400\nd-yi,乙村,东乡,100,400\nx-jia,甲村,西乡,10000,30000\nx-bing,丙村,西乡,50,200\n');
    writeFileSync(path.join(siteDir, 'data/toilets.csv'), '月份,村,无害化卫生户厕(户),公厕(座)\n2024-05,d-jia,60,1\n2024-05,乙村,80,2\n2024-05,x-jia,8364,3\n2024-05,丙村,50,1\n2024-06,d-jia,61,1\n2024-06,乙村,80,2\n2024-06,x-jia,8526,3\n2024-06,丙村,50,1\n');
    writeFileSync(path.join(siteDir, 'data/cleanup.csv'), '月份,村,清理垃圾(吨)\n2024-05,d-jia,10\n2024-05,x-jia,20\n2024-06,d-jia,12.5\n2024-06,x-jia,7\n2024-06,丙村,3\n');
    mkdirSync(path.join(siteDir, 'content/reports'), { recursive: true });
    writeFileSync(path.join(siteDir, 'content/reports/shared.md'), REPORT);
    built = buildSite(siteDir);
  });

  test('builds without errors', () => {
    expect(built.code, built.output).toBe(0);
  });

  test('no page nor chart download writes the township before the name', () => {
    const files = [...built.htmlFiles(), ...readdirSync(path.join(built.outDir, 'data/charts')).map((f) => `data/charts/${f}`)];
    expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(5);
    for (const file of files) expect(built.read(file), file).not.toMatch(/[东西]乡甲村/);
  });

  test('every chart, summary, table and KPI of every page labels 甲村 with its township', () => {
    let labelled = 0;
    for (const file of built.htmlFiles()) {
      for (const part of figureParts(built.read(file))) {
        expect(bare(part), `${file}: ${textOf(part).slice(0, 300)}`).toBe(0);
        labelled += [...part.matchAll(/甲村（[东西]乡）/g)].length;
      }
    }
    expect(labelled).toBeGreaterThan(20);
  });

  test('the report shows both labels in its charts, their summaries and its table', () => {
    const html = built.read('reports/shared/index.html');
    for (const part of figureParts(html)) expect(bare(part)).toBe(0);
    const text = textOf(html);
    expect(text).toContain('甲村（东乡）');
    expect(text).toContain('甲村（西乡）');
    // the chart summary (said once, in the figure's caption: no inline <desc> since issue 12)
    expect(html).toMatch(/class="chart-summary">[^<]*甲村（[东西]乡）/);
  });

  test('every chart download labels 甲村 with its township', () => {
    const dir = path.join(built.outDir, 'data/charts');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      const csv = readFileSync(path.join(dir, f), 'utf8');
      expect(bare(csv), `${f}\n${csv}`).toBe(0);
    }
  });

  test("a village page gives one change of coverage (the KPI and the charts' summaries agree)", () => {
    const text = page('villages/x-jia/index.html');
    const changes = new Set([...text.matchAll(/(?:提高|下降) ([\d.]+) 个百分点/g)].map((m) => m[1]));
    expect(text).toContain('85.3%');
    expect([...changes]).toEqual(['1.7']);
  });

  const page = (file: string) => textOf(built.read(file));
});
