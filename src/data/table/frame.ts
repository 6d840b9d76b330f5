// Where the table is in the sheet (contract §3.0 "Title and total rows"): Excel users put a title
// in the first row and 合计/小计 rows among the data. Neither is data.
import { normalizeName } from '../cells/names.ts';

/** `subtotal`: 小计 (rows since the previous 小计); `total`: 合计/总计 (all rows above). */
export type TotalKind = 'subtotal' | 'total';

export function nonEmptyCells(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

/**
 * Non-empty cells, one value repeated across the row counted once: a title merged across the
 * row holds its text in every cell it covers (contract §3.9), and is still one cell.
 */
export function distinctCells(cells: readonly string[]): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const t = c.trim();
    if (t !== '') seen.add(t);
    if (seen.size > 1) return nonEmptyCells(cells);
  }
  return seen.size;
}

/** A row with 合计, 总计 or 小计 in one of its first two cells (`合 计`, `全镇合计：` included). */
export function totalKind(cells: readonly string[]): TotalKind | null {
  for (let i = 0; i < 2 && i < cells.length; i++) {
    const cell = cells[i]!;
    if (!cell.includes('计')) continue; // fast path: every data row
    const s = normalizeName(cell).replace(/[:：]$/u, '');
    if (s.length === 0 || s.length > 12) continue;
    if (s.includes('小计')) return 'subtotal';
    if (s.includes('合计') || s.includes('总计')) return 'total';
  }
  return null;
}
