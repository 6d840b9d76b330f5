// Front matter: YAML between `---` lines at the top of a Markdown file (contract §1). Errors are
// frontmatter-errors at the file line (front matter lines counted from the file's first line).
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { xmlSafe } from '../charts/escape.ts';
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
  /** the front matter is not valid YAML (already reported): its settings are unknown, not missing */
  broken?: boolean;
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;

const FORM = '每行应写成 键: 值（冒号用半角 ":"，其后加一个空格）';

/** A YAML error → one Chinese message that says how to fix the line (contract §4.3). */
function yamlMessage(code: string, line: string): string {
  const text = line.trim();
  if (line.includes('：') && !/:\s/.test(line)) return `"${text}" 中的冒号须用半角 ":"（后加一个空格），不能用中文冒号 "："`;
  const pair = /^([^\s:#][^:]*?):\s+(.*)$/u.exec(text);
  const key = pair?.[1]?.trim();
  const value = pair?.[2]?.trim() ?? '';
  const quoted = `${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (code === 'DUPLICATE_KEY') return `设置项 "${key ?? text}" 重复：同一个键只能写一次，请删除多余的一行`;
  if (code === 'TAB_AS_INDENT') return `"${text}" 前面用了 Tab 键缩进；设置项须顶格书写，请删除行首的 Tab`;
  if (key !== undefined && value !== '') {
    // `title: 通报: 六月`: the second `: ` would start another setting.
    if (/:\s|:$/.test(value)) return `${key} 的值 "${value}" 中含有冒号 ":"，须给整个值加上引号：${quoted}`;
    if (/^["']/.test(value) && !/^(["']).*\1$/.test(value)) return `${key} 的值 ${value} 的引号没有成对；请补上结尾的引号：${key}: ${value}${value[0]}`;
    if (/^[[\]{}*&!%@`|>,]/.test(value) || /\s#/.test(value)) {
      return `${key} 的值 "${value}" 以特殊符号开头或含有 " #"，须给整个值加上引号：${quoted}`;
    }
  }
  if (/^\s+\S/.test(line) && /^\s+[^\s:#][^:]*:/.test(line)) return `"${text}" 前面多了空格；设置项须顶格书写（${FORM}）`;
  if (key === undefined) return `"${text}" 不是 键: 值 的形式；${FORM}`;
  return `"${text}" 的格式有误；${FORM}；值中含有 : # [ ] { } 等符号时，请给整个值加上英文引号`;
}

/** The first front-matter line (file line) with a mistake staff make, or undefined. */
function likelyLine(lines: readonly string[], close: number): number | undefined {
  let previousScalar = false;
  for (let i = 1; i < close; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const pair = /^(\s*)([^\s:#][^:]*?):(?:\s+(.*))?$/u.exec(line);
    if (pair) {
      const value = (pair[3] ?? '').trim();
      if (pair[1] !== '' && previousScalar) return i + 1;
      if (/:\s|:$/.test(value) && !/^(["']).*\1$/.test(value)) return i + 1;
      if (/^["']/.test(value) && !/^(["']).*\1\s*(?:#.*)?$/.test(value)) return i + 1;
      previousScalar = value !== '' && !/^[|>]/.test(value);
    }
  }
  return undefined;
}

function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [xmlSafe(k), cleanStrings(v)]));
  }
  return value;
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
    return { ...empty, broken: true };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const result: FrontMatter = { data: {}, lines: new Map(), body, lineOffset: close + 1, issues: [] };
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // YAML line 1 is file line 2 (after the opening ---).
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  // One error, at its line: YAML's later errors follow from the first (contract §4.3).
  const error = doc.errors[0];
  if (error !== undefined) {
    // YAML notices some mistakes a line late (an unclosed quote, an indented key): look for the
    // line a person would fix first.
    const row = likelyLine(lines, close) ?? fileLine(error.pos[0]);
    const message = yamlMessage(error.code, lines[row - 1] ?? '');
    result.issues.push({ path: file, row, code: 'frontmatter-error', message });
    result.broken = true;
    return result;
  }
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    const full = /：/.test(yamlText) ? '（冒号须用半角 ":"，不能用中文冒号 "："）' : '';
    result.issues.push({ path: file, row: 2, code: 'frontmatter-error', message: `设置应写成 键: 值 的形式${full}` });
    return { ...result, broken: true };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (range) result.lines.set(key, fileLine(range[0]));
  }
  // YAML escapes ("\e", "\uFFFE") make characters XML forbids after reading: drop them here too.
  const data = cleanStrings(doc.toJS()) as unknown;
  if (data && typeof data === 'object') result.data = data as Record<string, unknown>;
  return result;
}
