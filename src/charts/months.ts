// Months on a chart's x axis. Months stay ordinal `YYYY-MM` keys (one band or point per month,
// gaps filled so a missing month shows as a gap, not as a shorter chart); tick labels are Chinese:
// `1月` … `12月` within one year, and `2023年1月` where the year starts or changes.
import { formatMonth, formatMonthShort } from '../format.ts';
import type { Month } from '../data/types.ts';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && monthPattern.test(value);
}

function parts(month: Month): [year: number, month: number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

export function monthYear(month: Month): number {
  return parts(month)[0];
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: Month, last: Month): Month[] {
  const [y0, m0] = parts(first);
  const [y1, m1] = parts(last);
  const months: Month[] = [];
  for (let i = y0 * 12 + m0 - 1; i <= y1 * 12 + m1 - 1; i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Whether the months lie in more than one year. */
export function spansYears(months: readonly Month[]): boolean {
  return new Set(months.map(monthYear)).size > 1;
}

/**
 * Tick labels for the given tick months: short (`7月`) within one year; across years, the first
 * tick and each tick whose year differs from the previous one's carry the year (`2024年1月`).
 */
export function monthTickLabels(ticks: readonly Month[]): Map<Month, string> {
  const withYears = spansYears(ticks);
  const labels = new Map<Month, string>();
  ticks.forEach((month, i) => {
    const previous = ticks[i - 1];
    const full = withYears && (previous === undefined || monthYear(previous) !== monthYear(month));
    labels.set(month, full ? formatMonth(month) : formatMonthShort(month));
  });
  return labels;
}

/** Steps between month ticks that keep them on calendar positions (Jan, Apr, Jul, Oct for 3). */
export const monthSteps = [1, 2, 3, 6, 12] as const;

/** The months of `domain` that fall on a `step`-month calendar grid. */
export function monthTicks(domain: readonly Month[], step: number): Month[] {
  const ticks = domain.filter((month) => (parts(month)[1] - 1) % step === 0);
  // A short range may miss the grid entirely (Feb–Mar with step 2 keeps Mar only; none is worse).
  return ticks.length > 0 ? ticks : domain.slice(0, 1);
}
