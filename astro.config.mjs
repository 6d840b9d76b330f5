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

/**
 * Astro's own rendering of the reports is unused (src/markdown/ renders them, photos included);
 * left alone, its image collection would try to import `![说明](photos/…)` as a module and fail
 * the build with its own message. This drops image nodes from that unused rendering only.
 */
function dropImages() {
  /** @param {any} node */
  const strip = (node) => {
    if (Array.isArray(node.children)) {
      node.children = node.children.filter((/** @type {any} */ c) => c.type !== 'image' && c.type !== 'imageReference');
      node.children.forEach(strip);
    }
  };
  return strip;
}

/** Writes the build's timings (src/build/timings.ts) where the benchmark asks for them. */
/**
 * `npm run build` validates data and content first, in this process, so they are read once per
 * build: on any error the report is printed and the build stops before a page is written.
 * @type {import('astro').AstroIntegration}
 */
const validate = {
  name: 'validate-data-and-content',
  hooks: {
    'astro:config:setup': async ({ command, config }) => {
      if (command !== 'build') return;
      try {
        // Node loads this config file natively, so TypeScript comes in through tsx (scoped import).
        const { tsImport } = await import('tsx/esm/api');
        const { validateForBuild } = await tsImport('./src/build/validate.ts', import.meta.url);
        // 3 tells src/cli/astro.mjs that the data, not the build, failed (it then exits with 1)
        if (!(await validateForBuild(siteDir, config.base))) process.exit(3);
      } catch (error) {
        console.error('检查程序出错（这不是数据问题，请联系技术人员）：');
        console.error(error);
        process.exit(2);
      }
    },
  },
};

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
  markdown: { syntaxHighlight: false, remarkPlugins: [dropImages] },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [validate, ...(site ? [sitemap()] : []), timingsFile],
  vite: {
    server: { fs: { allow: [siteDir, '.'] } },
  },
});
