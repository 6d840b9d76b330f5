// How a release reads (contract §6.3), for /changes/, the RSS item and `npm run check`: one
// wording in every place.
import { formatMonth } from '../format.ts';
import { monthDiff } from '../metrics/months.ts';
import type { Correction, MonthsAdded, RowsAdded } from './compare.ts';
import type { Plan, Release } from './record.ts';

export const NO_REASON = '未说明原因';
export const REMOVED = '已删除';

const MONTH = /^\d{4}-\d{2}$/;
const monthText = (m: string) => (MONTH.test(m) ? formatMonth(m) : m);

/** `2026-03-05` → `2026年3月5日` */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Months as a reader lists them: runs of three or more consecutive months as `2023年1月至6月`. */
export function monthList(months: readonly string[]): string {
  const runs: string[][] = [];
  for (const m of months) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && MONTH.test(m) && MONTH.test(last) && monthDiff(last, m) === 1) run.push(m);
    else runs.push([m]);
  }
  return runs.map((run) => {
    if (run.length < 3) return run.map(monthText).join('、');
    const [first, last] = [run[0]!, run.at(-1)!];
    const end = first.slice(0, 4) === last.slice(0, 4) ? `${Number(last.slice(5))}月` : monthText(last);
    return `${monthText(first)}至${end}`;
  }).join('、');
}

/** 村庄清洁行动：新增 2023年7月、2023年8月 的数据 */
export function monthsAddedText(m: MonthsAdded): string {
  return `${m.title}：新增 ${monthList(m.months)} 的数据`;
}

export function rowsAddedText(r: RowsAdded): string {
  return `${r.title}：新增 ${r.rows} 行`;
}

/** A row's key as a reader says it: `2023-03 长塘村` → `2023年3月 长塘村`. */
export function rowText(row: string): string {
  return row.replace(/\b\d{4}-\d{2}\b/g, (m) => monthText(m));
}

/** Where a corrected figure stands: dataset, village or point, month, column. */
export function correctionPlace(c: Omit<Correction, 'index'>): string {
  const parts = [c.title, rowText(c.row)];
  if (c.month && !c.row.includes(c.month)) parts.push(monthText(c.month));
  return parts.filter((p) => p !== '').join(' · ');
}

export const valueText = (v: string) => (v === '' ? '（空）' : v);

/** One line: `村庄清洁行动 · 2023年3月 长塘村 「清理垃圾(吨)」 21 → 25；原因：过磅单复核` */
export function correctionText(c: Omit<Correction, 'index'>): string {
  if (c.new === null) return `${correctionPlace(c)}：整行${REMOVED}（原为 ${c.old || '（空）'}）`;
  return `${correctionPlace(c)}「${c.column}」${valueText(c.old)} → ${valueText(c.new)}；原因：${c.reason ?? NO_REASON}`;
}

/** What `npm run check -- --previous <folder>` prints after the report. */
export function correctionLines(plan: Plan, previous: string): string[] {
  if (!plan.isNew) return [`与 ${previous} 中的网站相比，数据没有变化：下一次构建不会新增发布（仍是第 ${plan.current.number} 次发布）。`];
  const r: Release = plan.current;
  const lines = [`与 ${previous} 中的网站相比，下一次构建将是第 ${r.number} 次发布：`];
  for (const m of r.monthsAdded) lines.push(`  例行更新 ${monthsAddedText(m)}`);
  if (r.corrections.length === 0) lines.push('  没有更正（已发布的数字都没有改变）。');
  else {
    lines.push(`  将公开的更正 ${r.corrections.length} 处：`);
    for (const c of r.corrections) lines.push(`  更正 ${correctionText(c)}`);
  }
  return lines;
}
