// Heading anchors that work for Chinese headings, and the table of contents.
// Observable Framework's slugger drops CJK characters and leaves Chinese headings with empty
// ids; GitHub's (github-slugger) keeps letters and numbers of every script (`## 工作进展` →
// `id="工作进展"`).
import { slug } from 'github-slugger';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { pageEnv, type MarkdownEnv } from './env.ts';

/** A report gets a table of contents from this many second-level headings on. */
export const tocMinHeadings = 3;

/**
 * GitHub's heading slugs (github-slugger) after NFKC, so full-width letters and spaces read as
 * their ASCII forms: `一、工作进展` → `一工作进展`; `Part 2: Summary` → `part-2-summary`.
 */
export function slugify(text: string): string {
  // Runs of white space are one (a figure left out of a heading's id leaves two spaces).
  return slug(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
}

/**
 * The text a reader sees in an inline token. Figures count with their value in the contents,
 * but not in ids: an anchor must not move when the data is updated.
 */
export function inlineText(token: Token, figures = true): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'figure' && figures) text += (child.meta as { text?: string } | null)?.text ?? '';
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text.trim();
}

export function uniqueId(env: MarkdownEnv, wanted: string): string {
  const stem = wanted || 'section';
  let id = stem;
  for (let n = 2; env.ids.has(id); n++) id = `${stem}-${n}`;
  env.ids.add(id);
  return id;
}

/**
 * Core rule: the report's headings under the page's h1 — the highest level it uses becomes h2,
 * and a heading never goes more than one level below the one before it (`#`, `###` → h2, h3), so
 * the outline has no gap (axe heading-order, WCAG 1.3.1).
 */
export function headingLevelsRule(state: StateCore): void {
  const tokens = state.tokens;
  const opens = tokens.filter((t) => t.type === 'heading_open');
  if (opens.length === 0) return;
  const top = Math.min(...opens.map((t) => Number(t.tag.slice(1))));
  let previous = 1; // the page's own h1
  const tags = new Map<number, string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const level = Math.min(Number(token.tag.slice(1)) - top + 2, previous + 1, 6);
      previous = level;
      token.tag = `h${level}`;
      tags.set(token.level, token.tag);
    } else if (token.type === 'heading_close') {
      token.tag = tags.get(token.level) ?? token.tag;
    }
  }
}

/** Core rule: give every heading an id and collect the contents (h2 and h3). */
export function headingIdsRule(state: StateCore): void {
  const env = pageEnv(state.env);
  const entries = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1];
    if (open.type !== 'heading_open' || !inline) continue;
    const text = inlineText(inline);
    const id = uniqueId(env, slugify(inlineText(inline, false)));
    open.attrSet('id', id);
    entries.push({ id, text, level: Number(open.tag.slice(1)) });
  }
  const h2 = entries.filter((e) => e.level === 2).length;
  env.toc = h2 >= tocMinHeadings ? entries.filter((e) => e.level === 2 || e.level === 3) : [];
}

export function headingPlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_levels', headingLevelsRule);
  md.core.ruler.push('heading_ids', headingIdsRule);
}
