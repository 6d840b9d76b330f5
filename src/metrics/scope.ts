// Scopes (whole site, one township, one village) and the villages and rows they cover.
import type { Scope, Tables, Village } from '../data/types.ts';
import { createIndex, memo, monthlyIndex, type MonthlyKey, type RowOf } from './tableIndex.ts';

/** The whole site. */
export const siteScope: Scope = { kind: 'site' };

/** Townships in order of first appearance in villages.csv. */
export function townships(tables: Tables): string[] {
  return createIndex(tables).townships;
}

/** Villages grouped by township (townships in first-appearance order, villages in file order). */
export function villagesByTownship(tables: Tables): Map<string, Village[]> {
  return createIndex(tables).villagesByTownship;
}

/** The village with this id, if any. */
export function villageById(tables: Tables, id: string): Village | undefined {
  return createIndex(tables).villages.get(id);
}

/**
 * A village as readers see it everywhere (charts, chart blocks, summaries, tables, KPIs, chart
 * downloads): its name, and for a name two townships share, the township after it:
 * `新村（白沙乡）`. The one function for village labels.
 */
export function villageLabel(tables: Tables, village: Village): string {
  const counts = memo(tables, 'villageNameCounts', () => {
    const m = new Map<string, number>();
    for (const v of tables.villages.rows) m.set(v.name, (m.get(v.name) ?? 0) + 1);
    return m;
  });
  return (counts.get(village.name) ?? 0) > 1 ? `${village.name}（${village.township}）` : village.name;
}

/** villageLabel of a village id; an id not in villages.csv stays as it is. */
export function villageLabelOf(tables: Tables, id: string): string {
  const village = villageById(tables, id);
  return village ? villageLabel(tables, village) : id;
}

/** The township of a village id, if the village exists. */
export function townshipOf(tables: Tables, villageId: string): string | undefined {
  return createIndex(tables).villages.get(villageId)?.township;
}

/** The villages a scope covers, in villages.csv order (empty for an unknown township or village). */
export function villagesInScope(tables: Tables, scope: Scope): Village[] {
  const index = createIndex(tables);
  switch (scope.kind) {
    case 'site':
      return tables.villages.rows;
    case 'township':
      return index.villagesByTownship.get(scope.township) ?? [];
    case 'village': {
      const v = index.villages.get(scope.village);
      return v ? [v] : [];
    }
  }
}

/** How many villages, households and people a scope covers (a township page's lead line). */
export function scopeSize(tables: Tables, scope: Scope): { villages: number; households: number; population: number } {
  const villages = villagesInScope(tables, scope);
  let households = 0;
  let population = 0;
  for (const v of villages) {
    households += v.households;
    population += v.population;
  }
  return { villages: villages.length, households, population };
}

/** A stable string for a scope, for memo keys and anchors: `site`, `township:<name>`, `village:<id>`. */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'site':
      return 'site';
    case 'township':
      return `township:${scope.township}`;
    case 'village':
      return `village:${scope.village}`;
  }
}

/**
 * The Chinese name of a scope: the township's name, the village's label, and for the whole site
 * the township's name when there is only one, else `全部乡镇`.
 */
export function scopeName(tables: Tables, scope: Scope): string {
  switch (scope.kind) {
    case 'site': {
      const all = townships(tables);
      return all.length === 1 ? all[0]! : '全部乡镇';
    }
    case 'township':
      return scope.township;
    case 'village':
      return villageLabelOf(tables, scope.village);
  }
}

/**
 * Rows of a monthly dataset inside a scope, from the index: villages in villages.csv order, each
 * village's rows earliest month first. Costs the rows of the scope, not of the whole file.
 */
export function scopeRows<K extends MonthlyKey>(tables: Tables, dataset: K, scope: Scope): RowOf<K>[] {
  const monthly = monthlyIndex(tables, dataset);
  if (!monthly) return [];
  const out: RowOf<K>[] = [];
  for (const v of villagesInScope(tables, scope)) {
    const rows = monthly.byVillage.get(v.id);
    if (rows) for (const r of rows) out.push(r);
  }
  return out;
}
