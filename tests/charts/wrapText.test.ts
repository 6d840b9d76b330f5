// The summary and notes of a chart's SVG file and picture are broken into lines by estimated
// width: Chinese between any two characters, a figure never (a resident reads `5` / `50余` as two).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wrapText } from '../../src/charts/svgFile.ts';

describe('wrapText', () => {
  test('the summary seen in the cleanup picture keeps 550余 and 1,000余 whole', () => {
    const text = '2023年1月至6月共清理垃圾 1,550余 吨，其中洋江镇 1,000余 吨、楠杆镇 550余 吨，6月最多（387.5余 吨）；6月比5月增加 43.5余 吨。';
    for (const width of [200, 240, 280, 320, 360, 400]) {
      const lines = wrapText(text, width, 14);
      expect(lines.join('')).toBe(text);
      for (const figure of ['1,550余', '1,000余', '550余', '387.5余', '43.5余', '2023年']) {
        expect(lines.some((l) => l.includes(figure)), `${figure} at ${width}`).toBe(true);
      }
    }
  });
  test('closing punctuation never starts a line', () => {
    const lines = wrapText('各村中，长塘村得分最高（94 分），枫林村最低（81 分）。', 120, 14);
    for (const l of lines.slice(1)) expect(l[0]).not.toMatch(/[，。、；：！？）》」』%]/);
  });
  test('no last line of one character: 红黑榜 is not split as 红黑 / 榜', () => {
    const title = '2023年6月人居环境整治红黑榜';
    let wrapped = 0;
    for (let width = 60; width <= 400; width++) {
      const lines = wrapText(title, width, 18);
      expect(lines.join('')).toBe(title);
      if (lines.length > 1) expect([...lines.at(-1)!].length, `${width}: ${lines.join(' / ')}`).toBeGreaterThan(1);
      wrapped += lines.length > 1 ? 1 : 0;
    }
    expect(wrapped).toBeGreaterThan(0);
  });
  test('any text: nothing lost or added; a word wider than the line is still broken', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 20, max: 400 }), (text, width) => {
      expect(wrapText(text, width, 14).join('')).toBe(text);
    }));
    expect(wrapText('x'.repeat(100), 100, 14).length).toBeGreaterThan(1);
  });
});
