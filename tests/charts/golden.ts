// Golden files, as in Plot's test/plot-snapshot.js: the output is tidied (numbers rounded to two
// decimals, ids and generated class names renumbered), pretty-printed one element per line so that
// a diff can be reviewed, and compared with tests/output/charts/<name>.
//
// Approach: a missing golden file is WRITTEN and the test FAILS, saying so; a golden file is only
// ever created deliberately, by looking at it and running the tests again. On a mismatch the new
// output is written to tests/.out/charts/<name>-changed.<ext> (git-ignored: tests/output/ holds
// goldens only) and the test fails; to accept a change, look at both and move the -changed file
// over the golden one, or accept every change at once with UPDATE_GOLDENS=1 (see updateGoldens).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const outputDir = fileURLToPath(new URL('../output/charts/', import.meta.url));
const changedDir = fileURLToPath(new URL('../.out/charts/', import.meta.url));

/**
 * `UPDATE_GOLDENS=1 npm test -- --project unit` (or one file) rewrites every golden file that
 * differs or is missing and passes: for a deliberate change of many charts at once (a layout
 * change). Review the result with `git diff tests/output/` before committing it.
 */
export function updateGoldens(): boolean {
  return process.env.UPDATE_GOLDENS === '1';
}

/**
 * Rounds numbers to two decimals and renumbers Plot's generated class names and, in SVG, ids.
 * (A figure's HTML keeps its ids: they are the chart's own stable anchors.)
 */
export function tidy(markup: string, renumberIds = true): string {
  const ids = new Map<string, string>();
  const classes = new Map<string, string>();
  const rounded = markup.replace(/\d+\.\d{3,}(?![\de])/g, (n) => String(Math.round(Number(n) * 100) / 100));
  return (renumberIds ? renumber(rounded, ids) : rounded).replace(/\bplot-[0-9a-f]{6}\b/g, (name) => {
    if (!classes.has(name)) classes.set(name, `plot-${classes.size + 1}`);
    return classes.get(name)!;
  });
}

function renumber(markup: string, ids: Map<string, string>): string {
  return markup
    .replace(/\bid="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/#([\w-]+)/g, (ref, id: string) => (ids.has(id) ? `#${ids.get(id)}` : ref));
}

// Elements that never have children in SVG or HTML output (HTML void elements).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface Node {
  open: string;
  close: string;
  children: (Node | string)[];
}

/**
 * One element per line, indented by two spaces per level (Plot's snapshot style). An element with
 * text among its children (a label, a title, a paragraph) stays on one line as it was; whitespace
 * between elements is dropped. For review only: the golden comparison is of this form.
 */
export function pretty(markup: string): string {
  const tokens = markup.match(/<!--[\s\S]*?-->|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|[^<]+/g) ?? [];
  const root: Node = { open: '', close: '', children: [] };
  const stack: Node[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token.startsWith('</')) {
      top.close = token;
      if (stack.length > 1) stack.pop();
    } else if (token.startsWith('<') && !token.startsWith('<!') && !token.endsWith('/>') && !VOID.has(/^<([\w-]+)/.exec(token)?.[1]?.toLowerCase() ?? '')) {
      const node: Node = { open: token, close: '', children: [] };
      top.children.push(node);
      stack.push(node);
    } else if (token.startsWith('<')) {
      top.children.push({ open: token, close: '', children: [] });
    } else {
      top.children.push(token);
    }
  }
  const flat = (n: Node | string): string => (typeof n === 'string' ? n : n.open + n.children.map(flat).join('') + n.close);
  const lines: string[] = [];
  const print = (n: Node | string, depth: number): void => {
    const indent = '  '.repeat(depth);
    if (typeof n === 'string') {
      if (n.trim() !== '') lines.push(indent + n.trim());
      return;
    }
    const inline = n.children.some((c) => typeof c === 'string' && c.trim() !== '') || n.children.length === 0;
    if (inline) {
      lines.push(indent + flat(n));
      return;
    }
    lines.push(indent + n.open);
    for (const c of n.children) print(c, depth + 1);
    if (n.close) lines.push(indent + n.close);
  };
  for (const c of root.children) print(c, 0);
  return lines.join('\n') + '\n';
}

export function expectGolden(name: string, markup: string): void {
  mkdirSync(outputDir, { recursive: true });
  const path = outputDir + name;
  const changed = changedDir + name.replace(/(\.\w+)$/, '-changed$1');
  const actual = pretty(tidy(markup, !name.endsWith('.html')));
  if (updateGoldens()) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== actual) writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    expect.fail(`golden file created: tests/output/charts/${name}; check it, then run the tests again`);
  }
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  mkdirSync(changedDir, { recursive: true });
  writeFileSync(changed, actual);
  expect.fail(`${name} differs from its golden file tests/output/charts/${name}; see tests/.out/charts/${name.replace(/(\.\w+)$/, '-changed$1')} ` +
    '(accept every change: UPDATE_GOLDENS=1)');
}
