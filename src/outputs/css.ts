// The one stylesheet: site.css plus the charts' CSS (emitted once, not per chart), under a
// content-hashed name so static servers can cache it for long.
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import siteCss from '../styles/site.css?raw';
import { chartCss } from '../charts/css.ts';
import { photoCss } from '../photos/css.ts';

export const css = minifyCss(`${siteCss}\n${chartCss}\n${photoCss}`);
export const cssFile = `site-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;

/**
 * Minified by esbuild (already installed: Vite builds with it, and it compacts the site's scripts,
 * src/outputs/scripts.ts): the comments explain the CSS to its readers in src/, and every page
 * carries the file. Besides comments and whitespace it shortens colours and numbers and joins
 * rules with the same selector, which the hand-written whitespace pass it replaces did not: 120 B
 * gzipped off every page. No target: nothing is rewritten for older browsers; Chinese stays UTF-8.
 */
export function minifyCss(text: string): string {
  return transformSync(text, { loader: 'css', minify: true, charset: 'utf8' }).code.trim();
}
