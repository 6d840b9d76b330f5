// @ts-check
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';

// SITE_DIR points at a folder holding data/, content/ and public/ (default: this project).
// Tests and the benchmark use it to build fixture sites with the same code.
const siteDir = path.resolve(process.env.SITE_DIR || '.');

/** The public address from content/site.md (`url`), needed by RSS and the sitemap. */
function siteUrl() {
  try {
    const text = readFileSync(path.join(siteDir, 'content', 'site.md'), 'utf8');
    const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const url = match ? parse(match[1] ?? '')?.url : undefined;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
  } catch {
    return undefined; // `npm run check` reports a missing or broken site.md
  }
}

const site = siteUrl();

/** Writes the build's timings (src/build/timings.ts) where the benchmark asks for them. */
/** @type {import('astro').AstroIntegration} */
const timingsFile = {
  name: 'build-timings',
  hooks: {
    'astro:build:done': ({ pages }) => {
      const file = process.env.SITE_TIMINGS_FILE;
      if (!file) return;
      const t = /** @type {any} */ (globalThis)[Symbol.for('renju.buildTimings')] ?? {};
      writeFileSync(file, JSON.stringify({ ...t, pages: pages.length }, null, 2));
    },
  },
};

export default defineConfig({
  site,
  publicDir: path.join(siteDir, 'public'),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  // Reports are rendered by our markdown-it pipeline; Astro's own Markdown rendering of the
  // content collection is unused, so skip its syntax highlighting.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [...(site ? [sitemap()] : []), timingsFile],
  vite: {
    server: { fs: { allow: [siteDir, '.'] } },
  },
});
