// The print job at county scale (contract §6.1, README "The month's 通报"): past the county switch
// (more villages than pages list, two or more townships) /ranking/<YYYY-MM>/print/ lists one print
// job per township, and every village ranked that month has its sheet in exactly one of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { projectTempDir } from '../e2e/support/build.ts';
import { writeSyntheticProject } from '../support/synthetic.ts';
import { MAX_VILLAGE_ROWS } from '../../src/views/tables.ts';
import { buildSite, type Built } from './buildSite.ts';

const VILLAGES = MAX_VILLAGE_ROWS + 10;
let built: Built;
let siteDir: string;
let timingsFile: string;

beforeAll(() => {
  siteDir = projectTempDir('print-jobs-');
  writeSyntheticProject(siteDir, { villages: VILLAGES, months: 2, reports: 0 });
  timingsFile = path.join(siteDir, 'timings.json');
  built = buildSite(siteDir, [], { SITE_TIMINGS_FILE: timingsFile });
}, 600_000);

afterAll(() => {
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(path.dirname(built.outDir), { recursive: true, force: true });
});

const doc = (file: string) => parseHTML(built.read(file)).document;

describe(`a county of ${VILLAGES} villages`, () => {
  test('builds', () => {
    expect(built.code, built.output).toBe(0);
  });

  test('the month\'s print page lists the townships\' print jobs and holds no sheet itself', () => {
    const months = readdirSync(path.join(built.outDir, 'ranking')).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
    const latest = months.at(-1)!;
    expect(months.slice(0, -1).every((m) => !built.exists(`ranking/${m}/print/index.html`))).toBe(true);
    const index = doc(`ranking/${latest}/print/index.html`);
    expect(index.querySelectorAll('.print-page')).toHaveLength(0);
    expect(index.querySelector('.crumbs a')!.getAttribute('href')).toBe(`/ranking/${latest}/`);
    const links = [...index.querySelectorAll('main a')].map((a) => a.getAttribute('href')!).filter((h) => h.includes('/print/'));
    expect(links.length).toBeGreaterThan(1);
    // every ranked village (the 排名 table on the month's page) has exactly one sheet, in its township's job
    const ranked = [...doc(`ranking/${latest}/index.html`).querySelectorAll('table tbody tr')]
      .map((tr) => tr.querySelector('a[href*="/villages/"]')?.getAttribute('href')).filter(Boolean).sort();
    expect(ranked.length).toBeGreaterThan(MAX_VILLAGE_ROWS);
    const sheets: string[] = [];
    for (const link of links) {
      const job = doc(`${link.replace(/^\/town\//, '').replace(/^\//, '')}index.html`);
      const title = job.querySelector('title')!.textContent!;
      for (const sheet of job.querySelectorAll('.print-page')) {
        const township = sheet.querySelector('.lead')!.textContent!.split(' · ')[0]!.trim();
        expect(title, township).toContain(`${township}各村公示单`);
        sheets.push(`${township}/${sheet.querySelector('h1')!.textContent!.trim()}`);
      }
    }
    expect(sheets).toHaveLength(ranked.length);
    expect(new Set(sheets).size).toBe(sheets.length);
  });

  test('a village\'s charts are drawn once, in its print job, and its page shows the same figures with their downloads (src/views/renderCache.ts)', () => {
    const latest = readdirSync(path.join(built.outDir, 'ranking')).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort().at(-1)!;
    const jobs = readdirSync(path.join(built.outDir, 'ranking', latest, 'print')).filter((f) => !f.endsWith('.html'));
    let sheetFigures = 0;
    let compared = 0;
    for (const job of jobs) {
      for (const sheet of doc(`ranking/${latest}/print/${job}/index.html`).querySelectorAll('.print-page')) {
        const figures = [...sheet.querySelectorAll('figure.chart')];
        sheetFigures += figures.length;
        if (compared >= 5 || figures.length === 0) continue;
        compared += 1;
        const figureId = figures[0]!.getAttribute('id')!; // chart-<preset>-v-<village id>
        const id = figureId.slice(figureId.lastIndexOf('-v-') + 3);
        const page = [...doc(`villages/${id}/index.html`).querySelectorAll('figure.chart')];
        expect(page.map((f) => f.outerHTML), id).toEqual(figures.map((f) => f.outerHTML));
        for (const link of page.flatMap((f) => [...f.querySelectorAll('a[href*="/data/charts/"]')])) {
          const file = link.getAttribute('href')!.replace(/^.*?\/data\/charts\//, 'data/charts/');
          if (!file.endsWith('.png')) expect(built.exists(file), file).toBe(true);
        }
      }
    }
    expect(compared).toBe(5);
    const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as { figuresReused?: number };
    // every sheet's figures, and any other chart shown twice (a township's on two pages)
    expect(timings.figuresReused).toBeGreaterThanOrEqual(sheetFigures);
    expect(sheetFigures).toBeGreaterThan(MAX_VILLAGE_ROWS);
  });
});
