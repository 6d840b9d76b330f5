// The source folders form layers (ARCHITECTURE.md): no module imports, at run time, a module that
// imports it back. Type-only imports are left out: they vanish when TypeScript is compiled.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs|js|astro)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports that stay at run time (not `import type`, not `{ type A, type B }` only). */
export function valueImports(file: string, text: string): string[] {
  const code = file.endsWith('.astro') ? (text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') : text;
  const out: string[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s*['"](\.{1,2}\/[^'"?]+)[^'"]*['"]|import\(\s*['"](\.{1,2}\/[^'"?]+)['"]\s*\)|(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"?]+)['"]/g;
  for (const m of code.matchAll(re)) {
    const spec = m[4] ?? m[5] ?? m[6]!;
    if (m[2]) continue; // import type … / export type …
    const names = m[3] ?? '';
    const braces = names.match(/^\{([\s\S]*)\}$/);
    if (braces && braces[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    out.push(path.resolve(path.dirname(file), spec));
  }
  return out;
}

function cycles(): string[][] {
  const files = sourceFiles(src);
  const graph = new Map(files.map((f) => [f, valueImports(f, readFileSync(f, 'utf8')).filter((t) => files.includes(t))]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t].map((x) => path.relative(src, x)));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('imports', () => {
  it('reads value imports and skips type-only ones', () => {
    const f = path.join(src, 'x/a.ts');
    const text = "import type { A } from './b.ts';\nimport { type C, type D } from './c.ts';\nimport { e, type F } from './e.ts';\nexport { g } from '../g.ts';\nimport './side.css';";
    expect(valueImports(f, text).map((t) => path.relative(src, t))).toEqual(['x/e.ts', 'g.ts', 'x/side.css']);
  });

  it('has no import cycle in src/', () => {
    expect(cycles()).toEqual([]);
  });
});
