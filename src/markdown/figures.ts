// `{{ AGG DATASET.COLUMN [where …] }}` in inline text (contract §4.2) → `<span class="figure">`.
// The inline rule only marks the figure (code spans and blocks never reach it); a core rule
// after `inline` evaluates it with the line it stands on, so errors name the file line.
import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { escapeText } from '../charts/escape.ts';
import { evaluateFigure } from '../query/figure.ts';
import { fileLine, pageEnv, reportIssue } from './env.ts';

type FigureMeta = {
  /** the text between `{{` and `}}`; null when the closing `}}` is missing */
  expression: string | null;
  /** line breaks before the figure in its inline block */
  lineInBlock: number;
  /** filled by the core rule */
  html?: string;
  text?: string;
};

const OPEN = 0x7b; // {

export function figureInlineRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== OPEN || src.charCodeAt(pos + 1) !== OPEN) return false;
  const close = src.indexOf('}}', pos + 2);
  // An unclosed `{{` runs to the end of the paragraph: better a clear error than half a figure.
  const end = close === -1 || close >= state.posMax ? state.posMax : close + 2;
  if (!silent) {
    const token = state.push('figure', 'span', 0);
    const meta: FigureMeta = {
      expression: close === -1 || close >= state.posMax ? null : src.slice(pos + 2, close),
      lineInBlock: src.slice(0, pos).split('\n').length - 1,
    };
    token.meta = meta;
    token.content = src.slice(pos, end);
  }
  state.pos = end;
  return true;
}

function evaluate(state: StateCore, token: Token, blockLine: number): void {
  const env = pageEnv(state.env);
  const meta = token.meta as unknown as FigureMeta;
  const line = fileLine(env, blockLine + meta.lineInBlock);
  if (meta.expression === null) {
    meta.html = reportIssue(env, 'expression-error', line, `"${token.content.trim()}" 缺少结尾的 }}`, 'span');
    meta.text = '';
    return;
  }
  const result = evaluateFigure(env.tables, meta.expression);
  if (result.ok) {
    meta.text = result.value.text;
    meta.html = `<span class="figure">${escapeText(result.value.text)}</span>`;
  } else {
    const message = result.errors.map((e) => e.message).join('；');
    // Only when every problem follows from an unreadable data file is the figure a consequence.
    const cause = result.errors.every((e) => e.cause !== undefined) ? result.errors[0]!.cause : undefined;
    meta.html = reportIssue(env, 'expression-error', line, `{{${meta.expression}}}：${message}`, 'span', cause);
    meta.text = '';
  }
}

function visit(state: StateCore, children: Token[], blockLine: number): void {
  for (const child of children) {
    if (child.type === 'figure') evaluate(state, child, blockLine);
    // Image descriptions are parsed separately; their figures count from the image's line.
    else if (child.children) visit(state, child.children, blockLine);
  }
}

/** Core rule (after `inline`): evaluate every figure with the file line it stands on. */
export function figureCoreRule(state: StateCore): void {
  let line = 0;
  for (const token of state.tokens) {
    // Table cells carry no map; they stand on the line of the row opened before them.
    if (token.map) line = token.map[0];
    if (token.type === 'inline' && token.children) visit(state, token.children, line);
  }
}

export const renderFigure: RendererRule = (tokens, idx) => (tokens[idx]!.meta as unknown as FigureMeta).html ?? '';

export function figurePlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'figure', figureInlineRule);
  md.core.ruler.after('inline', 'figures', figureCoreRule);
  md.renderer.rules.figure = renderFigure;
}
