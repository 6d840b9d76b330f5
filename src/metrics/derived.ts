// What a dataset's view derives (contract §4.1): the columns chart blocks and `{{ }}` figures may
// use beyond the file's own (coverage, progress, rank …), computed by the same metrics the pages
// use, so a figure in prose agrees with the same figure on a topic page. Declared here, beside the
// metrics, and attached by the query stage (src/query/view.ts) to the dataset of the same table
// key: src/data/ imports nothing above it.
import type { TableKey } from '../data/registry.ts';
import { quantityOf as viewQuantity, type ViewExtras, type ViewParts, type ViewRecord } from '../data/shapes/view.ts';
import type { Quantity, Scope, Tables } from '../data/types.ts';
import { targetMetrics } from '../data/shapes/targetMetrics.ts';
import { coverageByVillage, percentOf, publicToilets, toiletCoverage } from './coverage.ts';
import { pointProgress } from './progress.ts';
import { meanQuantities, sumQuantities } from './quantities.ts';
import { rankOf } from './ranks.ts';
import { scopeName, townshipOf } from './scope.ts';
import { createIndex } from './tableIndex.ts';

/** Adds a dataset's derived columns and values to `parts`; `rows` are its typed rows, in the same order. */
export type Derivation<R> = (tables: Tables, parts: ViewParts, rows: readonly R[]) => ViewExtras | void;

type RowOf<K extends TableKey> = NonNullable<Tables[K]>['rows'][number];

/** The combine rule of a derived percentage: the mean over the rows. */
const meanOf = (key: string) => (rows: ViewRecord[]) => meanQuantities(rows.map((r) => viewQuantity(r[key])));

/** Households-weighted coverage of rows (each village's sanitary over its households), as on the topic pages. */
function combinedCoverage(tables: Tables, rows: ViewRecord[]): Quantity | null {
  const villages = createIndex(tables).villages;
  const sanitary = sumQuantities(rows.map((r) => viewQuantity(r.sanitary)));
  const households = rows.reduce((sum, r) => sum + (villages.get(r.village as string)?.households ?? 0), 0);
  return percentOf(sanitary, households);
}

/**
 * The scope inside every one of `scopes` (none: the whole site); `null` when they exclude each
 * other (two villages, two townships, a village outside the township).
 */
function intersectScopes(tables: Tables, scopes: readonly Scope[]): Scope | null {
  const villages = new Set(scopes.flatMap((s) => (s.kind === 'village' ? [s.village] : [])));
  const townships = new Set(scopes.flatMap((s) => (s.kind === 'township' ? [s.township] : [])));
  if (villages.size > 1 || townships.size > 1) return null;
  const [village] = villages;
  const [township] = townships;
  if (village !== undefined) {
    return township === undefined || townshipOf(tables, village) === township ? { kind: 'village', village } : null;
  }
  return township === undefined ? { kind: 'site' } : { kind: 'township', township };
}

/** Each dataset's derivation, by its table key (a dataset without one has the file's columns only). */
export const derivations: { [K in TableKey]?: Derivation<RowOf<K>> } = {
  villages(_tables, parts) {
    // 乡镇 is what township filters and groups read.
    parts.columns = parts.columns.map((c) => (c.key === 'township' ? { ...c, type: 'township' } : c));
  },
  constructionPoints(tables, parts, rows) {
    parts.columns.push({
      key: 'progress',
      label: '完成进度(%)',
      aliases: ['进度', '建设点完成进度'],
      type: 'percent',
      unit: '%',
      derived: true,
      combine: meanOf('progress'),
    });
    parts.rows.forEach((r, i) => (r.progress = pointProgress(tables, rows[i]!.id)));
  },
  constructionItems(tables, parts) {
    // Each item belongs to its point's village: queries filter and group items by village.
    const points = createIndex(tables).points;
    parts.columns = parts.columns.map((c) => (c.key === 'planned' || c.key === 'done' ? { ...c, unitFrom: 'unit' } : c));
    parts.columns.push({ key: 'village', label: '村', type: 'village', derived: true });
    parts.rows.forEach((r) => (r.village = points.get(r.point as string)?.village ?? null));
  },
  toilets(tables, parts, rows) {
    parts.columns.push({
      key: 'coverage',
      label: '无害化卫生户厕覆盖率(%)',
      aliases: ['覆盖率', '户厕覆盖率', '卫生户厕覆盖率'],
      type: 'percent',
      unit: '%',
      derived: true,
      combine: (rs) => combinedCoverage(tables, rs),
    });
    parts.rows.forEach((r, i) => {
      const row = rows[i]!;
      const [cov] = coverageByVillage(tables, { kind: 'village', village: row.village }, row.month);
      r.coverage = cov?.percent ?? null;
    });
    return {
      // Stocks: `latest` takes the figure the pages show, not the last row's value.
      latestOf: (key, scopes, asOf) => {
        if (key !== 'coverage' && key !== 'sanitary' && key !== 'public_toilets') return undefined;
        const scope = intersectScopes(tables, scopes);
        if (scope === null) return null;
        if (key === 'coverage') return toiletCoverage(tables, scope, asOf)?.percent ?? null;
        if (key === 'sanitary') return toiletCoverage(tables, scope, asOf)?.sanitary ?? null;
        return publicToilets(tables, scope, asOf)?.total ?? null;
      },
    };
  },
  inspections(tables, parts, rows) {
    parts.columns.push({ key: 'rank', label: '排名', aliases: ['名次'], type: 'number', derived: true, combine: meanOf('rank') });
    parts.rows.forEach((r, i) => {
      const row = rows[i]!;
      const entry = rankOf(tables, row.village, row.month);
      r.rank = entry ? { value: entry.rank, approx: false } : null;
    });
  },
  targets(tables, parts, rows) {
    // `due` is a deadline, not a reporting month: the view has no month (no `latest`, no 数据截至).
    parts.columns = parts.columns.map((c) => (c.key === 'metric' ? { ...c, names: targetMetrics } : c));
    parts.rows.forEach((r, i) => (r.scope = scopeName(tables, rows[i]!.scope)));
  },
};
