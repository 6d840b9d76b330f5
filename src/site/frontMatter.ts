// Front matter: YAML between `---` lines at the top of a Markdown file (contract §1). Errors are
// frontmatter-errors at the file line (front matter lines counted from the file's first line).
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../data/types.ts';

export interface FrontMatter {
  /** the settings, as YAML values (strings, numbers, booleans …) */
  data: Record<string, unknown>;
  /** file line of each key, for messages about its value */
  lines: Map<string, number>;
  /** the Markdown after the front matter */
  body: string;
  /** file lines before the body's first line */
  lineOffset: number;
  issues: Issue[];
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;

function yamlMessage(code: string, message: string, line: string): string {
  if (line.includes('：') && !/:\s/.test(line)) return `"${line.trim()}" 中的冒号须用半角 ":"（后加一个空格），不能用中文冒号 "："`;
  switch (code) {
    case 'DUPLICATE_KEY':
      return '设置项重复：同一个键只能写一次';
    case 'TAB_AS_INDENT':
      return '缩进不能用 Tab 键，请改用空格';
    default:
      return `格式有误（${message.split('\n')[0]}）；每行应写成 键: 值，冒号用半角 ":" 并在其后加一个空格`;
  }
}

/** Split a Markdown file into front matter and body; a file without `---` has no settings. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  const empty: FrontMatter = { data: {}, lines: new Map(), body: source, lineOffset: 0, issues: [] };
  if (!FENCE.test(lines[0] ?? '')) return empty;
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close === -1) {
    empty.issues.push({ path: file, row: 1, code: 'frontmatter-error', message: '文件开头的设置（front matter）缺少结尾的 --- 行' });
    return empty;
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const result: FrontMatter = { data: {}, lines: new Map(), body, lineOffset: close + 1, issues: [] };
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // YAML line 1 is file line 2 (after the opening ---).
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  for (const error of doc.errors) {
    const row = fileLine(error.pos[0]);
    const message = yamlMessage(error.code, error.message, lines[row - 1] ?? '');
    result.issues.push({ path: file, row, code: 'frontmatter-error', message });
  }
  if (doc.errors.length > 0) return result;
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    const full = /：/.test(yamlText) ? '（冒号须用半角 ":"，不能用中文冒号 "："）' : '';
    result.issues.push({ path: file, row: 2, code: 'frontmatter-error', message: `设置应写成 键: 值 的形式${full}` });
    return result;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (range) result.lines.set(key, fileLine(range[0]));
  }
  const data = doc.toJS() as unknown;
  if (data && typeof data === 'object') result.data = data as Record<string, unknown>;
  return result;
}
