import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData, loadTables, readDataDir } from '../../src/data/load.ts';
import { VILLAGES } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'data-dir-'));
mkdirSync(join(root, 'data', 'old'), { recursive: true });
writeFileSync(join(root, 'data', 'villages.csv'), VILLAGES);
writeFileSync(join(root, 'data', 'cleanup.csv'), '月份,村,清理垃圾(吨)\n2023-07,v1,十吨\n');
writeFileSync(join(root, 'data', '说明.txt'), 'not a dataset');
writeFileSync(join(root, 'data', '~$cleanup.csv'), 'lock file');
writeFileSync(join(root, 'data', 'old', 'cleanup.csv'), 'not read');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readDataDir(root)', () => {
  test('reads root/data/*.csv sorted by name, then the folders under data/, paths relative to the root', () => {
    const files = readDataDir(root);
    expect(files.map((f) => f.path)).toEqual(['data/cleanup.csv', 'data/villages.csv', 'data/old/cleanup.csv']);
    expect(new TextDecoder().decode(files[1]!.bytes)).toBe(VILLAGES);
  });
  test('a project without a data directory has no files', () => {
    expect(readDataDir(join(root, 'nowhere'))).toEqual([]);
  });
});

describe('loadData(root)', () => {
  test('is loadTables(readDataDir(root))', () => {
    const result = loadData(root);
    expect(result).toEqual(loadTables(readDataDir(root)));
    // data/old/ is no township of villages.csv: an error naming it, never ignored in silence (§3.11).
    expect(result.issues.map((i) => `${i.path}:${i.row}:${i.column} ${i.code}`)).toEqual([
      'data/cleanup.csv:2:3 type-error',
      'data/old/:undefined:undefined foreign-key-error',
    ]);
  });
});
