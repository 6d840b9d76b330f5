// Adding a dataset is one definition (issue 13): `sewage` below is declared in this file only, and
// with it added to the registry its CSV loads into typed rows, its mistakes are reported like any
// known dataset's, figures and chart blocks query it, and /data/ offers its download and template.
// With a topic page it is four files (issue 23, last describe below): a copy of src/ gets them
// (tests/data/sewagePage.ts) and renders the page's content through its own code.
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, expectTypeOf, test } from 'vitest';
import { cellOf, monthOf, stringOf, textOf, type DatasetSchema, type Values } from '../../src/data/schema/dataset.ts';
import { note, reportMonth, reportVillage } from '../../src/data/datasets/columns.ts';
import { knownName, loadData } from '../../src/data/load.ts';
import { registry } from '../../src/data/registry.ts';
import { formatReport } from '../../src/data/report.ts';
import type { Dataset } from '../../src/data/types.ts';
import { latestMonth } from '../../src/metrics/months.ts';
import { datasetCsv } from '../../src/outputs/datasetCsv.ts';
import { templateCsv, templateXlsx } from '../../src/outputs/datasetXlsx.ts';
import { buildChartSpec } from '../../src/query/chart.ts';
import { evaluateFigure } from '../../src/query/figureExpression.ts';
import { datasetView } from '../../src/query/view.ts';
import { openDatasets } from '../../src/outputs/datasets.ts';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import type * as ProjectModule from '../../src/project/project.ts';
import type * as ValidateModule from '../../src/build/validate.ts';
import type * as FiguresModule from '../../src/views/chartOutput.ts';
import type * as MonthlyTopicModule from '../../src/views/monthlyTopic.ts';
import type * as TopicsModule from '../../src/views/topics.ts';
import { changedFiles, sewageCopy } from './sewagePage.ts';

// ---- sewage.ts: these lines are the dataset module tests/data/sewagePage.ts writes (with cleanup's imports) ----
function sewageRow(v: Values, line: number) {
  return {
    line,
    month: monthOf(v, 'month'),
    /** village id */
    village: stringOf(v, 'village'),
    treated: cellOf(v, 'treated'),
    note: textOf(v, 'note'),
  };
}

type SewageRow = ReturnType<typeof sewageRow>;

const sewageSchema: DatasetSchema<'sewage', SewageRow, false> = {
  name: 'sewage',
  table: 'sewage',
  title: '污水治理',
  required: false,
  aliases: ['生活污水'],
  columns: [
    reportMonth,
    reportVillage,
    { key: 'treated', label: '处理户数(户)', type: 'integer', unit: '户' },
    note,
  ],
  unique: [['month', 'village']],
  monthly: true,
  build: sewageRow,
};
// ---- end of sewage.ts ----

const withSewage = [...registry, sewageSchema] as const;
const root = join(import.meta.dirname, '../fixtures/sewage');
const now = new Date('2023-08-15T00:00:00Z');
const { tables, issues } = loadData(root, { registry: withSewage, now });

function figure(expression: string): string {
  const r = evaluateFigure(tables, expression);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value.text;
}

