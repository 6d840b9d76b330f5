import { slug } from 'github-slugger';
import { expect, test } from 'vitest';
import { slugify } from '../../src/markdown/headings.ts';

test("heading ids are GitHub's slugs (github-slugger) after NFKC", () => {
  expect(slugify('一、工作进展')).toBe('一工作进展');
  expect(slugify('Part 2: Summary')).toBe('part-2-summary');
  expect(slugify('Ａｂｃ　全角')).toBe('abc-全角');
  for (const text of ['（一）村庄清洁行动', '长塘村：90%', 'Next Steps: 2024']) expect(slugify(text)).toBe(slug(text.normalize('NFKC')));
});
