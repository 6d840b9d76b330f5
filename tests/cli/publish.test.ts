// The file-system rules of `npm run build` (src/cli/publish.mjs), without running Astro: which
// output folders are refused, `--outDir=x`, and the swap that never loses the old site.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  BuildRefused, cleanLeftovers, createWorkDir, fileSystemMessage, isEarlierBuild, isFileSystemError, markSite, parseBuildArgs,
  safeOutDir, swapIn,
} from '../../src/cli/publish.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'publish-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const project = path.join(tmp, 'project');
mkdirSync(path.join(project, 'data'), { recursive: true });
mkdirSync(path.join(project, 'src'), { recursive: true });
const opts = { projectRoot: project, siteDir: project };

function refused(outDir: string): string {
  try {
    safeOutDir(outDir, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(BuildRefused);
    return (error as Error).message;
  }
  throw new Error(`not refused: ${outDir}`);
}

test('--outDir x and --outDir=x are the same; the default is dist', () => {
  expect(parseBuildArgs(['--outDir', 'out', '--base', '/t/'])).toEqual({ outDir: 'out', rest: ['--base', '/t/'] });
  expect(parseBuildArgs(['--outDir=out', '--base=/t/'])).toEqual({ outDir: 'out', rest: ['--base=/t/'] });
  expect(parseBuildArgs([])).toEqual({ outDir: 'dist', rest: [] });
  expect(() => parseBuildArgs(['--outDir'])).toThrow(BuildRefused);
  expect(() => parseBuildArgs(['--outDir='])).toThrow(BuildRefused);
});

test('the project, folders above it, its own folders and the disk root are refused', () => {
  expect(refused(project)).toMatch(/^已拒绝：.*项目文件夹/);
  expect(refused(path.dirname(project))).toMatch(/上级文件夹/);
  expect(refused(path.join(project, '..', '..'))).toMatch(/上级文件夹/);
  expect(refused(path.join(project, 'data'))).toMatch(/^已拒绝/);
  expect(refused(path.join(project, 'src', 'out'))).toMatch(/^已拒绝/);
  expect(refused('/')).toMatch(/根目录/);
});

test('a non-empty folder that is not an earlier build is refused; empty, new or earlier builds are fine', () => {
  const other = path.join(tmp, 'webroot');
  mkdirSync(other);
  writeFileSync(path.join(other, 'index.html'), 'another site');
  expect(refused(other)).toMatch(/不是空文件夹/);
  const file = path.join(tmp, 'a-file');
  writeFileSync(file, '');
  expect(refused(file)).toMatch(/不是文件夹/);

  const empty = path.join(tmp, 'empty');
  mkdirSync(empty);
  expect(safeOutDir(empty, opts)).toBe(empty);
  expect(safeOutDir(path.join(project, 'dist'), opts)).toBe(path.join(project, 'dist'));
  const earlier = path.join(tmp, 'earlier');
  mkdirSync(earlier);
  writeFileSync(path.join(earlier, 'index.html'), 'site');
  markSite(earlier);
  expect(isEarlierBuild(earlier)).toBe(true);
  expect(safeOutDir(earlier, opts)).toBe(earlier);
});

test('swapIn replaces an earlier build; a failing second rename puts the old site back', () => {
  const outDir = path.join(tmp, 'swap', 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'old');
  markSite(outDir);
  const work = createWorkDir(outDir);
  writeFileSync(path.join(work.site, 'index.html'), 'new');
  swapIn(work, outDir);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');

  // the new site vanished before the second rename (here: removed): the old one must come back
  const again = createWorkDir(outDir);
  rmSync(again.site, { recursive: true });
  expect(() => swapIn(again, outDir)).toThrow(/原来的网站保持原样/);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');
  rmSync(again.dir, { recursive: true, force: true });
});

test('a build killed between the two renames: the next build puts the old site back', () => {
  const outDir = path.join(tmp, 'killed', 'dist');
  mkdirSync(path.dirname(outDir), { recursive: true });
  const work = createWorkDir(outDir);
  // the state right after `rename(dist, work/previous)`
  mkdirSync(path.join(work.dir, 'previous'));
  writeFileSync(path.join(work.dir, 'previous', 'index.html'), 'old');
  cleanLeftovers(outDir);
  expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('old');
  expect(existsSync(work.dir)).toBe(false);
});

test('cleanLeftovers removes only work folders with our marker (or empty ones)', () => {
  const outDir = path.join(tmp, 'left', 'dist');
  const parent = path.dirname(outDir);
  mkdirSync(path.join(parent, 'dist.building-111'), { recursive: true });
  writeFileSync(path.join(parent, 'dist.building-111', 'not-ours.txt'), 'keep');
  mkdirSync(path.join(parent, 'dist.building-222'));
  mkdirSync(path.join(parent, 'dist.building-x'));
  cleanLeftovers(outDir);
  expect(existsSync(path.join(parent, 'dist.building-111', 'not-ours.txt'))).toBe(true);
  expect(existsSync(path.join(parent, 'dist.building-222'))).toBe(false);
  expect(existsSync(path.join(parent, 'dist.building-x'))).toBe(true);
});

test('a work folder re-made without its marker by an Astro child that outlived its wrapper is removed', () => {
  const outDir = path.join(tmp, 'orphan', 'dist');
  const parent = path.dirname(outDir);
  const dead = 2 ** 22 + 4321; // no such process
  mkdirSync(path.join(parent, `dist.building-${dead}`, 'site', 'villages'), { recursive: true });
  writeFileSync(path.join(parent, `dist.building-${dead}`, 'site', 'index.html'), '首页');
  // the same shape, but its process runs (this test): another build's, not ours to remove
  mkdirSync(path.join(parent, `dist.building-${process.ppid}`, 'site'), { recursive: true });
  // a folder with anything else in it is not ours
  mkdirSync(path.join(parent, `dist.building-${dead + 1}`, 'site'), { recursive: true });
  writeFileSync(path.join(parent, `dist.building-${dead + 1}`, 'notes.txt'), 'keep');
  cleanLeftovers(outDir);
  expect(existsSync(path.join(parent, `dist.building-${dead}`))).toBe(false);
  expect(existsSync(path.join(parent, `dist.building-${process.ppid}`))).toBe(true);
  expect(existsSync(path.join(parent, `dist.building-${dead + 1}`, 'notes.txt'))).toBe(true);
});

test('fileSystemMessage: a Chinese sentence naming the folder and what to do, for each disk failure', () => {
  for (const code of ['ENOSPC', 'EACCES', 'EROFS', 'EXDEV', 'EPERM', 'EBUSY']) {
    const error = Object.assign(new Error(`${code}: raw`), { code });
    expect(isFileSystemError(error)).toBe(true);
    const message = fileSystemMessage(error, '/mnt/usb/site');
    expect(message).toContain('/mnt/usb/site');
    expect(message).toContain('原来的网站保持原样');
    expect(message).toMatch(/请/);
  }
  expect(isFileSystemError(new TypeError('a bug'))).toBe(false);
});
