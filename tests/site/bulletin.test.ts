// The month's 通报 (contract §6.1): 红榜/黑榜 with ties, settings, titles and dates.
import { describe, expect, test } from 'vitest';
import { blackList, bulletinDay, bulletinTitle, hongheiSpec, hongheiTitle, PICTURE_LIST_MAX, printJobs, printMonths, redList } from '../../src/views/bulletin.ts';
import { hongheiPicture } from '../../src/views/sharePicture.ts';
import type { Project } from '../../src/project/project.ts';
import { MAX_VILLAGE_ROWS } from '../../src/views/tables.ts';
import { inspection, makeTables, village } from '../metrics/fixtures.ts';
import type { RankEntry } from '../../src/metrics/ranks.ts';
import { parseSiteSettings } from '../../src/texts/settings.ts';
import { rankBy } from '../../src/metrics/ranks.ts';
import { legendItems } from '../../src/charts/legend.ts';
import { palette } from '../../src/charts/palette.ts';
import { chartData } from '../../src/charts/rows.ts';

function entries(scores: number[]): RankEntry[] {
  const items = scores.map((s, i) => ({ id: `v${i}`, s }));
  return rankBy(items, (x) => x.s, (x) => x.id).map(({ item, rank }) => ({
    month: '2023-06', village: { id: item.id, name: item.id, township: '洋江镇' } as RankEntry['village'],
    score: { value: item.s, approx: false }, rank, of: scores.length, previousRank: null, change: null,
  }));
}
const ids = (list: RankEntry[]) => list.map((e) => e.village.id);

describe('红榜 and 黑榜', () => {
  const ranked = entries([95, 90, 88, 88, 80, 75, 70, 70]);
  test('the best n and any tied with the last of them', () => {
    expect(ids(redList(ranked, 3))).toEqual(['v0', 'v1', 'v2', 'v3']);
    expect(ids(redList(ranked, 2))).toEqual(['v0', 'v1']);
  });
  test('the last n, lowest first, and any tied with the first of them', () => {
    expect(ids(blackList(ranked, 1))).toEqual(['v7', 'v6']);
    expect(ids(blackList(ranked, 3))).toEqual(['v7', 'v6', 'v5']);
  });
  test('0 hides a list; a list longer than the ranking is the ranking', () => {
    expect(redList(ranked, 0)).toEqual([]);
    expect(blackList(ranked, 0)).toEqual([]);
    expect(redList(ranked, 20)).toHaveLength(8);
  });
});

describe('the 红黑榜 picture (contract §6.2: under 1 MB for WeChat)', () => {
  // A county scores to the half point: dozens tie for third place, and every bar is a quarter of
  // the picture's width tall (3,000 villages: 46 and 35 tied, a 1.4 MB picture 19,594 px tall).
  const scored = (scores: number[]) => {
    const villages = scores.map((_, i) => village(`v${i}`, `村${String(i).padStart(3, '0')}`, '洋江镇', 100));
    const inspections = villages.map((v, i) => inspection('2023-06', v.id, scores[i]!));
    return { tables: makeTables({ villages, inspections }), site: { title: '示例', redList: 3, blackList: 3 }, reports: [], base: '/', asOf: '2023-06' } as unknown as Project;
  };
  const project = (top: number, bottom: number) => scored([...Array<number>(top).fill(95), ...Array<number>(bottom).fill(60)]);
  test('at most PICTURE_LIST_MAX villages of each list, and a caption that says how many and where the rest are', () => {
    const spec = hongheiSpec(project(60, 45), '2023-06');
    expect(spec.rows.filter((r) => r.list === '红榜')).toHaveLength(PICTURE_LIST_MAX);
    expect(spec.rows.filter((r) => r.list === '黑榜')).toHaveLength(PICTURE_LIST_MAX);
    expect(spec.caption).toBe(`红榜共 60 个村（含得分并列），图中列出前 ${PICTURE_LIST_MAX} 个；黑榜共 45 个村（含得分并列），图中列出前 ${PICTURE_LIST_MAX} 个；完整名单见本月通报网页。`);
  });
  test('short lists are drawn whole, without a caption', () => {
    const spec = hongheiSpec(scored([95, 90, 85, 80, 75, 70, 65]), '2023-06');
    expect(spec.rows.map((r) => `${r.list} ${r.value}`)).toEqual(['红榜 95', '红榜 90', '红榜 85', '黑榜 65', '黑榜 70', '黑榜 75']);
    expect(spec.caption).toBeUndefined();
  });
  test('the legend lists 红榜 first, in vermillion, and 黑榜 in blue', () => {
    const spec = hongheiSpec(scored([95, 90, 85, 80, 75, 70, 65]), '2023-06');
    expect(legendItems(spec, chartData(spec))).toEqual([{ label: '红榜', color: palette[1] }, { label: '黑榜', color: palette[0] }]);
  });
  test('with 105 villages tied in the two lists the PNG is 1,080 px wide and under 1 MB', () => {
    const png = Buffer.from(hongheiPicture(project(60, 45), '2023-06')!);
    expect(png.readUInt32BE(16)).toBe(1080);
    expect(png.length).toBeLessThan(1_000_000);
  }, 30_000);
});

