// The properties of loadTables (whatever bytes, cells or shapes staff produce, it returns tables
// and issues, never throws, never crashes inside, and never drops a row without an error), shared
// by the property tests and by the mutation check that proves they can fail.
import fc from 'fast-check';
import { expect } from 'vitest';
import { totalKind } from '../../src/data/table/frame.ts';
import { detectDelimiter, parseGrid } from '../../src/data/read/grid.ts';
import { loadTables, type DataFile } from '../../src/data/load.ts';
import { formatReport, hasErrors } from '../../src/data/report.ts';
import type { Issue, Tables } from '../../src/data/types.ts';
import { encoder, VILLAGES } from './helpers.ts';

const CODES = new Set([
  'encoding-error', 'blank-header', 'duplicate-header', 'unknown-header', 'missing-column', 'extra-cell',
  'missing-cell', 'missing-value', 'type-error', 'constraint-error', 'unique-error', 'foreign-key-error', 'warning',
]);

export function wellFormed(result: { tables: Tables; issues: Issue[] }): void {
  const { tables, issues } = result;
  expect(tables.villages).toMatchObject({ name: 'villages', rows: expect.any(Array), columns: expect.any(Array) });
  expect(Array.isArray(tables.free)).toBe(true);
  for (const issue of issues) {
    // guarded() turns a crash into an `encoding-error` for staff; for the tests it is a bug.
    expect(issue.internal, `internal error: ${issue.path} ${issue.message} ${issue.detail ?? ""}`).toBeUndefined();
    expect(typeof issue.path).toBe('string');
    expect(CODES.has(issue.code), issue.code).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.row !== undefined) expect(Number.isInteger(issue.row) && issue.row >= 1).toBe(true);
    if (issue.column !== undefined) {
      expect(issue.row).toBeDefined();
      expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true);
    }
  }
  expect(typeof formatReport(issues)).toBe('string');
}

// Pieces staff (and Excel) put in cells, the awkward ones included.
const piece = fc.constantFrom(
  '', ' ', '2023-07', '2023年7月', '45108', '2023/7/1', 'v1', 'v2', '长塘村', '新村', 'xc-hk', '12', '1,234.5', '1,5',
  '约30', '550余', '十吨', '-3', '1。5', '３米', '85%', '-', '无', '暂无', '合计', '小计', '总计', '，', '?', '"', '""',
  ',', '\n', '\r\n', '\t', '\ufeff', '\u3000', '𠮷', '\ud800', '月份', '村', '清理垃圾(吨)', 'garbage_t', '备注',
  '无害化卫生户厕(户)', '编号', '户数', '建设点编号', '省级', 'toilet_coverage', '洋江镇',
);
const cell = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(''));
const quoted = cell.map((c) => (/[",\n\r\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c));
const row = fc.array(quoted, { maxLength: 9 }).map((cells) => cells.join(','));
const sheet = fc.array(row, { maxLength: 12 });
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const datasetName = fc.constantFrom(
  'villages', 'cleanup', 'construction-points', 'construction-items', 'toilets', 'inspections', 'targets', 'free', 'Villages',
);


// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tuple of generated values
export type SyncProperty = fc.IProperty<any>;

export type PropertyName =
  | 'random bytes in any file'
  | 'random cells and shapes in every dataset'
  | 'random bytes as UTF-16 and after a UTF-8 BOM'
  | 'a cleanup.csv of random cells: every data row is in the table, or there is an error';

/** Each property with its run count: the tests assert them; the mutation check expects them to fail. */
export const properties: Record<PropertyName, { numRuns: number; property: SyncProperty }> = {
  'random bytes in any file': {
    numRuns: 300,
    property: fc.property(fc.array(fc.tuple(datasetName, fc.uint8Array({ maxLength: 300 })), { maxLength: 5 }), (files) => {
      const data: DataFile[] = files.map(([name, bytes]) => ({ path: `data/${name}.csv`, bytes }));
      wellFormed(loadTables(data));
    }),
  },
  'random cells and shapes in every dataset': {
    numRuns: 300,
    property: fc.property(fc.array(fc.tuple(datasetName, sheet, lineEnd), { maxLength: 6 }), (files) => {
      const data: DataFile[] = files.map(([name, rows, eol]) => ({ path: `data/${name}.csv`, bytes: encoder.encode(rows.join(eol)) }));
      wellFormed(loadTables(data));
    }),
  },
  'random bytes as UTF-16 and after a UTF-8 BOM': {
    numRuns: 200,
    property: fc.property(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 200 }), (bom, body) => {
      wellFormed(loadTables([{ path: 'data/villages.csv', bytes: Uint8Array.from([...bom, ...body]) }]));
    }),
  },
  'a cleanup.csv of random cells: every data row is in the table, or there is an error': {
    numRuns: 300,
    property: fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
      const header = '月份,村,清理垃圾(吨),清理乱堆乱放(处),备注';
      const text = [header, ...rows].join('\n');
      const result = loadTables([
        { path: 'data/villages.csv', bytes: encoder.encode(VILLAGES) },
        { path: 'data/cleanup.csv', bytes: encoder.encode(text) },
      ]);
      wellFormed(result);
      if (hasErrors(result.issues)) return;
      const records = parseGrid(text, detectDelimiter(text)).slice(1);
      const data = records.filter((r) => totalKind(r.cells) === null);
      expect(result.tables.cleanup!.rows.map((r) => r.line)).toEqual(data.map((r) => r.line));
    }),
  },
};
