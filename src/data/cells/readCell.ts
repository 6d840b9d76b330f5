// One non-empty cell → a typed value, by the column's declared type (contract §3.0–3.7).
// Numbers and months follow the cell grammar of cells.ts; references are checked against the
// files they point into. The caller has already handled empty cells.
import { excelErrorValue, normalizeCell, parseMonth, parseNumber, type NumberRule } from './cells.ts';
import { nameKey, nearest, replacedName, suggestion, villageHint, withoutUnit } from './names.ts';
import { quote } from './quote.ts';
import { targetMetrics, type TargetMetric } from '../shapes/targetMetrics.ts';
import { parseDate } from './dates.ts';
import type { ColumnSpec, IssueCode, Scope } from '../shapes/types.ts';
import type { VillageIndex, VillageRef } from './villages.ts';

/** A row left out because of an error: its file (a dataset may have several, §3.11) and row. */
export interface BrokenRow {
  path: string;
  line: number;
}

/**
 * What cross-file columns are checked against. `null`: that file is absent or unreadable. The
 * rows are those of villages.csv and construction-points.csv, as far as the checks read them.
 */
export interface References {
  villages: VillageIndex<VillageRef & { households: number }> | null;
  villagesPath: string;
  /** id or name (as nameKey) of a villages.csv row that was rejected → its file and row */
  brokenVillages: Map<string, BrokenRow>;
  /** construction points by nameKey(id) */
  points: Map<string, { id: string; name: string; village: string }> | null;
  pointsPath: string;
  brokenPoints: Map<string, BrokenRow>;
  /** the current month (`YYYY-MM`): reporting months after it are mistakes (contract §3.9) */
  currentMonth: string;
}

/**
 * A failure may belong to a group reported once: references to a village whose own row has an
 * error, or to a file that cannot be read, all share one cause.
 */
export interface Group {
  key: string;
  wholeFile: boolean;
  /** a row of another file whose own error is the cause: every referring row folds into one line there (§5) */
  follows?: { path: string; row: number };
}

export type ReadResult =
  | { ok: true; value: unknown; warning?: string }
  | { ok: false; code: IssueCode; message: string; group?: Group };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The number rule of a column; `override` carries a unit taken from the row (items, targets). */
export function numberRule(col: ColumnSpec, override: Partial<NumberRule> = {}): NumberRule {
  const rule: NumberRule = { label: col.label };
  const unit = override.unit ?? col.unit;
  if (unit !== undefined) rule.unit = unit;
  if (col.type === 'integer') rule.integer = true;
  if (col.type === 'percent' || unit === '%') rule.percent = true;
  const min = override.min ?? col.min;
  const max = override.max ?? col.max;
  if (min !== undefined) rule.min = min;
  if (max !== undefined) rule.max = max;
  return rule;
}

const metricLookup = new Map<string, TargetMetric>();
for (const m of targetMetrics) {
  for (const name of [m.key, m.name, `${m.name}(${m.unit})`]) metricLookup.set(nameKey(name), m.key);
}

/** A target metric by key or Chinese name (`toilet_coverage`, `无害化卫生户厕覆盖率`). */
export function resolveMetric(raw: string): TargetMetric | undefined {
  const key = nameKey(raw);
  return metricLookup.get(key) ?? metricLookup.get(withoutUnit(key));
}

function readId(col: ColumnSpec, raw: string): ReadResult {
  const id = normalizeCell(raw);
  if (ID.test(id)) return { ok: true, value: id };
  return {
    ok: false,
    code: 'type-error',
    message: `「${col.label}」应为 1 到 40 位的英文字母、数字、下划线 "_" 或连字符 "-"，实际为 ${quote(raw)}`,
  };
}

function readEnum(col: ColumnSpec, raw: string): ReadResult {
  const values = col.values ?? [];
  const key = nameKey(raw);
  const hit = values.find((v) => nameKey(v) === key);
  if (hit !== undefined) return { ok: true, value: hit };
  // A value outside the list is a constraint-error listing the allowed values (contract §3.0, Lists).
  const list = values.length > 1 ? `${values.slice(0, -1).join('、')} 或 ${values.at(-1)}` : values.join('');
  return { ok: false, code: 'constraint-error', message: `「${col.label}」${quote(raw)} 不在允许的值之中：应为 ${list}` };
}

function readMetric(col: ColumnSpec, raw: string): ReadResult {
  const metric = resolveMetric(raw);
  if (metric !== undefined) return { ok: true, value: metric };
  const near = nearest(
    raw,
    targetMetrics.flatMap((m) => [[m.key, m.name] as const, [m.name, m.name] as const]),
  );
  const list = targetMetrics.map((m) => `${m.name}（${m.key}）`).join('、');
  // 指标 is a list like 级别 and 类型: a value outside it is a constraint-error (contract §3.0, Lists).
  return {
    ok: false,
    code: 'constraint-error',
    message: `「${col.label}」应为以下指标之一：${list}，实际为 ${quote(raw)}${suggestion(near)}`,
  };
}

