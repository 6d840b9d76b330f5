// Normalised downloads of each dataset (/data/<name>.csv) and blank templates for staff: UTF-8
// with BOM and Chinese headers so Excel on Chinese Windows opens them cleanly, CRLF line ends.
// Text that Excel would run as a formula is written as text (csvText, contract §2).
import { csvLines, csvText } from '../charts/csv.ts';
import type { ColumnSpec, Dataset, FreeValue, Quantity, Tables } from '../data/types.ts';
import { villageIndex } from '../metrics/tableIndex.ts';

const BOM = '\ufeff';

export function isQuantity(v: unknown): v is Quantity {
  return typeof v === 'object' && v !== null && 'value' in v && 'approx' in v;
}

/** A cell as staff would type it: raw numbers without grouping, `余` kept on approximate values. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isQuantity(value)) return `${value.value}${value.approx ? '余' : ''}`;
  if (typeof value === 'number') return String(value);
  return csvText(String(value));
}

/** Village column: the name when it is unique across townships, else the id (contract §3.0). */
export function villageRef(tables: Tables): (id: string) => string {
  const index = villageIndex(tables);
  // Once per village, not per row: a province's downloads have 480,000 rows per monthly dataset.
  const known = new Map<string, string>();
  return (id) => {
    let text = known.get(id);
    if (text === undefined) {
      const v = index.byId.get(id);
      const r = v ? index.resolve(v.name) : null;
      text = v && r?.ok && r.village.id === id ? v.name : id;
      known.set(id, text);
    }
    return text;
  };
}

function scopeText(value: unknown, ref: (id: string) => string): string {
  const scope = value as { kind: string; township?: string; village?: string };
  if (scope.kind === 'township') return scope.township ?? '';
  if (scope.kind === 'village') return ref(scope.village ?? '');
  return '';
}

export function datasetCsv(tables: Tables, dataset: Dataset<object>): string {
  const ref = villageRef(tables);
  const head = dataset.columns.map((c) => csvText(c.label));
  const body = dataset.rows.map((row) =>
    dataset.columns.map((c: ColumnSpec) => {
      const value = (row as Record<string, unknown>)[c.key] as FreeValue | undefined;
      if (c.type === 'village') return csvText(ref(String(value ?? '')));
      if (c.type === 'scope') return csvText(scopeText(value, ref));
      return cellText(value);
    }),
  );
  return BOM + csvLines([head, ...body]);
}

