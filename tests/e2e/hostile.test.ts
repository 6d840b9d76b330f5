// Hostile but ordinary input (issue 22), through a real `npm run build` of a copy of
// tests/fixtures/site-one: a report title pasted from Word (U+000B, ESC, U+FFFE), a PNG stored
// turned (EXIF orientation 6) in a report, a phone photo with GPS in public/, and symbolic links
// in public/ and data/. Each output is read the way its consumer reads it: the feed and the
// sitemap by a conforming XML parser, the photo links by looking for their files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv, projectTempDir, REPO_ROOT } from './support/build.ts';
import { buildSync, copyFixture, leftovers } from './support/publish.ts';
import { phonePhoto } from '../support/photos.ts';

const tmp = projectTempDir('hostile-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The first well-formedness error a conforming XML 1.0 parser finds, or null. */
function xmlError(text: string): string | null {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on('error', (e) => { error ??= e.message; });
  parser.write(text).close();
  return error;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

test('the XML check itself rejects what the old feed held', () => {
  expect(xmlError('<rss><title>简报\u000b二月</title></rss>')).toMatch(/disallowed character/);
  expect(xmlError('<rss><title>简报\u001b\uFFFE</title></rss>')).toMatch(/disallowed character/);
  expect(xmlError('<rss><title>简报 二月</title></rss>')).toBeNull();
});

describe('a site with hostile text and photos', () => {
  let site = '';
  let dist = '';
  let output = '';
  beforeAll(async () => {
    site = copyFixture('site-one', path.join(tmp, 'site'));
    const siteMd = path.join(site, 'content/site.md');
    writeFileSync(siteMd, readFileSync(siteMd, 'utf8').replace('title: 白沙乡人居环境整治', 'title: 白沙乡人居环境整治\nurl: https://example.gov.cn/'));
    // Word's Shift+Enter (U+000B) and a pasted ESC in the title and a chart's title; U+FFFE and ESC in
    // the summary as YAML escapes (they appear only after the front matter is parsed).
    writeFileSync(path.join(site, 'content/reports/word.md'), [
      '---', 'title: 三月\u000b简报\u001b整治', 'date: 2024-04-01', 'summary: "三月\\uFFFE情况\\e"', '---',
      '三月的照片：', '', '![竖着拍的沟渠](photos/turned.png)', '', '```chart', 'data: cleanup', 'type: bar', 'x: month',
      'y: garbage_t', 'title: 各月\u000b清理\u001b垃圾\uFFFE', '```', '',
    ].join('\n'));
    // Stored 1600×1200 with orientation 6: upright it is 1200×1600 (portrait).
    const stored = sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#4a7' } });
    mkdirSync(path.join(site, 'data/photos'), { recursive: true });
    writeFileSync(path.join(site, 'data/photos/turned.png'), await stored.png().withMetadata({ orientation: 6 }).withExif({ IFD0: { Make: 'Xiaomi' } }).toBuffer());
    // public/: a phone photo with GPS stored turned, and a logo without metadata
    mkdirSync(path.join(site, 'public/img'), { recursive: true });
    writeFileSync(path.join(site, 'public/img/banner.jpg'), await phonePhoto({ width: 400, height: 300, stage: 'after', orientation: 6 }));
    writeFileSync(path.join(site, 'public/logo.png'), await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c00' } }).png().toBuffer());
    dist = path.join(tmp, 'dist');
    const run = buildSync(['--outDir', dist], site);
    output = run.output;
    expect(run.code, run.output).toBe(0);
  }, 400_000);

  test('rss.xml and the sitemap are well-formed XML without the forbidden characters', () => {
    const rss = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('三月');
    expect(xmlError(rss)).toBeNull();
    expect(rss).not.toMatch(FORBIDDEN);
    const sitemaps = readdirSync(dist).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const f of sitemaps) expect(xmlError(readFileSync(path.join(dist, f), 'utf8')), f).toBeNull();
  });

  test('every chart SVG download is well-formed, and the report page holds no forbidden character', () => {
    const svgs = readdirSync(path.join(dist, 'data/charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    for (const f of svgs) expect(xmlError(readFileSync(path.join(dist, 'data/charts', f), 'utf8')), f).toBeNull();
    const html = readFileSync(path.join(dist, 'reports/word/index.html'), 'utf8');
    expect(html).toMatch(/<title>[^<]*三月 ?简报整治/);
    expect(html).not.toMatch(FORBIDDEN);
  });

  test('a PNG stored turned: the report names only files that exist, at the upright aspect ratio', () => {
    const html = readFileSync(path.join(dist, 'reports/word/index.html'), 'utf8');
    const img = /<img [^>]*alt="竖着拍的沟渠"[^>]*>/.exec(html)?.[0];
    expect(img, html).toBeDefined();
    const width = Number(/ width="(\d+)"/.exec(img!)![1]);
    const height = Number(/ height="(\d+)"/.exec(img!)![1]);
    expect(height / width).toBeCloseTo(1600 / 1200, 2);
    const picture = html.slice(html.lastIndexOf('<picture>', html.indexOf(img!)), html.indexOf(img!) + img!.length);
    const urls = [...picture.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(' ')[0]!));
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(existsSync(path.join(dist, decodeURI(url))), url).toBe(true);
  });

  test('a photo in public/ is published upright without EXIF or GPS, with a warning; a clean one as it was', async () => {
    const meta = await sharp(path.join(dist, 'img/banner.jpg')).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect([meta.width, meta.height]).toEqual([400, 300]);
    expect(output).toMatch(/public\/img\/banner\.jpg.*拍摄信息/);
    expect(output).not.toMatch(/public\/logo\.png.*拍摄信息/);
    expect(readFileSync(path.join(dist, 'logo.png'))).toEqual(readFileSync(path.join(site, 'public/logo.png')));
  });
});

describe('symbolic links in public/ and data/', () => {
  test('check and build refuse them, naming each; nothing is published', () => {
    const site = copyFixture('site-one', path.join(tmp, 'linked'));
    mkdirSync(path.join(site, 'public'), { recursive: true });
    symlinkSync('/etc/passwd', path.join(site, 'public/passwd.txt'));
    symlinkSync('/etc', path.join(site, 'data/etc'));
    const check = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/check.ts'], {
      cwd: REPO_ROOT, env: buildEnv(site), encoding: 'utf8',
    });
    const checkOut = `${check.stdout}\n${check.stderr}`;
    expect(check.status, checkOut).toBe(1);
    expect(checkOut).toMatch(/public\/passwd\.txt.*符号链接/);
    expect(checkOut).toMatch(/data\/etc.*符号链接/);

    const dist = path.join(tmp, 'linked-dist');
    const run = buildSync(['--outDir', dist], site);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/public\/passwd\.txt.*符号链接/);
    expect(existsSync(dist)).toBe(false);
    expect(leftovers(dist)).toEqual([]);
  }, 200_000);
});
