// The month's 通报 (contract §6.1): for every month of inspections, its ranking with change of
// rank, the 红榜 and 黑榜, the month's other figures as sentences, and the staff commentary (a
// report with `month: YYYY-MM`). Every figure comes from the metric functions the topic pages use
// (src/metrics/), formatted by src/format.ts.
import type { ChartSpec } from '../charts/types.ts';
import { palette } from '../charts/palette.ts';
import type { Month, Tables, Village } from '../data/types.ts';
import { formatMonth, formatPercent, formatQuantity } from '../format.ts';
import { cleanupByMonth, hasCleanupMetric } from '../metrics/cleanup.ts';
import { conversionsTotal, coverageByMonth } from '../metrics/coverage.ts';
import { scopeProgress } from '../metrics/progress.ts';
import { ranking, type RankEntry } from '../metrics/ranks.ts';
import { siteScope, villageLabel } from '../metrics/scope.ts';
import { monthlyIndex } from '../metrics/tableIndex.ts';
import type { Project } from '../project/project.ts';
import type { Report } from '../texts/reports.ts';
import { manyVillages } from './tables.ts';
import { townshipSlugs } from './townships.ts';
import { sourceOf } from '../presets/presets.ts';
import { currentRelease } from '../releases/current.ts';
import type { Release } from '../releases/record.ts';
import { inspectionsSchema } from '../data/datasets/inspections.ts';

/** `2023年6月人居环境整治考评通报`: the 通报's title on /reports/, in RSS and on its page. */
export function bulletinTitle(month: Month): string {
  return `${formatMonth(month)}人居环境整治考评通报`;
}

/** `2023年6月人居环境整治红黑榜`: the title of the month's 红黑榜 picture. */
export function hongheiTitle(month: Month): string {
  return `${formatMonth(month)}人居环境整治红黑榜`;
}

/**
 * The date a month's 通报 is listed under (/reports/, RSS): the day of the release that first
 * published the month (contract §6.1), from the release record (src/releases/). Without a record
 * (dev preview, a broken record that stops the build anyway) it is the month's last day.
 */
export function bulletinDate(project: Project, month: Month): string {
  return bulletinDay(currentRelease(project).plan?.record.releases ?? [], month);
}

