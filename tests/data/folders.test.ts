// A county's ledgers, one folder per township (contract §3.11): each folder is read with the same
// reader as data/ (CSV, GBK CSV, workbooks with sheets named after datasets, rows above the
// header), a dataset's files are one table, and no folder is ever ignored in silence.
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { loadTables, type DataFile } from '../../src/data/load.ts';
import { formatIssue, sortIssues } from '../../src/data/report.ts';
import { fileOf } from '../../src/data/folders.ts';
import { cleanupTotal } from '../../src/metrics/cleanup.ts';
import { writeWorkbook } from '../support/workbook.ts';
import { csv, encoder } from './helpers.ts';

const COUNTY = csv(
  '编号,村名,乡镇,户数,人口',
  'yj1,长塘村,洋江镇,512,1800',
  'yj2,新村,洋江镇,300,1000',
  'ng1,楠木村,楠杆镇,400,1500',
  'ng2,杆头村,楠杆镇,200,700',
  'hk1,新村,河口镇,200,800',
  'hk2,河口村,河口镇,250,900',
);

const file = (path: string, body: string | Uint8Array): DataFile => ({
  path,
  bytes: typeof body === 'string' ? encoder.encode(body) : body,
});

function load(files: DataFile[]) {
  const result = loadTables(files, { now: new Date('2024-06-15T00:00:00Z') });
  const lines = sortIssues(result.issues).map(formatIssue);
  return { ...result, lines, errors: lines.filter((l) => !l.includes(' warning ')) };
}

/** 洋江镇 as UTF-8 CSV, 楠杆镇 as a GBK CSV with a title row, 河口镇 as a workbook of two sheets. */
function countyFolders(): DataFile[] {
  const gbk = csv('楠杆镇2023年村庄清洁行动统计表', '月份,村,清理垃圾(吨)', '2023-07,楠木村,4.25', '2023-08,杆头村,3');
  return [
    file('data/villages.csv', COUNTY),
    // `新村` is in two townships: the folder tells which.
    file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,12.5', '2023-07,新村,3', '2023-08,长塘村,10')),
    file('data/楠杆镇/村庄清洁.csv', new Uint8Array(iconv.encode(gbk, 'gbk'))),
    file(
      'data/河口镇/台账.xlsx',
      writeWorkbook([
        { name: '村庄清洁', rows: [['月份', '村', '清理垃圾(吨)'], ['2023-07', '新村', 2], ['2023-07', '河口村', 1.5]] },
        { name: '月度考评', rows: [['月份', '村', '得分'], ['2023-07', '河口村', 91]] },
      ]),
    ),
  ];
}

