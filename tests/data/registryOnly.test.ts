// Only the dataset modules (src/data/datasets/) may pick behaviour by dataset name: everything
// else walks the registry. A comparison with a dataset name literal elsewhere is a dataset rule
// that escaped its module.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { registry } from '../../src/data/registry.ts';

const src = join(import.meta.dirname, '../../src');

/** Files allowed to compare with such a literal, and why. */
const allowed: Record<string, string> = {
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return full === join(src, 'data/datasets') ? [] : files(full);
    return /\.(?:ts|mjs|astro)$/.test(e.name) ? [full] : [];
  });
}

/** `x === 'name'`, `'name' !== x`, `case 'name':` for any of `names`. */
function comparisonWith(names: readonly string[]): RegExp {
  const literal = `['"\`](?:${[...new Set(names)].join('|')})['"\`]`;
  return new RegExp(`(?:[!=]==?\\s*${literal}|${literal}\\s*[!=]==?|case\\s+${literal}\\s*:)`);
}

test('no file under src/ outside src/data/datasets/ compares against a dataset name', () => {
  // Dataset names (construction-points) and table keys (constructionPoints); `-` needs no escape.
  const comparison = comparisonWith(registry.flatMap((s) => [s.name, s.table]));
  const found = files(src)
    .map((f) => relative(src, f).replace(/\\/g, '/'))
    .filter((f) => !(f in allowed))
    .flatMap((f) =>
      readFileSync(join(src, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (comparison.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
  expect(found).toEqual([]);
});

test('the check finds such a comparison', () => {
  const comparison = comparisonWith(['toilets', 'construction-items']);
  expect(
    ["if (dataset === 'toilets')", "case 'construction-items':", "'toilets' !== name", "scopeRows(tables, 'toilets')"].map((l) => comparison.test(l)),
  ).toEqual([true, true, true, false]);
});
