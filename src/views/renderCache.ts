// HTML drawn once per build and used twice. A village's sheet (src/components/VillageSheet.astro)
// is rendered on its page and again in its township's print job (/ranking/<YYYY-MM>/print/…), and
// Astro builds the print jobs first: without this its charts and QR code were drawn twice, about
// a fifth of a county's build time. `npm run build` (src/cli/astro.mjs) gives the pages a folder
// for it (SITE_RENDER_CACHE_DIR, emptied before every Astro run); without one (`npm run dev`, a
// plain `astro build`, tests) nothing is cached.
//
// On disk, not in memory: the print jobs of 20,000 villages come long before their pages, and
// their HTML would hold hundreds of MB for the whole build. One file per build process, appended
// to, with the index (key → where its bytes are) in memory: a file per entry cost ~0.5 ms to
// unlink in a folder of 40,000 at that scale. An entry is read once and forgotten (each sheet is
// rendered twice); a third use draws again, the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { processState, readConfig, type SiteConfig } from '../config.mjs';

export interface RenderCache {
  /** the HTML stored under `key`, removed from the cache; undefined if there is none */
  take(key: string): string | undefined;
  put(key: string, html: string): void;
}

/**
 * A key for HTML drawn from `input` (anything JSON can spell: a chart spec and its links, a QR
 * code's text): `kind` and a hash of the JSON, so two inputs that differ in anything never share.
 */
export function renderKey(kind: string, input: unknown): string {
  return `${kind}-${createHash('sha1').update(JSON.stringify(input)).digest('hex')}`;
}

/**
 * The cache in `dir` (made on the first store): one file, `html-<pid>.bin`, and its index. Every
 * call for the same folder in this process gives the same cache.
 */
export function directoryCache(dir: string): RenderCache {
  const known = caches().get(dir);
  if (known) return known;
  let fd: number | null = null;
  let end = 0;
  const where = new Map<string, { at: number; length: number }>();
  const cache: RenderCache = {
    take(key) {
      const entry = where.get(key);
      if (!entry || fd === null) return undefined;
      where.delete(key);
      const bytes = Buffer.alloc(entry.length);
      readSync(fd, bytes, 0, entry.length, entry.at);
      return bytes.toString('utf8');
    },
    put(key, html) {
      if (fd === null) {
        mkdirSync(dir, { recursive: true });
        fd = openSync(path.join(dir, `html-${process.pid}.bin`), 'w+');
      }
      const bytes = Buffer.from(html, 'utf8');
      writeSync(fd, bytes, 0, bytes.length, end);
      where.set(key, { at: end, length: bytes.length });
      end += bytes.length;
    },
  };
  caches().set(dir, cache);
  return cache;
}

/** Process-wide, not per module instance: two instances with an index each would share the file. */
function caches(): Map<string, RenderCache> {
  const state = processState();
  return (state.renderCaches ??= new Map<string, RenderCache>()) as Map<string, RenderCache>;
}

/** The pages' cache in `npm run build`; undefined elsewhere. */
export function pageCache(config: SiteConfig = readConfig()): RenderCache | undefined {
  return config.renderCacheDir === null ? undefined : directoryCache(config.renderCacheDir);
}

/** `draw()` once: the cached HTML when `cache` holds it, else drawn and stored. */
export async function cachedHtml(cache: RenderCache | undefined, key: () => string, draw: () => string | Promise<string>): Promise<string> {
  if (!cache) return draw();
  const k = key();
  const known = cache.take(k);
  if (known !== undefined) return known;
  const html = await draw();
  cache.put(k, html);
  return html;
}
