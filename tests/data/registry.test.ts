// Adding a dataset is one definition (issue 13): `sewage` below is declared in this file only, and
// with it added to the registry its CSV loads into typed rows, its mistakes are reported like any
// known dataset's, figures and chart blocks query it, and /data/ offers its download and template.
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, expectTypeOf, test } from 'vitest';
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
import { evaluateFigure } from '../../src/query/figure.ts';
import { datasetView } from '../../src/query/view.ts';
import { openDatasets } from '../../src/outputs/datasets.ts';
import { loadProject } from '../../src/project/project.ts';
import { checkIssues } from '../../src/build/validate.ts';

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
