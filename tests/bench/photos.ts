// Photos in the benchmark: (a) a village page with six phone photos — bytes of the first load on
// the Slow 4G phone profile and of the whole page after scrolling to the end; (b) build time for
// 300 photos of 12 megapixels, first build (empty cache) and rebuild (cache kept), with peak
// memory of the build's process tree; (c) a crawl of the photo site: no broken image, no link
// leaving the site.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, watchContext } from '../e2e/support/browser.ts';
import { buildSite, projectTempDir, REPO_ROOT } from '../e2e/support/build.ts';
import { crawlSite } from '../e2e/support/crawl.ts';
import { startNginx } from '../e2e/support/nginx.ts';
import { phonePhoto } from '../support/photos.ts';
import { sampleMemory, type MemoryPeak } from './memory.ts';
import { measurePages } from './pages.ts';
import { OBSERVABLE_FRAMEWORK, SLOW_4G } from './peers.ts';

const BASE = '/town/';
export const PHOTO_TARGETS = { firstLoadShareOfPeer: 0.3, rebuildShareOfFirst: 0.1, maxMemoryBytes: 1024 ** 3 };

/** The repository's own site (data and content) with `photos` replacing its sample photos. */
function siteWithPhotos(dir: string, photos: { file: string; bytes: Buffer; village: string; stage: string; pair: string; date: string }[]): void {
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  rmSync(path.join(dir, 'data/photos'), { recursive: true, force: true });
  for (const p of photos) {
    mkdirSync(path.dirname(path.join(dir, 'data/photos', p.file)), { recursive: true });
    writeFileSync(path.join(dir, 'data/photos', p.file), p.bytes);
  }
  const rows = photos.map((p) => `${p.file},${p.village},,${p.date},${p.stage},${p.pair},${p.village} ${p.pair} ${p.stage}`);
  writeFileSync(path.join(dir, 'data/photos.csv'), ['文件,村,建设点编号,日期,阶段,对比组,说明', ...rows].join('\n') + '\n');
}

/** A different file with the same picture: a JPEG comment segment right after SOI. */
function variant(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`bench ${n}`);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, text, jpeg.subarray(2)]);
}

/** Six 12-megapixel phone photos, drawn once and kept in tests/.tmp/ (drawing them is slow). */
async function basePhotos(count: number): Promise<Buffer[]> {
  const dir = path.join(REPO_ROOT, 'tests/.tmp/bench-photo-bases-v2');
  mkdirSync(dir, { recursive: true });
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `${i}.jpg`);
    if (!existsSync(file)) {
      writeFileSync(file, await phonePhoto({ width: 4000, height: 3000, stage: i % 2 ? 'after' : 'before', seed: i + 1, grain: true, orientation: i % 3 === 0 ? 6 : 1 }));
    }
    out.push(readFileSync(file));
  }
  return out;
}

export interface PhotoPageFigures {
  path: string;
  photos: number;
  firstLoad: { bytes: number; requests: number; images: number; shareOfPeer: number; met: boolean };
  afterScroll: { bytes: number; requests: number; images: number };
  crawl: { urls: number; brokenImages: string[]; otherProblems: string[] };
  offsite: string[];
}

async function scrolledLoad(browser: Browser, url: string): Promise<{ bytes: number; requests: number; images: number; offsite: string[] }> {
  const context = await browser.newContext({ viewport: SLOW_4G.viewport });
  const watch = watchContext(context);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const types = new Map<string, string>();
    let bytes = 0;
    let requests = 0;
    let images = 0;
    cdp.on('Network.requestWillBeSent', (e) => { if (!e.request.url.startsWith('data:')) requests++; });
    cdp.on('Network.responseReceived', (e) => { types.set(e.requestId, e.type); });
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Image') images++;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW_4G.latency, downloadThroughput: SLOW_4G.downloadThroughput, uploadThroughput: SLOW_4G.uploadThroughput,
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Scroll a screen at a time to the end, as a resident reading the page does.
    for (let i = 0; i < 60; i++) {
      const done = await page.evaluate('(() => { window.scrollBy(0, window.innerHeight); return window.innerHeight + window.scrollY >= document.body.scrollHeight - 2; })()');
      await page.waitForTimeout(300);
      if (done) break;
    }
    // networkidle was reached before scrolling, so wait for the shown images themselves (the
    // print-only pair is display:none on screen, and a lazy image there is never fetched).
    await page.waitForFunction('[...document.images].filter((i) => i.getClientRects().length > 0).every((i) => i.complete)', undefined, { timeout: 180_000, polling: 500 });
    await page.waitForTimeout(1000);
    return { bytes, requests, images, offsite: watch.offsite.map((p) => p.detail) };
  } finally {
    await context.close();
  }
}

