import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { loadTables } from '../../src/data/load.ts';
import { csv, dataFiles, load, only, VILLAGES } from './helpers.ts';

const HEAD = '月份,村,清理垃圾(吨),清理沟渠(公里),清理乱堆乱放(处),投入资金(万元),备注';

describe('loadTables(files): encodings (§3.0)', () => {
  test('reads a GBK file with a title row and a 合计 row, keeping the file\'s row numbers', () => {
    const text = [
      '洋江镇2023年村庄清洁行动统计表,,,,,,',
      HEAD,
      '2023-07,长塘村,12.5,0.4,3,1.1,已完成',
      '2023-07,前江村,十吨,0.3,2,0.9,',
      '合计,,22.5,0.7,5,2,',
      '',
    ].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    const { tables, lines } = load({ cleanup: bytes });
    expect(lines).toEqual([
      'data/cleanup.csv:4:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
      'data/cleanup.csv:1 warning 第 1 行 "洋江镇2023年村庄清洁行动统计表" 是表格标题，已跳过（表头在第 2 行）',
    ]);
    expect(tables.cleanup!.rows).toEqual([
      {
        line: 3,
        month: '2023-07',
        village: 'v1',
        garbage_t: { value: 12.5, approx: false },
        ditches_km: { value: 0.4, approx: false },
        piles: { value: 3, approx: false },
        structures_m2: null,
        ads: null,
        spending_wan: { value: 1.1, approx: false },
        note: '已完成',
      },
    ]);
  });
  test('a GBK 合计 that disagrees is reported at its own row, title counted', () => {
    const text = ['清洁行动统计表', HEAD, '2023-07,长塘村,12.5,,,,', '2023-07,前江村,10,,,,', '合计,,23,,,,'].join('\r\n');
    const { lines } = load({ cleanup: new Uint8Array(iconv.encode(text, 'gbk')) });
    expect(lines[0]).toBe('data/cleanup.csv:5:3 constraint-error 「清理垃圾(吨)」合计为 23，但上方各行相加为 22.5');
  });
  test('reads UTF-16 LE with BOM as tab-separated (Excel "Unicode 文本")', () => {
    const text = ['月份\t村\t清理垃圾(吨)\t备注', '2023-07\t长塘村\t12\t已清理, 已验收', '2023-08\t前江村\t"1,234.5"\t'].join('\r\n');
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const { tables, issues } = load({ cleanup: bytes });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.rows.map((r) => [r.line, r.village, r.garbage_t?.value, r.note])).toEqual([
      [2, 'v1', 12, '已清理, 已验收'],
      [3, 'v2', 1234.5, null],
    ]);
  });
  test('reads UTF-8 with BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv('月份,村,清理垃圾(吨)', '2023-07,v1,1'))]);
    const { tables, issues } = load({ cleanup: bytes });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.columns.map((c) => c.key)).toEqual(['month', 'village', 'garbage_t']);
  });
  test('a file that decodes as neither UTF-8 nor GB18030 is an encoding-error for the whole file', () => {
    const { issues, tables } = load({ cleanup: Uint8Array.from([0x41, 0xff, 0xfe, 0xff, 0x0a]) });
    expect(issues).toEqual([{ path: 'data/cleanup.csv', code: 'encoding-error', message: expect.stringContaining('无法识别文件编码') }]);
    expect(tables.cleanup).toEqual({ name: 'cleanup', file: 'data/cleanup.csv', columns: [], rows: [], damaged: 'data/cleanup.csv', monthly: true });
  });
  test('"?" in a name column is not flagged in a UTF-16 file (it can hold every character)', () => {
    const text = ['编号\t村名\t乡镇\t户数\t人口', 'v1\t何?村\t洋江镇\t1\t1'].join('\r\n');
    const { issues } = load({ villages: Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]) });
    expect(issues).toEqual([]);
  });
  test('a "?" in a GBK file\'s name column is a warning', () => {
    const text = csv('编号,建设点,村,年度,级别', 'p1,石?下组,长塘村,2023,省级');
    const { issues } = load({ 'construction-points': new Uint8Array(iconv.encode(text, 'gbk')) });
    expect(issues).toEqual([
      { path: 'data/construction-points.csv', row: 2, column: 2, code: 'warning', message: expect.stringContaining('"?"') },
    ]);
  });
});

