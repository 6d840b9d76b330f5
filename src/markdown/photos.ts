// Markdown images naming a file under data/photos/ (`![说明](photos/p1/after.jpg)`): published
// like every photo (resized, without metadata, content-hashed names, src/photos/); a missing or
// unusable file is an error at its line. Links to such a file open its large size.
import type { MarkdownIt, RendererRule, StateCore, Token } from 'markdown-it';
import { pictureHtml, largeUrl } from '../photos/html.ts';
import { isAllowedLink } from './links.ts';
import { fileLine, pageEnv, reportIssue, type MarkdownEnv } from './env.ts';

const PHOTO_PATH = /^(?:\.\/)?(?:data\/)?photos\/[^?#]+$/i;

interface PhotoMeta { photoLine?: number }

/** Core rule: remember the file line of each photo image or link (inline tokens carry none). */
function photoLines(state: StateCore): void {
  let line = 0;
  for (const token of state.tokens) {
    if (token.map) line = token.map[0];
    if (token.type !== 'inline' || !token.children) continue;
    let offset = 0;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') offset++;
      const target = child.type === 'image' ? child.attrGet('src') : child.type === 'link_open' ? child.attrGet('href') : null;
      if (target !== null && PHOTO_PATH.test(decode(String(target)))) {
        child.meta = { ...(child.meta ?? {}), photoLine: line + offset } satisfies PhotoMeta;
      }
    }
  }
}

function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function lineOf(env: MarkdownEnv, token: Token): number {
  return fileLine(env, (token.meta as PhotoMeta | null)?.photoLine ?? 0);
}

function resolve(env: MarkdownEnv, token: Token, target: string) {
  const line = lineOf(env, token);
  if (!env.photos) return { error: reportIssue(env, 'foreign-key-error', line, `照片 ${target} 无法显示：没有读取 data/photos/`, 'span') };
  const found = env.photos.resolve(decode(target));
  if (!found.ok) return { error: reportIssue(env, found.code, line, found.message, 'span') };
  found.source.refs.push({ path: env.file, row: line });
  return { source: found.source, line };
}

function imageRenderer(previous: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src');
    if (src === null || (token.meta as PhotoMeta | null)?.photoLine === undefined) {
      return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    }
    const e = pageEnv(env);
    const r = resolve(e, token, String(src));
    if (!r.source) return r.error ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    if (alt === '') {
      reportIssue(e, 'missing-value', r.line, `照片 ${src} 缺少说明：请写成 ![说明文字](${src})，说明就是读屏软件读给视障人士听的内容`, 'span');
    }
    const count = ((e as MarkdownEnv & { photoCount?: number }).photoCount = ((e as MarkdownEnv & { photoCount?: number }).photoCount ?? 0) + 1);
    // The first photo of a page may be on its first screen; the others load as they come near.
    // On phones `sizes` says half the width on purpose: the 800 px copy is picked up to 4× pixel
    // density (a light page on a slow network); a tap opens the large one.
    const html = pictureHtml(r.source, { alt, base: e.base, sizes: '(min-width: 48rem) 46rem, 50vw', lazy: count > 1 });
    return `<span class="md-photo">${html}</span>`;
  };
}

function linkRenderer(previous: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const target = token.attrGet('href');
    if (target !== null && (token.meta as PhotoMeta | null)?.photoLine !== undefined) {
      const e = pageEnv(env);
      const r = resolve(e, token, String(target));
      // Site-relative: the link renderer below adds the base path.
      token.attrSet('href', r.source ? largeUrl(r.source, '/') : '#');
    }
    return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function photoPlugin(md: MarkdownIt): void {
  const allowed = md.validateLink;
  md.validateLink = (url) => allowed(url) || isAllowedLink(url) || PHOTO_PATH.test(decode(url));
  md.core.ruler.after('inline', 'photo-lines', photoLines);
  md.renderer.rules.image = imageRenderer(md.renderer.rules.image);
  md.renderer.rules.link_open = linkRenderer(md.renderer.rules.link_open);
}
