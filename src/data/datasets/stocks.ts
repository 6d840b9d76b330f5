// Stocks never fall in silence (contract §3.9 "No silent mistakes"): a village's `sanitary` or
// `public_toilets` lower than in its previous reported month. One computation for both uses: the
// loader turns an unexplained fall into a constraint-error, the village page shows the `备注` of an
// explained one beside the figure.
import type { Month, Quantity } from '../shapes/types.ts';
import type { ToiletRow } from './toilets.ts';

/** The stock columns of toilets.csv, with the label and unit their messages use. */
export const stockColumns = [
  { key: 'sanitary', label: '无害化卫生户厕', unit: '户' },
  { key: 'public_toilets', label: '公厕', unit: '座' },
] as const;

export type StockKey = (typeof stockColumns)[number]['key'];

export interface StockFall {
  village: string;
  key: StockKey;
  /** the row that reports the lower figure */
  line: number;
  month: Month;
  value: Quantity;
  /** the village's previous report of this column (the latest earlier month with a figure) */
  previous: { line: number; month: Month; value: Quantity; row: ToiletRow };
  /** the row itself (a dataset read from several files or sheets: its `path` says which) */
  row: ToiletRow;
  /** the row's 备注: why the figure fell; `null` when it does not say */
  note: string | null;
}

/** Every fall of a stock, by village and month. An empty cell is "not reported" and never a fall. */
export function stockFalls(rows: readonly ToiletRow[]): StockFall[] {
  const byVillage = new Map<string, ToiletRow[]>();
  for (const row of rows) {
    const list = byVillage.get(row.village);
    if (list) list.push(row);
    else byVillage.set(row.village, [row]);
  }
  const falls: StockFall[] = [];
  for (const [village, list] of byVillage) {
    const sorted = [...list].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.line - b.line));
    for (const { key } of stockColumns) {
      let previous: ToiletRow | undefined;
      for (const row of sorted) {
        const value = row[key];
        if (value === null) continue;
        const before = previous?.[key];
        if (previous && before && previous.month < row.month && value.value < before.value) {
          const note = row.note?.trim() || null;
          falls.push({ village, key, line: row.line, month: row.month, value, previous: { line: previous.line, month: previous.month, value: before, row: previous }, row, note });
        }
        previous = row;
      }
    }
  }
  return falls.sort((a, b) => a.line - b.line);
}
