// Links are built from the project's base (href(path, project.base)), never from Astro's settings:
// a project loaded with base '/town/' links under /town/, here and in a plain Node process (tsx, no
// Vite, no import.meta.env), as `npm run check` and scripts load it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { latestMonths } from '../../src/metrics/months.ts';
import { navItems } from '../../src/views/nav.ts';
import { basePath, href } from '../../src/paths.ts';
import { cleanupVillageTable, rankHistoryTable, rankingTable, toiletVillageTable, type TableData } from '../../src/views/tables.ts';

const root = path.resolve('.');

function links(table: TableData): string[] {
  return table.rows.flat().flatMap((cell) => (typeof cell === 'object' && 'href' in cell ? [cell.href] : []));
}

test('basePath and href add the base, with or without its trailing slash', () => {
  expect(basePath('/town')).toBe('/town/');
  expect(href('/cleanup/', '/town')).toBe('/town/cleanup/');
  expect(href('data/cleanup.csv', '/town/')).toBe('/town/data/cleanup.csv');
  expect(href('/', '/')).toBe('/');
});

test('a project loaded with base /town/ links every village and menu item under /town/', () => {
  const project = loadProject(root, { base: '/town/' });
  const { tables, base } = project;
  expect(base).toBe('/town/');
  const month = latestMonths(tables).inspections!;
  const township = { kind: 'township', township: tables.villages.rows[0]!.township } as const;
  const all = [
    ...links(rankingTable(tables, month, base)),
    ...links(rankHistoryTable(tables, base)),
    ...links(cleanupVillageTable(tables, township, base)),
    ...links(toiletVillageTable(tables, township, base)),
  ];
  expect(all.length).toBeGreaterThan(20);
  for (const link of all) expect(link).toMatch(/^\/town\/villages\/[\w-]+\/$/);
  expect(navItems(project).map((item) => href(item.path, base))).toContain('/town/cleanup/');
  // the same project under the root
  expect(links(rankingTable(tables, month, '/'))[0]).toMatch(/^\/villages\//);
});

test('outside Vite (plain Node with tsx) the links come from the explicit base', () => {
  const script = `
    import { loadProject } from './src/project/project.ts';
    import { latestMonths } from './src/metrics/months.ts';
    import { navItems } from './src/views/nav.ts';
    import { href } from './src/paths.ts';
    import { rankingTable } from './src/views/tables.ts';
    const project = loadProject(process.cwd(), { base: '/town/' });
    const table = rankingTable(project.tables, latestMonths(project.tables).inspections, project.base);
    console.log(JSON.stringify({
      nav: navItems(project).map((item) => href(item.path, project.base)),
      villages: table.rows.map((row) => row[1].href),
    }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  const { nav, villages } = JSON.parse(out.trim().split('\n').at(-1)!) as { nav: string[]; villages: string[] };
  expect(nav[0]).toBe('/town/');
  expect(nav).toContain('/town/ranking/');
  for (const link of nav) expect(link.startsWith('/town/')).toBe(true);
  expect(villages.length).toBeGreaterThan(5);
  for (const link of villages) expect(link).toMatch(/^\/town\/villages\/[\w-]+\/$/);
});
