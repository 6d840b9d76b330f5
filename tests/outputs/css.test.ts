// The one stylesheet (src/outputs/css.ts) is minified by esbuild: nothing it does not understand
// (a warning would mean a rule it may have mangled or dropped), no comment left, and each of the
// site's custom properties, media queries and print rules still there.
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import siteCss from '../../src/styles/site.css?raw';
import { chartCss } from '../../src/charts/css.ts';
import { photoCss } from '../../src/photos/css.ts';
import { css, minifyCss } from '../../src/outputs/css.ts';

describe('the stylesheet, minified', () => {
  const source = `${siteCss}\n${chartCss}\n${photoCss}`;
  test('esbuild reads it without a warning', () => {
    expect(transformSync(source, { loader: 'css', minify: true, charset: 'utf8' }).warnings).toEqual([]);
  });
  test('smaller, without comments; every at-rule and custom property kept', () => {
    expect(css.length).toBeLessThan(source.length * 0.8);
    expect(css).not.toContain('/*');
    const atRules = (text: string) => new Set([...text.matchAll(/@(media|supports|container)\s*([^{]*)\{/g)].map((m) => `@${m[1]} ${m[2]!.replace(/\s+/g, '')}`));
    expect([...atRules(css)].sort()).toEqual([...atRules(source)].sort());
    const props = (text: string) => new Set([...text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
    expect([...props(css)].sort()).toEqual([...props(source)].sort());
  });
  test('Chinese text in the CSS stays UTF-8', () => {
    expect(minifyCss('.a::before { content: "示例数据"; }')).toBe('.a:before{content:"示例数据"}');
  });
});
