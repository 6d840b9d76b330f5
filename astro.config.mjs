// @ts-check
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { devWatch } from './src/project/devWatch.mjs';
import { processState, readConfig } from './src/config.mjs';

// SITE_DIR points at a folder holding data/, content/ and public/ (default: this project).
// Tests and the benchmark use it to build fixture sites with the same code. The environment is
// read here, once, and handed on (src/config.mjs).
const config = readConfig();
const siteDir = config.siteDir;

/**
 * The public address from content/site.md (`url`), needed by RSS and the sitemap: read by the same
 * code as `npm run check` and the pages (any encoding staff may save in, the same front matter
 * rules), so the sitemap and the canonical links never disagree about it.
 */
async function siteUrl() {
  try {
    // Node loads this config file natively, so TypeScript comes in through tsx (scoped import).
    const { tsImport } = await import('tsx/esm/api');
    const { loadSiteSettings } = await tsImport('./src/texts/settings.ts', import.meta.url);
    return loadSiteSettings(siteDir).settings?.url ?? undefined;
  } catch {
    return undefined; // `npm run check` reports a missing or broken site.md
  }
}

const site = await siteUrl();

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

/** Writes the build's timings (src/project/timings.ts) where the benchmark asks for them. */
/**
 * `npm run build` validates data and content first, in this process, so they are read once per
 * build: on any error the report is printed and the build stops before a page is written.
 * @type {import('astro').AstroIntegration}
 */
const validate = {
  name: 'validate-data-and-content',
  hooks: {
    'astro:config:setup': async ({ command, config: astroConfig }) => {
      if (command !== 'build') return;
      // Node loads this config file natively, so TypeScript comes in through tsx (scoped import).
      const { tsImport } = await import('tsx/esm/api');
      const { validateForBuild } = await tsImport('./src/build/validate.ts', import.meta.url);
      if (await validateForBuild(siteDir, astroConfig.base, config.now, config.reportShown)) {
        // src/cli/astro.mjs: a retry of this build need not print the warnings again
        if (config.buildStatus) writeFileSync(config.buildStatus, JSON.stringify({ reported: true }));
        return;
      }
      // The report is printed. Tell src/cli/astro.mjs that the data, not the build, failed, and
      // stop Astro by throwing (a hook must not call process.exit: Astro would skip its cleanup).
      if (config.buildStatus) writeFileSync(config.buildStatus, JSON.stringify({ invalid: true }));
      const error = new Error('数据或内容有错误（见上面的列表），构建已停止。');
      error.stack = error.message;
      throw error;
    },
  },
};

/**
 * Astro copies public/ as it is: every JPEG, PNG and WebP in it that carries metadata (a phone
 * photo's GPS) is written again without it, upright, with a warning (contract §3.10). Symbolic
 * links in public/ are refused earlier, by the validation step, so the copy never followed one.
 * @type {import('astro').AstroIntegration}
 */
const publicPhotos = {
  name: 'public-photos-without-metadata',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const { tsImport } = await import('tsx/esm/api');
      const { cleanPublicPhotos } = await tsImport('./src/project/siteFiles.ts', import.meta.url);
      const { formatReport } = await tsImport('./src/data/report.ts', import.meta.url);
      const { cleaned, issues } = await cleanPublicPhotos(path.join(siteDir, 'public'), fileURLToPath(dir));
      const warnings = cleaned.map((/** @type {string} */ file) => ({
        path: file, code: 'warning',
        message: `${file} 带有拍摄信息（EXIF/XMP，可能含拍摄地点），发布的副本已去除这些信息并摆正方向；原文件未改动`,
      }));
      if (warnings.length > 0) console.log(formatReport(warnings));
      if (issues.length > 0) {
        console.error(formatReport(issues));
        if (config.buildStatus) writeFileSync(config.buildStatus, JSON.stringify({ invalid: true }));
        const error = new Error('public/ 中有无法读取的照片（见上面的列表），构建已停止。');
        error.stack = error.message;
        throw error;
      }
    },
  },
};

/** @type {import('astro').AstroIntegration} */
const timingsFile = {
  name: 'build-timings',
  hooks: {
    'astro:build:done': ({ pages }) => {
      if (!config.timingsFile) return;
      const t = /** @type {object} */ (processState().timings ?? {});
      writeFileSync(config.timingsFile, JSON.stringify({ ...t, pages: pages.length, nodeOptions: config.nodeOptions }, null, 2));
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
  integrations: [validate, ...(site ? [sitemap()] : []), publicPhotos, timingsFile, devWatch(siteDir)],
  vite: {
    // `npm run dev -- --host` is reachable from the office network: Vite's /@fs/ serves only the
    // site's code and its packages, never data/ originals (photos with GPS, raw CSV) or drafts.
    // public/ is served by Vite's own public-folder handler, which this does not restrict.
    server: { fs: { strict: true, allow: [path.resolve('src'), path.resolve('node_modules')] } },
  },
});
