// Encoding (sharp, i.e. libvips — the library Astro's own image service runs on): every photo in
// use is decoded once, turned upright by its EXIF orientation, resized to the phone and large
// widths and written as WebP plus a JPEG fallback, from raw pixels, so nothing of the original's
// metadata (EXIF, GPS, camera, XMP, comments) can reach the output. Results are cached by content
// hash between builds: a rebuild encodes only new or changed photos.
import { readConfig, type SiteConfig } from '../config.mjs';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Issue } from '../data/types.ts';
import { MAX_PIXELS, outputSizes, type PhotoCatalog, type PhotoSize, type PhotoSource } from './catalog.ts';

export type VariantFormat = 'webp' | 'jpeg';
const EXT: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg' };
const FORMATS: VariantFormat[] = ['webp', 'jpeg'];

/** Published (and cached) file name of one size and format. */
export function variantName(source: PhotoSource, size: PhotoSize, format: VariantFormat): string {
  return `${source.hash}-${size.width}.${EXT[format]}`;
}

export function variantNames(source: PhotoSource): string[] {
  return source.sizes.flatMap((size) => FORMATS.map((f) => variantName(source, size, f)));
}

/** node_modules/.cache/renju-photos (git-ignored with node_modules), or PHOTO_CACHE_DIR. */
export function cacheDir(config: SiteConfig = readConfig()): string {
  return config.photoCacheDir;
}

sharp.cache(false);

export interface ProcessStats {
  encoded: number;
  cached: number;
  failed: number;
}

async function encode(source: PhotoSource, dir: string): Promise<void> {
  const input = () => sharp(source.abs, { failOn: 'error', limitInputPixels: MAX_PIXELS + 1 });
  // The probe read the orientation from the header; libvips has the last word.
  const meta = await input().metadata();
  const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
  if (upright.width && upright.height && (upright.width !== source.width || upright.height !== source.height)) {
    source.width = upright.width;
    source.height = upright.height;
    source.sizes = outputSizes(upright.width, upright.height);
  }
  const largest = source.sizes.at(-1)!;
  const { data, info } = await input()
    .rotate()
    .resize(largest.width, largest.height, { fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  for (const size of source.sizes) {
    const base = size === largest ? sharp(data, raw) : sharp(data, raw).resize(size.width, size.height, { fit: 'fill' });
    for (const format of FORMATS) {
      const name = variantName(source, size, format);
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      // WebP is what browsers fetch: the phone size gets the slower, smaller effort 4, the large
      // size (opened on tap) effort 2. The JPEG fallback is libjpeg-turbo, progressive with
      // optimised Huffman tables: mozjpeg was 6× slower here for 8 % fewer bytes (larger at 800 px).
      const out = format === 'webp'
        ? base.clone().webp({ quality: 72, effort: size === source.sizes[0] ? 4 : 2 })
        : base.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 76, progressive: true, optimiseCoding: true });
      await out.toFile(tmp);
      renameSync(tmp, join(dir, name));
    }
  }
}

function isCached(source: PhotoSource, dir: string): boolean {
  return variantNames(source).every((n) => existsSync(join(dir, n)));
}

/** Encode what the cache lacks; a file that cannot be decoded is an error where it is named. */
export async function processPhotos(catalog: PhotoCatalog, parallel = 2): Promise<{ issues: Issue[]; stats: ProcessStats }> {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const issues: Issue[] = [];
  const stats: ProcessStats = { encoded: 0, cached: 0, failed: 0 };
  // Files with the same content share their encoded variants: each content is encoded once (two
  // workers writing the same cache file at once would race).
  const byContent = new Map<string, PhotoSource[]>();
  for (const s of catalog.sources.values()) {
    if (!s.ok) continue;
    const key = variantNames(s).join('|');
    const same = byContent.get(key);
    if (same) same.push(s);
    else byContent.set(key, [s]);
  }
  const queue = [...byContent.values()];
  const work = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      const first = group[0]!;
      if (isCached(first, dir)) {
        stats.cached += group.length;
        continue;
      }
      try {
        await encode(first, dir);
        stats.encoded++;
        stats.cached += group.length - 1;
      } catch (error) {
        for (const n of variantNames(first)) rmSync(join(dir, n), { force: true });
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        for (const source of group) {
          stats.failed++;
          source.ok = false;
          const message = `照片 ${source.path} 无法解码（${why}）：文件可能已损坏或没有复制完整；请重新从手机导出`;
          const refs = source.refs.length > 0 ? source.refs : [{ path: source.path }];
          for (const ref of refs) issues.push({ ...ref, code: 'type-error', message: ref.path === source.path ? message.replace(`照片 ${source.path} `, '照片') : `「文件」${message}` });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, work));
  return { issues, stats };
}

/** The bytes of a published file, encoding its photo first when the cache lacks it (dev server). */
export async function variantBytes(catalog: PhotoCatalog, name: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const dir = cacheDir();
  const source = [...catalog.sources.values()].find((s) => s.ok && variantNames(s).includes(name));
  if (!source) return null;
  if (!existsSync(join(dir, name))) {
    mkdirSync(dir, { recursive: true });
    await encode(source, dir);
  }
  return new Uint8Array(readFileSync(join(dir, name)));
}
