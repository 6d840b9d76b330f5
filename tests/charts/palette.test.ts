import { expect, test } from 'vitest';
import { colorScale, palette } from '../../src/charts/palette.ts';

// WCAG 2 relative luminance and contrast ratio.
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

test('palette has at least 8 distinct colours, each at least 3:1 against white', () => {
  expect(palette.length).toBeGreaterThanOrEqual(8);
  expect(new Set(palette).size).toBe(palette.length);
  for (const color of palette) expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(3);
});

test('colorScale(domain) colours by position in the domain, so a village keeps its colour', () => {
  const a = colorScale(['石门村', '长塘村', '洋江村']);
  const b = colorScale(['石门村', '长塘村', '洋江村']);
  expect(a.color('长塘村')).toBe(palette[1]);
  expect(b.color('长塘村')).toBe(a.color('长塘村'));
  expect(a.range).toEqual(palette.slice(0, 3));
});

test('colorScale repeats the palette past its length', () => {
  const domain = Array.from({ length: palette.length + 1 }, (_, i) => `村${i}`);
  expect(colorScale(domain).color(`村${palette.length}`)).toBe(palette[0]);
});