describe('loadTables(files): title rows (§3.0)', () => {
  test('a title and a subtitle above a recognisable header are skipped, with one warning (§3.9)', () => {
    const { tables, lines } = load({ cleanup: csv('洋江镇清洁行动统计表,,', '', '单位：吨,,', '月份,村,清理垃圾(吨)', '2023-07,v1,1') });
    expect(lines).toEqual([
      'data/cleanup.csv:1 warning 第 1–3 行（"洋江镇清洁行动统计表" 等表格标题、填报信息）在表头之上，已跳过（表头在第 4 行）',
    ]);
    expect(tables.cleanup!.rows.map((r) => r.line)).toEqual([5]);
  });
  test('a single-cell first row without a recognisable header under it is the header', () => {
    const { issues } = load({ cleanup: csv('统计表', '甲,乙', '2023-07,v1') });
    expect(only(issues, 'warning')).toEqual([]);
    // No column named anywhere: the header was not found, one structural line (contract §5).
    expect(only(issues)).toEqual([
      { path: 'data/cleanup.csv', row: 2, code: 'missing-column', structural: true, message: expect.stringContaining('找不到表头：第 2 行（甲、乙）') },
    ]);
  });
});

describe('loadTables(files): shape (§3.0)', () => {
  test('quoted cells may hold commas, quotes and line breaks; row numbers stay Excel\'s', () => {
    const { tables, lines } = load({
      cleanup: csv(HEAD, '2023-07,长塘村,"1,234",,,,"他说""好"""', '2023-07,前江村,1,,,,"第一行', '第二行"', '2023-07,v9,1,,,,'),
    });
    expect(tables.cleanup!.rows.map((r) => [r.line, r.garbage_t?.value, r.note])).toEqual([
      [2, 1234, '他说"好"'],
      [3, 1, '第一行\n第二行'],
    ]);
    expect(lines).toEqual([expect.stringMatching(/^data\/cleanup\.csv:4:2 foreign-key-error /)]);
  });
  test('CRLF line ends and blank rows (all cells empty) are fine; row numbers count them', () => {
    const { tables, issues } = load({ cleanup: ['月份,村', '', '2023-07,v1', ',', '2023-08,v1', ''].join('\r\n') });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.rows.map((r) => r.line)).toEqual([3, 5]);
  });
  test('a header with tabs and no comma is read as tab-separated', () => {
    const { tables, issues } = load({ cleanup: csv('月份\t村\t备注', '2023-07\tv1\t已清理,已验收') });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.rows[0]!.note).toBe('已清理,已验收');
  });
  test('extra-cell: a row with more non-empty cells than the header', () => {
    const { issues, tables } = load({ cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,1,多写的', '2023-08,v1,1,,') });
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 2, column: 4, code: 'extra-cell', message: expect.stringContaining('"多写的"') },
    ]);
    expect(tables.cleanup!.rows.map((r) => r.line)).toEqual([3]);
  });
  test('missing-cell: a row with fewer cells than the header', () => {
    const { issues, tables } = load({ cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1') });
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 2, column: 3, code: 'missing-cell', message: expect.stringContaining('缺少「清理垃圾(吨)」') },
    ]);
    expect(tables.cleanup!.rows).toEqual([]);
  });
  test('missing-cell: a short row in a file with name columns (villages.csv) is its row\'s error, not an internal one', () => {
    // The "?" check of name columns read a cell the short row does not have, and crashed the file.
    const { issues, tables } = load({ villages: csv(VILLAGES, 'v9'), cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,1') });
    expect(issues).toEqual([
      { path: 'data/villages.csv', row: 6, column: 2, code: 'missing-cell', message: expect.stringContaining('缺少「村名」「乡镇」') },
    ]);
    expect(tables.villages.damaged).toBeUndefined();
    expect(tables.villages.rows.map((r) => r.id)).toEqual(['v1', 'v2', 'xc-yj', 'xc-hk']);
    expect(tables.cleanup!.rows.map((r) => r.line)).toEqual([2]);
  });
});

