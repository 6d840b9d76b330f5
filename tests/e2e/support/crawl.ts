// A plain-HTTP crawl of the served site: starting from the home page, follow every link and
// asset under the base, check each answers 200 with the content type its name promises, and
// check no link escapes the base. Cheap enough to cover every page of a large site; the browser
// checks then run on the pages (or a sample of them) this finds.
import { parseHTML } from 'linkedom';
import type { PageProblem } from './browser.ts';

export type PageType =
  | 'home' | 'topic' | 'villages' | 'village' | 'township' | 'reports' | 'report' | 'data' | 'about' | 'other';

export const TOPIC_SLUGS = ['cleanup', 'construction', 'toilets', 'ranking'] as const;

export interface CrawledUrl {
  /** absolute URL without fragment */
  url: string;
  status: number;
  contentType: string;
  /** pages that link to it (first few) */
  from: string[];
  /** whether it is an HTML page we parsed for more links */
  html: boolean;
}

export interface CrawlResult {
  /** every HTML page reached, in crawl order (home first) */
  pages: string[];
  urls: Map<string, CrawledUrl>;
  /** links (raw attribute values) that leave the base on this origin */
  escapes: PageProblem[];
  /** URLs that did not answer 200 */
  badStatus: PageProblem[];
  /** URLs whose content type does not match their name */
  badType: PageProblem[];
  /** HTML pages and the raw links they hold, for checks that need them */
  links: Map<string, string[]>;
  /** HTML pages' `<html lang>` and `<title>` text as served */
  heads: Map<string, { lang: string | null; title: string }>;
}

/** `pageType('/town/villages/yj-x/', '/town/')` → `village`. */
export function pageType(pathname: string, base: string): { type: PageType; key: string } {
  const rest = decodeURIComponent(pathname.slice(base.length)).replace(/index\.html$/, '');
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return { type: 'home', key: 'home' };
  const [first, second] = parts;
  if (parts.length === 1 && (TOPIC_SLUGS as readonly string[]).includes(first!)) return { type: 'topic', key: first! };
  if (first === 'villages') return parts.length === 1 ? { type: 'villages', key: 'villages' } : { type: 'village', key: `village:${second}` };
  if (first === 'townships' && parts.length === 2) return { type: 'township', key: `township:${second}` };
  if (first === 'reports') return parts.length === 1 ? { type: 'reports', key: 'reports' } : { type: 'report', key: `report:${second}` };
  if (parts.length === 1 && first === 'data') return { type: 'data', key: 'data' };
  if (parts.length === 1 && first === 'about') return { type: 'about', key: 'about' };
  return { type: 'other', key: rest };
}

/** The content type a URL's name promises, as a test on the Content-Type header. */
export function expectedContentType(pathname: string): { label: string; test: (ct: string) => boolean } | undefined {
  const lower = pathname.toLowerCase();
  const is = (re: RegExp, label: string) => ({ label, test: (ct: string) => re.test(ct) });
  if (lower.endsWith('/') || lower.endsWith('.html')) return is(/^text\/html\b/, 'text/html');
  if (lower.endsWith('.csv')) return is(/^text\/csv\b/, 'text/csv');
  if (lower.endsWith('.svg')) return is(/^image\/svg\+xml\b/, 'image/svg+xml');
  if (lower.endsWith('.xlsx')) return is(/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\b/, 'the .xlsx type');
  if (lower.endsWith('.xml')) return is(/^(application|text)\/([a-z+]+\+)?xml\b/, 'an XML type');
  if (lower.endsWith('.css')) return is(/^text\/css\b/, 'text/css');
  if (lower.endsWith('.js') || lower.endsWith('.mjs')) return is(/^(text|application)\/javascript\b/, 'JavaScript');
  return undefined;
}

const LINK_SELECTORS: [string, string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
];

/** Raw link values in an HTML document (`srcset` candidates included). */
export function extractLinks(html: string): { follow: string[]; assets: string[]; lang: string | null; title: string } {
  const { document } = parseHTML(html);
  const follow: string[] = [];
  const assets: string[] = [];
  for (const [selector, attr] of LINK_SELECTORS) {
    for (const el of document.querySelectorAll(selector)) {
      const value = el.getAttribute(attr)?.trim();
      if (!value) continue;
      // rel=canonical/alternate point at the public address, which this server is not.
      if (selector === 'link[href]' && /\bcanonical\b/i.test(el.getAttribute('rel') ?? '')) continue;
      (selector === 'a[href]' ? follow : assets).push(value);
    }
  }
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) assets.push(url);
    }
  }
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const title = (document.querySelector('title')?.textContent ?? '').trim();
  return { follow, assets, lang, title };
}

