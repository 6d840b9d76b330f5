// Hand-made typed tables for the metric tests.
import type { AnySchema } from '../../src/data/schema/dataset.ts';
import { cleanupSchema } from '../../src/data/datasets/cleanup.ts';
import { constructionItemsSchema } from '../../src/data/datasets/constructionItems.ts';
import { constructionPointsSchema } from '../../src/data/datasets/constructionPoints.ts';
import { inspectionsSchema } from '../../src/data/datasets/inspections.ts';
import { targetsSchema } from '../../src/data/datasets/targets.ts';
import { toiletsSchema } from '../../src/data/datasets/toilets.ts';
import { villagesSchema } from '../../src/data/datasets/villages.ts';
import type {
  Cell,
  CleanupRow,
  ConstructionItem,
  ConstructionPoint,
  Dataset,
  InspectionRow,
  Quantity,
  Scope,
  Tables,
  Target,
  TargetMetric,
  ToiletRow,
  Village,
} from '../../src/data/types.ts';

/** An exact quantity, or approximate with `~`. */
export function q(value: number, approx = false): Quantity {
  return { value, approx };
}

/** `c(3)` exact, `c('~3')` approximate, `c(null)` not reported. */
export function c(value: number | `~${number}` | null): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return q(value);
  return q(Number(value.slice(1)), true);
}

function dataset<R>(schema: AnySchema, rows: R[], keys?: string[]): Dataset<R> {
  const columns = keys ? schema.columns.filter((col) => keys.includes(col.key)) : schema.columns;
  return { name: schema.name, file: `data/${schema.name}.csv`, columns, rows, ...(schema.monthly && { monthly: true as const }) };
}

let line = 2;

export function village(id: string, name: string, township: string, households: number): Village {
  return { line: line++, id, name, township, kind: '行政村', households, population: households * 3, natural_villages: null, lng: null, lat: null, note: null };
}

type Metrics = Partial<Record<'garbage_t' | 'ditches_km' | 'piles' | 'structures_m2' | 'ads' | 'spending_wan', Cell>>;

export function cleanup(month: string, village: string, metrics: Metrics): CleanupRow {
  return {
    line: line++, month, village, note: null,
    garbage_t: metrics.garbage_t ?? null,
    ditches_km: metrics.ditches_km ?? null,
    piles: metrics.piles ?? null,
    structures_m2: metrics.structures_m2 ?? null,
    ads: metrics.ads ?? null,
    spending_wan: metrics.spending_wan ?? null,
  };
}

export function toilet(month: string, village: string, sanitary: number | Quantity, extra: { converted?: Cell; public_toilets?: Cell } = {}): ToiletRow {
  return {
    line: line++, month, village, note: null,
    sanitary: typeof sanitary === 'number' ? q(sanitary) : sanitary,
    converted: extra.converted ?? null,
    public_toilets: extra.public_toilets ?? null,
  };
}

export function inspection(month: string, village: string, score: number): InspectionRow {
  return { line: line++, month, village, score: q(score), note: null };
}

export function point(id: string, village: string, year: number, sums: { investment_wan?: Cell; households?: Cell; people?: Cell } = {}): ConstructionPoint {
  return {
    line: line++, id, name: `${id}组`, village, year, level: '镇级', note: null,
    investment_wan: sums.investment_wan ?? null,
    households: sums.households ?? null,
    people: sums.people ?? null,
  };
}

export function item(pointId: string, name: string, unit: string, planned: number | Quantity, done: number | Quantity): ConstructionItem {
  const toQ = (v: number | Quantity) => (typeof v === 'number' ? q(v) : v);
  return { line: line++, point: pointId, item: name, unit, planned: toQ(planned), done: toQ(done), note: null };
}

export function target(metric: TargetMetric, value: number, due: string, scope: Scope = { kind: 'site' }): Target {
  return { line: line++, metric, value: q(value), due, scope, note: null };
}

export interface TableRows {
  villages: Village[];
  cleanup?: CleanupRow[];
  /** cleanup columns present in the file (default: all) */
  cleanupColumns?: string[];
  points?: ConstructionPoint[];
  items?: ConstructionItem[];
  toilets?: ToiletRow[];
  inspections?: InspectionRow[];
  targets?: Target[];
}

/** Typed tables from rows; a dataset left out is an absent file (`null`). */
export function makeTables(rows: TableRows): Tables {
  return {
    villages: dataset(villagesSchema, rows.villages),
    cleanup: rows.cleanup
      ? dataset(cleanupSchema, rows.cleanup, rows.cleanupColumns && ['month', 'village', ...rows.cleanupColumns])
      : null,
    constructionPoints: rows.points ? dataset(constructionPointsSchema, rows.points) : null,
    constructionItems: rows.items ? dataset(constructionItemsSchema, rows.items) : null,
    toilets: rows.toilets ? dataset(toiletsSchema, rows.toilets) : null,
    inspections: rows.inspections ? dataset(inspectionsSchema, rows.inspections) : null,
    targets: rows.targets ? dataset(targetsSchema, rows.targets) : null,
    photos: null,
    free: [],
  };
}

/** Two townships: 洋江镇 (石塘 100 户, 安乐 200 户, 白沙 50 户) and 河口乡 (下洲 400 户). */
export function baseVillages(): Village[] {
  return [
    village('shitang', '石塘村', '洋江镇', 100),
    village('anle', '安乐村', '洋江镇', 200),
    village('xiazhou', '下洲村', '河口乡', 400),
    village('baisha', '白沙村', '洋江镇', 50),
  ];
}

export const site: Scope = { kind: 'site' };
export const yangjiang: Scope = { kind: 'township', township: '洋江镇' };
export const hekou: Scope = { kind: 'township', township: '河口乡' };
export const inVillage = (id: string): Scope => ({ kind: 'village', village: id });