describe('township folders (contract §3.11)', () => {
  test('CSV, GBK CSV and a workbook in three folders are one table, each row from its own file', () => {
    const { tables, errors } = load(countyFolders());
    expect(errors).toEqual([]);
    const rows = tables.cleanup!.rows;
    // Folders in the order of their names (as the files are listed), rows in file order.
    expect(rows.map((r) => `${r.village}@${fileOf(r, tables.cleanup!)}:${r.line}`)).toEqual([
      'ng1@data/楠杆镇/村庄清洁.csv:3',
      'ng2@data/楠杆镇/村庄清洁.csv:4',
      'hk1@data/河口镇/台账.xlsx[村庄清洁]:2',
      'hk2@data/河口镇/台账.xlsx[村庄清洁]:3',
      'yj1@data/洋江镇/cleanup.csv:2',
      'yj2@data/洋江镇/cleanup.csv:3',
      'yj1@data/洋江镇/cleanup.csv:4',
    ]);
    expect(cleanupTotal(tables, { kind: 'site' }, 'garbage_t')?.value).toBe(12.5 + 3 + 10 + 4.25 + 3 + 2 + 1.5);
    expect(cleanupTotal(tables, { kind: 'township', township: '楠杆镇' }, 'garbage_t')?.value).toBe(7.25);
    expect(tables.inspections!.rows.map((r) => r.village)).toEqual(['hk2']);
  });

  test('a position keeps the real path of the file in its folder', () => {
    const { errors } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,12.5', '2023-08,长塘村,十吨')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/cleanup\.csv:3:3 type-error /)]);
  });

  test('a village of another township in a folder is a foreign-key-error naming both townships', () => {
    const { errors, tables } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1', '2023-07,楠木村,2')),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/洋江镇\/cleanup\.csv:3:2 foreign-key-error .*楠木村.*楠杆镇.*洋江镇/);
    expect(tables.cleanup!.rows).toHaveLength(1);
  });

  test('a 乡镇 cell naming another township than its folder is an error', () => {
    const { errors } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/cleanup.csv', csv('月份,乡镇,村,清理垃圾(吨)', '2023-07,河口镇,新村,1')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/cleanup\.csv:2:\d foreign-key-error .*河口镇.*洋江镇/)]);
  });

  test('the same month and village in two files is a unique-error naming both files', () => {
    const { errors } = load([
      file('data/villages.csv', COUNTY),
      file('data/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,yj1,1')),
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-08,长塘村,1', '2023-07,长塘村,2')),
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^data\/洋江镇\/cleanup\.csv:3:\d unique-error .*data\/cleanup\.csv 第 2 行/);
  });

  test('two files for one dataset within one folder stay an error (§3.9)', () => {
    const { errors } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1')),
      file('data/洋江镇/cleanup (1).csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/cleanup \(1\)\.csv unique-error 与 data\/洋江镇\/cleanup\.csv /)]);
  });

  test('a folder that is no township is an error naming it and the township it could have meant; its file is named where the dataset is missing', () => {
    const { errors, tables } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江\/ foreign-key-error 文件夹 "洋江" 不是村庄名录中的乡镇.*cleanup\.csv 未读取.*「洋江镇」/)]);
    expect(tables.cleanup).toBeNull();
    expect(tables.elsewhere).toEqual({ cleanup: ['data/洋江/cleanup.csv'] });
  });

  test('a folder inside a township folder is not read, with an error at each file', () => {
    const { errors, tables } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/2023/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/2023\/cleanup\.csv foreign-key-error .*data\/洋江镇\//)]);
    expect(tables.elsewhere).toEqual({ cleanup: ['data/洋江镇/2023/cleanup.csv'] });
  });
});

