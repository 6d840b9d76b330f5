// `npm run screenshots`: builds the site under /town/ (or reuses E2E_DIST=<folder>), serves it with
// nginx and writes a full-page PNG (and one of the first screen) of every page type at 360 px, at
// 标准 and at 特大, at the phone's own text enlargement approximated two ways (2× page zoom: a
// 180 px wide viewport drawn at device scale 2; a 32 px default font), and at 320 px 特大, into
// tests/.out/screenshots/360/ (git-ignored), for a reviewer to look at; plus the printed 公示
// sheets (ranking, village) as PDF and as a PNG of the print layout. SITE_DIR=<folder> shoots
// another data set. Needs Debian's Chromium and nginx, like the browser tests.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/browser.ts';
import { buildSite, projectTempDir, REPO_ROOT } from './support/build.ts';
import { startNginx } from './support/nginx.ts';

const OUT = path.join(REPO_ROOT, 'tests/.out/screenshots/360');
/** The settings shot: the site's text size, the viewport, and the browser's default font size. */
const SIZES = [
  { name: 'standard', value: '', width: 360, scale: 1, defaultFont: 0 },
  { name: 'xl', value: 'xl', width: 360, scale: 1, defaultFont: 0 },
  { name: 'xl-320', value: 'xl', width: 320, scale: 1, defaultFont: 0 },
  { name: 'zoom2x', value: '', width: 180, scale: 2, defaultFont: 0 },
  { name: 'font32', value: '', width: 360, scale: 1, defaultFont: 32 },
] as const;

async function main(): Promise<void> {
  let tmp: string | undefined;
  let distDir = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : '';
  if (!distDir) {
    tmp = projectTempDir('screenshots-');
    console.log('screenshots: building the site under /town/ …');
    distDir = (await buildSite({ outDir: tmp, base: '/town/', siteDir: process.env.SITE_DIR })).outDir;
  }
  const read = (p: string): string => {
    try { return readFileSync(path.join(distDir, p, 'index.html'), 'utf8'); } catch { return ''; }
  };
  const all = (p: string, pattern: RegExp): string[] => [...read(p).matchAll(pattern)].map((m) => decodeURI(m[1]!));
  // A village with photos (the 整治前后 pair is part of its first two screens), the longest report.
  const villages = all('villages', /href="\/town\/(villages\/[^"/]+\/)"/g);
  const village = villages.find((v) => /<img\b/.test(read(v))) ?? villages[0] ?? null;
  const report = all('reports', /<a href="\/town\/(reports\/[^"]+\/)">/g).sort((a, b) => read(b).length - read(a).length)[0] ?? null;
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
      const height = Math.round(740 * size.width / 360);
      const ctx = await browser.newContext({ viewport: { width: size.width, height }, deviceScaleFactor: size.scale });
      await ctx.addInitScript(`try { localStorage.setItem('rjhj-text', ${JSON.stringify(size.value)}); } catch (e) {}`);
      const page = await ctx.newPage();
      // The browser's default font size (Chromium's 字体大小 setting), through the DevTools protocol.
      if (size.defaultFont) {
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: size.defaultFont, fixed: size.defaultFont } });
      }
      for (const [name, p] of pages) {
        await page.goto(`${server.home}${p}`, { waitUntil: 'load' });
        const file = path.join(OUT, `${name}-${size.width}-${size.name}.png`);
        await page.screenshot({ path: file.replace(/\.png$/, '-first-screen.png') });
        // The whole page: the viewport grown to its height, not `fullPage`, which resets the font
        // sizes set above (seen here) and leaves the charts below the first screen blank (a chart
        // is `content-visibility: auto`, drawn when it is near the viewport: src/charts/css.ts).
        const full = (await page.evaluate('document.documentElement.scrollHeight')) as number;
        await page.setViewportSize({ width: size.width, height: full });
        await page.screenshot({ path: file });
        await page.setViewportSize({ width: size.width, height });
        console.log(`screenshots: ${path.relative(REPO_ROOT, file)}`);
      }
      await ctx.close();
    }
    // The printed sheets: a PDF each, and the print layout at A4 width as a PNG to look at.
    const ctx = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await ctx.newPage();
    for (const [name, p] of pages.filter(([n]) => n === 'ranking' || n === 'village')) {
      await page.goto(`${server.home}${p}`, { waitUntil: 'load' });
      await page.pdf({ path: path.join(OUT, `${name}-print.pdf`), format: 'A4', preferCSSPageSize: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(OUT, `${name}-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      console.log(`screenshots: ${name}-print.pdf, ${name}-print.png`);
    }
    await ctx.close();
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
