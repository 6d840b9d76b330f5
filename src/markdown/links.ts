// Links and images: only http(s), mailto, tel, site-relative (`/…`) and in-page (`#…`) targets
// become links (contract §4). Everything else — `javascript:`, `vbscript:`, `data:`, relative
// paths — fails validation, and markdown-it then leaves the source as plain text.
// Site-relative targets get the base path; external links get rel="noopener".
import type { MarkdownIt, RendererRule } from 'markdown-it';
import { pageEnv } from './env.ts';

/**
 * markdown-it calls this with the destination after entity decoding and percent-encoding, so
 * `&#106;avascript:`, `JAVASCRIPT:` and `java\tscript:` all arrive here and fail the allow-list:
 * a scheme is accepted only when the very first characters spell it.
 */
export function isAllowedLink(url: string): boolean {
  return /^(?:https?:\/\/|mailto:|tel:|#)/i.test(url) || isSiteRelative(url);
}

/** `/reports/` but not `//host` or `/\host` (browsers read both as another host). */
function isSiteRelative(url: string): boolean {
  return /^\/(?![/\\]|%5c)/i.test(url);
}

/** `/town/` + `/reports/x/` → `/town/reports/x/`. */
export function withBase(base: string, url: string): string {
  return isSiteRelative(url) ? base.replace(/\/+$/, '') + url : url;
}

function isExternal(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function makeLinkOpenRenderer(base: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet('href');
    if (href !== null) {
      token.attrSet('href', withBase(pageEnv(env).base, String(href)));
      if (isExternal(String(href))) token.attrSet('rel', 'noopener');
    }
    return base ? base(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function makeImageRenderer(base: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src');
    if (src !== null) token.attrSet('src', withBase(pageEnv(env).base, String(src)));
    return base ? base(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function linkPlugin(md: MarkdownIt): void {
  md.validateLink = isAllowedLink;
  md.renderer.rules.link_open = makeLinkOpenRenderer(md.renderer.rules.link_open);
  md.renderer.rules.image = makeImageRenderer(md.renderer.rules.image);
}
