// 厕所革命 (contract §3.5). `sanitary` and `public_toilets` are stocks: a scope's figure for a
// month adds each village's latest report at or before that month. Coverage divides by the
// households of the villages that HAVE reported, so a village that never reported neither counts
// as 0% nor dilutes the rate; the page states how many villages have reported.
import { trimFloat } from '../format.ts';
import type { Cell, Month, Quantity, Scope, Tables, ToiletRow, Village } from '../data/types.ts';
import { latestCell, latestIndex, latestRow } from './latest.ts';
import { inRange, monthsBetween, type MonthRange } from './months.ts';
import { sumQuantities } from './quantities.ts';
import { scopeKey, scopeRows, villagesInScope } from './scope.ts';
import { memo, monthlyIndex, type MonthlyIndex } from './tableIndex.ts';

/** Household toilet coverage of a scope at a month. */
export interface Coverage {
  month: Month;
  /** sanitary / households × 100 over reporting villages; `null` when none has reported */
  percent: Quantity | null;
  /** sum of the reporting villages' latest `sanitary`; `null` when none has reported */
  sanitary: Quantity | null;
  /** households of the reporting villages only */
  households: number;
  /** villages with a report at or before `month` (the M of “N 个村中已有 M 个村上报”) */
  reporting: number;
  /** villages in the scope (the N) */
  villages: number;
}

/** Coverage as a percent: sanitary households over households (`null` without both). */
export function percentOf(part: Quantity | null, whole: number): Quantity | null {
  if (part === null || whole <= 0) return null;
  return { value: trimFloat((part.value / whole) * 100), approx: part.approx };
}

function coverageFrom(month: Month, villages: number, rows: { village: Village; row: ToiletRow }[]): Coverage {
  const sanitary = sumQuantities(rows.map((r) => r.row.sanitary));
  const households = rows.reduce((sum, r) => sum + r.village.households, 0);
  return { month, percent: percentOf(sanitary, households), sanitary, households, reporting: rows.length, villages };
}

function toiletIndex(tables: Tables): MonthlyIndex<ToiletRow> | null {
  const index = monthlyIndex(tables, 'toilets');
  return index && index.months.length > 0 ? index : null;
}

/** The latest month of toilets.csv, or null when it is absent or empty. */
function latestToiletMonth(tables: Tables): Month | null {
  return toiletIndex(tables)?.months.at(-1) ?? null;
}

/**
 * Coverage of a scope at `month` (default: the latest month of toilets.csv). `null` when
 * toilets.csv is absent or empty.
 */
export function toiletCoverage(tables: Tables, scope: Scope, month?: Month): Coverage | null {
  const stock = stockAt(tables, scope, (r) => r.sanitary, month);
  return stock && coverageFrom(stock.month, stock.villages, stock.reports);
}

/** A stock of a scope at one month: each village's latest row with a non-null `get(row)`. */
interface StockReports {
  month: Month;
  /** villages in the scope */
  villages: number;
  reports: { village: Village; row: ToiletRow }[];
}

/**
 * The latest report of each village of a scope at `month` (default: the latest month of
 * toilets.csv), for a stock column; `null` when toilets.csv is absent or empty. Coverage and public
 * toilets standing are both this, summed differently.
 */
function stockAt(tables: Tables, scope: Scope, get: (r: ToiletRow) => Cell, month?: Month): StockReports | null {
  const index = toiletIndex(tables);
  const at = month ?? latestToiletMonth(tables);
  if (!index || at === null) return null;
  const villages = villagesInScope(tables, scope);
  const reports: { village: Village; row: ToiletRow }[] = [];
  for (const village of villages) {
    const rows = index.byVillage.get(village.id);
    const latest = latestCell(rows, at, get);
    if (latest) reports.push({ village, row: rows![latestIndex(rows!, latest.month)]! });
  }
  return { month: at, villages: villages.length, reports };
}

/**
 * Every month of a stock series of the scope, from its first report to the latest month of
 * toilets.csv, with each village's latest report carrying a non-null `get(row)`: one pass per village.
 */
function stockByMonth(tables: Tables, scope: Scope, get: (r: ToiletRow) => Cell): StockReports[] {
  const index = toiletIndex(tables);
  if (!index) return [];
  const villages = villagesInScope(tables, scope);
  const months = stockMonths(index, villages);
  const perMonth = months.map(() => [] as { village: Village; row: ToiletRow }[]);
  for (const village of villages) {
    const rows = index.byVillage.get(village.id);
    if (rows) sweep(rows, months, get, (j, row) => perMonth[j]!.push({ village, row }));
  }
  return months.map((month, j) => ({ month, villages: villages.length, reports: perMonth[j]! }));
}

