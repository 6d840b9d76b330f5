// Draws the PNG pictures (contract §6.2) that the pages of `npm run build` left as SVG files
// (src/views/chartOutput.ts), after Astro and before the site is swapped in (src/cli/astro.mjs):
//
//   node --expose-gc --import tsx src/cli/pictures.ts <pending folder> <chart folder> [<worker>/<workers>]
//
// resvg keeps each picture's tree and pixels outside V8's heap, freed by N-API finalizers that run
// only after a garbage collection and a turn of the event loop. A page render never yields, so
// inside Astro 6,000 village pictures grew the build past 10 GB; here the loop collects and yields
// every few pictures and memory stays flat. `<worker>/<workers>` draws every n-th picture, so the
// wrapper can run one process per processor. Each worker leaves its counts in the pending folder
// (statsFile) for the benchmark's timings. On an error: exit code 1 and a Chinese line naming the
// picture.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readConfig } from '../config.mjs';
import { fontFor, pictureStats, pngOf } from '../outputs/picture.ts';

/** Collect and yield after this many pictures drawn (measured: memory flat at 101 MB for 300). */
const PICTURES_PER_COLLECTION = 4;

const gc = (globalThis as { gc?: () => void }).gc;

/** The pending SVG files this worker draws, by name (the chart's id plus `.svg`). */
export function pendingPictures(pendingDir: string, worker = 0, workers = 1): string[] {
  if (!existsSync(pendingDir)) return [];
  return readdirSync(pendingDir).filter((f) => f.endsWith('.svg')).sort().filter((_, i) => i % workers === worker);
}

/** Draw the pending pictures into `chartDir` as `<id>.png`; resolves with how many were drawn. */
export async function drawPending(pendingDir: string, chartDir: string, cacheDir: string, worker = 0, workers = 1): Promise<number> {
  const files = pendingPictures(pendingDir, worker, workers);
  // One font subset for all of this worker's pictures (cut once, not once per picture: 4–10% of
  // a picture's time, measured); made on the first picture not in the cache, so a cached rebuild
  // cuts none. Each distinct set of characters is one more file in the picture cache.
  const chars = new Set<string>();
  for (const file of files) for (const ch of readFileSync(path.join(pendingDir, file), 'utf8')) chars.add(ch);
  let font: string | undefined;
  const sharedFont = () => (font ??= fontFor([...chars].join(''), cacheDir));
  let sinceCollection = 0;
  for (const file of files) {
    const before = pictureStats.drawn;
    try {
      const svg = readFileSync(path.join(pendingDir, file), 'utf8');
      const png = pngOf(svg, cacheDir, sharedFont);
      mkdirSync(chartDir, { recursive: true, mode: 0o755 });
      writeFileSync(path.join(chartDir, `${file.slice(0, -'.svg'.length)}.png`), png);
    } catch (error) {
      throw new PictureError(file, error);
    }
    sinceCollection += pictureStats.drawn - before;
    if (sinceCollection >= PICTURES_PER_COLLECTION) {
      sinceCollection = 0;
      gc?.();
      await nextTurn(); // lets resvg's finalizers free the pictures' native memory
    }
  }
  return files.length;
}

/** A picture that could not be drawn: which one, and why. */
export class PictureError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`${file.slice(0, -'.svg'.length)}.png：${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Where a worker leaves its figures for the wrapper (src/cli/astro.mjs adds them to the timings). */
export function statsFile(pendingDir: string, worker: number): string {
  return path.join(pendingDir, `.stats-${worker}.json`);
}

async function main(): Promise<number> {
  const [pendingDir, chartDir, share = '0/1'] = process.argv.slice(2);
  const [worker, workers] = share.split('/').map(Number);
  if (!pendingDir || !chartDir || !(workers! >= 1) || !(worker! >= 0 && worker! < workers!)) {
    console.error('用法：node --expose-gc --import tsx src/cli/pictures.ts <待绘制文件夹> <图表文件夹> [<序号>/<进程数>]');
    return 2;
  }
  try {
    await drawPending(pendingDir, chartDir, readConfig().pictureCacheDir, worker, workers);
  } catch (error) {
    console.error(`分享图片生成失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  writeFileSync(statsFile(pendingDir, worker!), JSON.stringify({ drawn: pictureStats.drawn, cached: pictureStats.cached, drawMs: pictureStats.drawMs }));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
