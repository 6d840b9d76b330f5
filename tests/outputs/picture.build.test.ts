// The PNG pictures (contract §6.2): 1,080 px, white, and drawn only in the shipped font.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { PICTURE_FONT_FAMILY, PICTURE_FONT_FILE, pngOf, rasterise, textPictureSvg } from '../../src/outputs/picture.ts';

const cache = () => mkdtempSync(path.join(tmpdir(), 'renju-pictures-'));
/** A CJK font Debian installs (fonts-wqy-microhei): what a system-font fallback would draw with. */
const SYSTEM_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const text = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="10" y="40" font-size="32" font-family="${family}">人居环境整治</text></svg>`;

describe('pictures use the shipped font only', () => {
  test('the shipped font file is Noto Sans SC from npm', () => {
    expect(PICTURE_FONT_FILE).toMatch(/node_modules\/@expo-google-fonts\/noto-sans-sc\/.*NotoSansSC_400Regular\.ttf$/);
  });

  test('text asking for a system font is drawn in the shipped font, never the system one', () => {
    if (!existsSync(SYSTEM_FONT)) throw new Error(`${SYSTEM_FONT} missing: apt-get install -y fonts-wqy-microhei`);
    const dir = cache();
    const asked = rasterise(text("'WenQuanYi Micro Hei'"), dir);
    const shipped = rasterise(text(`'${PICTURE_FONT_FAMILY}'`), dir);
    expect(Buffer.compare(asked, shipped)).toBe(0);
    // The check can tell fonts apart: the system font draws these characters differently.
    const system = new Resvg(text("'WenQuanYi Micro Hei'"), {
      fitTo: { mode: 'width', value: 1080 }, background: '#ffffff',
      font: { loadSystemFonts: false, fontFiles: [SYSTEM_FONT], defaultFontFamily: 'WenQuanYi Micro Hei' },
    }).render().asPng();
    expect(Buffer.compare(system, shipped)).not.toBe(0);
  });

  test('the subset font draws the same glyphs as the whole shipped font', () => {
    const svg = text(`'${PICTURE_FONT_FAMILY}'`);
    const full = new Resvg(svg, {
      fitTo: { mode: 'width', value: 1080 }, background: '#ffffff',
      font: { loadSystemFonts: false, fontFiles: [PICTURE_FONT_FILE], defaultFontFamily: PICTURE_FONT_FAMILY },
    }).render().asPng();
    expect(Buffer.compare(rasterise(svg, cache()), full)).toBe(0);
  });
});

describe('pngOf', () => {
  test('1,080 px wide on white, and read back from the cache the second time', async () => {
    const dir = cache();
    const svg = textPictureSvg('示例网站', ['数据截至 2023年6月'], '示例网站');
    const first = pngOf(svg, dir);
    const meta = await sharp(first).metadata();
    expect(meta.width).toBe(1080);
    const { data, info } = await sharp(first).raw().toBuffer({ resolveWithObject: true });
    const corner = data.length - info.channels; // bottom right: the white ground
    expect([data[corner], data[corner + 1], data[corner + 2]]).toEqual([255, 255, 255]);
    const cachedFile = execFileSync('find', [dir, '-name', '*.png']).toString().trim();
    expect(cachedFile).not.toBe('');
    // A cached picture is returned as stored: overwrite it and the next call returns the new bytes.
    writeFileSync(cachedFile, Buffer.from('cached'));
    expect(pngOf(svg, dir).toString()).toBe('cached');
    expect(readFileSync(cachedFile).toString()).toBe('cached');
  });
});
