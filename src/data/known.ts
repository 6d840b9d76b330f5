// Load one known dataset (contract §3.1–3.7): header against the schema, then every row — shape,
// each cell by its column type, checks across columns and files, uniqueness, total rows. Every
// row left out of the table has produced an error.
import { excelErrorValue, isEmptyCell, parseNumber, type NumberRule } from './cells/cells.ts';
import { fileMistakes, headerProblem, percentFractions } from './table/mistakes.ts';
import { NO_OVERRIDE, type DatasetSchema, type Values } from './schema/dataset.ts';
import { checkFullWidthHeader, matchHeader, type Conversion } from './table/headers.ts';
import { layOut, townshipColumn } from './table/sheet.ts';
import { nameKey, nearest, suggestion } from './cells/names.ts';
import { quote } from './cells/quote.ts';
import { numberRule, readCell, type ReadResult, type References } from './cells/readCell.ts';
import { checkPersonal } from './cells/personal.ts';
import { checkShape } from './table/shape.ts';
import { columnOf, type Source } from './read/source.ts';
import { checkTotals, type BodyLine, type TotalColumn } from './table/totals.ts';
import type { ColumnSpec, Dataset, Issue, Quantity } from './types.ts';
import { checkUnique, uniqueKey, type Seen } from './unique.ts';

const EMPTY = Symbol('empty cell');

export interface RejectedRow {
  line: number;
  /** raw cell of each column present, by key */
  raw: Map<string, string>;
  /** its file, when the dataset was read from several */
  path?: string;
}

export interface KnownResult<R> {
  dataset: Dataset<R>;
  /** the header was read and has every required column: references into this file can be checked */
  usable: boolean;
  /** rows left out because of an error */
  rejected: RejectedRow[];
  /** 1-based column of each key present in the file */
  positions?: Record<string, number>;
}

/** Divide by the factor without float noise (`1234 元` is 0.1234 万元, not 0.12340000000000001). */
function converted<T>(result: T, conversion: Conversion | undefined): T {
  const r = result as { ok: boolean; value?: unknown };
  if (!conversion || !r.ok || typeof r.value !== 'object' || r.value === null) return result;
  const q = r.value as Quantity;
  return { ...r, value: { value: Number((q.value / conversion.factor).toPrecision(15)), approx: q.approx } } as T;
}

function rowsText(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
}

/** A file of a dataset read from several files (contract §3.11). */
export interface FilePart {
  /** the township whose folder holds the file (`data/洋江镇/`); absent for a file in data/ itself */
  township?: string;
  /** first rows seen for each unique key (by its columns' keys), shared by the dataset's files */
  seen?: Map<string, Map<string, Seen>>;
}

