// Why a village's stock fell (contract §3.9): the 备注 of each explained fall, shown on the village
// page beside the figure. The falls are the loader's (src/data/datasets/stocks.ts), computed once.
import type { Tables } from '../data/types.ts';
import { formatMonth, formatQuantity } from '../format.ts';
import { stockColumns, stockFalls } from '../data/datasets/stocks.ts';
import { monthlyIndex } from '../metrics/tableIndex.ts';

export interface StockNote {
  /** `无害化卫生户厕` */
  label: string;
  /** `2023年7月由 341 户减为 339 户` */
  change: string;
  /** the row's 备注 */
  reason: string;
}

/** A village's explained falls, earliest first. */
export function stockNotes(tables: Tables, villageId: string): StockNote[] {
  // the village's rows from the index: filtering every row for each village page was quadratic
  // (3,000 villages: 6 s of the build; 20,000: minutes)
  const rows = monthlyIndex(tables, 'toilets')?.byVillage.get(villageId) ?? [];
  return stockFalls(rows)
    .filter((f) => f.note !== null)
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map((f) => {
      const { label, unit } = stockColumns.find((c) => c.key === f.key)!;
      return {
        label,
        change: `${formatMonth(f.month)}由 ${formatQuantity(f.previous.value)} ${unit}减为 ${formatQuantity(f.value)} ${unit}`,
        reason: f.note!,
      };
    });
}
