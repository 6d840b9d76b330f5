// The picture workers (src/cli/pictures.ts): `npm run build` leaves each chart's picture as SVG and
// draws them after Astro, split over worker processes. Every picture drawn once, by exactly one
// worker, with the bytes pngOf gives; a broken one stops the worker with a Chinese line naming it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { drawPending, pendingPictures, PictureError, statsFile } from '../../src/cli/pictures.ts';
import { pngOf, textPictureSvg } from '../../src/outputs/picture.ts';

const temp = () => mkdtempSync(path.join(tmpdir(), 'renju-picture-workers-'));

function pending(ids: string[]): string {
  const dir = path.join(temp(), 'pictures');
  mkdirSync(dir);
  for (const id of ids) writeFileSync(path.join(dir, `${id}.svg`), textPictureSvg(`图表 ${id}`, [`第 ${id} 张`], '示例网站'));
  return dir;
}

describe('pendingPictures', () => {
  test('the workers share the pictures: each drawn by exactly one', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `chart-${i}`);
    const dir = pending(ids);
    writeFileSync(statsFile(dir, 0), '{}'); // a worker's figures are not a picture
    for (const workers of [1, 2, 3, 4]) {
      const shares = Array.from({ length: workers }, (_, w) => pendingPictures(dir, w, workers));
      expect(shares.flat().sort()).toEqual(ids.map((id) => `${id}.svg`).sort());
      expect(Math.max(...shares.map((s) => s.length)) - Math.min(...shares.map((s) => s.length))).toBeLessThanOrEqual(1);
    }
    expect(pendingPictures(path.join(dir, 'none'))).toEqual([]);
  });
});

describe('drawPending', () => {
  test('writes <id>.png with the bytes pngOf gives, for every pending picture', async () => {
    const dir = pending(['a', 'b', 'c', 'd', 'e']);
    const charts = path.join(path.dirname(dir), 'charts');
    const cacheDir = temp();
    expect(await drawPending(dir, charts, cacheDir, 0, 2)).toBe(3);
    expect(await drawPending(dir, charts, cacheDir, 1, 2)).toBe(2);
    expect(readdirSync(charts).sort()).toEqual(['a.png', 'b.png', 'c.png', 'd.png', 'e.png']);
    for (const id of ['a', 'c', 'e']) {
      const expected = pngOf(readFileSync(path.join(dir, `${id}.svg`), 'utf8'), temp());
      expect(Buffer.compare(readFileSync(path.join(charts, `${id}.png`)), expected)).toBe(0);
    }
  });

  test('a picture that cannot be drawn is named in the error', async () => {
    const dir = pending(['good']);
    writeFileSync(path.join(dir, 'broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect');
    const error = await drawPending(dir, path.join(path.dirname(dir), 'charts'), temp()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PictureError);
    expect((error as PictureError).message).toMatch(/^broken\.png：/);
  });
});

describe('the worker process', () => {
  const script = path.resolve('src/cli/pictures.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    encoding: 'utf8', env: { ...process.env, PICTURE_CACHE_DIR: temp() },
  });

  test('draws its share, leaves its figures, exits 0', () => {
    const dir = pending(['x', 'y', 'z']);
    const charts = path.join(path.dirname(dir), 'charts');
    const done = run(dir, charts, '1/2');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(readdirSync(charts)).toEqual(['y.png']);
    expect(JSON.parse(readFileSync(statsFile(dir, 1), 'utf8'))).toMatchObject({ drawn: 1, cached: 0 });
  });

  test('a broken picture: exit 1 and one Chinese line naming it', () => {
    const dir = pending([]);
    writeFileSync(path.join(dir, 'village-chart.svg'), 'not svg');
    const failed = run(dir, path.join(path.dirname(dir), 'charts'));
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim()).toMatch(/^分享图片生成失败：village-chart\.png：.+$/);
  });

  test('wrong arguments: the usage, in Chinese', () => {
    const wrong = run('only-one');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('用法');
  });
});
