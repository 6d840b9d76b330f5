// Cell grammar of contract §3.0: numbers, months, empty markers. Pure functions, no I/O.
// Messages follow contract §5: 「label」, what was expected, 实际为 "the value as typed".
import type { Month, Quantity } from '../shapes/types.ts';
import { INPUT_DIGITS, trimFloat } from '../../floatNoise.ts';

/** Result of reading one cell. Failures carry the report code and a Chinese message. */
export type CellResult<T> =
  | { ok: true; value: T; warning?: string }
  | { ok: false; code: 'type-error' | 'constraint-error'; message: string; tooLarge?: true };

// Zero-width characters that Excel/WPS and copy-paste from web pages leave behind; trim() keeps them.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFKC-normalise and trim a cell (full-width digits, `（）`, ideographic space → ASCII). */
export function normalizeCell(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim();
}

// After NFKC: `－` and `﹣` became `-`, `／` became `/`. Runs of dashes (`--`, `——`) are the same mark.
const EMPTY_MARK = /^(?:[-–—―−]+|\/|无|暂无)$/;

/** `''`, `-`, `—`, `/`, `无`, `暂无` standing alone (after normalizeCell): "not reported". */
export function isEmptyCell(raw: string): boolean {
  const s = normalizeCell(raw);
  return s === '' || EMPTY_MARK.test(s);
}

export interface NumberRule {
  /** the column's Chinese label, quoted in messages as 「label」 */
  label: string;
  /** canonical unit (`吨`, `公里`, `平方米`, `万元`, `户`, `人`, `座`, `处`, `个`, `间`, `%`); a trailing unit must be it or an alias */
  unit?: string;
  /** whole numbers only */
  integer?: boolean;
  /** percent column: 0–100, `85%` = `85` */
  percent?: boolean;
  min?: number;
  max?: number;
}

/**
 * Units a cell may carry, by canonical unit (contract §3.0). Compared after NFKC, which turns
 * `㎡` and `m²` into `m2` and `％` into `%`; latin aliases are compared case-insensitively.
 */
export const UNIT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  吨: ['吨', 't'],
  公里: ['公里', '千米', 'km'],
  平方米: ['平方米', 'm2'],
  万元: ['万元'],
  户: ['户'],
  人: ['人'],
  座: ['座'],
  处: ['处', '个'],
  个: ['个', '处'],
  间: ['间'],
  '%': ['%'],
};

/** The spellings accepted for a unit: itself first, then its aliases. */
export function unitAliases(unit: string): readonly string[] {
  return UNIT_ALIASES[unit] ?? [unit];
}

/** The value as the person typed it, trimmed and shortened, for quoting in a message. */
function quote(raw: string): string {
  const s = raw.trim();
  const chars = [...s];
  return `"${chars.length > 40 ? chars.slice(0, 40).join('') + '…' : s}"`;
}

function typeError<T>(message: string): CellResult<T> {
  return { ok: false, code: 'type-error', message };
}

function constraintError<T>(message: string): CellResult<T> {
  return { ok: false, code: 'constraint-error', message };
}

