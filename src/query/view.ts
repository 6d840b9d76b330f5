// Datasets as uniform views: columns with key/label/unit/type and rows as plain records, for
// chart blocks and `{{ }}` figures. The virtual `township` column is added here, and each
// dataset's derived columns of contract §4.1 from src/metrics/derived.ts, so a figure in prose
// agrees with the same figure on a topic page.
import { datasetOf } from '../data/schema/dataset.ts';
import type { ViewExtras } from '../data/shapes/view.ts';
import { registryOf } from '../data/registry.ts';
import type { ColumnSpec, Dataset, Quantity, Tables } from '../data/types.ts';
import { nameKey, withoutUnit } from '../data/cells/names.ts';
import { villageLabelOf } from '../metrics/scope.ts';
import { createIndex, memo } from '../metrics/tableIndex.ts';
import { derivations, type Derivation } from '../metrics/derived.ts';
import type { DatasetView, ViewColumn, ViewRecord, ViewType, ViewValue } from './types.ts';

/** Names of the datasets that have a file, known ones in registry order, then free ones. */
export function datasetNames(tables: Tables): string[] {
  return [...registryOf(tables).filter((s) => datasetOf(tables, s) !== null).map((s) => s.name), ...tables.free.map((d) => d.name)];
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
  incomplete?: string;
}

function withTownship(tables: Tables, parts: Parts, villageKey: string): Parts {
  const villages = createIndex(tables).villages;
  // In place, on the records knownParts just made: `{ ...r, township }` for every row would give
  // each record its own hidden class in V8 (Node 20: a spread followed by a new key in a hot loop
  // is not shared), some 250 bytes per row, held for the whole build (the view is memoised).
  for (const r of parts.rows) r.township = villages.get(r[villageKey] as string)?.township ?? null;
  return { ...parts, columns: [...parts.columns, townshipColumn] };
}

function knownParts(dataset: Dataset<object>): Parts {
  return {
    name: dataset.name,
    file: dataset.file,
    ...(dataset.damaged !== undefined && { damaged: dataset.damaged }),
    ...(dataset.incomplete !== undefined && { incomplete: dataset.incomplete }),
    columns: dataset.columns.map(fromSpec),
    rows: dataset.rows.map((r) => record(r, dataset.columns)),
  };
}

function buildView(tables: Tables, name: string): DatasetView | undefined {
  const schema = registryOf(tables).find((s) => s.name === name);
  const dataset = schema ? datasetOf(tables, schema) : tables.free.find((d) => d.name === name);
  if (!dataset || schema?.view === false) return undefined;
  let parts = knownParts(dataset);
  const derive = schema && (derivations as Record<string, Derivation<object> | undefined>)[schema.table];
  const extras: ViewExtras = derive?.(tables, parts, dataset.rows) ?? {};
  // Reports of a month; a free dataset's first month column.
  const monthKey = schema ? (schema.monthly ? 'month' : undefined) : parts.columns.find((c) => c.type === 'month')?.key;
  // Rows of a village (or, like construction items, of a village derived by the dataset) have its township.
  const villageKey = parts.columns.find((c) => c.type === 'village')?.key;
  if (villageKey !== undefined && !parts.columns.some((c) => c.key === 'township')) parts = withTownship(tables, parts, villageKey);

  const points = createIndex(tables).points;
  return {
    ...parts,
    ...(monthKey !== undefined && { monthKey }),
    ...(villageKey !== undefined && { villageKey }),
    ...(extras.latestOf !== undefined && { latestOf: extras.latestOf }),
    display(column, value) {
      if (value === null) return '';
      if (typeof value === 'object') return String(value.value);
      if (column.type === 'village') return villageLabelOf(tables, value);
      if (column.type === 'point') return points.get(value)?.name ?? value;
      return column.names?.find((n) => n.key === value)?.name ?? value;
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
