// `{{ AGG DATASET.COLUMN [where …] }}` in inline text (contract §4.2) → `<span class="figure">`.
// The inline rule only marks the figure (code spans and blocks never reach it); a core rule
// after `inline` evaluates it with the line it stands on, so errors name the file line.
import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { escapeText } from '../charts/escape.ts';
import { evaluateFigure } from '../query/figureExpression.ts';
import { fileLine, pageEnv, reportIssue } from './env.ts';

type FigureMeta = {
  /** the text between `{{` and `}}`; null when the closing `}}` is missing */
  expression: string | null;
  /** line breaks before the figure in its inline block */
  lineInBlock: number;
  /** typed with full-width braces `｛｛ ｝｝` */
  wide?: boolean;
  /** filled by the core rule */
  html?: string;
  text?: string;
};

const OPEN = 0x7b; // {
const CLOSE = /[}｝][}｝]/gu;

export function figureInlineRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== OPEN || src.charCodeAt(pos + 1) !== OPEN) return false;
  // `}}`, or a close typed with a Chinese input method (`｝｝`, `}｝`, `｝}`): the first of them.
  CLOSE.lastIndex = pos + 2;
  const found = CLOSE.exec(src);
  const close = found ? found.index : -1;
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
    meta.html = reportIssue(env, 'expression-error', line, `"${token.content.trim()}" 缺少结尾的 ${meta.wide ? '｝｝' : '}}'}`, 'span');
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

// Figures typed with a Chinese input method: `｛｛ sum … ｝｝` (full-width, or one brace of each
// kind). markdown-it's text rule never stops at `｛`, so they are found in the text tokens.
const WIDE_OPEN = /[｛{]｛|｛\{/u;
const WIDE_FIGURE = /(?:[｛{]｛|｛\{)([\s\S]*?)(?:[｝}]｝|｝\}|\}\})/u;

/** Split text tokens holding full-width figures into text and figure tokens (contract §4.3). */
function splitWide(state: StateCore, children: Token[]): Token[] {
  const out: Token[] = [];
  let lineInBlock = 0;
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') lineInBlock++;
    if (child.type !== 'text' || !WIDE_OPEN.test(child.content)) {
      out.push(child);
      continue;
    }
    let rest = child.content;
    while (rest !== '') {
      const open = WIDE_OPEN.exec(rest);
      if (!open) break;
      const found = WIDE_FIGURE.exec(rest);
      const at = found && found.index === open.index ? found : null;
      if (open.index > 0) out.push(textToken(state, rest.slice(0, open.index)));
      const figure = new state.Token('figure', 'span', 0);
      const meta: FigureMeta = { expression: at ? at[1]! : null, lineInBlock, wide: true };
      figure.meta = meta;
      figure.content = at ? at[0] : rest.slice(open.index);
      out.push(figure);
      rest = at ? rest.slice(at.index + at[0].length) : '';
    }
    if (rest !== '') out.push(textToken(state, rest));
  }
  return out;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
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
    if (token.type === 'inline' && token.children) {
      if (token.children.some((c) => c.type === 'text' && WIDE_OPEN.test(c.content))) {
        token.children = splitWide(state, token.children);
      }
      visit(state, token.children, line);
    }
  }
}

export const figureRenderRule: RendererRule = (tokens, idx) => (tokens[idx]!.meta as unknown as FigureMeta).html ?? '';

export function figurePlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'figure', figureInlineRule);
  md.core.ruler.after('inline', 'figures', figureCoreRule);
  md.renderer.rules.figure = figureRenderRule;
}
