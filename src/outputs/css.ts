// The one stylesheet: site.css plus the charts' CSS (emitted once, not per chart), under a
// content-hashed name so static servers can cache it for long.
import { createHash } from 'node:crypto';
import siteCss from '../styles/site.css?raw';
import { chartCss } from '../charts/css.ts';
import { photoCss } from '../photos/css.ts';

export const css = minifyCss(`${siteCss}\n${chartCss}\n${photoCss}`);
export const cssFile = `site-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;

/**
 * Comments out and whitespace collapsed: the comments explain the CSS to its readers in src/, and
 * every page carries the file (about 1.8 KB of a phone page's gzipped bytes, issue 12). Only
 * safe edits: no string in the CSS holds `/*`, and spaces are dropped only next to { } ; and ,
 * (never around `:`, where `a :first-child` and `a:first-child` differ).
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