export interface CrawlOptions {
  /** the site's home, e.g. `http://127.0.0.1:8080/town/` */
  home: string;
  /** extra start URLs (e.g. /town/rss.xml, /town/404.html) */
  extra?: string[];
  concurrency?: number;
  /** stop after this many URLs (a safety net, not a sample) */
  maxUrls?: number;
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const home = new URL(options.home);
  const base = home.pathname;
  const result: CrawlResult = {
    pages: [], urls: new Map(), escapes: [], badStatus: [], badType: [], links: new Map(), heads: new Map(),
  };
  const queue: { url: string; from: string; follow: boolean }[] = [];
  const seen = new Set<string>();
  const enqueue = (raw: string, from: string, follow: boolean) => {
    if (/^(mailto|tel|data|javascript|blob|about):/i.test(raw) || raw.startsWith('#')) return;
    if (raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith(base)) {
      result.escapes.push({ page: from, detail: `link "${raw}" is outside ${base}` });
    }
    let url: URL;
    try { url = new URL(raw, from.startsWith('http') ? from : home.href); } catch {
      result.badStatus.push({ page: from, detail: `unparseable link "${raw}"` });
      return;
    }
    if (url.origin !== home.origin) return; // another site (external link): not ours to check
    if (!url.pathname.startsWith(base)) {
      if (!(raw.startsWith('/') && !raw.startsWith('//'))) {
        result.escapes.push({ page: from, detail: `link "${raw}" resolves to ${url.pathname}, outside ${base}` });
      }
      return;
    }
    url.hash = '';
    const key = url.href;
    const known = result.urls.get(key);
    if (known) {
      if (known.from.length < 3 && !known.from.includes(from)) known.from.push(from);
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    queue.push({ url: key, from, follow });
  };

  enqueue(home.href, '(start)', true);
  for (const extra of options.extra ?? []) enqueue(extra, '(start)', true);

  const maxUrls = options.maxUrls ?? 20_000;
  const worker = async () => {
    while (queue.length > 0) {
      if (result.urls.size >= maxUrls) throw new Error(`crawl stopped after ${maxUrls} URLs`);
      const { url, from, follow } = queue.shift()!;
      let response: Response;
      try {
        response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(20_000) });
      } catch (error) {
        result.badStatus.push({ page: from, detail: `${url}: ${String(error)}` });
        continue;
      }
      const contentType = response.headers.get('content-type') ?? '';
      const html = follow && response.status === 200 && /^text\/html\b/.test(contentType);
      const body = html ? await response.text() : (await response.arrayBuffer(), '');
      result.urls.set(url, { url, status: response.status, contentType, from: [from], html });
      if (response.status !== 200) {
        const where = response.headers.get('location');
        result.badStatus.push({ page: from, detail: `${url} answered ${response.status}${where ? ` → ${where}` : ''}` });
        continue;
      }
      const expected = expectedContentType(new URL(url).pathname);
      if (expected && !expected.test(contentType)) {
        result.badType.push({ page: from, detail: `${url} is "${contentType}", expected ${expected.label}` });
      }
      if (!html) continue;
      result.pages.push(url);
      const { follow: anchors, assets, lang, title } = extractLinks(body);
      result.links.set(url, [...anchors, ...assets]);
      result.heads.set(url, { lang, title });
      for (const a of anchors) enqueue(a, url, true);
      for (const a of assets) enqueue(a, url, false);
    }
  };
  // Workers share one queue; one that finds it empty stops, so keep going until all are idle.
  while (queue.length > 0) {
    await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  }
  result.pages.sort((a, b) => (a === home.href ? -1 : b === home.href ? 1 : a.localeCompare(b)));
  return result;
}

/**
 * Pick the pages to open in the browser: every page that is not a village or report page, plus
 * an even sample of at most `maxPerType` village pages and report pages (always the first and
 * the last).
 */
export function samplePages(pages: string[], base: string, maxPerType = 10): string[] {
  const byType = new Map<PageType, string[]>();
  for (const page of pages) {
    const { type } = pageType(new URL(page).pathname, base);
    byType.set(type, [...(byType.get(type) ?? []), page]);
  }
  const chosen: string[] = [];
  for (const [type, list] of byType) {
    if ((type === 'village' || type === 'report') && list.length > maxPerType) {
      const step = (list.length - 1) / (maxPerType - 1);
      const picks = new Set<number>();
      for (let i = 0; i < maxPerType; i++) picks.add(Math.round(i * step));
      for (const i of [...picks].sort((a, b) => a - b)) chosen.push(list[i]!);
    } else {
      chosen.push(...list);
    }
  }
  return pages.filter((p) => chosen.includes(p));
}

/** One representative page per page type (each topic page counts as its own type). */
export function representativePages(pages: string[], base: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const page of pages) {
    const { type, key } = pageType(new URL(page).pathname, base);
    const name = type === 'topic' ? key : type === 'other' ? '' : type;
    if (name && !out.has(name)) out.set(name, page);
  }
  return out;
}
