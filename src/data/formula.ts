// Formula errors (contract §3.9): a cell Excel could not compute holds `#REF!`, `#DIV/0!` …, in a
// workbook and in a CSV file saved from it. It is a type-error that says the formula is broken.
import { FORMULA_ERRORS } from './workbook.ts';

const WHY: Readonly<Record<string, string>> = {
  '#REF!': '公式引用的单元格已被删除或移走',
  '#DIV/0!': '公式中除数为 0 或为空',
  '#VALUE!': '公式中有类型不对的值（如把文字当数字计算）',
  '#N/A': '查找类公式（如 VLOOKUP）没有找到匹配的值',
  '#NAME?': '公式中有无法识别的函数名或名称',
  '#NUM!': '公式得出的数值无效',
  '#NULL!': '公式中的区域引用不相交',
};

/** The message for a cell holding a formula error, or null for any other cell. */
export function formulaError(label: string, raw: string): string | null {
  if (raw.length < 3 || raw.length > 16) return null;
  const s = raw.trim().toUpperCase();
  if (s.charCodeAt(0) !== 35 /* # */ || !FORMULA_ERRORS.has(s)) return null;
  const why = WHY[s] ?? '公式无法计算';
  return `「${label}」的公式出错（${s}：${why}）；请在 Excel 或 WPS 中改正公式，或直接填写数值，然后重新保存`;
}