describe('villages.csv one per township folder (§3.11)', () => {
  const folders = (楠杆: string) => [
    file('data/洋江镇/villages.csv', csv('编号,村名,户数,人口', 'yj1,长塘村,512,1800', 'yj2,新村,300,1000')),
    file('data/楠杆镇/村庄名录.csv', 楠杆),
    file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,新村,3')),
    file('data/楠杆镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,新村,4')),
  ];

  test("each row's township is its folder's; the folders make the townships", () => {
    const { errors, tables } = load(folders(csv('编号,村名,乡镇,户数,人口', 'ng1,新村,楠杆镇,400,1500', 'ng2,杆头村,,200,700')));
    expect(errors).toEqual([]);
    expect(tables.villages.rows.map((v) => `${v.id}:${v.township}`)).toEqual(['ng1:楠杆镇', 'ng2:楠杆镇', 'yj1:洋江镇', 'yj2:洋江镇']);
    // 新村 is in both townships: each folder's row is its own township's village.
    expect(tables.cleanup!.rows.map((r) => r.village).sort()).toEqual(['ng1', 'yj2']);
  });

  test('a 乡镇 cell that disagrees with its folder is an error', () => {
    const { errors } = load(folders(csv('编号,村名,乡镇,户数,人口', 'ng1,新村,楠杆镇,400,1500', 'ng2,杆头村,洋江镇,200,700')));
    expect(errors).toEqual([expect.stringMatching(/^data\/楠杆镇\/村庄名录\.csv:3:3 constraint-error 「乡镇」"洋江镇" 与所在文件夹 data\/楠杆镇\//)]);
  });

  test('the same village id in two folders is a unique-error naming both files', () => {
    const { errors } = load(folders(csv('编号,村名,户数,人口', 'yj1,楠木村,400,1500')));
    // The second file read (folders by name) is the one in error; the row left out is the cause
    // of the other folder's reference to 新村.
    expect(errors).toEqual([
      expect.stringContaining('data/楠杆镇/cleanup.csv:2:2 foreign-key-error'),
      expect.stringMatching(/^data\/洋江镇\/villages\.csv:2:1 unique-error .*data\/楠杆镇\/村庄名录\.csv 第 2 行/),
    ]);
  });
});

describe('a village list that cannot be read (one cause, contract §5)', () => {
  test('folders are not called "no township": one warning each, the village list is the error', () => {
    const { errors, lines } = load([
      file('data/villages.csv', csv('编号,村名,户数,人口', 'yj1,长塘村,512,1800')), // no 乡镇 column
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,长塘村,1')),
    ]);
    expect(errors.every((l) => l.startsWith('data/villages.csv'))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^data\/洋江镇\/ warning 文件夹 "洋江镇" 未读取：村庄名录 data\/villages\.csv 未能读取/));
  });
});

describe('a village row with an error in the second of two village lists', () => {
  test('a reference to it names that file and row', () => {
    const { errors } = load([
      file('data/楠杆镇/村庄名录.csv', csv('编号,村名,户数,人口', 'ng1,楠木村,400,1500')),
      file('data/洋江镇/villages.csv', csv('编号,村名,户数,人口', 'yj1,长塘村,512,1800', 'yj2,前江村,两百,700')),
      file('data/洋江镇/cleanup.csv', csv('月份,村,清理垃圾(吨)', '2023-07,前江村,3')),
    ]);
    expect(errors).toEqual([
      // the cause first, its consequence right after it (contract §5)
      expect.stringMatching(/^data\/洋江镇\/villages\.csv:3:3 type-error /),
      expect.stringMatching(/^data\/洋江镇\/cleanup\.csv:2:2 foreign-key-error 「村」"前江村" 在 data\/洋江镇\/villages\.csv 第 3 行，该行有错误/),
    ]);
  });
});

describe('villages.csv only in a folder inside a township folder', () => {
  test('the missing village list names where it was found', () => {
    const { errors } = load([file('data/洋江镇/2024/villages.csv', COUNTY)]);
    expect(errors).toContainEqual(expect.stringMatching(/^data\/villages\.csv missing-value 缺少村庄名录.*找到了 data\/洋江镇\/2024\/villages\.csv/));
  });
});

describe('a free dataset in several township folders (§3.8, §3.11)', () => {
  const sewage = (rows: string[], header = '月份,村,处理量(吨)') => csv(header, ...rows);
  test('is one table when the files have the same columns', () => {
    const { errors, tables } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/污水处理.csv', sewage(['2023-07,长塘村,5'])),
      file('data/楠杆镇/污水处理.csv', sewage(['2023-07,楠木村,7', '2023-08,楠木村,8'])),
    ]);
    expect(errors).toEqual([]);
    expect(tables.free.map((d) => [d.name, d.rows.length])).toEqual([['污水处理', 3]]);
  });
  test("a problem in a township folder's free dataset is reported (read after the known datasets)", () => {
    const { errors } = load([file('data/villages.csv', COUNTY), file('data/洋江镇/污水处理.csv', sewage(['2023-07,长塘村'], '月份,村,处理量(吨),备注'))]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/污水处理\.csv:2:3 missing-cell /)]);
  });

  test('a file whose columns differ is an error naming both files, and is not mixed in', () => {
    const { errors, tables } = load([
      file('data/villages.csv', COUNTY),
      file('data/洋江镇/污水处理.csv', sewage(['2023-07,长塘村,5'])),
      file('data/楠杆镇/污水处理.csv', sewage(['2023-07,楠木村,7,'], '月份,村,处理量(吨),备注')),
    ]);
    expect(errors).toEqual([expect.stringMatching(/^data\/洋江镇\/污水处理\.csv missing-column 与 data\/楠杆镇\/污水处理\.csv 是同一个数据集/)]);
    expect(tables.free[0]!.rows).toHaveLength(1);
  });
});
