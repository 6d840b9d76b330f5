// `npm run screenshots`: builds the site under /town/ (or reuses E2E_DIST=<folder>), serves it with
// nginx and writes a full-page PNG of every page type at 360 px, at 标准 and at 特大, into
// tests/.out/screenshots/360/ (git-ignored), for a reviewer to look at. SITE_DIR=<folder> shoots
// another data set. Needs Debian's Chromium and nginx, like the browser tests.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.ts';
import { buildSite, projectTempDir, REPO_ROOT } from './support/build.ts';
import { startNginx } from './support/nginx.ts';

const OUT = path.join(REPO_ROOT, 'tests/.out/screenshots/360');
const SIZES = [
  { name: 'standard', value: '' },
  { name: 'xl', value: 'xl' },
] as const;

async function main(): Promise<void> {
  let tmp: string | undefined;
  let distDir = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : '';
  if (!distDir) {
    tmp = projectTempDir('screenshots-');
    console.log('screenshots: building the site under /town/ …');
    distDir = (await buildSite({ outDir: tmp, base: '/town/', siteDir: process.env.SITE_DIR })).outDir;
  }
  const first = (file: string, pattern: RegExp): string | null => {
    try { return pattern.exec(readFileSync(path.join(distDir, file), 'utf8'))?.[1] ?? null; } catch { return null; }
  };
  const village = first('villages/index.html', /href="\/town\/(villages\/[^"/]+\/)"/);
  const report = first('reports/index.html', /<a href="\/town\/(reports\/[^"]+\/)">/);
  const pages: [string, string][] = [
    ['home', ''],
    ['cleanup', 'cleanup/'],
    ['construction', 'construction/'],
    ['toilets', 'toilets/'],
    ['ranking', 'ranking/'],
    ['villages', 'villages/'],
    ...(village ? [['village', village] as [string, string]] : []),
    ['reports', 'reports/'],
    ...(report ? [['report', report] as [string, string]] : []),
    ['data', 'data/'],
    ['about', 'about/'],
    ['search', 'search/'],
    ['404', 'no-such-page/'],
  ];
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startNginx({ distDir, base: '/town/' });
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
      await ctx.addInitScript(`try { localStorage.setItem('rjhj-text', ${JSON.stringify(size.value)}); } catch (e) {}`);
      const page = await ctx.newPage();
      for (const [name, p] of pages) {
        await page.goto(`${server.home}${p}`, { waitUntil: 'load' });
        const file = path.join(OUT, `${name}-360-${size.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.screenshot({ path: file.replace(/\.png$/, '-first-screen.png') });
        console.log(`screenshots: ${path.relative(REPO_ROOT, file)}`);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