/** (a) and (c): a village page with six photos (three pairs). */
export async function photoPage(runs: number, log: (l: string) => void): Promise<PhotoPageFigures> {
  const dir = projectTempDir('bench-photo-page-');
  try {
    const pics = await basePhotos(6);
    const village = 'yj-changtang';
    siteWithPhotos(dir, pics.map((bytes, i) => ({
      file: `p${Math.floor(i / 2) + 1}/${i % 2 ? 'after' : 'before'}.jpg`, bytes, village,
      stage: i % 2 ? '整治后' : '整治前', pair: `巷道${Math.floor(i / 2) + 1}`, date: i % 2 ? '2023-09-01' : '2023-03-01',
    })));
    const outDir = path.join(dir, 'dist');
    await buildSite({ outDir, siteDir: dir, base: BASE, env: { PHOTO_CACHE_DIR: path.join(dir, 'cache') } });
    const server = await startNginx({ distDir: outDir, base: BASE });
    const browser = await launchChromium();
    try {
      const url = `${server.home}villages/${village}/`;
      const [first] = await measurePages(browser, new Map([['village with 6 photos', url]]), runs);
      const scrolled = await scrolledLoad(browser, url);
      const crawl = await crawlSite({ home: server.home });
      const isImage = (d: string) => /\.(jpg|webp|png|avif)\b/.test(d);
      const problems = [...crawl.badStatus, ...crawl.badType, ...crawl.escapes].map((p) => `${p.page}: ${p.detail}`);
      const imagesFirst = await firstLoadImages(browser, url);
      const share = first!.bytes / OBSERVABLE_FRAMEWORK.bytes;
      const figures: PhotoPageFigures = {
        path: `/town/villages/${village}/`,
        photos: 6,
        firstLoad: { bytes: first!.bytes, requests: first!.requests, images: imagesFirst, shareOfPeer: share, met: share <= PHOTO_TARGETS.firstLoadShareOfPeer },
        afterScroll: { bytes: scrolled.bytes, requests: scrolled.requests, images: scrolled.images },
        crawl: { urls: crawl.urls.size, brokenImages: problems.filter(isImage), otherProblems: problems.filter((p) => !isImage(p)) },
        offsite: [...new Set([...first!.problems, ...scrolled.offsite])],
      };
      log(`   village page with 6 photos: first load ${first!.bytes.toLocaleString('en-US')} bytes in ${first!.requests} requests ` +
        `(${imagesFirst} images) = ${(share * 100).toFixed(1)}% of the peer's ${OBSERVABLE_FRAMEWORK.bytes.toLocaleString('en-US')} ` +
        `→ target ≤ 30%: ${figures.firstLoad.met ? 'MET' : 'NOT MET'}`);
      log(`   after scrolling to the end: ${scrolled.bytes.toLocaleString('en-US')} bytes in ${scrolled.requests} requests (${scrolled.images} images)`);
      log(`   crawl: ${crawl.urls.size} URLs, broken images: ${figures.crawl.brokenImages.length}, other problems: ${figures.crawl.otherProblems.length}, requests leaving the site: ${figures.offsite.length}`);
      for (const p of [...figures.crawl.brokenImages, ...figures.crawl.otherProblems, ...figures.offsite].slice(0, 10)) log(`   ! ${p}`);
      return figures;
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firstLoadImages(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: SLOW_4G.viewport });
  try {
    const page = await context.newPage();
    let images = 0;
    page.on('requestfinished', (r) => { if (r.resourceType() === 'image') images++; });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    return images;
  } finally {
    await context.close();
  }
}

export interface PhotoBuildFigures {
  photos: number;
  megapixels: number;
  first: { ms: number; photosMs: number | null; memory: MemoryPeak };
  rebuild: { ms: number; photosMs: number | null; memory: MemoryPeak };
  rebuildShareOfFirst: number;
  met: { rebuild: boolean; memory: boolean };
  publishedFiles: number;
}

/** (b): 300 photos of 12 megapixels, first build and rebuild. */
export async function photoBuild(count: number, log: (l: string) => void): Promise<PhotoBuildFigures> {
  const dir = projectTempDir('bench-photo-build-');
  try {
    const bases = await basePhotos(6);
    const villages = readFileSync(path.join(REPO_ROOT, 'data/villages.csv'), 'utf8').split(/\r?\n/).slice(1).map((l) => l.split(',')[0]!).filter(Boolean);
    siteWithPhotos(dir, Array.from({ length: count }, (_, i) => ({
      file: `v${i % villages.length}/photo-${i}.jpg`, bytes: variant(bases[i % bases.length]!, i), village: villages[i % villages.length]!,
      stage: i % 2 ? '整治后' : '整治前', pair: `组${Math.floor(i / 2)}`, date: i % 2 ? '2023-09-01' : '2023-03-01',
    })));
    const env = { PHOTO_CACHE_DIR: path.join(dir, 'cache'), SITE_TIMINGS_FILE: path.join(dir, 'timings.json') };
    const once = async (label: string) => {
      const outDir = path.join(dir, `dist-${label}`);
      let sampler: ReturnType<typeof sampleMemory> | undefined;
      let memory: MemoryPeak = { maxProcessBytes: 0, maxTreeBytes: 0, samples: 0 };
      log(`   ${label} build of ${count} photos …`);
      const built = await buildSite({ outDir, siteDir: dir, env, onSpawn: (c) => { if (c.pid) sampler = sampleMemory(c.pid); } })
        .finally(() => { if (sampler) memory = sampler.stop(); });
      const timings = existsSync(env.SITE_TIMINGS_FILE) ? JSON.parse(readFileSync(env.SITE_TIMINGS_FILE, 'utf8')) : {};
      const published = existsSync(path.join(outDir, 'assets/photos')) ? readdirSync(path.join(outDir, 'assets/photos')).length : 0;
      rmSync(outDir, { recursive: true, force: true });
      return { ms: built.ms, photosMs: typeof timings.photosMs === 'number' ? timings.photosMs : null, memory, published };
    };
    const first = await once('first');
    const rebuild = await once('re');
    const share = rebuild.ms / first.ms;
    const peak = Math.max(first.memory.maxTreeBytes, rebuild.memory.maxTreeBytes);
    const figures: PhotoBuildFigures = {
      photos: count,
      megapixels: 12,
      first: { ms: first.ms, photosMs: first.photosMs, memory: first.memory },
      rebuild: { ms: rebuild.ms, photosMs: rebuild.photosMs, memory: rebuild.memory },
      rebuildShareOfFirst: share,
      met: { rebuild: share <= PHOTO_TARGETS.rebuildShareOfFirst, memory: peak < PHOTO_TARGETS.maxMemoryBytes },
      publishedFiles: first.published,
    };
    const s = (n: number | null) => (n === null ? 'n/a' : `${(n / 1000).toFixed(1)} s`);
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
    log(`   first build ${s(first.ms)} (photo encoding ${s(first.photosMs)}), rebuild ${s(rebuild.ms)} (photos ${s(rebuild.photosMs)}); ` +
      `rebuild = ${(share * 100).toFixed(1)}% of first → target ≤ 10%: ${figures.met.rebuild ? 'MET' : 'NOT MET'}; ` +
      `photo stage alone: ${first.photosMs && rebuild.photosMs ? `${((rebuild.photosMs / first.photosMs) * 100).toFixed(1)}%` : 'n/a'}`);
    log(`   peak memory (tree) first ${mib(first.memory.maxTreeBytes)}, rebuild ${mib(rebuild.memory.maxTreeBytes)}; largest process ` +
      `${mib(Math.max(first.memory.maxProcessBytes, rebuild.memory.maxProcessBytes))} → target < 1 GiB: ${figures.met.memory ? 'MET' : 'NOT MET'}; ` +
      `${first.published} files published`);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
