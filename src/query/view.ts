// Datasets as uniform views: columns with key/label/unit/type and rows as plain records, for
// chart blocks and `{{ }}` figures. Virtual `township` (and, for construction items, `village`)
// columns and the derived columns of contract §4.1 are computed here from src/metrics, so a
// figure in prose agrees with the same figure on a topic page.
import type { ColumnSpec, Dataset, Quantity, Scope, Tables } from '../data/types.ts';
import { schemas, targetMetrics } from '../data/schemas.ts';
import { nameKey, withoutUnit } from '../data/names.ts';
import { coverageByVillage, percentOf, publicToilets, toiletCoverage } from '../metrics/coverage.ts';
import { pointProgress } from '../metrics/progress.ts';
import { meanQuantities, sumQuantities } from '../metrics/quantities.ts';
import { rankOf } from '../metrics/ranks.ts';
import { scopeName, townshipOf, villageLabelOf } from '../metrics/scope.ts';
import { createIndex, memo } from '../metrics/tableIndex.ts';
import { quantityOf, type DatasetView, type ViewColumn, type ViewRecord, type ViewType, type ViewValue } from './types.ts';

export { villageIndex } from '../metrics/tableIndex.ts';

/** Names of the datasets that have a file, known ones in schema order, then free ones. */
export function datasetNames(tables: Tables): string[] {
  return [...schemas.filter((s) => tables[s.table] !== null).map((s) => s.name), ...tables.free.map((d) => d.name)];
}

function viewType(col: ColumnSpec): ViewType {
  switch (col.type) {
    case 'number':
    case 'integer':
      return col.unit === '%' ? 'percent' : 'number';
    case 'percent':
    case 'month':
    case 'village':
    case 'point':
      return col.type;
    default:
      return 'text';
  }
}

function fromSpec(col: ColumnSpec): ViewColumn {
  return {
    key: col.key,
    label: col.label,
    type: viewType(col),
    ...(col.unit !== undefined && { unit: col.unit }),
    ...(col.values !== undefined && { values: col.values }),
    ...(col.key === 'note' && { shownOnly: true }),
  };
}

const townshipColumn: ViewColumn = { key: 'township', label: '乡镇', type: 'township', derived: true };
const itemVillageColumn: ViewColumn = { key: 'village', label: '村', type: 'village', derived: true };

function asValue(v: unknown): ViewValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return { value: v, approx: false };
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in v) return v as Quantity;
  return String(v);
}

/** Copy the columns of a typed row into a record. */
function record(row: object, columns: readonly ColumnSpec[]): ViewRecord {
  const out: ViewRecord = {};
  const source = row as Record<string, unknown>;
  for (const c of columns) out[c.key] = asValue(source[c.key]);
  return out;
}

interface Parts {
  name: string;
  file: string;
  columns: ViewColumn[];
  rows: ViewRecord[];
  damaged?: string;
}

function withTownship(tables: Tables, parts: Parts, villageKey: string): Parts {
  const villages = createIndex(tables).villages;
  return {
    ...parts,
    columns: [...parts.columns, townshipColumn],
    rows: parts.rows.map((r) => ({ ...r, township: villages.get(r[villageKey] as string)?.township ?? null })),
  };
}

function knownParts(tables: Tables, dataset: Dataset<object>): Parts {
  return {
    name: dataset.name,
    file: dataset.file,
    ...(dataset.damaged !== undefined && { damaged: dataset.damaged }),
    columns: dataset.columns.map(fromSpec),
    rows: dataset.rows.map((r) => record(r, dataset.columns)),
  };
}