describe('loadTables(files): cells (§3.0)', () => {
  test('type-error names the column by label and quotes the value', () => {
    const { lines } = load({ cleanup: csv(HEAD, '2023-07,v1,十吨,,,,', '2023-07,v2,"1,5",,,,', '2023-08,v1,,3米,,,') });
    expect(lines).toEqual([
      'data/cleanup.csv:2:3 type-error 「清理垃圾(吨)」应为数字，实际为 "十吨"',
      expect.stringMatching(/^data\/cleanup\.csv:3:3 type-error 「清理垃圾\(吨\)」应为数字，实际为 "1,5"/),
      expect.stringMatching(/^data\/cleanup\.csv:4:4 type-error 「清理沟渠\(公里\)」的单位应为 公里/),
    ]);
  });
  test('numbers: full-width digits, thousands separators, units and aliases, approximate marks', () => {
    const { tables, issues } = load({ cleanup: csv(HEAD, '2023-07,v1,１２吨,1.5km,约30处,"1,234.5万元",', '2023-08,v1,550余,2公里,3个,12+,') });
    expect(issues).toEqual([]);
    const [a, b] = tables.cleanup!.rows;
    expect([a!.garbage_t, a!.ditches_km, a!.piles, a!.spending_wan]).toEqual([
      { value: 12, approx: false },
      { value: 1.5, approx: false },
      { value: 30, approx: true },
      { value: 1234.5, approx: false },
    ]);
    expect([b!.garbage_t, b!.piles, b!.spending_wan]).toEqual([
      { value: 550, approx: true },
      { value: 3, approx: false },
      { value: 12, approx: true },
    ]);
  });
  test('an ideographic full stop between digits is a decimal point, with a warning', () => {
    const { tables, issues } = load({ cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,1。5') });
    expect(tables.cleanup!.rows[0]!.garbage_t).toEqual({ value: 1.5, approx: false });
    expect(issues).toEqual([{ path: 'data/cleanup.csv', row: 2, column: 3, code: 'warning', message: expect.stringContaining('1.5') }]);
  });
  test('whole-number columns refuse fractions; quantities are never negative', () => {
    const { issues } = load({ cleanup: csv('月份,村,清理乱堆乱放(处),清理垃圾(吨)', '2023-07,v1,2.5,-3') });
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      [3, 'type-error'],
      [4, 'constraint-error'],
    ]);
  });
  test('months in every accepted form; a bare Excel date serial is a type-error that says how to fix it', () => {
    const months = ['2023-07', '2023-7', '2023/7', '2023.07', '2023年7月', '2023-07-01', '2023/7/1', '2023年7月1日'];
    const rows = months.map((m, i) => `${m},${['v1', 'v2', 'xc-yj', 'xc-hk'][i % 4]},${i}`);
    const { tables, issues } = load({ cleanup: csv('月份,村,清理垃圾(吨)', ...rows.slice(0, 4)), toilets: csv('月份,村,无害化卫生户厕(户)', ...rows.slice(4)) });
    expect(issues).toEqual([]);
    expect([...tables.cleanup!.rows, ...tables.toilets!.rows].map((r) => r.month)).toEqual(Array(8).fill('2023-07'));
    const serial = load({ cleanup: csv('月份,村', '45108,v1') });
    expect(serial.issues).toEqual([{ path: 'data/cleanup.csv', row: 2, column: 1, code: 'type-error', message: expect.stringContaining('文本') }]);
  });
  test('months outside 2000–2100 are refused', () => {
    expect(only(load({ cleanup: csv('月份,村', '1999-07,v1') }).issues)).toHaveLength(1);
  });
  test('empty optional cells and -, —, /, 无, 暂无 mean "not reported", never zero', () => {
    const { tables, issues } = load({ cleanup: csv(HEAD, '2023-07,v1,,-,—,/,无', '2023-08,v1,暂无,,,,') });
    expect(issues).toEqual([]);
    for (const row of tables.cleanup!.rows) {
      expect([row.garbage_t, row.ditches_km, row.piles, row.spending_wan, row.note]).toEqual([null, null, null, null, null]);
    }
  });
  test('missing-value: an empty required cell, or a "not reported" mark in one', () => {
    const { issues, tables } = load({ cleanup: csv('月份,村,清理垃圾(吨)', ',v1,1', '2023-07,-,1') });
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 2, column: 1, code: 'missing-value', message: '「月份」为必填项，不能为空' },
      { path: 'data/cleanup.csv', row: 3, column: 2, code: 'missing-value', message: '「村」为必填项，实际为 "-"（表示未填报）' },
    ]);
    expect(tables.cleanup!.rows).toEqual([]);
  });
});

