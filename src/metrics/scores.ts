// 月度考评 scores (contract §3.6): means over a scope.
import type { Month, Quantity, Scope, Tables } from '../data/types.ts';
import { meanQuantities } from './quantities.ts';
import { scopeRows } from './scope.ts';
import { monthlyIndex } from './tableIndex.ts';
import type { MonthValue } from './types.ts';

/** Mean score of the scope for every month of inspections.csv (`null` where none was scored). */
export function meanScoreByMonth(tables: Tables, scope: Scope): MonthValue[] {
  const index = monthlyIndex(tables, 'inspections');
  if (!index) return [];
  const scores = new Map<Month, Quantity[]>(index.months.map((m) => [m, []]));
  for (const r of scopeRows(tables, 'inspections', scope)) scores.get(r.month)?.push(r.score);
  return [...scores].map(([month, list]) => ({ month, value: meanQuantities(list) }));
}
