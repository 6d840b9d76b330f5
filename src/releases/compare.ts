// The comparison of two releases (contract §6.3): the datasets as published (/data/<name>.csv,
// the exact bytes), old against new. Pure: CSV texts and each dataset's row key in, the months
// added and the corrections out. Rows are matched by the dataset's key (month and village; point,
// item and unit; …); a village cell is compared by the village's id, so a village renamed in
// villages.csv is one correction of its name, never a removal of its rows.
import { csvParseRows } from 'd3-dsv';
import { villagesSchema } from '../data/datasets/villages.ts';

/** How the rows of one published dataset are told apart, by column labels of its CSV header. */
export interface DatasetKey {
  name: string;
  title: string;
  /** labels of the columns that identify a row (village columns are compared by village id) */
  key: readonly string[];
  /** label of the column naming a village (`村`), if any */
  village?: string;
  /** label of the column naming a construction point (`建设点编号`), if any */
  point?: string;
  /** label of the column whose months count as "months added" (`月份`), if any */
  month?: string;
  /** the note column (`备注`): the reason of a correction, never a figure itself */
  note?: string;
}

/** The village list's labels in villages.csv as published. */
export const VILLAGE_ID = '编号';
export const VILLAGE_NAME = '村名';

export interface MonthsAdded {
  dataset: string;
  title: string;
  months: string[];
}

export interface RowsAdded {
  dataset: string;
  title: string;
  rows: number;
}

/** One published figure changed, or one published row removed (`new` null: 已删除). */
export interface Correction {
  dataset: string;
  title: string;
  /** the village's name (the new one after a rename), or null */
  village: string | null;
  /** the construction point's id, or null */
  point: string | null;
  month: string | null;
  /** the row's key as a reader would say it (`2023-03 长塘村`) */
  row: string;
  /** column label; null for a removed row */
  column: string | null;
  old: string;
  new: string | null;
  /** the new row's 备注; null: none given (a changed figure is then 未说明原因) */
  reason: string | null;
  /** index of the row among the new CSV's data rows (for messages in `npm run check`); removed rows: none */
  index?: number;
}

export interface Changes {
  monthsAdded: MonthsAdded[];
  rowsAdded: RowsAdded[];
  corrections: Correction[];
}

interface Table {
  header: string[];
  rows: string[][];
}

export function parsePublishedCsv(text: string): Table {
  const rows = csvParseRows(text.replace(/^\ufeff/, ''));
  const header = rows.shift() ?? [];
  return { header, rows: rows.filter((r) => r.some((c) => c !== '')) };
}

/** A village cell (a name when it is unique, else the id) to the village's id and back. */
interface VillageLookup {
  idOf(cell: string): string;
  nameOf(id: string): string | null;
}

function villageLookup(villages: Table | null): VillageLookup {
  const ids = new Map<string, string>();
  const byName = new Map<string, string | null>();
  if (villages) {
    const idAt = villages.header.indexOf(VILLAGE_ID);
    const nameAt = villages.header.indexOf(VILLAGE_NAME);
    if (idAt >= 0 && nameAt >= 0) {
      for (const r of villages.rows) {
        const id = r[idAt] ?? '';
        const name = r[nameAt] ?? '';
        ids.set(id, name);
        byName.set(name, byName.has(name) ? null : id); // a name two townships share: no id
      }
    }
  }
  return {
    idOf: (cell) => (ids.has(cell) ? cell : byName.get(cell) ?? cell),
    nameOf: (id) => ids.get(id) ?? null,
  };
}

/** Rows by key; a key that repeats (free datasets) is told apart by its occurrence. */
function keyed(table: Table, key: DatasetKey, villages: VillageLookup): Map<string, string[]> {
  const at = key.key.map((label) => table.header.indexOf(label));
  const villageAt = key.village === undefined ? -1 : table.header.indexOf(key.village);
  const out = new Map<string, string[]>();
  for (const row of table.rows) {
    const parts = at.map((i) => (i < 0 ? '' : i === villageAt ? villages.idOf(row[i] ?? '') : row[i] ?? ''));
    const base = JSON.stringify(parts);
    let k = base;
    for (let n = 2; out.has(k); n++) k = `${base}#${n}`;
    out.set(k, row);
  }
  return out;
}

/**
 * What changed from the `previous` release to the `next` one: dataset name → published CSV text
 * (null previous: the first release, whose every month is added). `keys` describes the datasets of
 * either release.
 */
