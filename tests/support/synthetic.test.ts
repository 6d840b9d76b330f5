import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { writeSyntheticProject } from './synthetic.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Header and data rows of one written file (the generator never writes quoted cells). */
function readCsv(dir: string, name: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(join(dir, 'data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter((l) => l !== '');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

const datasets = ['villages', 'cleanup', 'construction-points', 'construction-items', 'toilets', 'inspections', 'targets'];

describe('writeSyntheticProject', () => {
  const dir = tempDir();
  const summary = writeSyntheticProject(dir, { villages: 30, months: 6, reports: 3, townships: 3, seed: 7 });

  test('writes every known dataset, the site settings and the reports', () => {
    for (const name of datasets) expect(existsSync(join(dir, 'data', `${name}.csv`)), name).toBe(true);
    expect(existsSync(join(dir, 'content', 'site.md'))).toBe(true);
    expect(readdirSync(join(dir, 'content', 'reports')).sort()).toEqual(['report-01.md', 'report-02.md', 'report-03.md']);
  });

  test('row counts: one row per village, per village and month for monthly data', () => {
    expect(readCsv(dir, 'villages').rows).toHaveLength(30);
    for (const name of ['cleanup', 'toilets', 'inspections']) expect(readCsv(dir, name).rows, name).toHaveLength(30 * 6);
    expect(readCsv(dir, 'construction-points').rows).toHaveLength(10);
    expect(readCsv(dir, 'construction-items').rows).toHaveLength(summary.items);
    expect(summary.items).toBeGreaterThanOrEqual(2 * 10);
    for (const name of datasets) expect(readCsv(dir, name).rows.length, name).toBe(summary.rows[name]);
  });

  test('villages are spread over the townships, ids valid and unique, names unique within a township', () => {
    const { rows } = readCsv(dir, 'villages');
    expect(new Set(rows.map((r) => r[2])).size).toBe(3);
    const ids = rows.map((r) => r[0]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    const names = rows.map((r) => `${r[2]}/${r[1]}`);
    expect(new Set(names).size).toBe(names.length);
  });

  test('sanitary is a non-decreasing stock within households; all numbers non-negative', () => {
    const households = new Map(readCsv(dir, 'villages').rows.map((r) => [r[0]!, Number(r[4])]));
    const last = new Map<string, number>();
    for (const r of readCsv(dir, 'toilets').rows) {
      const s = Number(r[2]);
      expect(s).toBeLessThanOrEqual(households.get(r[1]!)!);
      expect(s).toBeGreaterThanOrEqual(last.get(r[1]!) ?? 0);
      last.set(r[1]!, s);
    }
    for (const name of ['cleanup', 'toilets', 'construction-items', 'construction-points']) {
      for (const r of readCsv(dir, name).rows) {
        for (const c of r) if (/^-?\d+(\.\d+)?$/.test(c)) expect(Number(c), `${name}: ${r.join(',')}`).toBeGreaterThanOrEqual(0);
      }
    }
    for (const r of readCsv(dir, 'construction-items').rows) expect(Number(r[4])).toBeLessThanOrEqual(Number(r[3]));
  });

  test('unique keys: (month, village) and (point, item, unit)', () => {
    for (const name of ['cleanup', 'toilets', 'inspections']) {
      const keys = readCsv(dir, name).rows.map((r) => `${r[0]}|${r[1]}`);
      expect(new Set(keys).size, name).toBe(keys.length);
    }
    const items = readCsv(dir, 'construction-items').rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`);
    expect(new Set(items).size).toBe(items.length);
  });

  test('reports carry figures and chart blocks', () => {
    const text = readFileSync(join(dir, 'content', 'reports', 'report-01.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: .+\ndate: \d{4}-\d{2}-\d{2}\n/);
    expect(text.match(/\{\{ [^}]+ \}\}/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text.match(/```chart\n/g)).toHaveLength(2);
  });

  test('the same seed writes the same files; another seed does not', () => {
    const again = tempDir();
    writeSyntheticProject(again, { villages: 30, months: 6, reports: 3, townships: 3, seed: 7 });
    const other = tempDir();
    writeSyntheticProject(other, { villages: 30, months: 6, reports: 3, townships: 3, seed: 8 });
    for (const name of datasets) {
      const a = readFileSync(join(dir, 'data', `${name}.csv`), 'utf8');
      expect(readFileSync(join(again, 'data', `${name}.csv`), 'utf8'), name).toBe(a);
    }
    expect(readFileSync(join(other, 'data', 'cleanup.csv'), 'utf8')).not.toBe(
      readFileSync(join(dir, 'data', 'cleanup.csv'), 'utf8'),
    );
  });

  test('defaults: 24 months from 2022-01, several townships', () => {
    const d = tempDir();
    const s = writeSyntheticProject(d, { villages: 25 });
    expect(s.months).toHaveLength(24);
    expect(s.months[0]).toBe('2022-01');
    expect(s.months[23]).toBe('2023-12');
    expect(s.townships.length).toBeGreaterThanOrEqual(2);
    expect(readCsv(d, 'toilets').rows).toHaveLength(25 * 24);
  });
});

// The loader is written in parallel; once it exists, the synthetic project must load cleanly.
const loaderPath = fileURLToPath(new URL('../../src/data/load.ts', import.meta.url));
test.skipIf(!existsSync(loaderPath))('the synthetic project loads with no errors', async () => {
  // a computed specifier: the import must not be resolved while the file does not exist yet
  const { loadData } = await import(/* @vite-ignore */ loaderPath);
  const dir = tempDir();
  writeSyntheticProject(dir, { villages: 30, months: 6, reports: 2, seed: 3 });
  const { tables, issues } = await loadData(dir);
  const errors = issues.filter((i: { code: string }) => i.code !== 'warning');
  expect(errors).toEqual([]);
  expect(tables.villages.rows).toHaveLength(30);
  expect(tables.cleanup?.rows).toHaveLength(180);
  expect(tables.toilets?.rows).toHaveLength(180);
});

// Content too: the reports' {{ }} figures and chart blocks resolve against the synthetic tables.
const projectPath = fileURLToPath(new URL('../../src/project/project.ts', import.meta.url));
test.skipIf(!existsSync(projectPath))('the synthetic project, content included, has no errors', async () => {
  const { loadProject } = await import(/* @vite-ignore */ projectPath);
  const dir = tempDir();
  writeSyntheticProject(dir, { villages: 30, months: 6, reports: 2, seed: 11 });
  const project = loadProject(dir);
  expect(project.issues.filter((i: { code: string }) => i.code !== 'warning')).toEqual([]);
  expect(project.reports).toHaveLength(2);
  for (const r of project.reports) expect(r.charts).toHaveLength(2);
});
