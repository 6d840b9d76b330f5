// The photos of a project (contract §3.10): every file under data/photos/, each photos.csv row
// resolved to its file, and the checks that need the file itself — missing, too large, HEIC or
// another format, too many pixels. Synchronous: pages and Markdown know each photo's published
// names and sizes without waiting for the encoder (process.ts writes the files).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileOf } from '../data/folders.ts';
import { nearest, suggestion } from '../data/cells/names.ts';
import { quote } from '../data/cells/quote.ts';
import type { Issue, PhotoRow, Tables } from '../data/types.ts';
import { probeImage, type PhotoFormat } from './probe.ts';

/** Bump when the encoding changes: published names (and cache entries) change with it. */
export const PIPELINE = 'v2-webp72-jpeg76';
export const PHONE_WIDTH = 800;
export const LARGE_WIDTH = 1600;
export const MAX_BYTES = 30 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
/** Published under `/assets/photos/` (names are content hashes: nothing about the original leaks). */
export const PHOTO_DIR = 'assets/photos';

export interface PhotoSize {
  width: number;
  height: number;
}

/** A file under data/photos/ that a row or a report uses. */
export interface PhotoSource {
  /** relative to data/photos/, forward slashes, as on disk (`p1/after.jpg`) */
  file: string;
  /** relative to the project root (`data/photos/p1/after.jpg`), for messages */
  path: string;
  abs: string;
  /** content hash of the original plus the pipeline version */
  hash: string;
  format: PhotoFormat;
  orientation: number;
  /** upright size of the original */
  width: number;
  height: number;
  /** published sizes, smallest first (one when the original is at most 800 px wide) */
  sizes: PhotoSize[];
  /** false once processing found the file unreadable (the build then fails) */
  ok: boolean;
  /** where it is named (a photos.csv row, a report line): processing errors are reported there */
  refs: { path: string; row?: number; column?: number }[];
}

export interface Photo {
  row: PhotoRow;
  source: PhotoSource;
}

export type Resolved = { ok: true; source: PhotoSource } | { ok: false; code: Issue['code']; message: string };

export interface PhotoCatalog {
  root: string;
  /** every file in data/photos/ (relative, as on disk) */
  files: string[];
  /** photos.csv rows whose file is usable, in file order */
  photos: Photo[];
  /** sources probed so far, by relative file */
  sources: Map<string, PhotoSource>;
  /** files named by a row or a report */
  used: Set<string>;
  /** the file a row or a Markdown image names (`p1/a.jpg`, `photos/p1/a.jpg`, `data/photos/p1/a.jpg`) */
  resolve(name: string): Resolved;
  issues: Issue[];
}

const IGNORED = /^(?:\.|~\$)|^(?:thumbs\.db|desktop\.ini)$/i;

function listFiles(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (IGNORED.test(e.name)) continue;
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), `${rel}/`));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** Output widths: a phone size and a large size, never wider than the original. */
export function outputSizes(width: number, height: number): PhotoSize[] {
  const widths = [...new Set([Math.min(PHONE_WIDTH, width), Math.min(LARGE_WIDTH, width)])];
  return widths.map((w) => ({ width: w, height: Math.max(1, Math.round((height * w) / width)) }));
}

