// Issue 18: the 备注 that explains a falling stock is shown beside the figures on the village page
// (contract §3.9). Needs a real build (about a minute).
import { describe, expect, test } from 'vitest';
import { excelCsv, fixture } from '../mistakes/excel.ts';
import { buildSite } from './buildSite.ts';

describe('a village whose 无害化卫生户厕 fell, with the reason in 备注', () => {
  const root = fixture({
    'data/toilets.csv': excelCsv([
      ['月份', '村', '无害化卫生户厕(户)', '公厕(座)', '备注'],
      ['2023-06', '前江村', '341', '2', ''],
      ['2023-07', '前江村', '339', '2', '拆除 2 户危房'],
      ['2023-07', '长塘村', '400', '3', ''],
    ]),
  });
  const built = buildSite(root);

  test('the build passes and the village page shows the reason right after its figures', () => {
    expect(built.code, built.output).toBe(0);
    const html = built.read('villages/v2/index.html');
    const kpis = html.indexOf('class="kpis"');
    const note = html.indexOf('2023年7月由 341 户减为 339 户：拆除 2 户危房');
    expect(kpis).toBeGreaterThan(-1);
    expect(note).toBeGreaterThan(kpis);
    expect(html.slice(kpis, note)).not.toContain('<h2');
    expect(built.read('villages/v1/index.html')).not.toContain('减为');
  });
});
