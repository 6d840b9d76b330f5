// moveTree: the site built inside the project reaches a work folder on another disk (the rename
// fails with EXDEV there, as from C:\ to D:\ on Windows) by a copy; same disk: a rename.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';

const crossDevice = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (crossDevice.on) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return fs.renameSync(from, to);
    },
  };
});

const { moveTree, stagingSite } = await import('../../src/cli/publish.mjs');

const tmp = mkdtempSync(path.join(tmpdir(), 'move-tree-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function builtSite(name: string): string {
  const site = path.join(tmp, name, 'site');
  mkdirSync(path.join(site, 'villages/yj-changtang'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), '首页');
  writeFileSync(path.join(site, 'villages/yj-changtang/index.html'), '长塘村');
  return site;
}

for (const across of [false, true]) {
  test(`moves a site into an empty work folder${across ? ' on another disk (copy)' : ' (rename)'}`, () => {
    const from = builtSite(across ? 'a' : 'b');
    const to = path.join(tmp, across ? 'work-a' : 'work-b', 'site');
    mkdirSync(to, { recursive: true });
    crossDevice.on = across;
    try {
      moveTree(from, to);
    } finally {
      crossDevice.on = false;
    }
    expect(readFileSync(path.join(to, 'villages/yj-changtang/index.html'), 'utf8')).toBe('长塘村');
    expect(existsSync(from)).toBe(false);
  });
}

test('a work folder inside the project needs no staging; one outside is staged under node_modules/.cache', () => {
  const project = path.join(tmp, 'project');
  expect(stagingSite(project, path.join(project, 'dist.building-1', 'site'))).toBeNull();
  expect(stagingSite(project, path.join(tmp, 'www', 'town.building-1', 'site'))).toBe(
    path.join(project, 'node_modules', '.cache', 'renju-build', String(process.pid), 'site'),
  );
});

test('a work folder beside the project whose name starts with the project\'s is outside it (path segments)', () => {
  // C:\rjhj publishing to C:\rjhj-site: a string-prefix test took it for a folder inside the project
  const project = path.join(tmp, 'rjhj');
  expect(stagingSite(project, path.join(tmp, 'rjhj-site.building-1', 'site'))).toBe(
    path.join(project, 'node_modules', '.cache', 'renju-build', String(process.pid), 'site'),
  );
  expect(stagingSite(project + path.sep, path.join(project, 'dist.building-1', 'site'))).toBeNull();
});