describe('a dataset defined in one place (sewage, in this test only)', () => {
  test('its CSV loads into typed rows, village names resolved to ids', () => {
    expectTypeOf(tables.sewage).toEqualTypeOf<Dataset<SewageRow> | null>();
    expect(tables.sewage?.rows.map((r) => [r.month, r.village, r.treated])).toEqual([
      ['2023-05', 'bs-shang', { value: 120, approx: false }],
      ['2023-06', 'bs-shang', { value: 130, approx: false }],
      ['2023-06', 'yj-dong', { value: 80, approx: true }],
    ]);
    expect(tables.free).toEqual([]);
  });

  test('without the definition the same file is a free dataset', () => {
    const plain = loadData(root, { now }).tables;
    expect(plain.free.map((d) => d.name)).toEqual(['sewage']);
    expect('sewage' in plain).toBe(false);
  });

  test('its Chinese names stand for it', () => {
    expect(knownName('污水治理', withSewage)).toBe('sewage');
    expect(knownName('2023年生活污水', withSewage)).toBe('sewage');
    expect(knownName('生活污水')).toBeUndefined();
  });

  test('a bad cell is the usual Chinese error with file, row and column, as check reports it', () => {
    expect(issues).toEqual([
      { path: 'data/sewage.csv', row: 4, column: 3, code: 'type-error', message: '「处理户数(户)」应为数字，实际为 "很多"' },
    ]);
    expect(formatReport(issues)).toBe('data/sewage.csv:4:3 type-error 「处理户数(户)」应为数字，实际为 "很多"\n共 1 个错误、0 个警告。');
  });

  test('figures and chart blocks query it, with the virtual 乡镇 column', () => {
    expect(figure('sum sewage.treated')).toBe('330余');
    expect(figure('sum sewage.处理户数 where township=白沙乡')).toBe('250');
    expect(figure('latest sewage.treated where village=上村')).toBe('130');
    expect(datasetView(tables, 'sewage')?.monthKey).toBe('month');
    const chart = buildChartSpec(tables, { data: 'sewage', type: 'bar', x: 'township', y: 'treated', where: ['month=2023-06'] }, 'sewage-chart');
    expect(chart.ok && chart.value.rows).toEqual([
      { township: '白沙乡', treated: 130 },
      { township: '洋江镇', treated: 80, approx: true },
    ]);
    // Its months count for the site's 数据截至 like every monthly dataset's.
    expect(latestMonth(tables)).toBe('2023-06');
  });

  test('/data/ offers its download and a pre-filled template for the next month', () => {
    const offered = openDatasets(tables).find((d) => d.name === 'sewage');
    expect(offered?.title).toBe('污水治理');
    expect(offered?.latestMonth).toBe('2023-06');
    expect(datasetCsv(tables, offered!.dataset)).toBe(
      '\ufeff月份,村,处理户数(户),备注\r\n2023-05,上村,120,\r\n2023-06,上村,130,\r\n2023-06,东村,80余,\r\n',
    );
    expect(templateCsv(tables, sewageSchema)).toBe('\ufeff月份,村,处理户数(户),备注\r\n2023-07,上村,,\r\n2023-07,下村,,\r\n2023-07,东村,,\r\n');
    const book = XLSX.read(templateXlsx(tables, sewageSchema));
    expect(book.SheetNames).toEqual(['污水治理']);
    expect(XLSX.utils.sheet_to_csv(book.Sheets['污水治理']!)).toBe('月份,村,处理户数(户),备注\n2023-07,上村,,\n2023-07,下村,,\n2023-07,东村,,');
  });
});

describe('npm run check over the same registry', () => {
  test('reports the sewage mistake with the others, and counts its month for 数据截至', () => {
    const project = loadProject(root, { registry: withSewage, now });
    const { issues: checked } = checkIssues(project);
    expect(checked.filter((i) => i.path === 'data/sewage.csv')).toEqual([
      { path: 'data/sewage.csv', row: 4, column: 3, code: 'type-error', message: '「处理户数(户)」应为数字，实际为 "很多"' },
    ]);
    expect(project.asOf).toBe('2023-06');
    // Without the definition the file is a free dataset: no error, and it has no month of its own.
    const plain = checkIssues(loadProject(root, { now })).issues;
    expect(plain.filter((i) => i.path === 'data/sewage.csv')).toEqual([]);
  });
});

