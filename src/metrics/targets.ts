// 目标 (contract §3.7): where each target stands, at what pace, and when it will be reached.
// Every metric is "higher is better". The pace is the linear change per month between the first
// and the latest month with data in the target's scope; the projection extends it from the
// latest month. Time is the data's time (数据截至), never the wall clock.
import { trimFloat } from '../format.ts';
import { targetMetrics } from '../data/shapes/targetMetrics.ts';
import type { Month, Quantity, Scope, Target, TargetMetric, Tables } from '../data/types.ts';
import { createIndex } from './tableIndex.ts';
import { cleanupByMonth } from './cleanup.ts';
import { coverageByMonth, publicToiletsByMonth } from './coverage.ts';
import { addMonths, latestMonth, monthDiff, yearOf, yearRange } from './months.ts';
import { progressOfPoints, pointsInScope } from './progress.ts';
import { sumQuantities } from './quantities.ts';
import { meanScoreByMonth } from './scores.ts';
import { scopeRows } from './scope.ts';

export type TargetStatus = 'reached' | 'on-track' | 'behind' | 'no-data';

/** Units of the target metrics: targetMetrics (data/shapes/targetMetrics.ts), the one list of them. */
const targetUnits = new Map<TargetMetric, string>(targetMetrics.map((m) => [m.key, m.unit]));

/** Where one target stands. */
export interface TargetProgress {
  target: Target;
  unit: string;
  /** the metric's value for the target's scope at `asOf`; `null` without data */
  current: Quantity | null;
  /** the month `current` refers to */
  asOf: Month | null;
  /** target − current (negative when exceeded); `null` without data */
  gap: number | null;
  /** change per month so far; `null` when it cannot be measured (a single month of data) */
  pace: number | null;
  /** month the target is reached at this pace; `null` if already reached or never */
  projected: Month | null;
  /**
   * `reached`; `on-track`: projected at or before `due`; `behind`: projected after `due`, not
   * growing, or `due` passed; `no-data`: no value, or too little data to measure a pace before `due`
   */
  status: TargetStatus;
}

/** A metric's measurement for one target: current value, its month and the monthly pace. */
interface Measure {
  current: Quantity | null;
  asOf: Month | null;
  pace: number | null;
}

const none: Measure = { current: null, asOf: null, pace: null };

/** Current value and pace of a series of (month, value) with data, earliest first. */
function fromSeries(points: { month: Month; value: Quantity }[]): Measure {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return none;
  const months = monthDiff(first.month, last.month);
  const pace = months > 0 ? trimFloat((last.value.value - first.value.value) / months) : null;
  return { current: last.value, asOf: last.month, pace };
}

function withData<T extends { month: Month }>(list: T[], value: (t: T) => Quantity | null): { month: Month; value: Quantity }[] {
  const out: { month: Month; value: Quantity }[] = [];
  for (const t of list) {
    const v = value(t);
    if (v !== null) out.push({ month: t.month, value: v });
  }
  return out;
}

/** Months in which at least one village of the scope reported to toilets.csv (optionally a non-empty cell). */
function toiletReportMonths(tables: Tables, target: Target, publicOnly: boolean): Set<Month> {
  const rows = scopeRows(tables, 'toilets', target.scope);
  return new Set(rows.filter((r) => !publicOnly || r.public_toilets !== null).map((r) => r.month));
}

function measure(tables: Tables, target: Target): Measure {
  const { scope } = target;
  switch (target.metric) {
    case 'toilet_coverage': {
      // A stock carries forward; measure only over months in which the scope reported.
      const reported = toiletReportMonths(tables, target, false);
      return fromSeries(withData(coverageByMonth(tables, scope).filter((c) => reported.has(c.month)), (c) => c.percent));
    }
    case 'public_toilets': {
      const reported = toiletReportMonths(tables, target, true);
      return fromSeries(withData(publicToiletsByMonth(tables, scope).filter((p) => reported.has(p.month)), (p) => p.total));
    }
    case 'garbage_t': {
      // A flow totalled within the due year: the pace is the mean per month since the first report.
      const months = withData(cleanupByMonth(tables, scope, 'garbage_t', yearRange(yearOf(target.due))), (m) => m.value);
      const first = months[0];
      const last = months.at(-1);
      const total = sumQuantities(months.map((m) => m.value));
      if (!first || !last || !total) return none;
      return { current: total, asOf: last.month, pace: trimFloat(total.value / (monthDiff(first.month, last.month) + 1)) };
    }
    case 'construction_progress': {
      // Points of the due year and earlier. Items carry no month: progress is taken to start at 0%
      // at the start of the earliest points' year and to stand at `current` at the site's latest month.
      const points = pointsInScope(tables, scope).filter((p) => p.year <= yearOf(target.due));
      const current = progressOfPoints(tables, points).percent;
      if (!current) return none;
      const asOf = latestMonth(tables);
      const start = `${Math.min(...points.map((p) => p.year)) - 1}-12`;
      const months = asOf === null ? 0 : monthDiff(start, asOf);
      return { current, asOf, pace: months > 0 ? trimFloat(current.value / months) : null };
    }
    case 'inspection_score':
      return fromSeries(withData(meanScoreByMonth(tables, scope), (m) => m.value));
  }
}

/** Where a target stands: current value, gap, pace, projected month and status. */
export function targetProgress(tables: Tables, target: Target): TargetProgress {
  const { current, asOf, pace } = measure(tables, target);
  const unit = targetUnits.get(target.metric) ?? '';
  const base = { target, unit, current, asOf, pace };
  if (current === null || asOf === null) return { ...base, gap: null, projected: null, status: 'no-data' };
  const gap = trimFloat(target.value.value - current.value);
  if (gap <= 0) return { ...base, gap, projected: null, status: 'reached' };
  if (pace === null) return { ...base, gap, projected: null, status: asOf >= target.due ? 'behind' : 'no-data' };
  if (pace <= 0) return { ...base, gap, projected: null, status: 'behind' };
  const projected = addMonths(asOf, Math.ceil(trimFloat(gap / pace)));
  return { ...base, gap, projected, status: projected <= target.due ? 'on-track' : 'behind' };
}

/** Every target of targets.csv with where it stands, in file order (empty when the file is absent). */
export function targetsProgress(tables: Tables): TargetProgress[] {
  return (tables.targets?.rows ?? []).map((t) => targetProgress(tables, t));
}

/** The target that applies to a scope: its own, else its township's, else the site's. */
export function targetFor(tables: Tables, metric: Target['metric'], scope: Scope): Target | undefined {
  const targets = tables.targets?.rows.filter((t) => t.metric === metric) ?? [];
  const village = scope.kind === 'village' ? createIndex(tables).villages.get(scope.village) : undefined;
  const matches = (t: Target): boolean => {
    if (scope.kind === 'site') return t.scope.kind === 'site';
    if (scope.kind === 'township') return t.scope.kind === 'township' && t.scope.township === scope.township;
    return t.scope.kind === 'village' && t.scope.village === scope.village;
  };
  const own = targets.find(matches);
  if (own || scope.kind === 'site') return own;
  const township = scope.kind === 'township' ? scope.township : village?.township;
  return (
    targets.find((t) => t.scope.kind === 'township' && t.scope.township === township) ??
    targets.find((t) => t.scope.kind === 'site')
  );
}