const APPROX_PREFIX = /^(?:约|近)\s*/;
const MINUS = /^[-−–]\s*/;
// Integer part (digits and commas, grouping checked below) and optional decimal part;
// `。` between digits is a decimal point. `.5` is read as 0.5.
const NUMBER = /^(\d[\d,]*)?(?:([.。])(\d+))?/;
const APPROX_MARK = /^(?:余|多|\+)/;
const APPROX_MARK_END = /(?:余|多|\+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const SCIENTIFIC = /^(\d+(?:\.\d+)?)[eE]([+-]?\d{1,3})$/;
// After NFKC, `（估算）` and `【估算】` are `(估算)` and `【估算】`.
const REMARK = /^[(\[【〔]([^()\[\]【】〔〕]+)[)\]】〕]$/u;

function scientific(raw: string, sci: RegExpExecArray, rule: NumberRule, approx: boolean, negative: boolean): CellResult<Quantity> {
  const label = `「${rule.label}」`;
  const magnitude = Number(`${sci[1]}e${sci[2]}`);
  // Infinity (`1e999`) is only ever a number too large to be a figure.
  if (!Number.isFinite(magnitude) || magnitude >= TOO_LARGE) return tooLarge(label, raw);
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const plain = `${approx ? '约' : ''}${negative ? '-' : ''}${plainDigits(magnitude)}`;
  const checked = parseNumber(plain, rule);
  if (!checked.ok) return { ...checked, message: checked.message.replace(quote(plain), `${quote(raw)}（即 ${plainDigits(value)}）`) };
  return {
    ok: true,
    value: { value, approx },
    warning:
      `${label}的 ${quote(raw)} 是科学计数法，已读作 ${plainDigits(value)}；Excel 以科学计数法显示时可能已把数四舍五入，` +
      '请在原表中把该列设为“数值”格式，核对后重新另存',
  };
}

/** No ledger figure reaches 10^15, and Excel keeps only 15 digits (contract §3.9). */
const TOO_LARGE = 1e15;

function tooLarge(label: string, raw: string): CellResult<Quantity> {
  return {
    ok: false,
    code: 'type-error',
    tooLarge: true,
    message:
      `${label}为 ${quote(raw)}，达到或超过 10 的 15 次方（一千万亿）：台账中不会有这么大的数，Excel 也只保留 15 位有效数字；` +
      '请核对原表中这一格（可能多打了数字，或把编号、身份证号填进了数字列）',
  };
}

/** A number without exponent: 1200, 0.0012 (callers keep it below 10^15). */
function plainDigits(n: number): string {
  const s = String(trimFloat(n, INPUT_DIGITS));
  if (!/e/i.test(s)) return s;
  return n.toFixed(Math.max(0, Math.min(20, -Math.floor(Math.log10(Math.abs(n))) + 14))).replace(/\.?0+$/, '');
}

// Excel's formula error values, with what each means.
const EXCEL_ERRORS: Readonly<Record<string, string>> = {
  '#REF!': '公式引用的单元格已被删除',
  '#DIV/0!': '公式中除数为 0 或为空',
  '#VALUE!': '公式中有文字参与了计算',
  '#N/A': '公式（如 VLOOKUP）没有找到要查的值',
  '#NAME?': '公式中的函数名或名称写错了',
  '#NUM!': '公式的计算结果不是有效数字',
  '#NULL!': '公式中的区域没有交集',
  '#SPILL!': '公式结果溢出的区域被占用',
  '#CALC!': '公式无法计算',
  '#GETTING_DATA': '公式还在取数',
};

/** A formula error value saved as a cell's text (`#REF!`, `#DIV/0!` …): the type-error message, else null. */
export function excelErrorValue(label: string, raw: string): string | null {
  if (!raw.includes('#') && !raw.includes('＃')) return null; // fast path: every other cell
  const s = normalizeCell(raw).toUpperCase();
  if (!s.startsWith('#')) return null;
  const meaning = EXCEL_ERRORS[s];
  if (meaning === undefined) return null;
  return (
    `「${label}」为 ${quote(raw)}：这是 Excel 公式出错的结果（${meaning}），不是数据；` +
    '请在原表中改好这个公式（或把公式所在列“选择性粘贴”为数值）后重新另存'
  );
}

/** Read a non-empty number cell under §3.0 (caller has already handled empty cells). */
export function parseNumber(raw: string, rule: NumberRule): CellResult<Quantity> {
  const label = `「${rule.label}」`;
  const shown = quote(raw);
  const notNumber = (hint = ''): CellResult<Quantity> =>
    typeError(`${label}应为数字，实际为 ${shown}${hint}`);

  const formula = excelErrorValue(rule.label, raw);
  if (formula !== null) return typeError(formula);
  const lead = leadingMarks(normalizeCell(raw));
  const s = lead.rest;
  const negative = lead.negative;
  let approx = lead.approx;

  // `1.2E+03`: Excel shows a long or large number in scientific notation, and a CSV keeps what it
  // showed — possibly rounded to a few digits. Read it, with a warning (contract §3.9).
  const sci = SCIENTIFIC.exec(s);
  if (sci) return scientific(raw, sci, rule, approx, negative);

  const num = NUMBER.exec(s)!;
  const [matched, intPart = '', point, fraction] = num;
  if (!/\d/.test(matched)) return notNumber();
  let rest = s.slice(matched.length).trim();

  // Whatever follows the number may only be an approximate mark and a unit, in either order.
  const markBefore = APPROX_MARK.exec(rest);
  if (markBefore) {
    approx = true;
    rest = rest.slice(markBefore[0].length).trim();
  }
  const markAfter = APPROX_MARK_END.exec(rest);
  if (markAfter) {
    approx = true;
    rest = rest.slice(0, -markAfter[0].length).trim();
  }

  const percent = rule.percent === true || rule.unit === '%';
  const unit = percent ? '%' : rule.unit;
  const accepted = unit === undefined ? [] : unitAliases(unit);
  // `35（估算）`: a remark in brackets, not a unit (a bracketed unit `35（吨）` is still the unit).
  const remark = REMARK.exec(rest);
  if (remark && !accepted.some((a) => a.toLowerCase() === remark[1]!.trim().toLowerCase())) {
    const number = s.slice(0, matched.length);
    return typeError(
      `${label}应为数字，实际为 ${shown}：括号里的说明 "${remark[1]!.trim()}" 不能和数字写在同一格；` +
        `请在这一格只填数字 ${number}，说明写到「备注」列${approx ? '' : `（估计的数可写作 约${number}）`}`,
    );
  }
  const unitOk = rest === '' || accepted.some((a) => a.toLowerCase() === rest.toLowerCase());
  // A digit or separator left over (and not part of a unit such as `m2`) means a malformed
  // number (`1.2.3`, `12 34`), not a unit.
  if (!unitOk && /[\d,.。]/.test(rest)) return notNumber();
  if (intPart.includes(',') && !GROUPED.test(intPart)) {
    return notNumber('（千分位逗号须每三位一组，小数点请用 "."）');
  }
  if (!unitOk) {
    if (unit === undefined) return notNumber('（不带单位）');
    const others = accepted.filter((a) => a !== unit);
    const also = others.length > 0 ? `（也可写 ${others.join('、')}）` : '';
    return typeError(`${label}的单位应为 ${unit}${also}，实际为 ${shown}`);
  }

  const magnitude = Number(`${intPart.replace(/,/g, '') || '0'}${fraction ? '.' + fraction : ''}`);
  if (!Number.isFinite(magnitude) || magnitude >= TOO_LARGE) return tooLarge(label, raw);
  if (rule.integer && !Number.isInteger(magnitude)) {
    return typeError(`${label}应为整数，实际为 ${shown}`);
  }

  // `-0` is zero, not a negative quantity.
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const outside = rangeProblem(value, rule, percent, label, shown);
  if (outside !== null) return outside;

  const result: CellResult<Quantity> = { ok: true, value: { value, approx } };
  if (point === '。') {
    result.warning = `${label}的 ${shown} 中的 "。" 已按小数点读作 ${value}，请改用 "."`;
  }
  return result;
}

/** A number cell's `约`/`近` prefix and minus sign, taken off the front; gives what is left. */
function leadingMarks(cell: string): { rest: string; approx: boolean; negative: boolean } {
  let s = cell;
  let approx = false;
  const prefix = APPROX_PREFIX.exec(s);
  if (prefix) {
    approx = true;
    s = s.slice(prefix[0].length);
  }
  let negative = false;
  const minus = MINUS.exec(s);
  if (minus) {
    negative = true;
    s = s.slice(minus[0].length);
  }
  return { rest: s, approx, negative };
}

/** A number read against its column's range (a percent: 0–100), or null when it is inside. */
function rangeProblem(value: number, rule: NumberRule, percent: boolean, label: string, shown: string): CellResult<Quantity> | null {
  // Quantities are never negative; only a column that declares a negative minimum (lng/lat) allows them.
  if (value < 0 && !(rule.min !== undefined && rule.min < 0)) {
    return constraintError(`${label}数量不能为负数，实际为 ${shown}`);
  }
  const min = percent ? Math.max(0, rule.min ?? 0) : rule.min;
  const max = percent ? Math.min(100, rule.max ?? 100) : rule.max;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `应在 ${min} 到 ${max} 之间`
        : min !== undefined
          ? `应不小于 ${min}`
          : `应不大于 ${max}`;
    return constraintError(`${label}${range}，实际为 ${shown}`);
  }
  return null;
}