/**
 * The months a stock series of the scope covers: from the first month any of its villages
 * reported to the latest month of toilets.csv, every month included (a stock has a value in
 * months without reports).
 */
function stockMonths(index: MonthlyIndex<ToiletRow>, villages: Village[]): Month[] {
  let first: Month | null = null;
  for (const v of villages) {
    const m = index.byVillage.get(v.id)?.[0]?.month;
    if (m !== undefined && (first === null || m < first)) first = m;
  }
  return first === null ? [] : monthsBetween(first, index.months.at(-1)!);
}

/** Calls `visit(j, row)` with each month's latest row carrying a non-null `get(row)`, in one pass. */
function sweep(rows: readonly ToiletRow[], months: Month[], get: (r: ToiletRow) => Cell, visit: (j: number, row: ToiletRow) => void): void {
  let k = 0;
  let last: ToiletRow | undefined;
  months.forEach((m, j) => {
    for (; k < rows.length && rows[k]!.month <= m; k++) if (get(rows[k]!) !== null) last = rows[k];
    if (last) visit(j, last);
  });
}

/**
 * Memoised for the build, except a village's: only its own page and 公示 sheet read it (from the
 * monthly index, ~24 rows), and a province's 20,000 villages' series were kept to the build's end.
 */
function perScope<T>(tables: Tables, name: string, scope: Scope, compute: () => T): T {
  return scope.kind === 'village' ? compute() : memo(tables, `${name}:${scopeKey(scope)}`, compute);
}

/** Coverage of a scope for every month from its first report to the latest month of toilets.csv. */
export function coverageByMonth(tables: Tables, scope: Scope): Coverage[] {
  return perScope(tables, 'coverageByMonth', scope, () =>
    stockByMonth(tables, scope, (r) => r.sanitary).map((s) => coverageFrom(s.month, s.villages, s.reports)),
  );
}

/** One village's coverage from its latest report at or before a month. */
export interface VillageCoverage {
  village: Village;
  /** month of the report used; `null` when the village has not reported */
  reported: Month | null;
  sanitary: Quantity | null;
  percent: Quantity | null;
}

/** Coverage of each village of a scope at `month` (default: latest month of toilets.csv), villages.csv order. */
export function coverageByVillage(tables: Tables, scope: Scope, month?: Month): VillageCoverage[] {
  const index = toiletIndex(tables);
  const at = month ?? latestToiletMonth(tables);
  if (!index || at === null) return [];
  return villagesInScope(tables, scope).map((village) => {
    const row = latestRow(index.byVillage.get(village.id), at);
    const sanitary = row ? row.sanitary : null;
    return { village, reported: row?.month ?? null, sanitary, percent: percentOf(sanitary, village.households) };
  });
}

/** Public toilets standing in a scope at a month. */
export interface PublicToilets {
  month: Month;
  /** sum of each village's latest reported `public_toilets`; `null` when none has reported */
  total: Quantity | null;
  reporting: number;
  villages: number;
}

/**
 * Public toilets standing at `month` (default: latest month of toilets.csv): each village's latest
 * non-empty `public_toilets` at or before it, summed. `null` when toilets.csv is absent or empty.
 */
export function publicToilets(tables: Tables, scope: Scope, month?: Month): PublicToilets | null {
  const stock = stockAt(tables, scope, (r) => r.public_toilets, month);
  return stock && publicToiletsFrom(stock);
}

function publicToiletsFrom(stock: StockReports): PublicToilets {
  const cells = stock.reports.map((r) => r.row.public_toilets);
  return { month: stock.month, total: sumQuantities(cells), reporting: cells.length, villages: stock.villages };
}

/** Public toilets standing for every month from the scope's first report to the latest month. */
export function publicToiletsByMonth(tables: Tables, scope: Scope): PublicToilets[] {
  return perScope(tables, 'publicToiletsByMonth', scope, () =>
    stockByMonth(tables, scope, (r) => r.public_toilets).map(publicToiletsFrom),
  );
}

/** Total conversions of a scope inside `range`; `null` when none was reported. */
export function conversionsTotal(tables: Tables, scope: Scope, range?: MonthRange): Quantity | null {
  return sumQuantities(scopeRows(tables, 'toilets', scope).filter((r) => inRange(r.month, range)).map((r) => r.converted));
}