function unreadable(col: ColumnSpec, path: string): ReadResult {
  return {
    ok: false,
    code: 'foreign-key-error',
    message: `无法核对「${col.label}」：${path} 缺失，或其表头有错误`,
    group: { key: `${col.key}:file`, wholeFile: true },
  };
}

/** A reference to a row of another file that has an error: fix that row first (one cause per row). */
function brokenRow(col: ColumnSpec, raw: string, path: string, line: number): ReadResult {
  return {
    ok: false,
    code: 'foreign-key-error',
    message: `「${col.label}」${quote(raw)} 在 ${path} 第 ${line} 行，该行有错误；请先改正该行`,
    group: { key: `${col.key}:${path}:${line}`, wholeFile: false, follows: { path, row: line } },
  };
}

function readVillage(col: ColumnSpec, raw: string, refs: References, township?: string): ReadResult {
  if (refs.villages === null) return unreadable(col, refs.villagesPath);
  const found = refs.villages.resolve(raw, township);
  if (found.ok) return { ok: true, value: found.village.id };
  const broken = refs.brokenVillages.get(nameKey(raw));
  if (broken !== undefined) return brokenRow(col, raw, broken.path, broken.line);
  // A name that villages.csv holds with Excel's `?`: one cause, reported once for all its rows.
  const replaced = replacedName(raw, [...refs.villages.byId.values()]);
  if (replaced !== undefined) {
    return {
      ok: false,
      code: 'foreign-key-error',
      message: `「${col.label}」${found.message}`,
      group: { key: `${col.key}:?${replaced.id}`, wholeFile: false },
    };
  }
  return { ok: false, code: 'foreign-key-error', message: `「${col.label}」${found.message}` };
}

function readPoint(col: ColumnSpec, raw: string, refs: References): ReadResult {
  if (refs.points === null) return unreadable(col, refs.pointsPath);
  const key = nameKey(raw);
  const point = refs.points.get(key);
  if (point) return { ok: true, value: point.id };
  const broken = refs.brokenPoints.get(key);
  if (broken !== undefined) return brokenRow(col, raw, broken.path, broken.line);
  const near = nearest(raw, [...refs.points.values()].flatMap((p) => [[p.id, p.id] as const, [p.name, p.id] as const]));
  return {
    ok: false,
    code: 'foreign-key-error',
    message: `「${col.label}」${quote(raw)} 不是 ${refs.pointsPath} 中的建设点编号${suggestion(near)}`,
  };
}

function readScope(col: ColumnSpec, raw: string, refs: References): ReadResult {
  if (refs.villages === null) return unreadable(col, refs.villagesPath);
  const township = refs.villages.resolveTownship(raw);
  if (township !== undefined) return { ok: true, value: { kind: 'township', township } satisfies Scope };
  const found = refs.villages.resolve(raw);
  if (found.ok) return { ok: true, value: { kind: 'village', village: found.village.id } satisfies Scope };
  const broken = refs.brokenVillages.get(nameKey(raw));
  if (broken !== undefined) return brokenRow(col, raw, broken.path, broken.line);
  if (found.reason === 'ambiguous') {
    return { ok: false, code: 'foreign-key-error', message: `「${col.label}」${found.message}` };
  }
  const towns = refs.villages.townships;
  // A township near match first; else a village one, never a name that is itself refused.
  const town = nearest(raw, towns.map((t) => [t, t] as const));
  const hint = town !== undefined ? suggestion(town) : villageHint(raw, [...refs.villages.byId.values()], refs.villagesPath);
  return {
    ok: false,
    code: 'foreign-key-error',
    message:
      `「${col.label}」${quote(raw)} 既不是乡镇名（已有：${towns.slice(0, 5).join('、')}${towns.length > 5 ? ' …' : ''}），` +
      `也不是村编号或村名；留空表示全域${hint}`,
  };
}

/** Read one non-empty cell of a known dataset's column. */
export function readCell(
  col: ColumnSpec,
  raw: string,
  refs: References,
  override: Partial<NumberRule> = {},
  /** the row's 乡镇 cell, resolved (contract §3.9): village cells must agree with it */
  township?: string,
): ReadResult {
  // `#REF!`, `#DIV/0!` …: a broken formula, whatever the column (contract §3.9).
  if (col.key !== 'note') {
    const formula = excelErrorValue(col.label, raw);
    if (formula !== null) return { ok: false, code: 'type-error', message: formula };
  }
  switch (col.type) {
    case 'text':
      return { ok: true, value: raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim() };
    case 'id':
      return readId(col, raw);
    case 'number':
    case 'integer':
    case 'percent':
      return parseNumber(raw, numberRule(col, override));
    case 'month':
      return parseMonth(raw, col.label);
    case 'date':
      return parseDate(raw, col.label);
    case 'enum':
      return readEnum(col, raw);
    case 'village':
      return readVillage(col, raw, refs, township);
    case 'point':
      return readPoint(col, raw, refs);
    case 'metric':
      return readMetric(col, raw);
    case 'scope':
      return readScope(col, raw, refs);
  }
}