/** Households-weighted coverage of rows (each village's sanitary over its households), as on the topic pages. */
function combinedCoverage(tables: Tables, rows: ViewRecord[]): Quantity | null {
  const villages = createIndex(tables).villages;
  const sanitary = sumQuantities(rows.map((r) => quantityOf(r.sanitary)));
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

const meanOf = (key: string) => (rows: ViewRecord[]) => meanQuantities(rows.map((r) => quantityOf(r[key])));

function buildView(tables: Tables, name: string): DatasetView | undefined {
  const index = createIndex(tables);
  let parts: Parts;
  let villageKey: string | undefined;
  let monthKey: string | undefined;
  let latestOf: DatasetView['latestOf'];

  switch (name) {
    case 'villages': {
      parts = knownParts(tables, tables.villages);
      parts.columns = parts.columns.map((c) => (c.key === 'township' ? { ...c, type: 'township' } : c));
      break;
    }
    case 'cleanup':
    case 'inspections':
    case 'toilets': {
      const dataset = tables[name];
      if (!dataset) return undefined;
      parts = knownParts(tables, dataset);
      villageKey = 'village';
      monthKey = 'month';
      if (name === 'toilets') {
        parts.columns.push({
          key: 'coverage',
          label: '无害化卫生户厕覆盖率(%)',
          aliases: ['覆盖率', '户厕覆盖率', '卫生户厕覆盖率'],
          type: 'percent',
          unit: '%',
          derived: true,
          combine: (rows) => combinedCoverage(tables, rows),
        });
        parts.rows.forEach((r, i) => {
          const row = tables.toilets!.rows[i]!;
          const [cov] = coverageByVillage(tables, { kind: 'village', village: row.village }, row.month);
          r.coverage = cov?.percent ?? null;
        });
        latestOf = (key, scopes, asOf) => {
          if (key !== 'coverage' && key !== 'sanitary' && key !== 'public_toilets') return undefined;
          const scope = intersectScopes(tables, scopes);
          if (scope === null) return null;
          if (key === 'coverage') return toiletCoverage(tables, scope, asOf)?.percent ?? null;
          if (key === 'sanitary') return toiletCoverage(tables, scope, asOf)?.sanitary ?? null;
          if (key === 'public_toilets') return publicToilets(tables, scope, asOf)?.total ?? null;
          return undefined;
        };
      }
      if (name === 'inspections') {
        parts.columns.push({ key: 'rank', label: '排名', aliases: ['名次'], type: 'number', derived: true, combine: meanOf('rank') });
        parts.rows.forEach((r, i) => {
          const row = tables.inspections!.rows[i]!;
          const entry = rankOf(tables, row.village, row.month);
          r.rank = entry ? { value: entry.rank, approx: false } : null;
        });
      }
      parts = withTownship(tables, parts, 'village');
      break;
    }
    case 'construction-points': {
      const dataset = tables.constructionPoints;
      if (!dataset) return undefined;
      parts = knownParts(tables, dataset);
      villageKey = 'village';
      parts.columns.push({
        key: 'progress',
        label: '完成进度(%)',
        aliases: ['进度', '建设点完成进度'],
        type: 'percent',
        unit: '%',
        derived: true,
        combine: meanOf('progress'),
      });
      parts.rows.forEach((r, i) => (r.progress = pointProgress(tables, dataset.rows[i]!.id)));
      parts = withTownship(tables, parts, 'village');
      break;
    }
    case 'construction-items': {
      const dataset = tables.constructionItems;
      if (!dataset) return undefined;
      parts = knownParts(tables, dataset);
      villageKey = 'village';
      parts.columns = parts.columns.map((c) => (c.key === 'planned' || c.key === 'done' ? { ...c, unitFrom: 'unit' } : c));
      parts.columns.push(itemVillageColumn);
      parts.rows.forEach((r) => (r.village = index.points.get(r.point as string)?.village ?? null));
      parts = withTownship(tables, parts, 'village');
      break;
    }
    case 'targets': {
      const dataset = tables.targets;
      if (!dataset) return undefined;
      parts = knownParts(tables, dataset);
      // `due` is a deadline, not a reporting month: no monthKey (no `latest`, no 数据截至).
      parts.rows.forEach((r, i) => (r.scope = scopeName(tables, dataset.rows[i]!.scope)));
      break;
    }
    default: {
      const dataset = tables.free.find((d) => d.name === name);
      if (!dataset) return undefined;
      parts = knownParts(tables, dataset);
      monthKey = parts.columns.find((c) => c.type === 'month')?.key;
      villageKey = parts.columns.find((c) => c.type === 'village')?.key;
      if (villageKey !== undefined && !parts.columns.some((c) => c.key === 'township')) {
        parts = withTownship(tables, parts, villageKey);
      }
    }
  }

  const metricNames = new Map<string, string>(targetMetrics.map((m) => [m.key, m.name]));
  return {
    ...parts,
    ...(monthKey !== undefined && { monthKey }),
    ...(villageKey !== undefined && { villageKey }),
    ...(latestOf !== undefined && { latestOf }),
    display(column, value) {
      if (value === null) return '';
      if (typeof value === 'object') return String(value.value);
      if (column.type === 'village') return villageLabelOf(tables, value);
      if (column.type === 'point') return index.points.get(value)?.name ?? value;
      if (column.key === 'metric' && name === 'targets') return metricNames.get(value) ?? value;
      return value;
    },
  };
}

/** The view of a dataset by name, or undefined when there is no such dataset (or its file is absent). */
export function datasetView(tables: Tables, name: string): DatasetView | undefined {
  return memo(tables, `query:view:${name}`, () => buildView(tables, name));
}

/** Every accepted spelling of a view column, compared as `nameKey`. */
export function columnNames(column: ViewColumn): string[] {
  const label = nameKey(column.label);
  return [nameKey(column.key), label, withoutUnit(label), ...(column.aliases ?? []).map(nameKey)];
}