describe('sewage with a topic page: four files (a copy of src/ with them, rendered by its own code)', () => {
  const copy = sewageCopy();
  afterAll(() => copy.remove());

  test('the files are the dataset module, a line in the registry, two presets and a topic entry', () => {
    // what ARCHITECTURE.md "Where to add…" lists; at most five (issue 23), and nothing else differs
    expect(copy.touched).toHaveLength(4);
    expect(copy.touched.map((f) => f.split('/').at(-1))).toEqual(['sewage.ts', 'registry.ts', 'presets.ts', 'topics.ts']);
    expect(changedFiles(copy)).toEqual([...copy.touched].sort());
  });

  test('its page shows the lead, 数据截至, the KPI from the column, the charts and a table per township', async () => {
    const { loadProject } = await copy.load<typeof ProjectModule>('export function loadProject(');
    const { monthlyTopicContent } = await copy.load<typeof MonthlyTopicModule>('export function monthlyTopicContent(');
    const { bodyOf, siteCharts, topicsOf } = await copy.load<typeof TopicsModule>('export function siteCharts(');
    const project = loadProject(root, { now });
    // only villages.csv and sewage.csv: the one topic of the site, in the navigation
    expect(topicsOf(project.tables).map((t) => [t.slug, t.label])).toEqual([['sewage', '污水治理']]);
    const topic = topicsOf(project.tables)[0]!;
    // the page's body is the default one, rendered by src/pages/[topic]/index.astro
    expect(existsSync(join(copy.root, 'src/components/topics', bodyOf(topic)))).toBe(true);
    const page = monthlyTopicContent(project, topic);
    expect(page.lead).toBe('农村生活污水治理：各村每月上报处理的户数。');
    expect(page.asOf).toBe('2023-06');
    expect(page.empty).toBe(false);
    // 120 + 130 + 80余 (下村's 很多 is an error, left out); June 130 + 80余 against May's 120
    expect(page.kpis).toEqual([
      { key: 'sewage.treated', label: '处理户数（累计）', value: '330余', unit: '户', note: '2023年6月 210余 户，比5月增加 90余 户' },
    ]);
    expect(page.charts.map((c: ChartSpec) => [c.id, c.title, c.y.label, c.y.unit])).toEqual([
      ['sewage-monthly', '全部乡镇各月处理户数', '处理户数', '户'],
      ['sewage-by-village', '全部乡镇各村处理户数', '处理户数', '户'],
    ]);
    expect(page.charts[0]!.rows).toEqual([
      { month: '2023-05', township: '白沙乡', value: 120, approx: false },
      { month: '2023-06', township: '白沙乡', value: 130, approx: false },
      { month: '2023-06', township: '洋江镇', value: 80, approx: true },
    ]);
    expect(page.townships).toBeNull();
    expect(page.villages).toEqual([
      { township: '白沙乡', table: { head: ['村', '处理户数(户)'], rows: [[{ text: '上村', href: '/villages/bs-shang/' }, '250'], [{ text: '下村', href: '/villages/bs-xia/' }, '—']], numeric: [1] } },
      { township: '洋江镇', table: { head: ['村', '处理户数(户)'], rows: [[{ text: '东村', href: '/villages/yj-dong/' }, '80余']], numeric: [1] } },
    ]);
    // the home page, every village page and both township pages get its overview chart
    const ids = siteCharts(project).map((c) => c.id);
    expect(ids).toEqual([
      'sewage-monthly',
      'sewage-monthly',
      'sewage-by-village',
      'sewage-monthly-v-bs-shang',
      'sewage-monthly-v-bs-xia',
      'sewage-monthly-v-yj-dong',
      'sewage-monthly-t1',
      'sewage-monthly-t2',
    ]);
  });

  test('its charts are drawn by the one renderer, with their downloads, and npm run check finds only the data mistake', async () => {
    const { loadProject } = await copy.load<typeof ProjectModule>('export function loadProject(');
    const { monthlyTopicContent } = await copy.load<typeof MonthlyTopicModule>('export function monthlyTopicContent(');
    const { renderFigure } = await copy.load<typeof FiguresModule>('export function renderFigure(');
    const { checkIssues: check } = await copy.load<typeof ValidateModule>('export function checkIssues(');
    const { topicsOf } = await copy.load<typeof TopicsModule>('export function siteCharts(');
    const project = loadProject(root, { now });
    const files = new Map<string, string | Uint8Array>();
    const links = (id: string) => ({ csvHref: `/data/charts/${id}.csv`, svgHref: `/data/charts/${id}.svg` });
    const html = monthlyTopicContent(project, topicsOf(project.tables)[0]!).charts.map((spec) => renderFigure(spec, { write: (f, t) => files.set(f, t), links }));
    expect(html[0]).toContain('全部乡镇各月处理户数');
    expect(html[0]).toContain('<svg');
    expect(html[1]).toContain('href="/data/charts/sewage-by-village.csv"');
    expect([...files.keys()]).toEqual(['sewage-monthly.csv', 'sewage-monthly.svg', 'sewage-by-village.csv', 'sewage-by-village.svg']);
    expect(files.get('sewage-by-village.csv')).toBe('\ufeff村,乡镇,处理户数(户)\r\n上村,白沙乡,250\r\n东村,洋江镇,80余\r\n');
    expect(check(project).issues.filter((i) => i.code !== 'warning' && i.path !== 'content/site.md')).toEqual([
      { path: 'data/sewage.csv', row: 4, column: 3, code: 'type-error', message: '「处理户数(户)」应为数字，实际为 "很多"' },
    ]);
  });
});
