// The site's own scripts, compacted once per build: prefsHead.js, inline at the top of every page's
// <head>; a11yTools.js, inline at the end of every page
// (Page.astro), and 朗读's reader, served as a file that a11yTools.js loads only when the reader
// presses 朗读全文 (issue 21: off every page's weight), under a content-hashed name, as the
// stylesheet's, so static servers can cache it for long.
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import { Script } from 'node:vm';
import a11yToolsSource from '../scripts/a11yTools.js?raw';
import prefsHeadSource from '../scripts/prefsHead.js?raw';
import readAloudSource from '../scripts/readAloud.js?raw';

/**
 * Minified by esbuild (already installed: Vite builds with it): comments, whitespace and long local
 * names out (they explain the script in src/, and every page carries a11yTools.js: 1.6 → 1.4 KB
 * gzipped); no newer syntax than ES2017 and Chinese kept as UTF-8. The result must still parse
 * (checked here, at build time).
 */
export function compactJs(source: string, name: string): string {
  const code = transformSync(source, { minify: true, target: 'es2017', charset: 'utf8' }).code.trimEnd();
  new Script(code, { filename: name }); // throws on a syntax error: the build stops
  return code;
}

export const readAloudJs = compactJs(readAloudSource, 'readAloud.js');
export const readAloudFile = `read-aloud-${createHash('sha256').update(readAloudJs).digest('hex').slice(0, 10)}.js`;

export const a11yToolsJs = compactJs(a11yToolsSource, 'a11yTools.js');

/** The text size and contrast chosen, applied at the top of <head> before the body is parsed. */
export const prefsHeadJs = compactJs(prefsHeadSource, 'prefsHead.js');
