// The PNG pictures to share (contract §6.2): a chart's picture is the SVG file's parts (title,
// legend, the phone-sized drawing, summary, notes) plus the site's name and 数据截至, drawn as SVG
// by src/charts/svgFile.ts and rasterised by resvg at 1,080 px wide on white.
//
// Text is drawn only in the font this project installs through npm (Noto Sans SC, OFL, from
// @expo-google-fonts/noto-sans-sc): resvg is told to load no system font. Each picture gets the
// font subset to the characters of its SVG (harfbuzz's hb-subset, wasm), so resvg reads a few
// kilobytes instead of 10 MB per picture. Pictures are cached by the hash of their SVG, the font
// and the renderer versions: a rebuild redraws only what changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { svgFile, wrapText, type SvgFileParts } from '../charts/svgFile.ts';
import { fontFamily } from '../charts/svg.ts';
import { escapeText } from '../charts/escape.ts';
import type { Month } from '../data/types.ts';
import { formatMonth } from '../format.ts';

const require = createRequire(import.meta.url);

/** The picture's width in pixels (WeChat articles are 1,080 px wide). */
export const PICTURE_WIDTH = 1080;
/** The one font family in the pictures, as named inside the shipped font file. */
export const PICTURE_FONT_FAMILY = 'Noto Sans SC';
/** The shipped font file (node_modules, installed by npm ci). */
export const PICTURE_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

export interface PictureContext {
  /** the site's name (content/site.md title), at the foot of every picture */
  site: string;
  /** 数据截至 when the chart has no month of its own */
  asOf: Month | null;
  /** where pictures are cached between builds */
  cacheDir: string;
  /**
   * `npm run build`: leave each picture's SVG in this folder (outside the site) for
   * src/cli/pictures.ts to draw after Astro; null: draw it at once.
   */
  pendingDir: string | null;
}

/** The picture's SVG: the chart's file parts with 数据截至 and the site's name, in the shipped font. */
export function pictureSvg(parts: SvgFileParts, context: Pick<PictureContext, 'site' | 'asOf'>): string {
  const notes = [...parts.notes];
  if (!notes.some((n) => n.startsWith('数据截至')) && context.asOf) notes.push(`数据截至 ${formatMonth(context.asOf)}`);
  notes.push(context.site);
  return inShippedFont(svgFile({ ...parts, notes }));
}

/** A picture without a chart (the site's share picture): title and lines of text, 1,080 px wide. */
export function textPictureSvg(title: string, lines: readonly string[], site: string): string {
  const width = 540;
  const wrap = (text: string, size: number) => wrapText(text, width - 64, size);
  const body: string[] = [];
  let y = 60;
  for (const l of wrap(title, 30)) { body.push(`<text x="32" y="${y}" font-size="30" font-weight="bold">${escapeText(l)}</text>`); y += 42; }
  y += 10;
  for (const text of lines) for (const l of wrap(text, 18)) { body.push(`<text x="32" y="${y}" font-size="18">${escapeText(l)}</text>`); y += 28; }
  y += 20;
  body.push(`<text x="32" y="${y}" font-size="16" fill="#555555">${escapeText(site)}</text>`);
  const height = Math.max(y + 40, 283); // at least 1.91:1, the share card's shape
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'${PICTURE_FONT_FAMILY}'" fill="#1a1a1a">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/><rect width="${width}" height="8" fill="#b71c1c"/>${body.join('')}</svg>\n`
  );
}

/** Charts name the readers' system fonts; a picture names only the shipped one. */
function inShippedFont(svg: string): string {
  const single = fontFamily.replaceAll('"', "'");
  return svg.replaceAll(single, `'${PICTURE_FONT_FAMILY}'`).replaceAll(fontFamily, `'${PICTURE_FONT_FAMILY}'`);
}

/** A package's version, from its package.json found above a file it exports (harfbuzzjs exports no package.json). */
function version(pkg: string, file = `${pkg}/package.json`): string {
  let dir = path.dirname(require.resolve(file));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What a cached picture depends on besides its SVG: the font and the renderer. */
export function pictureRendererKey(): string {
  return `resvg ${version('@resvg/resvg-js')}; harfbuzzjs ${version('harfbuzzjs', 'harfbuzzjs/dist/harfbuzz-subset.wasm')}; ${path.basename(PICTURE_FONT_FILE)} ${version('@expo-google-fonts/noto-sans-sc')}; width ${PICTURE_WIDTH}`;
}

let rendererKey: string | null = null;

/**
 * The PNG of a picture SVG, from the cache when the same SVG was drawn before. `font`: gives a
 * subset of the shipped font holding at least the SVG's characters (fontFor), shared by many
 * pictures, asked for only when the picture is drawn; by default the SVG gets its own. A subset
 * draws exactly as the whole font, so the bytes do not depend on which one.
 */
export function pngOf(svg: string, cacheDir: string, font?: () => string): Buffer {
  rendererKey ??= pictureRendererKey();
  const hash = createHash('sha256').update(rendererKey).update('\0').update(svg).digest('hex');
  const cached = path.join(cacheDir, `${hash.slice(0, 2)}`, `${hash}.png`);
  if (existsSync(cached)) {
    pictureStats.cached += 1;
    return readFileSync(cached);
  }
  const started = performance.now();
  const png = rasterise(svg, cacheDir, font?.());
  mkdirSync(path.dirname(cached), { recursive: true });
  const temp = `${cached}.${process.pid}.tmp`;
  writeFileSync(temp, png);
  renameSync(temp, cached); // a build stopped half-way leaves no broken picture in the cache
  pictureStats.drawn += 1;
  pictureStats.drawMs += performance.now() - started;
  return png;
}

/** Pictures drawn and taken from the cache by this process (for the benchmark). */
export const pictureStats = { drawn: 0, cached: 0, drawMs: 0 };

/** Draw an SVG as a 1,080 px PNG on white, with only the shipped font (subset to its characters). */
export function rasterise(svg: string, cacheDir: string, font: string = fontFor(svg, cacheDir)): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: PICTURE_WIDTH },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [font],
      defaultFontFamily: PICTURE_FONT_FAMILY,
      sansSerifFamily: PICTURE_FONT_FAMILY,
      serifFamily: PICTURE_FONT_FAMILY,
      monospaceFamily: PICTURE_FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}

// harfbuzz's subsetter, the shipped font loaded into it once per process.
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

let subsetter: { hb: HarfBuzz; face: number } | null = null;

function loadSubsetter(): { hb: HarfBuzz; face: number } {
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const hb = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as HarfBuzz;
  hb._initialize();
  const font = readFileSync(PICTURE_FONT_FILE);
  const pointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, pointer);
  const blob = hb.hb_blob_create(pointer, font.byteLength, 2 /* writable */, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { hb, face };
}

/** The shipped font cut down to the characters of `text`, as a file in the cache (by its characters). */
export function fontFor(text: string, cacheDir: string): string {
  const chars = [...new Set(text)].sort().join('');
  const key = createHash('sha256').update(PICTURE_FONT_FILE).update('\0').update(chars).digest('hex');
  const file = path.join(cacheDir, 'fonts', `${key}.ttf`);
  if (existsSync(file)) return file;
  subsetter ??= loadSubsetter();
  const { hb, face } = subsetter;
  const input = hb.hb_subset_input_create_or_fail();
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of chars) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) throw new Error('字体子集生成失败（harfbuzz hb_subset_or_fail）');
  const blob = hb.hb_face_reference_blob(subset);
  const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)).slice();
  hb.hb_blob_destroy(blob);
  hb.hb_face_destroy(subset);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return file;
}