describe('loadTables(files): tables', () => {
  test('a known dataset whose file is absent is null; free is empty', () => {
    const { tables, issues } = load({});
    expect(issues).toEqual([]);
    expect(tables.villages.rows).toHaveLength(4);
    expect([tables.cleanup, tables.constructionPoints, tables.constructionItems, tables.toilets, tables.inspections, tables.targets]).toEqual(Array(6).fill(null));
    expect(tables.free).toEqual([]);
  });
  test('a dataset with a header and no rows is an empty dataset', () => {
    const { tables, issues } = load({ inspections: '月份,村,得分\r\n' });
    expect(issues).toEqual([]);
    expect(tables.inspections).toEqual({ name: 'inspections', file: 'data/inspections.csv', columns: expect.any(Array), rows: [], monthly: true });
    expect(tables.inspections!.columns.map((c) => c.label)).toEqual(['月份', '村', '得分']);
  });
  test('columns lists the schema columns present in the file, in schema order', () => {
    const { tables } = load({ cleanup: csv('备注,拆除私搭乱建(平方米),村,月份', '') });
    expect(tables.cleanup!.columns.map((c) => c.key)).toEqual(['month', 'village', 'structures_m2', 'note']);
  });
  test('reports every problem in every file in one run', () => {
    const { issues } = load({
      cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,x', '2023-08,v1,y'),
      inspections: csv('月份,村,得分', '2023-07,v1,101'),
      targets: csv('指标,目标值,期限', '不知道,1,2023-12'),
    });
    expect(issues.map((i) => `${i.path}:${i.row}:${i.code}`)).toEqual([
      'data/cleanup.csv:2:type-error',
      'data/cleanup.csv:3:type-error',
      'data/inspections.csv:2:constraint-error',
      'data/targets.csv:2:constraint-error',
    ]);
  });
  test('accepts Windows paths and ignores files that are not .csv', () => {
    const { tables } = loadTables([
      ...dataFiles({}),
      { path: 'data\\cleanup.csv', bytes: new TextEncoder().encode('月份,村\n2023-07,v1\n') },
      { path: 'data/readme.txt', bytes: new Uint8Array([0xff]) },
    ]);
    expect(tables.cleanup?.file).toBe('data/cleanup.csv');
    expect(tables.cleanup?.rows).toHaveLength(1);
  });
  test('two files for one dataset (names differing in case) is an error', () => {
    const files = [...dataFiles({}), { path: 'data/Villages.csv', bytes: new TextEncoder().encode(VILLAGES) }];
    expect(only(loadTables(files).issues)).toEqual([{ path: 'data/Villages.csv', code: 'unique-error', message: expect.stringContaining('同一个数据集') }]);
  });
});

describe('loadTables(files): one value per distinct cell (issue 23, memory)', () => {
  test('rows holding the same cell share one frozen value; different cells do not', () => {
    const { tables } = load({
      toilets: csv(
        '月份,村,无害化卫生户厕(户),当月改厕(户),公厕(座)',
        '2023-07,长塘村,300,12,2',
        '2023-07,前江村,300,12,3',
        '2023-08,长塘村,310,10,2',
        '2023-08,前江村,约300,12,3',
      ),
    });
    const rows = tables.toilets!.rows;
    expect(rows).toHaveLength(4);
    // the same text in the same column: one object (a province's 5 million cells were 5 million objects)
    expect(rows[1]!.sanitary).toBe(rows[0]!.sanitary);
    expect(rows[2]!.public_toilets).toBe(rows[0]!.public_toilets);
    // a different cell is another value: `约300` is approximate, 310 another number
    expect(rows[3]!.sanitary).toEqual({ value: 300, approx: true });
    expect(rows[3]!.sanitary).not.toBe(rows[0]!.sanitary);
    expect(rows[2]!.sanitary).toEqual({ value: 310, approx: false });
    // shared, so frozen: changing one row's value through it throws instead of changing another row
    for (const row of rows) expect(Object.isFrozen(row.sanitary)).toBe(true);
    expect(() => { (rows[0]!.sanitary as { value: number }).value = 1; }).toThrow(TypeError);
    expect(rows[1]!.sanitary).toEqual({ value: 300, approx: false });
  });
});
