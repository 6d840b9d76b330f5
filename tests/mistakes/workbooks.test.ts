// Issue 18, contract §3.9: a workbook as a township or county office keeps it — one sheet per
// township, a title merged across the top, a 合计 row, hidden rows of an old month, a notes sheet —
// is read whole: every sheet that holds the dataset, hidden rows, columns and sheets included, each
// named in one warning; no sheet with rows is skipped in silence.
import { describe, expect, test } from 'vitest';
import { cleanupTotal } from '../../src/metrics/cleanup.ts';
import { readWorkbook } from '../../src/data/read/workbook.ts';
import { presetSpec, sourceOf } from '../../src/presets/presets.ts';
import { writeWorkbook, type Cell, type SheetSpec } from '../support/workbook.ts';
import { check, fixture } from './excel.ts';

const HEADER = ['序号', '月份', '村', '清理垃圾(吨)', '投入资金(万元)'];

/** One township's sheet: a merged title, the header, its rows, a 合计 row. */
function townshipSheet(name: string, rows: [string, string, number, number][], extra: Partial<SheetSpec> = {}): SheetSpec {
  const body: Cell[][] = rows.map(([month, village, t, wan], i) => [i + 1, month, village, t, wan]);
  const total = (k: 3 | 4) => Number(body.reduce((s, r) => s + (r[k] as number), 0).toFixed(4));
  return {
    name,
    rows: [[`${name}2023年村庄清洁行动统计表`], HEADER, ...body, ['合计', null, null, total(3), total(4)]],
    merges: ['A1:E1'],
    ...extra,
  };
}

const yangjiang = townshipSheet('洋江镇', [
  ['2023-05', '长塘村', 500.25, 1],
  ['2023-05', '前江村', 320.5, 1],
  ['2023-06', '长塘村', 326, 1],
]);
const hekou = townshipSheet('河口镇', [
  ['2023-05', '河口镇新塘村', 15.25, 0.5],
  ['2023-06', '河口镇新塘村', 11.5, 0.5],
]);
const notes: SheetSpec = { name: '填表说明', rows: [['说明'], ['1. 每月 5 日前报送'], ['2. 单位：吨']] };

describe('a workbook named after a dataset: every sheet that holds it (contract §3.9)', () => {
  const root = () => fixture({ 'data/村庄清洁.xlsx': writeWorkbook([yangjiang, hekou, notes]) });

  test('one sheet per township: 1,173.5 t, not the first sheet\'s 1,146.75', () => {
    const { project, errors } = check(root());
    expect(errors).toEqual([]);
    const cleanup = project.tables.cleanup!;
    expect(cleanup.rows).toHaveLength(5);
    expect(cleanupTotal(project.tables, { kind: 'site' }, 'garbage_t')?.value).toBe(1173.5);
    expect(cleanupTotal(project.tables, { kind: 'township', township: '河口镇' }, 'garbage_t')?.value).toBe(26.75);
  });

  test('the charts name the workbook as their source, not a cleanup.csv that does not exist', () => {
    const { project } = check(root());
    expect(sourceOf(project.tables, 'cleanup')).toBe('数据来源：data/村庄清洁.xlsx');
    const spec = presetSpec(project.tables, 'cleanup-monthly', { kind: 'site' });
    expect(spec.source).toBe('数据来源：data/村庄清洁.xlsx');
  });

  test('the notes sheet is named in one warning; positions stay the sheet\'s own', () => {
    const { lines } = check(root());
    const skipped = lines.filter((l) => /未读取/.test(l));
    expect(skipped).toEqual([expect.stringMatching(/^data\/村庄清洁\.xlsx warning 工作表「填表说明」中没有「村庄清洁行动」的表头.*已读取：「洋江镇」「河口镇」/)]);
  });

  test('an error on the second sheet is at data/村庄清洁.xlsx[河口镇]:row:col, naming the cell', () => {
    const bad = townshipSheet('河口镇', [['2023-05', '河口镇新塘村', 15.25, 0.5]]);
    bad.rows[2]![3] = '十五吨';
    const { errors } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook([yangjiang, bad]) }));
    expect(errors).toEqual([expect.stringMatching(/^data\/村庄清洁\.xlsx\[河口镇\]:3:4 type-error 「清理垃圾\(吨\)」应为数字.*（单元格 D3）$/)]);
  });

  test('the same month and village on two sheets is a unique-error naming the other sheet', () => {
    const again = townshipSheet('洋江镇(补报)', [['2023-06', '长塘村', 1, 0]]);
    const { errors } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook([yangjiang, again]) }));
    expect(errors).toEqual([expect.stringMatching(/^data\/村庄清洁\.xlsx\[洋江镇\(补报\)\]:3:2 unique-error .*与 data\/村庄清洁\.xlsx\[洋江镇\] 第 5 行重复/)]);
  });

  test('a sheet of another dataset (月份 and 村, but 无害化卫生户厕) is not read as this one, and is named', () => {
    const toilets: SheetSpec = { name: '改厕', rows: [['月份', '村', '无害化卫生户厕(户)'], ['2023-05', '长塘村', 300]] };
    const named: SheetSpec = { ...toilets, name: '厕所革命', rows: [['月份', '村', '清理垃圾(吨)'], ['2023-05', '前江村', 1]] };
    const { project, lines, errors } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook([yangjiang, toilets, named]) }));
    expect(errors).toEqual([]);
    expect(project.tables.cleanup!.rows).toHaveLength(3);
    expect(lines.filter((l) => /未读取/.test(l))).toEqual([expect.stringMatching(/工作表「改厕」「厕所革命」中没有「村庄清洁行动」的表头/)]);
  });

  test('.xls (read by SheetJS) too', () => {
    const { project, errors } = check(fixture({ 'data/cleanup.xls': writeWorkbook([yangjiang, hekou, notes], 'biff8') }));
    expect(errors).toEqual([]);
    expect(cleanupTotal(project.tables, { kind: 'site' }, 'garbage_t')?.value).toBe(1173.5);
  });

  test('a sheet that does not hold the dataset in a ledger workbook (sheets named after datasets) is named too, hidden or not', () => {
    const ledger = writeWorkbook([
      { ...yangjiang, name: '村庄清洁' },
      { name: '旧表', rows: [['月份', '村', '清理垃圾(吨)'], ['2022-12', '长塘村', 800]], hidden: true },
    ]);
    const { lines } = check(fixture({ 'data/台账.xlsx': ledger }));
    expect(lines.filter((l) => /未读取/.test(l))).toEqual([expect.stringMatching(/^data\/台账\.xlsx warning 工作表「旧表」的名称不是数据集名，未读取/)]);
  });
});

