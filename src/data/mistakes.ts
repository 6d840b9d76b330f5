// Everyday mistakes that would otherwise publish a wrong figure without a word (contract §3.9
// "No silent mistakes", §3.0/§3.9 Excel habits): future months, Excel's dotted-October trap,
// formula error values. Pure functions; the clock is passed in.
import { normalizeCell } from './cells.ts';
import { quote } from './quote.ts';
import type { Month, Tables } from './types.ts';

/** Datasets whose months are reporting months: one later than the current month is a mistake. */
export const reportingDatasets: ReadonlySet<string> = new Set(['cleanup', 'toilets', 'inspections']);

/** The current month in China (UTC+8), where the staff and the township are. */
export function currentMonth(now: Date): Month {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2023-07` → `2023年7月`. */
export function monthText(month: Month): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** A reporting month after the current one (`2032-06` typed for `2023-06`): a constraint-error message. */
export function futureMonth(label: string, raw: string, month: Month, current: Month): string | null {
  if (month <= current) return null;
  return (
    `「${label}」为 ${quote(raw)}（${monthText(month)}），晚于本月（${monthText(current)}）：` +
    '尚未到来的月份不能有数据；请核对年份和月份是否打错'
  );
}

const DOTTED = /^(\d{4})\.(\d{1,2})$/;

/**
 * Excel's dotted-October trap: a typed `2023.10` is stored as the number 2023.1 and saved as
 * `2023.1`. In a file whose other dotted months of that year are written with two digits
 * (`2023.07`, `2023.11`), or run towards the end of the year without a February (`2023.9`,
 * `2023.11`), `2023.1` stands for October, not January. Returns the type-error message for
 * each such cell (by its normalised text).
 */
export function dottedOctoberTraps(raws: Iterable<string>, label: string): Map<string, string> {
  const byYear = new Map<string, Set<string>>();
  for (const raw of raws) {
    const m = DOTTED.exec(normalizeCell(raw));
    if (!m) continue;
    const set = byYear.get(m[1]!) ?? new Set<string>();
    set.add(m[2]!);
    byYear.set(m[1]!, set);
  }
  const traps = new Map<string, string>();
  for (const [year, months] of byYear) {
    if (!months.has('1')) continue;
    const others = [...months].filter((m) => m !== '1').sort((a, b) => Number(a) - Number(b));
    // `2023.10` kept as text says nothing about how the other cells were typed.
    const padded = others.filter((m) => m.length === 2 && m !== '10');
    const late = others.some((m) => Number(m) >= 11) || (others.includes('9') && !others.includes('2'));
    if (padded.length === 0 && !late) continue;
    const shown = others.slice(0, 4).map((m) => `${year}.${m}`).join('、') + (others.length > 4 ? ' …' : '');
    traps.set(
      `${year}.1`,
      `「${label}」为 "${year}.1"，本文件中 ${year} 年的其他月份写作 ${shown}，这里应是 ${year}年10月：` +
        `Excel 把输入的 ${year}.10 当成了数字，去掉末尾的 0 存成了 ${year}.1（会被当作 1 月）；` +
        `请把该列设为“文本”格式后重新输入 ${year}-10（若确为 1 月，请写 ${year}-01）`,
    );
  }
  return traps;
}

export { excelErrorValue } from './cells.ts';

/**
 * Without a readable villages.csv no village reference can be checked, so every dataset that has
 * one is as unreadable as villages.csv itself (contract §5: its charts and figures follow from it).
 */
export function markVillageDependents(tables: Tables, villagesPath: string): void {
  if (tables.villages.damaged === undefined) tables.villages.damaged = villagesPath;
  const dependents = [tables.cleanup, tables.constructionPoints, tables.constructionItems, tables.toilets, tables.inspections, tables.targets];
  for (const dataset of dependents) {
    if (dataset && dataset.damaged === undefined) dataset.damaged = villagesPath;
  }
}