describe('settings red_list and black_list', () => {
  const site = (lines: string) => parseSiteSettings(`---\ntitle: 示例\n${lines}---\n`);
  test('default 3 and 3', () => {
    expect(site('').settings).toMatchObject({ redList: 3, blackList: 3 });
  });
  test('whole numbers, 0 hides', () => {
    expect(site('red_list: 5\nblack_list: 0\n').settings).toMatchObject({ redList: 5, blackList: 0 });
  });
  test('anything else is a Chinese error at its line', () => {
    const { issues } = site('red_list: 三\nblack_list: -1\n');
    expect(issues.map((i) => `${i.path}:${i.row} ${i.code} ${i.message}`)).toEqual([
      'content/site.md:3 frontmatter-error red_list（红榜村数）应为 0 或正整数（0 表示不显示），实际为 "三"',
      'content/site.md:4 frontmatter-error black_list（黑榜村数）应为 0 或正整数（0 表示不显示），实际为 "-1"',
    ]);
  });
});

describe('titles and dates', () => {
  test('as the contract writes them', () => {
    expect(bulletinTitle('2023-06')).toBe('2023年6月人居环境整治考评通报');
    expect(hongheiTitle('2023-12')).toBe('2023年12月人居环境整治红黑榜');
  });
  test('dated by the release that first published the month (contract §6.1)', () => {
    const added = (dataset: string, months: string[]) => ({ dataset, title: dataset, months });
    const releases = [
      { date: '2023-07-03', monthsAdded: [added('inspections', ['2023-05', '2023-06']), added('cleanup', ['2023-07'])] },
      { date: '2023-08-02', monthsAdded: [added('cleanup', ['2023-08'])] },
      { date: '2023-08-09', monthsAdded: [added('inspections', ['2023-07'])] },
    ];
    expect(bulletinDay(releases, '2023-06')).toBe('2023-07-03');
    expect(bulletinDay(releases, '2023-07')).toBe('2023-08-09');
  });
  test('without a record (dev preview): the last day of the month', () => {
    expect(bulletinDay([], '2023-06')).toBe('2023-06-30');
    expect(bulletinDay([], '2024-02')).toBe('2024-02-29');
  });
});

describe('print jobs (/ranking/<YYYY-MM>/print/)', () => {
  const site = (count: number, townships: string[]) => {
    const villages = Array.from({ length: count }, (_, i) => village(`v${i}`, `村${i}`, townships[i % townships.length]!, 100));
    const inspections = ['2023-05', '2023-06'].flatMap((m) => villages.slice(0, count - 1).map((v, i) => inspection(m, v.id, 60 + (i % 40))));
    return makeTables({ villages, inspections });
  };

  test('up to the county switch: one job of every ranked village, best first, for every month', () => {
    const tables = site(MAX_VILLAGE_ROWS, ['洋江镇', '楠杆镇']);
    expect(printMonths(tables)).toEqual(['2023-05', '2023-06']);
    const jobs = printJobs(tables, '2023-06');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.township).toBeNull();
    expect(jobs[0]!.villages).toHaveLength(MAX_VILLAGE_ROWS - 1); // the unranked village has no sheet
  });

  test('at county scale: the latest month only, one job per township, every ranked village in exactly one', () => {
    const tables = site(MAX_VILLAGE_ROWS + 1, ['洋江镇', '楠杆镇', '白沙乡']);
    expect(printMonths(tables)).toEqual(['2023-06']);
    const jobs = printJobs(tables, '2023-06');
    expect(jobs.map((j) => [j.township, j.slug])).toEqual([['洋江镇', 'yangjiang'], ['楠杆镇', 'nangan'], ['白沙乡', 'baisha']]);
    for (const job of jobs) expect(job.villages.every((v) => v.township === job.township)).toBe(true);
    const printed = jobs.flatMap((j) => j.villages.map((v) => v.id)).sort();
    expect(printed).toEqual(Array.from({ length: MAX_VILLAGE_ROWS }, (_, i) => `v${i}`).sort());
  });

  test('at county scale in one township: still one job (there are no township pages to split by)', () => {
    const jobs = printJobs(site(MAX_VILLAGE_ROWS + 1, ['洋江镇']), '2023-06');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.township).toBeNull();
  });
});
