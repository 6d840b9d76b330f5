// A line break inside a paragraph between two Chinese characters joins them without a space.
// Staff often wrap long lines in their editor; browsers other than Firefox would otherwise show a
// space in the middle of a Chinese sentence (CSS Text 3, "segment break transformation rules").
import type { MarkdownIt, RendererRule, Token } from 'markdown-it';

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function edgeChar(token: Token | undefined, end: boolean): string {
  if (!token) return '';
  const text = token.type === 'figure' ? '' : token.content;
  return end ? text.slice(-1) : text.charAt(0);
}

export function makeSoftbreakRenderer(base: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    if (WIDE.test(edgeChar(tokens[idx - 1], true)) && WIDE.test(edgeChar(tokens[idx + 1], false))) return '';
    return base ? base(tokens, idx, options, env, self) : '\n';
  };
}

export function cjkBreaksPlugin(md: MarkdownIt): void {
  md.renderer.rules.softbreak = makeSoftbreakRenderer(md.renderer.rules.softbreak);
}