/** `./photos\p1\a.jpg` → `p1/a.jpg`. */
export function photoKey(name: string): string {
  let s = name.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').normalize('NFC');
  s = s.replace(/^\/+/, '');
  if (/^data\/photos\//i.test(s)) s = s.slice('data/photos/'.length);
  else if (/^photos\//i.test(s)) s = s.slice('photos/'.length);
  return s;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function createCatalog(root: string, tables: Tables): PhotoCatalog {
  const dir = join(root, 'data', 'photos');
  const files = listFiles(dir);
  const exact = new Map(files.map((f) => [f.normalize('NFC'), f]));
  const folded = new Map(files.map((f) => [f.normalize('NFC').toLowerCase(), f]));
  const sources = new Map<string, PhotoSource>();
  const failures = new Map<string, Resolved & { ok: false }>();
  const used = new Set<string>();
  const issues: Issue[] = [];

  function probe(file: string): Resolved {
    const known = sources.get(file);
    if (known) return { ok: true, source: known };
    const failed = failures.get(file);
    if (failed) return failed;
    const path = `data/photos/${file}`;
    const abs = join(dir, file);
    const fail = (code: Issue['code'], message: string): Resolved => {
      const f = { ok: false as const, code, message };
      failures.set(file, f);
      return f;
    };
    let bytes: Buffer;
    try {
      const size = statSync(abs).size;
      if (size > MAX_BYTES) return fail('constraint-error', `照片 ${path} 有 ${mb(size)}，超过 30 MB；请用手机或电脑把它缩小后再放入`);
      if (size === 0) return fail('type-error', `照片 ${path} 是空文件（0 字节），可能没有复制完整；请重新复制`);
      bytes = readFileSync(abs);
    } catch {
      return fail('type-error', `照片 ${path} 无法读取（没有权限或正被占用）`);
    }
    const p = probeImage(bytes);
    if (!p.ok) {
      if (p.kind === 'heic') {
        return fail('type-error',
          `照片 ${path} 是 iPhone 的 HEIC 格式，网页不能直接显示；请转成 JPEG：在 iPhone「设置 › 相机 › 格式」选「兼容性最佳」后重拍，` +
          `或在电脑上用「照片」应用（Windows）/「预览」（Mac）打开后「另存为 / 导出」JPEG，再改 photos.csv 中的文件名`);
      }
      if (p.kind === 'unsupported') {
        return fail('type-error', `照片 ${path} 是 ${p.detail ?? '不支持的'} 格式；只支持 JPEG、PNG 或 WebP，请另存为 JPEG`);
      }
      return fail('type-error', `照片 ${path} 不是可读的 JPEG、PNG 或 WebP 图片（文件可能已损坏或没有复制完整）；请重新从手机导出`);
    }
    if (p.width * p.height > MAX_PIXELS) {
      const mp = ((p.width * p.height) / 1e6).toFixed(1);
      return fail('constraint-error', `照片 ${path} 有 ${p.width}×${p.height}（${mp} 百万像素），超过 4000 万像素；请缩小后再放入`);
    }
    const hash = createHash('sha256').update(PIPELINE).update(bytes).digest('hex').slice(0, 20);
    const source: PhotoSource = {
      file, path, abs, hash, format: p.format, orientation: p.orientation,
      width: p.width, height: p.height, sizes: outputSizes(p.width, p.height), ok: true, refs: [],
    };
    sources.set(file, source);
    return { ok: true, source };
  }

  function resolve(name: string): Resolved {
    const key = photoKey(name);
    const hit = exact.get(key);
    if (hit !== undefined) {
      used.add(hit);
      return probe(hit);
    }
    const near = folded.get(key.toLowerCase());
    const shown = quote(name);
    if (near !== undefined) {
      used.add(near);
      return { ok: false, code: 'foreign-key-error', message: `照片 ${shown} 不存在：文件名的大小写不同，实际为 data/photos/${near}；服务器区分大小写，请改成一致` };
    }
    const similar = nearest(key, files.map((f) => [f, `data/photos/${f}`] as const));
    return {
      ok: false,
      code: 'foreign-key-error',
      message: files.length === 0
        ? `照片 ${shown} 不存在：data/photos/ 文件夹中没有照片；请把照片放进 data/photos/`
        : `照片 ${shown} 不存在于 data/photos/ 中${suggestion(similar)}`,
    };
  }

  const photos: Photo[] = [];
  const dataset = tables.photos;
  if (dataset) {
    const column = dataset.positions?.file;
    const has = new Set(dataset.columns.map((c) => c.key));
    if (!has.has('village') && !has.has('point') && dataset.columns.length > 0) {
      issues.push({ path: dataset.file, code: 'missing-column', message: '缺少「村」或「建设点编号」列：每张照片要写明属于哪个村或建设点' });
    }
    const check = (line: number, name: string, path = dataset.file) => {
      const at = { path, row: line, ...(column !== undefined && { column }) };
      const found = resolve(name);
      if (found.ok) found.source.refs.push(at);
      else issues.push({ ...at, code: found.code, message: `「文件」${found.message}` });
      return found;
    };
    // A photos.csv in each township's folder (§3.11): rows are told apart by file and line.
    const rows = new Set(dataset.rows.map((row) => `${fileOf(row, dataset)}:${row.line}`));
    // Rows with an error elsewhere get their file checked too: every problem in one run.
    for (const { line, raw, path } of dataset.rejected ?? []) {
      const name = raw.get('file');
      if (name !== undefined && name.trim() !== '' && !rows.has(`${path ?? dataset.file}:${line}`)) check(line, name, path);
    }
    for (const row of dataset.rows) {
      const found = check(row.line, row.file, fileOf(row, dataset));
      if (found.ok && row.village !== null) photos.push({ row, source: found.source });
    }
  }

  return { root, files, photos, sources, used, resolve, issues };
}

/** After reports are rendered: a file that no row and no report names is a warning. */
export function unusedPhotoWarnings(catalog: PhotoCatalog, photosFile: string | null): Issue[] {
  return catalog.files
    .filter((f) => !catalog.used.has(f))
    .map((f) => ({
      path: `data/photos/${f}`,
      code: 'warning' as const,
      message: photosFile
        ? `照片没有在 ${photosFile} 中登记，不会显示在网站上；如需显示，请在其中加一行并写明村、日期、阶段和说明`
        : '照片没有登记，不会显示在网站上；请新建 data/photos.csv（照片），每张照片一行，写明文件、村、日期、阶段和说明',
    }));
}
