// 一月一考评、一通报一排名 (contract §3.6): rank within a month, higher score first, ties share a
// rank (1, 2, 2, 4). Tied villages are listed by name in pinyin order (pinyin-pro's readings, as the village
// finder's; then id), so the order is
// stable from build to build.
import type { Month, Quantity, Scope, Tables, Village } from '../data/types.ts';
import { comparePinyin } from '../pinyin.ts';
import { scopeKey, siteScope, villagesInScope } from './scope.ts';
import { createIndex, memo, monthlyIndex } from './tableIndex.ts';

/** Competition ranks (1, 2, 2, 4) of items sorted by descending score, ties by name then id. */
export function rankBy<T>(
  items: readonly T[],
  score: (item: T) => number,
  name: (item: T) => string,
  id: (item: T) => string = name,
): { item: T; rank: number }[] {
  const sorted = [...items].sort(
    (a, b) => score(b) - score(a) || comparePinyin(name(a), name(b)) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0),
  );
  const out: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const prev = out[i - 1];
    out.push({ item, rank: prev && score(prev.item) === score(item) ? prev.rank : i + 1 });
  });
  return out;
}

/** One village's place in a month's ranking. */
export interface RankEntry {
  month: Month;
  village: Village;
  score: Quantity;
  rank: number;
  /** villages ranked that month in the scope */
  of: number;
  /** rank in the previous ranked month (the previous month of inspections.csv), `null` if unranked then */
  previousRank: number | null;
  /** previousRank − rank: positive = moved up; `null` when there is no previous rank */
  change: number | null;
}

type BaseEntry = Omit<RankEntry, 'previousRank' | 'change'>;

function baseRanking(tables: Tables, month: Month, scope: Scope): BaseEntry[] {
  const index = createIndex(tables);
  const inspections = monthlyIndex(tables, 'inspections');
  const scored: { village: Village; score: Quantity }[] = [];
  const add = (r: { village: string; score: Quantity }) => {
    const village = index.villages.get(r.village);
    if (village) scored.push({ village, score: r.score });
  };
  if (scope.kind === 'site') {
    for (const r of inspections?.byMonth.get(month) ?? []) add(r);
  } else {
    // A township's villages' own rows, not the month's rows of the whole site: a county's 2,000
    // township pages each scanning a province's 20,000 rows per month took minutes.
    for (const v of villagesInScope(tables, scope)) {
      for (const r of inspections?.byVillage.get(v.id) ?? []) if (r.month === month) add(r);
    }
  }
  const ranked = rankBy(scored, (s) => s.score.value, (s) => s.village.name, (s) => s.village.id);
  return ranked.map(({ item, rank }) => ({ month, village: item.village, score: item.score, rank, of: ranked.length }));
}

/** The inspection month before `month` in inspections.csv (a skipped month is skipped), or null. */
export function previousRankedMonth(tables: Tables, month: Month): Month | null {
  const months = monthlyIndex(tables, 'inspections')?.months ?? [];
  let prev: Month | null = null;
  for (const m of months) {
    if (m >= month) break;
    prev = m;
  }
  return prev;
}

interface Ranking {
  list: RankEntry[];
  byVillage: Map<string, RankEntry>;
}

/**
 * The site's rankings are kept for the whole build (every village page reads its rank); a
 * township's are worked out when asked (its page, its charts): a county's 2,000 townships × 24
 * months kept would hold half a million entries to the end of the build.
 */
function rankingOf(tables: Tables, month: Month, scope: Scope): Ranking {
  const compute = (): Ranking => {
    const prev = previousRankedMonth(tables, month);
    const before = prev === null ? null : rankingOf(tables, prev, scope).byVillage;
    const list = baseRanking(tables, month, scope).map((e): RankEntry => {
      const previousRank = before?.get(e.village.id)?.rank ?? null;
      // Spelled out, not `{ ...e, previousRank, change }`: in V8 (Node 20) a spread plus new keys in a
      // hot loop gives every entry its own hidden class (~250 bytes each, kept for the whole build).
      const { village, score, rank, of } = e;
      return { month: e.month, village, score, rank, of, previousRank, change: previousRank === null ? null : previousRank - rank };
    });
    return { list, byVillage: new Map(list.map((e) => [e.village.id, e])) };
  };
  return scope.kind === 'site' ? memo(tables, `rankingWithChange:${scopeKey(scope)}:${month}`, compute) : compute();
}

/**
 * The ranking of a month within a scope (default: the whole site; a township scope ranks within
 * the township), best first, with the change since the previous ranked month.
 */
export function ranking(tables: Tables, month: Month, scope: Scope = siteScope): RankEntry[] {
  return rankingOf(tables, month, scope).list;
}

/** A village's rank in one month within a scope (default: site), or `null` when it was not scored. */
export function rankOf(tables: Tables, villageId: string, month: Month, scope: Scope = siteScope): RankEntry | null {
  return rankingOf(tables, month, scope).byVillage.get(villageId) ?? null;
}

/** A village's rank in every month it was scored, earliest first (default scope: the site). */
export function rankHistory(tables: Tables, villageId: string, scope: Scope = siteScope): RankEntry[] {
  const rows = monthlyIndex(tables, 'inspections')?.byVillage.get(villageId) ?? [];
  const out: RankEntry[] = [];
  for (const r of rows) {
    const entry = rankOf(tables, villageId, r.month, scope);
    if (entry) out.push(entry);
  }
  return out;
}
