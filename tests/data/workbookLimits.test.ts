// Issue 22 item 5, contract §3.9: workbook limits are checked before anything is inflated or
// allocated. A merge over A3:XFD1048576, a cell at XFD1048576, a zip bomb (1.2 MB that unpacks to
// 1.2 GB) and a part that unpacks beyond what it declares: each is one Chinese error at the file,
// and nothing follows from it. The files are built for real here; time and memory are measured in
// the benchmark (tests/bench/workbookLimits.ts), not in this test.
import { beforeAll, describe, expect, test } from 'vitest';
import { readWorkbook } from '../../src/data/read/workbook.ts';
import { bombSheet, farCell, HEADER, lyingZipBomb, mergeOverSheet, zipBomb } from '../support/hostileWorkbooks.ts';
import { writeWorkbook } from '../support/workbook.ts';
import { entryOf, partsOf, zip, type ZipEntry } from '../support/zip.ts';
import { check, fixture } from '../mistakes/excel.ts';

/** `check` on a project whose data/cleanup.xlsx holds the bytes: its error lines. */
function errorsOf(bytes: Uint8Array, report = false) {
  const root = fixture({
    'data/cleanup.xlsx': bytes,
    ...(report && { 'content/reports/2023.md': '---\ntitle: 半年报\ndate: 2023-07-01\n---\n清理垃圾 {{ sum cleanup.garbage_t }} 吨。\n' }),
  });
  return check(root).errors;
}

describe('workbook limits (issue 22, contract §3.9)', () => {
  test('a 2 KB workbook whose merge covers A3:XFD1048576 is one error at the file', () => {
    const bytes = mergeOverSheet();
    expect(bytes.length).toBeLessThan(20_000);
    expect(errorsOf(bytes)).toEqual([expect.stringMatching(/^data\/cleanup\.xlsx encoding-error 工作表「洋江镇」.*合并单元格.*超过 1,000 万 的上限，不予读取/)]);
    // A report over the refused file: one line naming it (contract §5), not "data/cleanup.csv 不存在".
    expect(errorsOf(bytes, true)).toEqual([
      expect.stringMatching(/^data\/cleanup\.xlsx encoding-error 工作表「洋江镇」.*合并单元格/),
      expect.stringMatching(/^content\/reports\/2023\.md:5 expression-error 此报告中的 1 处图表或数字用不了 data\/cleanup\.xlsx 的数据/),
    ]);
    const sheetjs = readWorkbook(bytes, 'xlsx', 'sheetjs');
    expect(sheetjs).toMatchObject({ ok: false, message: expect.stringMatching(/合并单元格.*不予读取/) });
  });

  test('one cell at XFD1048576 (the range Excel then declares) is one error at the file', () => {
    const bytes = farCell();
    expect(bytes.length).toBeLessThan(20_000);
    expect(errorsOf(bytes)).toEqual([expect.stringMatching(/^data\/cleanup\.xlsx encoding-error 工作表「洋江镇」声明的范围 A1:XFD1048576 有 171\.8 亿 个单元格.*Ctrl\+End/)]);
    expect(readWorkbook(bytes, 'xlsx', 'sheetjs')).toMatchObject({ ok: false, message: expect.stringMatching(/过大/) });
  });

  describe('a zip bomb', () => {
    let bomb: ZipEntry;
    beforeAll(async () => {
      bomb = await bombSheet();
    }, 120_000);

    test('1.2 MB that unpacks to 1.2 GB is refused from its central directory', () => {
      const bytes = zipBomb(bomb);
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      expect(errorsOf(bytes)).toEqual([expect.stringMatching(/^data\/cleanup\.xlsx encoding-error 工作簿中的“xl\/worksheets\/sheet1\.xml”解压后有 1,200 MB，超过 200 MB 的上限，不予读取/)]);
    });

    test('one that declares a small size is stopped at that size, by both readers', () => {
      const bytes = lyingZipBomb(bomb);
      expect(errorsOf(bytes)).toEqual([expect.stringMatching(/^data\/cleanup\.xlsx encoding-error 工作簿中的“xl\/worksheets\/sheet1\.xml”解压后比它声明的 4 KB 更大.*不予读取/)]);
      expect(readWorkbook(bytes, 'xlsx', 'sheetjs')).toMatchObject({ ok: false, message: expect.stringMatching(/更大/) });
    });
  });

  test('a workbook within the limits, rebuilt by the same zip writer, is read as before', () => {
    const parts = partsOf(writeWorkbook([{ name: '洋江镇', rows: HEADER, merges: ['A1:C1'] }]));
    const bytes = zip([...parts].map(([name, b]) => entryOf(name, b)));
    expect(errorsOf(bytes)).toEqual([]);
  });
});
