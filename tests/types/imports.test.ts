// The source folders form layers (ARCHITECTURE.md): no module imports, at run time, a module that
// imports it back (type-only imports vanish when TypeScript is compiled), and no folder of src/
// imports, type imports included, a folder that imports it back: the folders form a stack.
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

/** Every relative import, value or type (`import`, `import type`, `export … from`, `import()`, side effects). */
export function allImports(file: string, text: string): string[] {
  const code = file.endsWith('.astro') ? (text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') : text;
  const re = /\bfrom\s*['"](\.{1,2}\/[^'"?]+)[^'"]*['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"?]+)['"]\s*\)|(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"?]+)['"]/g;
  return [...code.matchAll(re)].map((m) => path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]!));
}

/** A file's folder relative to src/ (`.` for src/'s own files); each sub-folder is a folder of its own. */
const folderOf = (file: string) => path.relative(src, path.dirname(file)) || '.';

/**
 * The folder graph: an edge A → B when a file in A imports a file in B. Returns each knot (a set
 * of folders that reach each other) with the file imports that tie it.
 */
export function folderCycles(files: readonly string[], importsOf: (file: string) => string[]): string[][] {
  const inSrc = new Set(files);
  const edges = new Map<string, Map<string, string[]>>();
  for (const f of files) {
    for (const t of importsOf(f)) {
      if (!inSrc.has(t)) continue;
      const a = folderOf(f);
      const b = folderOf(t);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      const to = edges.get(a)!;
      if (!to.has(b)) to.set(b, []);
      to.get(b)!.push(`${path.relative(src, f)} → ${path.relative(src, t)}`);
    }
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const knots: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) {
        const inKnot = new Set(scc);
        knots.push(
          [...inKnot].sort().flatMap((a) =>
            [...(edges.get(a) ?? [])].filter(([b]) => inKnot.has(b)).map(([b, why]) => `${a} → ${b}: ${why.join(', ')}`),
          ),
        );
      }
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return knots;
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

  it('reads type imports too', () => {
    const f = path.join(src, 'x/a.ts');
    const text = "import type { A } from './b.ts';\nimport {\n  type C,\n} from '../c/c.ts';\nexport type { D } from './d.ts';\nconst e = await import('./e.ts');";
    expect(allImports(f, text).map((t) => path.relative(src, t))).toEqual(['x/b.ts', 'c/c.ts', 'x/d.ts', 'x/e.ts']);
  });

  it('finds a knot between folders, through a type import and a sub-folder', () => {
    const file = (p: string) => path.join(src, p);
    const imports: Record<string, string[]> = {
      [file('a/one.ts')]: [file('a/b/two.ts')],
      [file('a/b/two.ts')]: [file('c.ts')],
      [file('c.ts')]: [file('a/one.ts')],
      [file('d/leaf.ts')]: [file('c.ts')],
    };
    const knots = folderCycles(Object.keys(imports), (f) => imports[f] ?? []);
    expect(knots).toEqual([['. → a: c.ts → a/one.ts', 'a → a/b: a/one.ts → a/b/two.ts', 'a/b → .: a/b/two.ts → c.ts']]);
    expect(folderCycles([file('a/one.ts'), file('d/leaf.ts'), file('c.ts')], (f) => (f === file('c.ts') ? [] : imports[f] ?? []))).toEqual([]);
  });

  it('has no import cycle between the folders of src/, type imports included', () => {
    const files = sourceFiles(src);
    expect(folderCycles(files, (f) => allImports(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