/** Days in a month; `month` is 1–12. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIME = String.raw`(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const YEAR_MONTH = [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/];
const FULL_DATE = [
  new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`),
  new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?${TIME}$`),
];
const MONTH_NO_YEAR = [/^\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?$/, /^\d{1,2}[-/.]\d{1,2}$/];
const YEAR_ONLY = /^(\d{4})\s*年?$/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

// Excel's day 0 is 1899-12-30 (so that serial 60 is its fictitious 1900-02-29).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The date an Excel serial stands for, or null when it falls outside the years we accept. */
export function excelSerialToDate(serial: number): { year: number; month: number; day: number } | null {
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  const year = d.getUTCFullYear();
  if (year < 2000 || year > 2100) return null;
  return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Read a non-empty month cell (`2023-07`, `2023年7月`, full dates…) into `YYYY-MM`. */
export function parseMonth(raw: string, label: string): CellResult<Month> {
  const name = `「${label}」`;
  const shown = quote(raw);
  const s = normalizeCell(raw);

  let parts: { year: number; month: number; day?: number } | undefined;
  for (const re of YEAR_MONTH) {
    const m = re.exec(s);
    if (m) parts = { year: Number(m[1]), month: Number(m[2]) };
  }
  const dashed = FULL_DATE[0]!.exec(s);
  if (dashed) parts = { year: Number(dashed[1]), month: Number(dashed[3]), day: Number(dashed[4]) };
  const chinese = FULL_DATE[1]!.exec(s);
  if (chinese) parts = { year: Number(chinese[1]), month: Number(chinese[2]), day: Number(chinese[3]) };

  if (parts) {
    const { year, month, day } = parts;
    if (month < 1 || month > 12) {
      return typeError(`${name}的月应在 1 到 12 之间，实际为 ${shown}`);
    }
    if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
      return typeError(`${name}中的日期不存在，实际为 ${shown}`);
    }
    if (year < 2000 || year > 2100) {
      return constraintError(`${name}的年份应在 2000 到 2100 之间，实际为 ${shown}`);
    }
    return { ok: true, value: `${year}-${String(month).padStart(2, '0')}` };
  }

  if (MONTH_NO_YEAR.some((re) => re.test(s)) || (/^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 12)) {
    return typeError(`${name}缺少年份，实际为 ${shown}，请写成 2023-07 或 2023年7月 的样式`);
  }
  const yearOnly = YEAR_ONLY.exec(s);
  if (yearOnly && Number(yearOnly[1]) >= 2000 && Number(yearOnly[1]) <= 2100) {
    return typeError(`${name}缺少月份，实际为 ${shown}，请写成 2023-07 或 2023年7月 的样式`);
  }
  if (BARE_NUMBER.test(s)) {
    const yyyymm = /^(\d{4})(\d{2})$/.exec(s);
    if (yyyymm) {
      const [, y, m] = yyyymm;
      if (Number(y) >= 2000 && Number(y) <= 2100 && Number(m) >= 1 && Number(m) <= 12) {
        return typeError(`${name}应为年月，实际为 ${shown}，请写成 ${y}-${m} 或 ${y}年${Number(m)}月`);
      }
    }
    const date = excelSerialToDate(Number(s));
    const means = date ? `（即 ${date.year}年${date.month}月${date.day}日）` : '';
    const example = date ? `${date.year}-${String(date.month).padStart(2, '0')}` : '2023-07';
    return typeError(
      `${name}应为年月，实际为 ${shown}，像是 Excel 的日期序号${means}；` +
        `请把该列设为“文本”格式，再按 ${example} 的样式输入`,
    );
  }
  return typeError(`${name}应为年月（如 2023-07 或 2023年7月），实际为 ${shown}`);
}
