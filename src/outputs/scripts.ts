// The site's own scripts, compacted once per build: a11yTools.js, inline at the end of every page
// (Page.astro), and 朗读's reader, served as a file that a11yTools.js loads only when the reader
// presses 朗读全文 (issue 21: off every page's weight), under a content-hashed name, as the
// stylesheet's, so static servers can cache it for long.
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import a11yToolsSource from '../scripts/a11yTools.js?raw';
import readAloudSource from '../scripts/readAloud.js?raw';

/**
 * Comments and indentation out: they explain the script in src/, and the reader downloads it.
 * Only safe edits: the source keeps `//` and `/*` out of its strings and regular expressions
 * (readAloud.js says so), and the result must still parse (checked here, at build time).
 */
export function compactJs(source: string, name: string): string {
  const code = source
    .replace(/^\s*\/\/.*$/gm, '') // whole-line comments first: they may mention the markers
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  new Script(code, { filename: name }); // throws on a syntax error: the build stops
  return code;
}

export const readAloudJs = compactJs(readAloudSource, 'readAloud.js');
export const readAloudFile = `read-aloud-${createHash('sha256').update(readAloudJs).digest('hex').slice(0, 10)}.js`;

export const a11yToolsJs = compactJs(a11yToolsSource, 'a11yTools.js');
