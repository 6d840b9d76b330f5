import { slug } from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { slugify } from '../../src/markdown/headings.ts';
import { render } from './context.ts';

test("heading ids are GitHub's slugs (github-slugger) after NFKC", () => {
  expect(slugify('一、工作进展')).toBe('一工作进展');
  expect(slugify('Part 2: Summary')).toBe('part-2-summary');
  expect(slugify('Ａｂｃ　全角')).toBe('abc-全角');
  for (const text of ['（一）村庄清洁行动', '长塘村：90%', 'Next Steps: 2024']) expect(slugify(text)).toBe(slug(text.normalize('NFKC')));
});

describe('report headings (headingLevelsRule)', () => {
  const tags = (html: string) => [...html.matchAll(/<(h\d)[ >]/g)].map((m) => m[1]);

  test('the highest heading a report uses becomes h2, and no level is skipped', () => {
    expect(tags(render('# 一、总体\n\n### 细项\n\n# 二、下一步\n\n#### 再下\n').html)).toEqual(['h2', 'h3', 'h2', 'h3']);
    expect(tags(render('### 甲\n\n#### 乙\n\n###### 丙\n').html)).toEqual(['h2', 'h3', 'h4']);
    expect(tags(render('## 甲\n\n### 乙\n').html)).toEqual(['h2', 'h3']);
  });

  test('closing tags follow their heading, and ids stay', () => {
    const html = render('#### 工作进展\n').html;
    expect(html).toContain('<h2 id="工作进展">工作进展</h2>');
  });
});