export function compareReleases(
  previous: ReadonlyMap<string, string> | null,
  next: ReadonlyMap<string, string>,
  keys: ReadonlyMap<string, DatasetKey>,
): Changes {
  const parsed = (m: ReadonlyMap<string, string> | null) => new Map([...(m ?? [])].map(([n, t]) => [n, parsePublishedCsv(t)]));
  const before = parsed(previous);
  const after = parsed(next);
  const villagesBefore = villageLookup(before.get('villages') ?? null);
  const villagesAfter = villageLookup(after.get('villages') ?? null);
  const changes: Changes = { monthsAdded: [], rowsAdded: [], corrections: [] };
  const names = [...new Set([...after.keys(), ...before.keys()])];
  for (const name of names) {
    const key = keys.get(name) ?? { name, title: name, key: [] };
    const old = before.get(name) ?? { header: [], rows: [] };
    const now = after.get(name) ?? { header: [], rows: [] };
    const oldRows = keyed(old, key, villagesBefore);
    const newRows = keyed(now, key, villagesAfter);

    // Months added: months of the new file that the old one did not have.
    if (key.month !== undefined) {
      const months = (t: Table) => {
        const i = t.header.indexOf(key.month!);
        return new Set(i < 0 ? [] : t.rows.map((r) => r[i] ?? '').filter((m) => m !== ''));
      };
      const had = months(old);
      const added = [...months(now)].filter((m) => !had.has(m)).sort();
      if (added.length > 0) changes.monthsAdded.push({ dataset: name, title: key.title, months: added });
    }
    const added = [...newRows.keys()].filter((k) => !oldRows.has(k)).length;
    if (added > 0) changes.rowsAdded.push({ dataset: name, title: key.title, rows: added });
    if (previous === null) continue;

    const describe = (row: string[], table: Table, lookup: VillageLookup) => {
      const cell = (label: string | undefined) => {
        const i = label === undefined ? -1 : table.header.indexOf(label);
        return i < 0 ? null : row[i] ?? null;
      };
      const villageCell = cell(key.village);
      const villageId = villageCell === null ? null : lookup.idOf(villageCell);
      const isVillages = name === villagesSchema.name;
      const village = isVillages
        ? villagesAfter.nameOf(cell(VILLAGE_ID) ?? '') ?? cell(VILLAGE_NAME)
        : villageId === null ? null : villagesAfter.nameOf(villageId) ?? villagesBefore.nameOf(villageId) ?? villageCell;
      const keyText = key.key.map((label) => (label === key.village ? village ?? '' : cell(label) ?? '')).filter((t) => t !== '');
      return {
        village,
        point: cell(key.point) ?? null,
        month: cell(key.month) ?? null,
        row: isVillages && village !== null ? village : keyText.join(' '),
      };
    };
    const figureColumns = (t: Table) => t.header.filter((label) => label !== key.note && !key.key.includes(label));
    const newIndex = new Map([...newRows.values()].map((r, i) => [r, i]));

    for (const [k, oldRow] of oldRows) {
      const newRow = newRows.get(k);
      if (!newRow) {
        const shown = figureColumns(old)
          .map((label) => [label, oldRow[old.header.indexOf(label)] ?? ''] as const)
          .filter(([, v]) => v !== '')
          .map(([label, v]) => `${label} ${v}`)
          .join('，');
        changes.corrections.push({
          dataset: name, title: key.title, ...describe(oldRow, old, villagesBefore),
          column: null, old: shown, new: null, reason: null,
        });
        continue;
      }
      const noteAt = key.note === undefined ? -1 : now.header.indexOf(key.note);
      const reason = noteAt < 0 ? '' : (newRow[noteAt] ?? '').trim();
      for (const label of figureColumns(old)) {
        const was = oldRow[old.header.indexOf(label)] ?? '';
        const at = now.header.indexOf(label);
        const is = at < 0 ? '' : newRow[at] ?? '';
        if (was === is) continue;
        changes.corrections.push({
          dataset: name, title: key.title, ...describe(newRow, now, villagesAfter),
          column: label, old: was, new: is, reason: reason === '' ? null : reason, index: newIndex.get(newRow)!,
        });
      }
    }
  }
  return changes;
}

/** Two releases publish the same datasets, byte for byte. */
export function sameDatasets(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, text] of a) if (b.get(name) !== text) return false;
  return true;
}
