// A date cell (photos.csv 日期, contract §3.10): a month or a full date. Months follow parseMonth
// (every form of §3.0); a full date keeps its day, as `YYYY-MM-DD`.
import { normalizeCell, parseMonth, type CellResult } from './cells.ts';

const FULL = [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/];

export function parseDate(raw: string, label: string): CellResult<string> {
  const month = parseMonth(raw, label);
  if (!month.ok) return month;
  const s = normalizeCell(raw);
  const dashed = FULL[0]!.exec(s);
  const chinese = FULL[1]!.exec(s);
  const day = dashed ? Number(dashed[4]) : chinese ? Number(chinese[3]) : null;
  return day === null ? month : { ok: true, value: `${month.value}-${String(day).padStart(2, '0')}` };
}
