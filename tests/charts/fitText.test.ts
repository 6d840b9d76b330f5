// fitText is linear in the length of the text (issue 9: a 100,000-character village name made
// `npm run check` run for minutes) and cuts exactly where measuring every candidate would.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fitText, textWidth } from '../../src/charts/layout.ts';

/** The original definition: drop characters until the text and an ellipsis fit. */
function reference(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontSize) > width) chars.pop();
  return chars.join('') + '…';
}

test('fitText cuts where the reference definition cuts', () => {
  const char = fc.constantFrom('村', '长', 'a', 'm', 'i', '1', ' ', '…', '—', '@', '𠀀', 'é');
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }).map((a) => a.join('')), fc.integer({ min: 0, max: 400 }), fc.constantFrom(10, 12, 14), (text, width, size) => {
      expect(fitText(text, width, size)).toBe(reference(text, width, size));
    }),
    { numRuns: 500 },
  );
});

test('a 200,000-character name is cut in one pass (the old loop re-measured it per character)', () => {
  const name = '长塘村'.repeat(66_667);
  const cut = fitText(name, 120, 14);
  expect(cut).toBe(`${'长塘村'.repeat(2)}长…`);
  expect(textWidth(cut, 14)).toBeLessThanOrEqual(120);
});
