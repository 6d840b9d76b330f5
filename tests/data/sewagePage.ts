// "A monthly dataset with a topic page" (issue 23), done for real: a copy of src/ with the files a
// newcomer writes or edits for `sewage` (ARCHITECTURE.md, "Where to add…"), and nothing else.
// tests/data/registry.test.ts renders the topic page's content through the copy's own code;
// tests/data/sewagePage.build.test.ts type-checks the copy.
//
// Files are found by what they hold, not by path, so the recipe follows the modules when they move:
// the new module goes beside cleanup's and takes its import lines.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = path.join(import.meta.dirname, '../..');

/**
 * The body of the new dataset module: the definition tests/data/registry.test.ts loads and queries,
 * between its two marker lines, exported (its import lines are cleanup's).
 */
function sewageModule(): string {
  const test = readFileSync(path.join(import.meta.dirname, 'registry.test.ts'), 'utf8');
  const body = /^\/\/ ---- sewage\.ts:.*\n([\s\S]*?)^\/\/ ---- end of sewage\.ts ----$/m.exec(test)?.[1];
  if (!body) throw new Error('registry.test.ts: the sewage.ts marker lines are missing');
  return `\n// sewage.csv: the monthly report of rural domestic sewage treatment (生活污水治理).\n${body.replace(/^(type|const) /gm, 'export $1 ')}`;
}

/** The topic entry: what the page shows, picked by name and by column. */
const SEWAGE_TOPIC = `  {
    slug: 'sewage',
    label: '污水治理',
    title: '生活污水治理',
    requires: 'sewage',
    lead: '农村生活污水治理：各村每月上报处理的户数。',
    charts: ['sewage-monthly', 'sewage-by-village'],
    overview: ['sewage-monthly'],
    township: ['sewage-monthly'],
    kpis: [{ dataset: 'sewage', column: 'treated' }],
    printSheet: false,
  },
`;

const SEWAGE_PRESETS = `  'sewage-monthly': columnMonthlyPreset('sewage', 'treated'),
  'sewage-by-village': columnVillagesPreset('sewage', 'treated'),
`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

/** The one file under `src` whose text contains `marker`. */
function fileHolding(src: string, marker: string): string {
  const found = walk(src).filter((f) => /\.(ts|mjs)$/.test(f) && readFileSync(f, 'utf8').includes(marker));
  if (found.length !== 1) throw new Error(`expected one file holding ${JSON.stringify(marker)}, found ${found.length}`);
  return found[0]!;
}

/** `text` with `insert` put before (or after) the one occurrence of `anchor`. */
function insertAt(text: string, anchor: string, insert: string, where: 'before' | 'after'): string {
  const at = text.indexOf(anchor);
  if (at < 0 || text.indexOf(anchor, at + 1) >= 0) throw new Error(`anchor ${JSON.stringify(anchor)} not found exactly once`);
  const cut = where === 'before' ? at : at + anchor.length;
  return text.slice(0, cut) + insert + text.slice(cut);
}

/** The edits, by file found in the copy: each takes the file's text (null: a new file) and returns the new text. */
function recipe(src: string): Map<string, (text: string | null) => string> {
  const cleanupModule = fileHolding(src, 'export const cleanupSchema');
  const registry = fileHolding(src, 'export const registry = [');
  const presets = fileHolding(src, "'inspection-ranking': {");
  const topics = fileHolding(src, '] as const satisfies readonly TopicEntry[];');
  const cleanupText = readFileSync(cleanupModule, 'utf8');
  const imports = cleanupText.split('\n').filter((l) => l.startsWith('import ')).join('\n');
  const cleanupImport = readFileSync(registry, 'utf8').split('\n').find((l) => l.includes('{ cleanupSchema }'))!;
  return new Map<string, (text: string | null) => string>([
    // 1. the dataset module, beside cleanup's
    [path.join(path.dirname(cleanupModule), 'sewage.ts'), () => `${imports}\n${sewageModule()}`],
    // 2. one line in the registry (and its import)
    [registry, (text) => insertAt(insertAt(text!, '\n] as const;', '\n  sewageSchema,', 'before'), cleanupImport, `\n${cleanupImport.replace(/cleanup/g, 'sewage')}`, 'after')],
    // 3. its charts: two presets, one call each
    [presets, (text) => insertAt(text!, "  'inspection-ranking': {", SEWAGE_PRESETS, 'before')],
    // 4. its topic page: one entry (the default body draws it)
    [topics, (text) => insertAt(text!, '] as const satisfies readonly TopicEntry[];', SEWAGE_TOPIC, 'before')],
  ]);
}

export interface SewageCopy {
  /** the copy's root (src/ and a link to node_modules) */
  root: string;
  /** the files written or edited, relative to the root */
  touched: string[];
  /** import a module of the copy by the marker it holds (`export function loadProject(`) */
  load<T>(marker: string): Promise<T>;
  remove(): void;
}

/** A copy of src/ with sewage and its topic page added, under the OS temp folder. */
export function sewageCopy(): SewageCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'sewage-page-'));
  const src = path.join(root, 'src');
  cpSync(path.join(repo, 'src'), src, { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const touched: string[] = [];
  for (const [file, edit] of recipe(src)) {
    let before: string | null = null;
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      before = null;
    }
    writeFileSync(file, edit(before));
    touched.push(path.relative(root, file));
  }
  return {
    root,
    touched,
    load: (marker) => import(pathToFileURL(fileHolding(src, marker)).href),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Files under the copy's src/ that differ from the repo's (added or changed), relative to the root. */
export function changedFiles(copy: SewageCopy): string[] {
  return walk(path.join(copy.root, 'src'))
    .map((f) => path.relative(copy.root, f))
    .filter((rel) => {
      let original: Buffer | null = null;
      try {
        original = readFileSync(path.join(repo, rel));
      } catch {
        return true;
      }
      return !original.equals(readFileSync(path.join(copy.root, rel)));
    })
    .sort();
}
