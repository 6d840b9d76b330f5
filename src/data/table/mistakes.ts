// Everyday mistakes that would otherwise publish a wrong figure without a word (contract §3.9
// "No silent mistakes", §3.0/§3.9 Excel habits): future months, Excel's dotted-October trap,
// formula error values. Pure functions; the clock is passed in.
import { normalizeCell, parseMonth } from '../cells/cells.ts';
import { trimFloat } from '../../floatNoise.ts';
import { nonEmptyCells } from './frame.ts';
import type { GridRecord } from '../read/grid.ts';
import type { HeaderLayout } from './headers.ts';
import { nearest, normalizeName, withoutUnit } from '../cells/names.ts';
import { quote } from '../cells/quote.ts';
import type { ReadResult } from '../cells/readCell.ts';
import type { AnySchema } from '../schema/dataset.ts';
import type { ColumnSpec, Issue, Month } from '../shapes/types.ts';

/** Datasets whose months are reporting months: one later than the current month is a mistake. */
/** The current month in China (UTC+8), where the staff and the township are. */
export function currentMonth(now: Date): Month {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-${String(china.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2023-07` → `2023年7月`. */
export function monthText(month: Month): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** A reporting month after the current one (`2032-06` typed for `2023-06`): a constraint-error message. */
export function futureMonth(label: string, raw: string, month: Month, current: Month): string | null {
  if (month <= current) return null;
  return (
    `「${label}」为 ${quote(raw)}（${monthText(month)}），晚于本月（${monthText(current)}）：` +
    '尚未到来的月份不能有数据；请核对年份和月份是否打错'
  );
}

const DOTTED = /^(\d{4})\.(\d{1,2})$/;

/**
 * Excel's dotted-October trap: a typed `2023.10` is stored as the number 2023.1 and saved as
 * `2023.1`. In a file whose other dotted months of that year are written with two digits
 * (`2023.07`, `2023.11`), or run towards the end of the year without a February (`2023.9`,
 * `2023.11`), `2023.1` stands for October, not January. Returns the type-error message for
 * each such cell (by its normalised text).
 */
export function dottedOctoberTraps(raws: Iterable<string>, label: string): Map<string, string> {
  const byYear = new Map<string, Set<string>>();
  for (const raw of raws) {
    const m = DOTTED.exec(normalizeCell(raw));
    if (!m) continue;
    const set = byYear.get(m[1]!) ?? new Set<string>();
    set.add(m[2]!);
    byYear.set(m[1]!, set);
  }
  const traps = new Map<string, string>();
  for (const [year, months] of byYear) {
    if (!months.has('1')) continue;
    const others = [...months].filter((m) => m !== '1').sort((a, b) => Number(a) - Number(b));
    // `2023.10` kept as text says nothing about how the other cells were typed.
    const padded = others.filter((m) => m.length === 2 && m !== '10');
    const late = others.some((m) => Number(m) >= 11) || (others.includes('9') && !others.includes('2'));
    if (padded.length === 0 && !late) continue;
    const shown = others.slice(0, 4).map((m) => `${year}.${m}`).join('、') + (others.length > 4 ? ' …' : '');
    traps.set(
      `${year}.1`,
      `「${label}」为 "${year}.1"，本文件中 ${year} 年的其他月份写作 ${shown}，这里应是 ${year}年10月：` +
        `Excel 把输入的 ${year}.10 当成了数字，去掉末尾的 0 存成了 ${year}.1（会被当作 1 月）；` +
        `请把该列设为“文本”格式后重新输入 ${year}-10（若确为 1 月，请写 ${year}-01）`,
    );
  }
  return traps;
}

/**
 * Mistakes that need the whole file or the clock (contract §3.9 "No silent mistakes"): the
 * dotted-October trap in month columns, and reporting months after the current month.
 */
export function fileMistakes(
  schema: AnySchema,
  present: readonly ColumnSpec[],
  indexOf: ReadonlyMap<string, number>,
  body: readonly GridRecord[],
  current: string,
): { check(col: ColumnSpec, raw: string): ReadResult | null } {
  const traps = new Map<string, Map<string, string>>();
  for (const col of present) {
    if (col.type !== 'month') continue;
    const i = indexOf.get(col.key)!;
    const found = dottedOctoberTraps(body.map((r) => r.cells[i] ?? ''), col.label);
    if (found.size > 0) traps.set(col.key, found);
  }
  const reporting = schema.monthly === true;
  // Months repeat on every row: each distinct cell is judged once.
  const seen = new Map<string, ReadResult | null>();
  const judge = (col: ColumnSpec, raw: string): ReadResult | null => {
    const trap = traps.get(col.key)?.get(normalizeCell(raw));
    if (trap !== undefined) return { ok: false, code: 'type-error', message: trap };
    if (!reporting || col.key !== 'month') return null;
    const month = parseMonth(raw, col.label);
    if (!month.ok) return null;
    const future = futureMonth(col.label, raw, month.value, current);
    return future === null ? null : { ok: false, code: 'constraint-error', message: future };
  };
  return {
    check(col, raw) {
      if (col.type !== 'month') return null;
      const key = `${col.key}\u0000${raw}`;
      let result = seen.get(key);
      if (result === undefined) seen.set(key, (result = judge(col, raw)));
      return result;
    },
  };
}

/**
 * A header row in which not one cell names a column of the dataset: the header was not found, and
 * the file cannot be read. One structural line (contract §5) instead of an unknown-header per cell,
 * a missing-column per required column and a shape error per row; the row that looks like the
 * header (the first with two or more cells) is quoted, each of its cells with its near match.
 */
export function headerProblem(schema: AnySchema, header: GridRecord, body: readonly GridRecord[], layout: HeaderLayout, path: string): Issue | null {
  const recognised = layout.present.filter((c) => c.key !== 'note');
  if (recognised.length > 0 || layout.width === 0) return null;
  const row = [header, ...body.slice(0, 5)].find((r) => nonEmptyCells(r.cells) >= 2) ?? header;
  const cells = row.cells.map((c) => c.trim()).filter((c) => c !== '');
  const candidates = schema.columns.flatMap((c) => [[c.label, c.label] as const, [withoutUnit(normalizeName(c.label)), c.label] as const]);
  const hints = cells.flatMap((c) => {
    const near = nearest(c, candidates);
    return near === undefined ? [] : [`"${c}" 是否应为「${near}」?`];
  });
  const shown = cells.slice(0, 6).join('、') + (cells.length > 6 ? ' …' : '');
  return {
    path,
    row: row.line,
    code: 'missing-column',
    structural: true,
    message:
      `找不到表头：第 ${row.line} 行（${shown}）中没有一个是本表的列名，整个文件未能读取；` +
      `${hints.length > 0 ? `${hints.join('；')}；` : ''}本表的列为：${schema.columns.map((c) => c.label).join('、')}`,
  };
}

/** `0.9 应为 90？`: the message for a percentage Excel saved as a fraction (contract §3.9). */
export function fractionMessage(label: string, raw: string, value: number, why: string): string {
  const percent = trimFloat(value * 100);
  return (
    `「${label}」为 ${quote(raw)}：${why}，像是 Excel 把 ${percent}% 存成了小数 ${value}；${value} 应为 ${percent}？` +
    `请写成 ${percent} 或 ${percent}%（在 Excel 中把该列设为“文本”或“常规”格式后重新输入）`
  );
}

/**
 * A percent column (or the `%` rows of a column whose unit comes from the row) whose values in
 * one file all lie between 0 and 1, with at least one fraction: Excel's `90%` saved as `0.9`.
 * `percentOf(col, cells)` gives the column's value in a row when it is a percentage there, else
 * undefined. Returns, by row, the type-error of each column to report instead of its value.
 */
export function percentFractions<R extends GridRecord>(
  columns: readonly { col: ColumnSpec; index: number }[],
  body: readonly (R & { total: unknown })[],
  percentOf: (col: ColumnSpec, cells: readonly string[], raw: string) => number | undefined,
): Map<R, Map<string, ReadResult>> {
  const out = new Map<R, Map<string, ReadResult>>();
  for (const { col, index } of columns) {
    const seen: { record: R; raw: string; value: number }[] = [];
    let fraction = false;
    let outside = false;
    for (const record of body) {
      if (record.total !== null) continue;
      const raw = record.cells[index];
      if (raw === undefined) continue;
      const value = percentOf(col, record.cells, raw);
      if (value === undefined) continue;
      if (value < 0 || value > 1) {
        outside = true;
        break;
      }
      if (value > 0 && value < 1) fraction = true;
      seen.push({ record, raw, value });
    }
    if (outside || !fraction) continue;
    for (const { record, raw, value } of seen) {
      if (value === 0 || value === 1) continue;
      let row = out.get(record);
      if (row === undefined) out.set(record, (row = new Map()));
      const why = '本文件中这一列的百分数都在 0 到 1 之间';
      row.set(col.key, { ok: false, code: 'type-error', message: fractionMessage(col.label, raw, value, why) });
    }
  }
  return out;
}