/** The day of the first of `releases` that added `month` to inspections, else the month's last day. */
export function bulletinDay(releases: readonly Pick<Release, 'date' | 'monthsAdded'>[], month: Month): string {
  const first = releases.find((r) => r.monthsAdded.some((a) => a.dataset === inspectionsSchema.name && a.months.includes(month)));
  if (first) return first.date;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** Every month of inspections, earliest first. */
export function bulletinMonths(tables: Tables): readonly Month[] {
  return monthlyIndex(tables, 'inspections')?.months ?? [];
}

/**
 * The months whose print job (/ranking/<YYYY-MM>/print/) is built. Every sheet is the village
 * sheet of today, whatever the month, so a county of thousands of villages would print the same
 * sheets again for every month (3,000 villages × 24 months = 72,000 sheets, gigabytes of HTML):
 * there, past the point where pages switch to township summaries, only the latest month has one.
 */
export function printMonths(tables: Tables): readonly Month[] {
  const months = bulletinMonths(tables);
  return manyVillages(tables) ? months.slice(-1) : months;
}

/**
 * A month's print job (/ranking/<YYYY-MM>/print/): every village ranked that month, or at county
 * scale (more villages than pages list, in two or more townships) one job per township at
 * /ranking/<YYYY-MM>/print/<slug>/, the first page then listing them. One page of every village's
 * sheet was 62 MB of HTML at 3,000 villages: past what a browser prints or the build holds (its
 * render took the build's heap from 290 to 737 MB), and a township prints its own notice boards.
 */
export function printJobs(tables: Tables, month: Month): PrintJob[] {
  const villages = ranking(tables, month).map((e) => e.village);
  const slugs = townshipSlugs(tables);
  if (!manyVillages(tables) || slugs.size < 2) return [{ township: null, slug: null, villages }];
  return [...slugs].map(([township, slug]) => ({ township, slug, villages: villages.filter((v) => v.township === township) }))
    .filter((job) => job.villages.length > 0);
}

export interface PrintJob {
  /** null: the whole site's job */
  township: string | null;
  slug: string | null;
  villages: Village[];
}

/** The best `size` entries and any tied with the last of them (ranking is best first). */
export function redList(entries: readonly RankEntry[], size: number): RankEntry[] {
  if (size <= 0 || entries.length === 0) return [];
  const last = entries[Math.min(size, entries.length) - 1]!.score.value;
  return entries.filter((e) => e.score.value >= last);
}

/** The last `size` entries and any tied with the first of them, lowest score first. */
export function blackList(entries: readonly RankEntry[], size: number): RankEntry[] {
  if (size <= 0 || entries.length === 0) return [];
  const first = entries[Math.max(0, entries.length - size)]!.score.value;
  return entries.filter((e) => e.score.value <= first).reverse();
}

/** `第 1 名 新塘村（洋江镇）96 分`: a 红榜/黑榜 line. */
export function listLine(tables: Tables, e: RankEntry): string {
  return `第 ${e.rank} 名 ${e.village.name}（${e.village.township}） ${formatQuantity(e.score)} 分`;
}

/**
 * The month's other figures as sentences, from the same metric functions as /cleanup/, /toilets/
 * and /construction/: garbage cleared that month, conversions that month and coverage at its end,
 * and the construction points' progress (not monthly: as of the data).
 */
export function monthSentences(tables: Tables, month: Month): string[] {
  const out: string[] = [];
  const when = formatMonth(month);
  if (tables.cleanup && hasCleanupMetric(tables, 'garbage_t')) {
    const garbage = cleanupByMonth(tables, siteScope, 'garbage_t').find((m) => m.month === month)?.value;
    if (garbage) out.push(`${when}共清理垃圾 ${formatQuantity(garbage)} 吨。`);
  }
  if (tables.toilets) {
    const converted = conversionsTotal(tables, siteScope, { from: month, to: month });
    const coverage = coverageByMonth(tables, siteScope).find((c) => c.month === month);
    const parts: string[] = [];
    if (converted) parts.push(`完成改厕 ${formatQuantity(converted)} 户`);
    if (coverage?.percent) parts.push(`月底无害化卫生户厕覆盖率为 ${formatPercent(coverage.percent.value, coverage.percent.approx)}`);
    if (parts.length > 0) out.push(`${when}${parts.join('，')}。`);
  }
  if (tables.constructionPoints && tables.constructionItems) {
    const progress = scopeProgress(tables, siteScope);
    if (progress.percent) out.push(`新农村建设点平均完成进度为 ${formatPercent(progress.percent.value, progress.percent.approx)}（按最新上报数据）。`);
  }
  return out;
}

export interface Bulletin {
  month: Month;
  title: string;
  ranking: RankEntry[];
  red: RankEntry[];
  black: RankEntry[];
  sentences: string[];
  /** reports whose front matter has `month:` this month */
  commentary: Report[];
}

export function bulletin(project: Project, month: Month): Bulletin {
  const { tables, site } = project;
  const entries = ranking(tables, month);
  return {
    month,
    title: bulletinTitle(month),
    ranking: entries,
    red: redList(entries, site.redList),
    black: blackList(entries, site.blackList),
    sentences: monthSentences(tables, month),
    commentary: project.reports.filter((r) => r.month === month),
  };
}

/**
 * The most villages of one list the 红黑榜 picture names. Ties make a list long in a county (3,000
 * villages scored to the half point: 46 tied for third place; a province: 250), and each bar is a
 * quarter of the picture's 1,080 px width tall: 81 bars drew a 1.4 MB picture 19,594 px tall, past
 * WeChat's 1 MB (contract §6.2). The 通报 page lists them all.
 */
export const PICTURE_LIST_MAX = 10;

/** The 红黑榜 chart of a month: the listed villages' scores, 红榜 first. Drawn like every chart. */
export function hongheiSpec(project: Project, month: Month): ChartSpec {
  const { tables } = project;
  const b = bulletin(project, month);
  const lists = [['红榜', b.red], ['黑榜', b.black]] as const;
  const rows = lists.flatMap(([list, entries]) => entries.slice(0, PICTURE_LIST_MAX)
    .map((e) => ({ village: villageLabel(tables, e.village), list, value: e.score.value, approx: e.score.approx })));
  const cut = lists.filter(([, entries]) => entries.length > PICTURE_LIST_MAX)
    .map(([list, entries]) => `${list}共 ${entries.length} 个村（含得分并列），图中列出前 ${PICTURE_LIST_MAX} 个`);
  return {
    id: `honghei-${month}`,
    type: 'bar',
    title: hongheiTitle(month),
    ...(cut.length > 0 ? { caption: `${cut.join('；')}；完整名单见本月通报网页。` } : {}),
    x: { key: 'village', label: '村', type: 'text' },
    y: { key: 'value', label: '得分', type: 'number', unit: '分', measure: 'rate' },
    color: { key: 'list', label: '榜单', type: 'text' },
    // 红榜 first in the legend, in the palette's vermillion; 黑榜 in its blue (charts/palette.ts).
    colorDomain: ['红榜', '黑榜'],
    colorRange: [palette[1]!, palette[0]!],
    yDomain: [0, 100],
    rows,
    source: sourceOf(tables, 'inspections'),
    asOf: month,
  };
}

/** The 通报 as entries of /reports/ and the RSS feed, newest month first. */
export function bulletinEntries(project: Project): { title: string; date: string; path: string; month: Month }[] {
  if (!project.tables.inspections) return [];
  // Newest month first: a first release dates every month's 通报 the same day, and the lists sort
  // by date alone (stably), so this order is the order within a day.
  return bulletinMonths(project.tables).toReversed().map((month) => ({ title: bulletinTitle(month), date: bulletinDate(project, month), path: `ranking/${month}/`, month }));
}
