// Columns kept up to date (contract §6.4): government website checks fail a column that is not
// updated on schedule, so `npm run check` warns when a monthly dataset's latest month is more than
// two months before the current month (the clock passed in, as for months in the future).
import { datasetOf } from '../data/schema/dataset.ts';
import { currentMonth } from '../data/table/mistakes.ts';
import { registryOf } from '../data/registry.ts';
import type { Issue, Month, Tables } from '../data/types.ts';
import { formatMonth } from '../format.ts';
import { monthDiff, sortMonths } from '../metrics/months.ts';

/** How many months a monthly dataset may lag behind the current month without a warning. */
export const MAX_LAG_MONTHS = 2;

export function freshnessWarnings(tables: Tables, now: Date): Issue[] {
  const current = currentMonth(now);
  const issues: Issue[] = [];
  for (const schema of registryOf(tables)) {
    const dataset = datasetOf(tables, schema);
    if (!schema.monthly || !dataset || dataset.damaged !== undefined) continue;
    const latest = sortMonths((dataset.rows as { month?: Month }[]).map((r) => r.month).filter((m): m is Month => typeof m === 'string')).at(-1);
    if (latest === undefined || monthDiff(latest, current) <= MAX_LAG_MONTHS) continue;
    issues.push({
      path: dataset.file,
      code: 'warning',
      message: `「${schema.title}」（${schema.name}）最近的数据是 ${formatMonth(latest)}，距本月（${formatMonth(current)}）已超过两个月没有更新：` +
        '政府网站检查会把不按时更新的栏目判为不合格，请补报最近月份的数据',
    });
  }
  return issues;
}
