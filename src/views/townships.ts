// A county's townships (contract §3.11): the per-township breakdown table on the home page and the
// address of each township's page, /townships/<slug>/ (shown when the data holds several townships).
import type { Tables } from '../data/types.ts';
import { memo } from '../metrics/tableIndex.ts';
import { href } from '../paths.ts';
import { pinyinSyllables } from '../pinyin.ts';
import type { Cell } from './tables.ts';
import { formatNumber, formatPercent, formatQuantity } from '../format.ts';
import { cleanupTotal } from '../metrics/cleanup.ts';
import { publicToilets, toiletCoverage } from '../metrics/coverage.ts';
import { constructionSums, scopeProgress } from '../metrics/progress.ts';
import { townships, villagesByTownship } from '../metrics/scope.ts';

/** The kind a township's name ends with, left out of its address (`洋江镇` → `yangjiang`). */
const KIND = /(?:民族乡|街道办事处|街道|办事处|镇|乡|苏木)$/u;

/**
 * Each township's page address, in villages.csv order: the pinyin of its name without 镇/乡/街道
 * (`yangjiang`); a second township with the same pinyin gets `-2`, a third `-3`. Empty with one
 * township (the site is that township: no township pages).
 */
export function townshipSlugs(tables: Tables): Map<string, string> {
  return memo(tables, 'townshipSlugs', () => {
    const names = townships(tables);
    const slugs = new Map<string, string>();
    if (names.length < 2) return slugs;
    const used = new Map<string, number>();
    for (const township of names) {
      const bare = township.normalize('NFKC').replace(KIND, '');
      const base = pinyinSyllables(bare === '' ? township : bare).join('') || 'township';
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      slugs.set(township, n === 1 ? base : `${base}-${n}`);
    }
    return slugs;
  });
}

/** A township's name linking to its page (plain text when there are no township pages). */
export function townshipLink(tables: Tables, township: string, base: string): Cell {
  const slug = townshipSlugs(tables).get(township);
  return slug === undefined ? township : { text: township, href: href(`townships/${slug}/`, base) };
}

export function townshipRows(tables: Tables, base = '/'): { head: string[]; rows: Cell[][]; numeric: number[] } {
  const head = ['乡镇', '村数'];
  if (tables.cleanup) head.push('清理垃圾(吨)');
  if (tables.toilets) head.push('户厕覆盖率', '公厕(座)');
  if (tables.constructionPoints) head.push('建设点(个)', '平均完成进度');
  const byTownship = villagesByTownship(tables);
  const rows = townships(tables).map((township) => {
    const scope = { kind: 'township', township } as const;
    const row: Cell[] = [townshipLink(tables, township, base), formatNumber(byTownship.get(township)?.length ?? 0)];
    if (tables.cleanup) {
      const total = cleanupTotal(tables, scope, 'garbage_t');
      row.push(total ? formatQuantity(total) : '—');
    }
    if (tables.toilets) {
      const c = toiletCoverage(tables, scope);
      row.push(c?.percent ? formatPercent(c.percent.value, c.percent.approx) : '—');
      const p = publicToilets(tables, scope);
      row.push(p?.total ? formatQuantity(p.total) : '—');
    }
    if (tables.constructionPoints) {
      row.push(formatNumber(constructionSums(tables, scope).points));
      const progress = scopeProgress(tables, scope).percent;
      row.push(progress ? formatPercent(progress.value, progress.approx) : '—');
    }
    return row;
  });
  return { head, rows, numeric: head.map((_, i) => i).slice(1) };
}
