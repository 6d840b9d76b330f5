// Bad photo input: each a Chinese error at its row (or a warning), never a crash; and the cache.
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { formatIssue } from '../../src/data/report.ts';
import { preparePhotos } from '../../src/photos/prepare.ts';
import { probeImage } from '../../src/photos/probe.ts';
import { projectTempDir } from '../e2e/support/build.ts';
import { phonePhoto } from '../support/photos.ts';

let root: string;
let lines: string[];
const cache = () => path.join(root, '.cache');

const write = (file: string, data: string | Buffer) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, data);
};

beforeAll(async () => {
  root = projectTempDir('photos-bad-');
  process.env.PHOTO_CACHE_DIR = cache();
  write('content/site.md', '---\ntitle: 测试\nurl: https://example.gov.cn/\n---\n');
  write('data/villages.csv', '编号,村名,乡镇,户数,人口\nbs-shang,上村,白沙乡,200,800\nbs-xia,下村,白沙乡,100,420\n');
  write('data/construction-points.csv', '编号,建设点,村,年度,级别\nbs-p1,上村主巷,上村,2023,镇级\n');
  const good = await phonePhoto({ width: 1200, height: 900, stage: 'after' });
  write('data/photos/good.jpg', good);
  write('data/photos/truncated.jpg', good.subarray(0, Math.floor(good.length / 2)));
  write('data/photos/junk.jpg', Buffer.from('这不是图片'.repeat(20)));
  write('data/photos/iphone.heic', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]));
  write('data/photos/huge.jpg', good);
  truncateSync(path.join(root, 'data/photos/huge.jpg'), 31 * 1024 * 1024);
  write('data/photos/big.jpg', await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#888' } }).jpeg().toBuffer());
  for (const name of ['IMG_0001.JPG', 'a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'ok.jpg']) write(`data/photos/${name}`, good);
  write('data/photos/unlisted.jpg', good);
  write('data/photos.csv', [
    '文件,村,建设点编号,日期,阶段,对比组,说明', // 1
    'missing.jpg,上村,,2023-03,整治前,,没有这个文件', // 2
    'truncated.jpg,上村,,2023-03,整治前,,复制了一半', // 3
    'junk.jpg,上村,,2023-03,整治前,,不是图片', // 4
    'iphone.heic,上村,,2023-03,整治前,,苹果手机拍的', // 5
    'huge.jpg,上村,,2023-03,整治前,,太大', // 6
    'big.jpg,上村,,2023-03,整治前,,像素太多', // 7
    'good.jpg,上村,,2023-03,整治前,,', // 8 missing caption
    'a.jpg,火星村,,2023-03,整治前,,不认识的村', // 9
    'img_0001.jpg,,bs-p9,2023-03,整治前,,不认识的建设点', // 10
    'b.jpg,下村,bs-p1,2023-03,整治后,,村与建设点不一致', // 11
    'c.jpg,,,2023-03,整治后,,都没填', // 12
    'd.jpg,上村,,2023-13,拆迁后,,日期和阶段错', // 13
    'ok.jpg,上村,,2023-03,整治前,,好照片', // 14
    'ok.jpg,下村,,2023-03,整治前,,同一张照片登记两次', // 15
  ].join('\n') + '\n');
  write('content/reports/r.md', '---\ntitle: 简报\ndate: 2023-10-01\n---\n第一段。\n\n![沟渠](photos/nope.jpg)\n\n一段文字\n![](photos/ok.jpg)\n');
  const project = loadProject(root);
  await preparePhotos(project);
  lines = project.issues.map(formatIssue);
});

afterAll(() => {
  delete process.env.PHOTO_CACHE_DIR;
});

const line = (prefix: string) => lines.find((l) => l.startsWith(prefix)) ?? `(none starting with ${prefix} in:\n${lines.join('\n')})`;

describe('bad photo input', () => {
  test('a missing file', () => {
    expect(line('data/photos.csv:2:1 ')).toMatch(/foreign-key-error 「文件」照片 "missing.jpg" 不存在于 data\/photos\/ 中/);
  });
  test('a truncated JPEG is found when decoding', () => {
    expect(line('data/photos.csv:3:1 ')).toMatch(/type-error .*truncated\.jpg 无法解码/);
  });
  test('a file that is not an image', () => {
    expect(line('data/photos.csv:4:1 ')).toMatch(/type-error .*不是可读的 JPEG、PNG 或 WebP 图片/);
  });
  test('HEIC says how to convert', () => {
    expect(line('data/photos.csv:5:1 ')).toMatch(/HEIC.*兼容性最佳.*JPEG/);
  });
  test('over 30 MB and over 40 megapixels', () => {
    expect(line('data/photos.csv:6:1 ')).toMatch(/constraint-error .*31\.0 MB，超过 30 MB/);
    expect(line('data/photos.csv:7:1 ')).toMatch(/constraint-error .*8000×6000（48\.0 百万像素），超过 4000 万像素/);
  });
  test('a missing caption', () => {
    expect(line('data/photos.csv:8:7 ')).toMatch(/missing-value 「说明」为必填项/);
  });
  test('an unknown village or point; village and point that disagree; neither', () => {
    expect(line('data/photos.csv:9:2 ')).toMatch(/foreign-key-error 「村」/);
    expect(line('data/photos.csv:10:3 ')).toMatch(/foreign-key-error 「建设点编号」"bs-p9"/);
    expect(line('data/photos.csv:11:3 ')).toMatch(/constraint-error 「建设点编号」bs-p1 属于上村，与本行「村」下村不一致/);
    expect(line('data/photos.csv:12:2 ')).toMatch(/missing-value 「村」和「建设点编号」至少填一个/);
  });
  test('each problem is reported once, and only where it is', () => {
    expect(lines.filter((l) => l.startsWith('data/photos.csv:9:'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('data/photos.csv:10:'))).toHaveLength(2);
    expect(line('data/photos.csv:15:1 ')).toMatch(/unique-error/);
    // named on a row with an error is named: no "unlisted" warning
    expect(lines.filter((l) => /data\/photos\/(good|a|b|c|d|IMG_0001)\.(jpg|JPG) warning/.test(l))).toEqual([]);
  });
  test('a file name whose case differs is named', () => {
    expect(line('data/photos.csv:10:1 ')).toMatch(/大小写不同，实际为 data\/photos\/IMG_0001\.JPG/);
  });
  test('dates and stages are checked', () => {
    expect(line('data/photos.csv:13:4 ')).toMatch(/「日期」/);
    expect(line('data/photos.csv:13:5 ')).toMatch(/「阶段」.*应为 整治前、施工中 或 整治后/);
  });
  test('a file that no row names is a warning', () => {
    expect(line('data/photos/unlisted.jpg warning')).toMatch(/没有在 data\/photos\.csv 中登记/);
  });
  test('a Markdown photo that is missing is an error at its line; one without 说明 too', () => {
    expect(line('content/reports/r.md:7 ')).toMatch(/照片 "photos\/nope.jpg" 不存在/);
    expect(line('content/reports/r.md:10 ')).toMatch(/missing-value 照片 photos\/ok.jpg 缺少说明/);
  });
});

describe('the encoding cache', () => {
  test('a second run encodes nothing; a changed photo is encoded again', async () => {
    const again = loadProject(root);
    const first = await preparePhotos(again);
    expect(first).toMatchObject({ encoded: 0, failed: 1 });
    expect(first.cached).toBeGreaterThan(0);
    const file = path.join(root, 'data/photos/ok.jpg');
    writeFileSync(file, await phonePhoto({ width: 1200, height: 900, stage: 'before' }));
    const changed = await preparePhotos(loadProject(root));
    expect(changed.encoded).toBe(1);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe('probe', () => {
  test('reads JPEG size and orientation, PNG and WebP sizes', async () => {
    const turned = await phonePhoto({ width: 400, height: 300, stage: 'after', orientation: 6 });
    expect(probeImage(turned)).toEqual({ ok: true, format: 'jpeg', width: 400, height: 300, orientation: 6 });
    const png = await sharp({ create: { width: 33, height: 21, channels: 4, background: '#0000' } }).png().toBuffer();
    expect(probeImage(png)).toMatchObject({ ok: true, format: 'png', width: 33, height: 21 });
    for (const lossless of [true, false]) {
      const webp = await sharp({ create: { width: 37, height: 19, channels: 3, background: '#f00' } }).webp({ lossless }).toBuffer();
      expect(probeImage(webp)).toMatchObject({ ok: true, format: 'webp', width: 37, height: 19 });
    }
  });

  test('reads the EXIF orientation of a PNG (eXIf) and a WebP (EXIF chunk): the upright size', async () => {
    // Stored 300×200 with orientation 6: shown (and published) 200×300, as libvips turns it.
    const stored = sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080' } });
    for (const format of ['png', 'webp'] as const) {
      const buf = await stored.clone()[format]().withMetadata({ orientation: 6 }).withExif({ IFD0: { Make: 'Xiaomi' } }).toBuffer();
      expect((await sharp(buf).metadata()).autoOrient).toEqual({ width: 200, height: 300 });
      expect(probeImage(buf)).toEqual({ ok: true, format, width: 200, height: 300, orientation: 6 });
    }
  });
});
