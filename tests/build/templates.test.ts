// Pre-filled next-month templates (contract §3.9 downloads) are CSV downloads like any other: a
// village name that Excel would run as a formula is written as text (contract §2).
import { describe, expect, test } from 'vitest';
import { templateCsv } from '../../src/outputs/datasetXlsx.ts';
import { cleanupSchema } from '../../src/data/datasets/cleanup.ts';
import { csv, load } from '../data/helpers.ts';

describe('templateCsv(tables, schema)', () => {
  test('one row per village for the month after the latest data; formula-like names as text', () => {
    const { tables } = load({
      villages: csv('编号,村名,乡镇,户数,人口', 'v1,长塘村,洋江镇,512,1800', 'v2,=HYPERLINK(1),洋江镇,400,1500'),
      cleanup: csv('月份,村,清理垃圾(吨)', '2023-06,v1,3', '2023-06,v2,4'),
    });
    const text = templateCsv(tables, cleanupSchema);
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2023-07,长塘村,/);
    expect(lines[2]).toMatch(/^2023-07,'=HYPERLINK\(1\),/);
  });
});
