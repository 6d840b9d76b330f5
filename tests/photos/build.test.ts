// Builds a site with phone photos and reads the output back: no EXIF/GPS in any published image,
// no original published, alt = caption, a phone-sized candidate, lazy loading, upright output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectTempDir } from '../e2e/support/build.ts';
import { buildSite, type Built } from '../site/buildSite.ts';
import { captions, writePhotoSite } from './fixture.ts';

let site: string;
let built: Built;
let published: string[];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

beforeAll(async () => {
  site = projectTempDir('photos-site-');
  await writePhotoSite(site);
  process.env.PHOTO_CACHE_DIR = path.join(projectTempDir('photos-cache-'), 'cache');
  built = buildSite(site);
  delete process.env.PHOTO_CACHE_DIR;
  published = built.code === 0 ? walk(path.join(built.outDir, 'assets/photos')) : [];
});

function riffChunks(b: Buffer): string[] {
  const out: string[] = [];
  for (let i = 12; i + 8 <= b.length; ) {
    out.push(b.toString('latin1', i, i + 4));
    const len = b.readUInt32LE(i + 4);
    i += 8 + len + (len % 2);
  }
  return out;
}

const imgs = (html: string) => [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('photos in the build', () => {
  test('builds', () => {
    expect(built.code, built.output).toBe(0);
    // 4 photos × (800 + 1600) × (WebP + JPEG), the PNG at 800 and 1000
    expect(published.length).toBe(16);
  });

  test('no published image carries EXIF, GPS, XMP or a camera name', async () => {
    // the originals do: the fixture is like a phone's photos
    const original = readFileSync(path.join(site, 'data/photos/phone/IMG_20230920_161500.jpg'));
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(28.5);
    expect((await exifr.parse(original))?.Orientation).toBe('Rotate 90 CW');
    for (const file of published) {
      const bytes = readFileSync(file);
      if (file.endsWith('.jpg')) {
        // exifr reads JPEG (not WebP): every EXIF, GPS, XMP and IPTC block it knows
        const exif = await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: false });
        expect(exif ?? {}, file).not.toHaveProperty('latitude');
        expect(exif, file).toBeUndefined();
        expect(await exifr.gps(bytes).catch(() => undefined), file).toBeUndefined();
      } else {
        // WebP: a RIFF file whose only chunks are the image (no EXIF, XMP or ICCP chunk)
        expect(riffChunks(bytes).filter((c) => !['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(c)), file).toEqual([]);
      }
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, file).toBeUndefined();
      expect(meta.xmp, file).toBeUndefined();
      expect(bytes.includes(Buffer.from('Xiaomi')), file).toBe(false);
    }
  });

  test('no original is published, under any name', () => {
    const originals = walk(path.join(site, 'data/photos')).map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    const all = walk(built.outDir);
    for (const file of all) {
      expect(originals).not.toContain(createHash('sha256').update(readFileSync(file)).digest('hex'));
      expect(path.basename(file)).not.toMatch(/IMG_|ditch|sign\.png/);
    }
    // photos are published as JPEG/WebP; the only PNGs are the site's own pictures (contract §6.2)
    const pictures = /[\\/]data[\\/]charts[\\/][^\\/]+\.png$|[\\/]honghei\.png$|[\\/]data[\\/]share\.png$/;
    expect(all.filter((f) => f.endsWith('.png') && !pictures.test(f))).toEqual([]);
  });

  test('every <img> has its caption as alt, a phone-sized candidate and width/height', () => {
    const known = new Set(Object.values(captions));
    let count = 0;
    for (const page of built.htmlFiles()) {
      for (const tag of imgs(built.read(page))) {
        count++;
        expect(known.has(attr(tag, 'alt') ?? ''), `${page}: ${tag}`).toBe(true);
        const widths = (attr(tag, 'srcset') ?? '').split(',').map((c) => Number(/(\d+)w$/.exec(c.trim())?.[1]));
        expect(Math.min(...widths), tag).toBeLessThanOrEqual(800);
        expect(Number(attr(tag, 'width')), tag).toBeGreaterThan(0);
        expect(Number(attr(tag, 'height')), tag).toBeGreaterThan(0);
        expect(attr(tag, 'sizes'), tag).toBeTruthy();
        // every candidate is a published file
        for (const c of (attr(tag, 'srcset') ?? '').split(',')) expect(built.exists(c.trim().split(' ')[0]!.slice(1))).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  test('the village page shows its pair side by side, captioned, lazily loaded, opening the large size', () => {
    const html = built.read('villages/bs-shang/index.html');
    const pair = /<div class="photo-pair"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(pair).toContain(`alt="${captions.before}"`);
    expect(pair).toContain(`alt="${captions.after}"`);
    expect(pair).toContain('整治前 · 2023年3月15日');
    expect(pair).toContain('整治后 · 2023年9月20日');
    for (const tag of imgs(html.replace(/<div class="print-photos"[\s\S]*?<\/div>/, ''))) expect(attr(tag, 'loading'), tag).toBe('lazy');
    const links = [...pair.matchAll(/<a class="photo-link" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(/-1600\.jpg$/);
    expect(html).not.toContain('<script src');
    // the print sheet has at most one pair
    expect((html.match(/class="print-photos"/g) ?? []).length).toBe(1);
  });

  test('the construction point shows its latest pair; /photos/ lists it; the nav links it', () => {
    expect(built.read('construction/index.html')).toContain(`alt="${captions.after}"`);
    const photos = built.read('photos/index.html');
    expect(photos).toContain('白沙乡');
    expect(photos).toContain(`alt="${captions.before}"`);
    expect(built.read('index.html')).toContain('>整治前后</a>');
  });

  test('a Markdown photo in a report is published the same way', () => {
    const html = built.read('reports/ditch/index.html');
    expect(html).toContain(`alt="${captions.report}"`);
    expect(html).not.toContain('photos/report/ditch.jpg');
  });

  test('a photo stored turned (orientation 6) comes out upright', async () => {
    const html = built.read('villages/bs-shang/index.html');
    const tag = imgs(html).find((t) => attr(t, 'alt') === captions.after)!;
    expect([attr(tag, 'width'), attr(tag, 'height')]).toEqual(['800', '600']);
    const large = path.join(built.outDir, /href="\/([^"]+)"[^>]*><picture><source[^>]*><img[^>]*alt="上村主巷整治后/.exec(html)![1]!);
    const { data, info } = await sharp(readFileSync(large)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1600, 1200]);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [r, g, b] = at(40, 40);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    // and not in any other corner
    expect(at(info.width - 40, info.height - 40)[0]! - at(info.width - 40, info.height - 40)[1]!).toBeLessThan(100);
  });
});
