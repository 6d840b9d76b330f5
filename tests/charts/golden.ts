// Golden files, as in Plot's test/plot-snapshot.js: the output is tidied (numbers rounded to two
// decimals, ids and generated class names renumbered) and compared with tests/output/charts/<name>.
//
// Approach: a missing golden file is WRITTEN and the test FAILS, saying so; a golden file is only
// ever created deliberately, by looking at it and running the tests again. On a mismatch the new
// output is written next to it as <name>-changed.<ext> (git-ignored) and the test fails; to accept
// a change, look at both and move the -changed file over the golden one.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const outputDir = fileURLToPath(new URL('../output/charts/', import.meta.url));

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

export function expectGolden(name: string, markup: string): void {
  mkdirSync(outputDir, { recursive: true });
  const path = outputDir + name;
  const changed = path.replace(/(\.\w+)$/, '-changed$1');
  const actual = tidy(markup, !name.endsWith('.html'));
  if (!existsSync(path)) {
    writeFileSync(path, actual);
    expect.fail(`golden file created: tests/output/charts/${name}; check it, then run the tests again`);
  }
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name} differs from its golden file; see tests/output/charts/${name.replace(/(\.\w+)$/, '-changed$1')}`);
}