export function loadKnown<R>(
  schema: DatasetSchema<string, R>,
  source: Source,
  refs: References,
  issues: Issue[],
  part: FilePart = {},
): KnownResult<R> {
  const path = source.path;
  const folder = part.township;
  const empty: KnownResult<R> = {
    dataset: { name: schema.name, file: path, columns: [], rows: [] },
    usable: false,
    rejected: [],
  };
  // Every dataset with a village column may also have a 乡镇 column (§3.9).
  const withTownship =
    schema.columns.some((c) => c.type === 'village') && !schema.columns.some((c) => c.key === 'township');
  // In a township's folder, a 乡镇 column of the dataset itself (villages) may be left out: the
  // folder names the township.
  const own = folder === undefined ? schema.columns : schema.columns.map((c) => (c.key === 'township' ? { ...c, required: false } : c));
  const columns = withTownship ? [...own, townshipColumn] : own;
  const damagedResult: KnownResult<R> = { ...empty, dataset: { ...empty.dataset, damaged: path } };
  const table = layOut(source, { schema, columns }, issues);
  if (table === null) return damagedResult;
  if (checkFullWidthHeader(table.header, path, issues)) return damagedResult;
  const header = table.header;
  const headerIssues: Issue[] = [];
  const layout = matchHeader(header, columns, path, headerIssues);
  const notFound = headerProblem(schema, header, table.body, layout, path);
  if (notFound !== null) {
    issues.push(notFound);
    return damagedResult;
  }
  issues.push(...headerIssues);
  // An ID number in any cell, known column or not, is an error at its cell, reported once (§3.9).
  const personal = checkPersonal(table.body, header, path, false, issues);
  const townshipAt = withTownship ? layout.indexOf.get('township') : undefined;
  const present = layout.present.filter((c) => !(withTownship && c.key === 'township'));
  const usable = layout.missing.length === 0;
  const damaged = !usable || headerIssues.some((i) => i.code === 'unknown-header' || i.code === 'blank-header');
  const indexOf = layout.indexOf;
  const position = (key: string) => columnOf(header, indexOf.get(key)!);
  // Cells are read left to right, so a row's problems come out in the order staff see them.
  const readers = present
    .map((col) => ({
      col,
      index: indexOf.get(col.key)!,
      numeric: col.type === 'number' || col.type === 'integer' || col.type === 'percent',
    }))
    .sort((a, b) => a.index - b.index);
  const checkNames = (source.encoding === 'utf-8' || source.encoding === 'gb18030' ? (schema.nameColumns ?? []) : [])
    .filter((key) => indexOf.has(key))
    .map((key) => present.find((c) => c.key === key)!);
  const keys = (schema.unique ?? [])
    .filter((cols) => cols.every((k) => indexOf.has(k)))
    .map((cols) => {
      const name = cols.join('\u0000');
      let seen = part.seen?.get(name);
      if (seen === undefined && part.seen !== undefined) part.seen.set(name, (seen = new Map()));
      return uniqueKey(cols.map((k) => present.find((c) => c.key === k)!), seen);
    });
  const totalColumns: (TotalColumn & { col: ColumnSpec })[] = present
    .filter((c) => (c.type === 'number' || c.type === 'integer') && c.max === undefined)
    .map((col) => ({ col, index: indexOf.get(col.key)!, label: col.label, column: position(col.key) }));
  const lacking = (have: number) => readers.filter((r) => r.index >= have).map((r) => r.col.label);
  const hasTotals = table.body.some((r) => r.total !== null);
  const mistakes = fileMistakes(schema, present, indexOf, table.body, refs.currentMonth);
  // A percent column (or `%` rows) of this file all between 0 and 1: Excel's 90% saved as 0.9 (§3.9).
  const fractions = percentFractions(
    readers.filter((r) => r.numeric),
    table.body,
    (col, rowCells, raw) => {
      if (isEmptyCell(raw)) return undefined;
      const rawOfRow = (key: string) => {
        const i = indexOf.get(key);
        return i === undefined ? undefined : rowCells[i];
      };
      const rule = numberRule(col, schema.numberOverride?.(col.key, rawOfRow) ?? NO_OVERRIDE);
      if (!rule.percent) return undefined;
      const r = parseNumber(raw, rule);
      return r.ok ? r.value.value : undefined;
    },
  );
  const convert = layout.convert;
  const convertedRows = new Map<string, number[]>();

  // Columns repeat their values (months, villages, small numbers): each distinct cell is read once.
  const caches = new Map<string, Map<string, ReadResult | typeof EMPTY>>();
  const read = (col: ColumnSpec, raw: string, override: Partial<NumberRule>, township?: string): ReadResult | typeof EMPTY => {
    let cache = caches.get(col.key);
    if (cache === undefined) caches.set(col.key, (cache = new Map()));
    let key = override === NO_OVERRIDE ? raw : `${raw}\u0000${override.unit ?? ''}\u0000${override.max ?? ''}`;
    if (township !== undefined) key += `\u0001${township}`;
    let result = cache.get(key);
    if (result === undefined) {
      const broken = isEmptyCell(raw) ? null : excelErrorValue(col.label, raw);
      result = isEmptyCell(raw)
        ? EMPTY
        : broken !== null
          ? { ok: false, code: 'type-error', message: broken }
          : converted(readCell(col, raw, refs, override, township), convert.get(col.key));
      cache.set(key, result);
    }
    return result;
  };
  // A converted column reads its cells in the unit of its header (`1234元` in a 元 column).
  const overrideOf = (key: string, base: Partial<NumberRule>): Partial<NumberRule> => {
    const c = convert.get(key);
    return c ? { ...base, unit: c.unit } : base;
  };
  const towns = refs.villages?.townships ?? [];
  /**
   * A village cell in a township's folder (§3.11): a name the folder's township holds is that
   * village (the folder tells shared names apart, as a 乡镇 cell does); a village of another
   * township is a foreign-key-error naming both; a 乡镇 cell other than the folder's likewise.
   */
  const readInFolder = (col: ColumnSpec, raw: string, township: string | undefined, folder: string): ReadResult | typeof EMPTY => {
    if (township !== undefined && nameKey(township) !== nameKey(folder)) {
      return {
        ok: false,
        code: 'foreign-key-error',
        message: `「乡镇」为 "${township}"，但此文件在乡镇 "${folder}" 的文件夹 data/${folder}/ 中；请把这一行移到 data/${township}/ 的文件中，或核对乡镇`,
      };
    }
    const inFolder = read(col, raw, NO_OVERRIDE, folder);
    if (inFolder === EMPTY || inFolder.ok || refs.villages === null) return inFolder;
    const anywhere = read(col, raw, NO_OVERRIDE, undefined);
    if (anywhere === EMPTY || !anywhere.ok) return anywhere;
    const village = refs.villages.byId.get(anywhere.value as string);
    if (village === undefined) return anywhere;
    return {
      ok: false,
      code: 'foreign-key-error',
      message:
        `「${col.label}」${quote(raw)} 在村庄名录中属于 ${village.township}，但此文件在乡镇 "${folder}" 的文件夹 data/${folder}/ 中；` +
        `请把这一行移到 data/${village.township}/ 的文件中，或核对村名`,
    };
  };

  // The row being read; `rawOf` and `at` look into it (defined once: this loop runs 100,000 times).
  let cells: readonly string[] = [];
  let line = 0;
  const rawOf = (key: string): string | undefined => {
    const i = indexOf.get(key);
    return i === undefined ? undefined : cells[i];
  };
  let record_: (typeof table.body)[number] | undefined;
  const at = (key: string) => ({ path, row: line, column: columnOf(record_!, indexOf.get(key)!) });

  // References to a row that has its own error are reported once per target, with a count.
  const groups = new Map<string, { issue: Issue; count: number }>();
  const rows: R[] = [];
  const rejected: RejectedRow[] = [];
  const lines: BodyLine[] = [];
  // One map, cleared per row: builders copy what they need out of it.
  const values: Values = new Map();

  for (const record of table.body) {
    cells = record.cells;
    line = record.line;
    record_ = record;
    const kind = record.total;
    if (kind !== null) {
      lines.push({ line, cells, total: kind });
      continue;
    }
    let ok = usable;
    const shape = checkShape(path, record, layout.width, lacking);
    if (shape) {
      issues.push(shape);
      ok = false;
    }

    values.clear();
    // The 乡镇 cell: a township of villages.csv; it tells apart a village name two townships share.
    let township: string | undefined;
    if (townshipAt !== undefined && refs.villages !== null) {
      const raw = cells[townshipAt] ?? '';
      if (!isEmptyCell(raw)) {
        township = refs.villages.resolveTownship(raw);
        if (township === undefined) {
          const near = nearest(raw, towns.map((t) => [t, t] as const));
          issues.push({
            ...at('township'),
            code: 'foreign-key-error',
            message: `「乡镇」${quote(raw)} 不是村庄名录中的乡镇（已有：${towns.slice(0, 5).join('、')}${towns.length > 5 ? ' …' : ''}）${suggestion(near)}`,
          });
          ok = false;
        }
      }
    }
    for (const { col, index, numeric } of readers) {
      if (index === townshipAt) continue;
      if (personal.get(record)?.has(index)) {
        ok = false;
        continue;
      }
      const raw = cells[index];
      if (raw === undefined) continue; // row too short: reported as missing-cell
      const override = numeric ? overrideOf(col.key, schema.numberOverride?.(col.key, rawOf) ?? NO_OVERRIDE) : NO_OVERRIDE;
      const result =
        fractions.get(record)?.get(col.key) ??
        mistakes.check(col, raw) ??
        (col.type === 'village' && folder !== undefined
          ? readInFolder(col, raw, township, folder)
          : read(col, raw, override, col.type === 'village' ? township : undefined));
      if (result === EMPTY) {
        if (col.required) {
          const shown = raw.trim() === '' ? '不能为空' : `实际为 ${quote(raw)}（表示未填报）`;
          issues.push({ ...at(col.key), code: 'missing-value', message: `「${col.label}」为必填项，${shown}` });
          ok = false;
        } else values.set(col.key, col.default ?? null);
        continue;
      }
      if (!result.ok) {
        ok = false;
        const group = result.group;
        // A row of another file is the cause: the report folds every such row into one line (§5).
        if (group?.follows !== undefined) issues.push({ ...at(col.key), code: result.code, message: result.message, follows: group.follows });
        else if (group === undefined) issues.push({ ...at(col.key), code: result.code, message: result.message });
        else {
          const g = groups.get(group.key);
          if (g) g.count++;
          else {
            const issue: Issue = group.wholeFile
              ? { path, code: result.code, message: result.message }
              : { ...at(col.key), code: result.code, message: result.message };
            issues.push(issue);
            groups.set(group.key, { issue, count: 1 });
          }
        }
        continue;
      }
      // Cached values are shared: each row gets its own copy of an object (Quantity, Scope).
      const value = result.value;
      values.set(col.key, typeof value === 'object' && value !== null ? { ...value } : value);
      if (convert.has(col.key)) {
        let rows = convertedRows.get(col.key);
        if (rows === undefined) convertedRows.set(col.key, (rows = []));
        rows.push(line);
      }
      if (result.warning) issues.push({ ...at(col.key), code: 'warning', message: result.warning });
    }

    // villages.csv in a township's folder: each row's township is the folder's (§3.11); a 乡镇 cell
    // that names another is an error (an unreadable one already is).
    if (folder !== undefined && !withTownship && schema.columns.some((c) => c.key === 'township')) {
      const given = values.get('township');
      if (given === null || (given === undefined && !indexOf.has('township'))) values.set('township', folder);
      else if (given !== undefined && nameKey(String(given)) !== nameKey(folder)) {
        issues.push({
          ...at('township'),
          code: 'constraint-error',
          message: `「乡镇」${quote(String(given))} 与所在文件夹 data/${folder}/ 的乡镇 "${folder}" 不符；乡镇文件夹中的村都属于该乡镇，请改正此格或把这一行移到 data/${String(given)}/ 中`,
        });
        ok = false;
      }
    }

    for (const col of checkNames) {
      const raw = rawOf(col.key)!;
      // `#NAME?` is a broken formula (reported as such), not Excel's replacement character.
      if (raw.includes('?') && excelErrorValue(col.label, raw) === null) {
        issues.push({
          ...at(col.key),
          code: 'warning',
          message: `「${col.label}」${quote(raw)} 中有 "?"：Excel 另存为 GBK 编码的 CSV 时，会把它编码不了的字（如生僻字）换成 "?"；请核对原表，并另存为“CSV UTF-8（逗号分隔）”`,
        });
      }
    }

    for (const problem of schema.checkRow?.(values, refs, rawOf) ?? []) {
      issues.push({ ...at(problem.key), code: problem.code, message: problem.message });
      if (problem.code !== 'warning') ok = false;
    }

    for (const key of keys) {
      const problem = checkUnique(key, values, rawOf, line, path);
      if (problem) {
        issues.push({ ...at(problem.key), code: problem.code, message: problem.message });
        ok = false;
      }
    }

    if (hasTotals) {
      lines.push({
        line,
        cells,
        total: null,
        numbers: totalColumns.map(({ col, index }) => {
          if (cells[index] === undefined) return null;
          const v = values.get(col.key);
          return v === undefined ? undefined : (v as Quantity | null);
        }),
      });
    }

    if (ok) rows.push(schema.build(values, line));
    else {
      const raw = new Map<string, string>();
      for (const { col, index } of readers) if (cells[index] !== undefined) raw.set(col.key, cells[index]);
      rejected.push({ line, raw });
    }
  }

  // Checks across rows (contract §3.9, a stock that falls): an error leaves its row out.
  const across = schema.checkRows?.(rows) ?? [];
  if (across.length > 0) {
    const left = new Set<number>();
    for (const problem of across) {
      const record = table.body.find((r) => r.line === problem.line)!;
      issues.push({ path, row: problem.line, column: columnOf(record, indexOf.get(problem.key)!), code: problem.code, message: problem.message });
      if (problem.code === 'warning' || left.has(problem.line)) continue;
      left.add(problem.line);
      const raw = new Map<string, string>();
      for (const { col, index } of readers) if (record.cells[index] !== undefined) raw.set(col.key, record.cells[index]);
      rejected.push({ line: problem.line, raw });
    }
    const kept = rows.filter((r) => !left.has((r as { line: number }).line));
    rows.length = 0;
    rows.push(...kept);
  }

  for (const { issue, count } of groups.values()) {
    if (count > 1) issue.message += `（本文件共 ${count} 行因此未载入）`;
  }

  // Units converted: one warning per file (§3.9), naming each column and its rows.
  const conversions = [...convertedRows].map(([key, rows]) => {
    const c = convert.get(key)!;
    const col = present.find((p) => p.key === key)!;
    return { key, rows, text: `「${col.label}」列写的单位是 ${c.unit}，${rowsText(rows)}共 ${rows.length} 个数值已按 1 ${col.unit} = ${c.factor} ${c.unit} 换算为 ${col.unit}` };
  });
  if (conversions.length > 0) {
    issues.push({
      path,
      row: header.line,
      column: position(conversions[0]!.key),
      code: 'warning',
      message: `${conversions.map((c) => c.text).join('；')}；请核对`,
    });
  }

  checkTotals(
    lines,
    totalColumns,
    (k, raw, row) => {
      const { col } = totalColumns[k]!;
      const rawOf = (key: string) => {
        const i = layout.indexOf.get(key);
        return i === undefined ? undefined : row.cells[i];
      };
      const broken = excelErrorValue(col.label, raw);
      if (broken !== null) return { ok: false, code: 'type-error', message: broken };
      return converted(parseNumber(raw, numberRule(col, overrideOf(col.key, schema.numberOverride?.(col.key, rawOf) ?? NO_OVERRIDE))), convert.get(col.key));
    },
    path,
    issues,
  );

  const positions = Object.fromEntries([...indexOf].map(([key, i]) => [key, i + 1]));
  const dataset: Dataset<R> = {
    name: schema.name,
    file: path,
    columns: present,
    rows,
    ...(damaged && { damaged: path }),
    ...(rejected.length > 0 && { incomplete: path }),
  };
  return { dataset, usable, rejected, positions };
}
