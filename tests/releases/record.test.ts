// The record read back from the previous site and the next release planned from it
// (src/releases/record.ts), on folders written here: no build needed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { chinaDay, planRelease, readPrevious, releaseFile, RECORD_FILE, type ReleaseRecord } from '../../src/releases/record.ts';
import type { DatasetKey } from '../../src/releases/compare.ts';
import { takePrevious } from '../../src/cli/previous.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'releases-record-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const keys = new Map<string, DatasetKey>([['cleanup', { name: 'cleanup', title: '村庄清洁行动', key: ['月份', '村'], village: '村', month: '月份', note: '备注' }]]);
const first = '\ufeff月份,村,清理垃圾(吨),备注\r\n2023-01,v1,21,\r\n';

/** A previous site holding release 1 of `first`. */
function site(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'data/releases/1'), { recursive: true });
  const record: ReleaseRecord = { site: 'renju-huanjing-site', releases: [{ number: 1, date: '2023-02-01', datasets: ['cleanup'], monthsAdded: [], rowsAdded: [], corrections: [] }] };
  writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify(record));
  writeFileSync(path.join(dir, releaseFile(1, 'cleanup')), first);
  return dir;
}

describe('readPrevious and planRelease', () => {
  test('no previous site: the first release', () => {
    const plan = planRelease(readPrevious(path.join(tmp, 'absent')), new Map([['cleanup', first]]), keys, '2023-02-01')!;
    expect(plan.isNew).toBe(true);
    expect(plan.current).toMatchObject({ number: 1, date: '2023-02-01', monthsAdded: [{ dataset: 'cleanup', months: ['2023-01'] }], corrections: [] });
  });

  test('datasets equal to the previous release\'s: no new release, the record unchanged', () => {
    const dir = site('equal');
    const plan = planRelease(readPrevious(dir), new Map([['cleanup', first]]), keys, '2023-03-01')!;
    expect(plan.isNew).toBe(false);
    expect(plan.record.releases).toHaveLength(1);
    expect(plan.source(1, 'cleanup')).toEqual({ file: path.join(dir, releaseFile(1, 'cleanup')) });
  });

  test('a changed dataset: release 2, carrying release 1 on; release 1 keeps the previous bytes', () => {
    const dir = site('changed');
    const next = '\ufeff月份,村,清理垃圾(吨),备注\r\n2023-01,v1,22,复核\r\n2023-02,v1,3,\r\n';
    const plan = planRelease(readPrevious(dir), new Map([['cleanup', next]]), keys, '2023-03-01')!;
    expect(plan.record.releases.map((r) => r.number)).toEqual([1, 2]);
    expect(plan.current.monthsAdded).toEqual([{ dataset: 'cleanup', title: '村庄清洁行动', months: ['2023-02'] }]);
    expect(plan.current.corrections).toEqual([{ dataset: 'cleanup', title: '村庄清洁行动', village: 'v1', point: null, month: '2023-01', row: '2023-01 v1', column: '清理垃圾(吨)', old: '21', new: '22', reason: '复核' }]);
    expect(plan.source(1, 'cleanup')).toEqual({ file: path.join(dir, releaseFile(1, 'cleanup')) });
    expect(plan.source(2, 'cleanup')).toEqual({ text: next });
  });

  test('a record that cannot be read is broken, never restarted', () => {
    const bad = site('bad-json');
    writeFileSync(path.join(bad, RECORD_FILE), '{ "releases": [');
    expect(readPrevious(bad)).toMatchObject({ kind: 'broken', problem: expect.stringMatching(/不是有效的 JSON/) });
    const gone = site('file-gone');
    rmSync(path.join(gone, releaseFile(1, 'cleanup')));
    expect(readPrevious(gone)).toMatchObject({ kind: 'broken', problem: expect.stringMatching(/不见了/) });
    const noRecord = site('record-gone');
    rmSync(path.join(noRecord, RECORD_FILE));
    expect(readPrevious(noRecord)).toMatchObject({ kind: 'broken' });
    expect(planRelease(readPrevious(bad), new Map(), keys, '2023-03-01')).toBeNull();
    // an earlier build of the site made before the record existed: the record starts here
    const old = path.join(tmp, 'unrecorded');
    mkdirSync(path.join(old, 'data'), { recursive: true });
    writeFileSync(path.join(old, 'index.html'), 'site');
    expect(readPrevious(old)).toEqual({ kind: 'unrecorded', dir: old });
    // a folder that is no copy of this site is never taken for one
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'x');
    expect(readPrevious(other)).toMatchObject({ kind: 'broken', problem: expect.stringMatching(/不是本网站生成的网站文件夹/) });
  });

  test('a release\'s date is its day in China', () => {
    expect(chinaDay(new Date('2023-03-31T17:00:00Z'))).toBe('2023-04-01');
    expect(chinaDay(new Date('2023-03-31T15:00:00Z'))).toBe('2023-03-31');
  });

  test('--previous x and --previous=x', () => {
    const dir = site('arg');
    expect(takePrevious(['--previous', dir, '--base', '/t/'])).toEqual({ previous: dir, rest: ['--base', '/t/'] });
    expect(takePrevious([`--previous=${dir}`])).toEqual({ previous: dir, rest: [] });
    expect(takePrevious(['--outDir', 'x'])).toEqual({ previous: null, rest: ['--outDir', 'x'] });
    expect(() => takePrevious(['--previous'])).toThrow(/缺少文件夹名/);
    expect(() => takePrevious([`--previous=${path.join(tmp, 'nope')}`])).toThrow(/不存在/);
  });
});
