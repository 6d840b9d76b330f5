// Columns kept up to date (contract §6.4): `npm run check` warns when a monthly dataset's latest
// month is more than two months before the current month of the clock passed in.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { freshnessWarnings } from '../../src/project/freshness.ts';

const root = path.resolve(import.meta.dirname, '../fixtures/site-one');
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe('freshnessWarnings', () => {
  const { tables } = loadProject(root, { now: at('2024-03-01') });

  test('two months behind is on schedule; three months behind is a warning naming the dataset and its latest month', () => {
    expect(freshnessWarnings(tables, at('2024-04-30'))).toEqual([]);
    const late = freshnessWarnings(tables, at('2024-05-01'));
    expect(late.map((i) => i.code)).toEqual(late.map(() => 'warning'));
    const cleanup = late.find((i) => i.path === 'data/cleanup.csv');
    expect(cleanup?.message).toMatch(/^「村庄清洁行动」（cleanup）最近的数据是 2024年2月，距本月（2024年5月）已超过两个月没有更新/);
  });

  test('the project (and so npm run check) carries the warning with the clock it was given', () => {
    const stale = loadProject(root, { now: at('2024-06-10') }).issues.filter((i) => /已超过两个月没有更新/.test(i.message));
    expect(stale.map((i) => i.path)).toContain('data/cleanup.csv');
    expect(loadProject(root, { now: at('2024-03-01') }).issues.filter((i) => /已超过两个月没有更新/.test(i.message))).toEqual([]);
  });
});