describe('hidden rows, columns and sheets are read, with one warning per sheet (contract §3.9)', () => {
  // An old December (800 t) kept in two hidden rows under the header, as offices do.
  const withHidden = townshipSheet(
    '洋江镇',
    [
      ['2022-12', '长塘村', 500, 1],
      ['2022-12', '前江村', 300, 1],
      ['2023-05', '长塘村', 500.25, 1],
    ],
    { hiddenRows: [3, 4] },
  );

  for (const engine of ['auto', 'sheetjs'] as const) {
    test(`both .xlsx readers find the hidden rows and columns (${engine})`, () => {
      const book = readWorkbook(writeWorkbook([{ ...withHidden, hiddenColumns: ['E'] }]), 'xlsx', engine);
      if (!book.ok) throw new Error(book.message);
      expect(book.sheets[0]!.hiddenRows).toEqual([3, 4]);
      expect(book.sheets[0]!.hiddenColumns).toEqual([5]);
    });
  }

  test('the hidden December is published and named: 第 3–4 行在 Excel 中被隐藏，已计入', () => {
    const { project, lines, errors } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook([withHidden]) }));
    expect(errors).toEqual([]);
    expect(project.tables.cleanup!.rows.map((r) => r.month)).toEqual(['2022-12', '2022-12', '2023-05']);
    expect(lines.filter((l) => /隐藏/.test(l))).toEqual([
      expect.stringMatching(/^data\/村庄清洁\.xlsx\[洋江镇\]:3 warning 第 3–4 行在 Excel 中被隐藏，已计入/),
    ]);
  });

  test('a hidden column and a hidden sheet are read and named, one warning per sheet', () => {
    const sheets = [
      { ...yangjiang, hiddenColumns: ['E'] },
      { ...hekou, hidden: true, hiddenRows: [3] },
    ];
    const { project, lines, errors } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook(sheets) }));
    expect(errors).toEqual([]);
    expect(cleanupTotal(project.tables, { kind: 'site' }, 'spending_wan')?.value).toBe(4);
    expect(lines.filter((l) => /隐藏/.test(l))).toEqual([
      expect.stringMatching(/^data\/村庄清洁\.xlsx\[河口镇\]:3 warning 工作表「河口镇」、第 3 行在 Excel 中被隐藏，已计入/),
      expect.stringMatching(/^data\/村庄清洁\.xlsx\[洋江镇\] warning 第 E 列在 Excel 中被隐藏，已计入/),
    ]);
  });

  test('hidden rows that hold nothing are not named', () => {
    const blank = townshipSheet('洋江镇', [['2023-05', '长塘村', 1, 1]], { hiddenRows: [20, 21] });
    const { lines } = check(fixture({ 'data/村庄清洁.xlsx': writeWorkbook([blank]) }));
    expect(lines.filter((l) => /隐藏/.test(l))).toEqual([]);
  });
});
