// HTML drawn once per build and used twice (src/views/renderCache.ts): a village's sheet is rendered
// in its township's print job and again on its page; the second time its charts come from the
// cache, and nothing is drawn or written again. Anything that differs draws anew.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { villageCharts } from '../../src/views/topics.ts';
import { chartLinks, pageFigures, renderFigure, type FigureOptions } from '../../src/views/chartOutput.ts';
import { cachedHtml, directoryCache, pageCache, renderKey } from '../../src/views/renderCache.ts';
import { readConfig } from '../../src/config.mjs';
import { timings } from '../../src/project/timings.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const project = loadProject(path.join(repo, 'tests/fixtures/site-one'), { base: '/town/', now: new Date('2024-06-15T12:00:00+08:00') });
const village = project.tables.villages.rows[0]!.id;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-cache-'));
  dirs.push(dir);
  return dir;
};

describe('the render cache', () => {
  test('an entry is taken once; one file per process, made on the first store; one cache per folder', () => {
    const dir = path.join(tempDir(), 'cache');
    const cache = directoryCache(dir);
    expect(directoryCache(dir)).toBe(cache);
    expect(cache.take('figure-a')).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    cache.put('figure-a', '<figure>甲</figure>');
    cache.put('qr-b', '<svg>乙</svg>');
    cache.put('figure-c', '');
    expect(readdirSync(dir)).toEqual([`html-${process.pid}.bin`]);
    expect(directoryCache(dir).take('qr-b')).toBe('<svg>乙</svg>');
    expect(cache.take('figure-a')).toBe('<figure>甲</figure>');
    expect(cache.take('figure-a')).toBeUndefined();
    expect(cache.take('figure-c')).toBe('');
    expect(directoryCache(path.join(tempDir(), 'other')).take('qr-b')).toBeUndefined();
  });

  test('keys differ when anything in the input differs', () => {
    const spec = villageCharts(project, village)[0]!;
    const key = renderKey('figure', { spec, links: 'a' });
    expect(renderKey('figure', { spec, links: 'a' })).toBe(key);
    expect(renderKey('figure', { spec: { ...spec, title: `${spec.title}（改）` }, links: 'a' })).not.toBe(key);
    expect(renderKey('figure', { spec: { ...spec, rows: spec.rows.slice(1) }, links: 'a' })).not.toBe(key);
    expect(renderKey('figure', { spec, links: 'b' })).not.toBe(key);
    expect(renderKey('qr', { spec, links: 'a' })).not.toBe(key);
  });

  test('cachedHtml draws once for two uses, and again for a third', async () => {
    const cache = directoryCache(tempDir());
    let draws = 0;
    const draw = async () => `<svg>${++draws}</svg>`;
    expect(await cachedHtml(cache, () => 'qr-x', draw)).toBe('<svg>1</svg>');
    expect(await cachedHtml(cache, () => 'qr-x', draw)).toBe('<svg>1</svg>');
    expect(draws).toBe(1);
    expect(await cachedHtml(cache, () => 'qr-x', draw)).toBe('<svg>2</svg>');
    expect(await cachedHtml(undefined, () => 'qr-x', draw)).toBe('<svg>3</svg>');
  });

  test('a village chart met a second time is not drawn again: same <figure>, no second download write', () => {
    const cache = directoryCache(tempDir());
    const writes: string[] = [];
    const figures: FigureOptions = { write: (file) => writes.push(file), links: chartLinks(project.base), cache };
    const specs = villageCharts(project, village);
    expect(specs.length).toBeGreaterThan(0);
    const uncached = specs.map((spec) => renderFigure(spec, { ...figures, cache: undefined, write: () => {} }));
    const before = { ...timings() };
    const printJob = specs.map((spec) => renderFigure(spec, figures));
    const written = writes.length;
    const page = specs.map((spec) => renderFigure(spec, figures));
    expect(printJob).toEqual(uncached);
    expect(page).toEqual(uncached);
    expect(written).toBeGreaterThanOrEqual(specs.length);
    expect(writes).toHaveLength(written);
    expect(timings().charts - before.charts).toBe(specs.length);
    expect((timings().figuresReused ?? 0) - (before.figuresReused ?? 0)).toBe(specs.length);
  });

  test('a chart that differs under the same id is drawn, not taken from the cache', () => {
    const cache = directoryCache(tempDir());
    const figures: FigureOptions = { write: () => {}, links: chartLinks(project.base), cache };
    const spec = villageCharts(project, village)[0]!;
    const first = renderFigure(spec, figures);
    const changed = renderFigure({ ...spec, title: '另一个标题' }, figures);
    expect(changed).not.toBe(first);
    expect(changed).toContain('另一个标题');
  });

  test('only `npm run build` caches: SITE_RENDER_CACHE_DIR, set by src/cli/astro.mjs', () => {
    expect(pageCache(readConfig({}))).toBeUndefined();
    expect(pageFigures(project, readConfig({})).cache).toBeUndefined();
    const dir = tempDir();
    const config = readConfig({ SITE_RENDER_CACHE_DIR: dir, SITE_CHART_DIR: path.join(dir, 'charts') });
    expect(config.renderCacheDir).toBe(path.resolve(dir));
    expect(pageFigures(project, config).cache).toBeDefined();
  });
});
