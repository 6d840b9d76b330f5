// KPI cards for a scope (the whole site, a township, a village): every figure comes from the
// metric functions, formatted by src/format.ts.
import type { Month, Quantity, Scope, Tables } from '../data/types.ts';
import { formatChange, formatMonth, formatMonthShort, formatNumber, formatPercent, formatPoints, formatQuantity, percentPoints, trimFloat } from '../format.ts';
import { cleanupByMonth, cleanupTotal, type CleanupMetric } from '../metrics/cleanup.ts';
import { conversionsTotal, coverageByMonth, publicToilets } from '../metrics/coverage.ts';
import { latestMonths, previousMonth } from '../metrics/months.ts';
import { constructionSums, scopeProgress } from '../metrics/progress.ts';
import { rankOf } from '../metrics/ranks.ts';

/** Every KPI card by a stable key: topic pages pick theirs by key (src/views/topics.ts). */
export const kpiKeys = [
  'rank',
  'garbage',
  'ditches',
  'piles',
  'structures',
  'cleanup_spending',
  'toilet_coverage',
  'toilet_conversions',
  'public_toilets',
  'construction_points',
  'construction_investment',
  'beneficiaries',
] as const;

export type KpiKey = (typeof kpiKeys)[number];

export interface Kpi {
  key: KpiKey;
  label: string;
  value: string;
  unit: string;
  /** a short line under the figure: latest month, change, reporting villages */
  note?: string;
}

function q(value: Quantity | null): string {
  return value ? formatQuantity(value) : '—';
}

/** "6月 150 吨，比5月增加 12 吨" for a monthly flow. */
function latestNote(series: { month: Month; value: Quantity | null }[], unit: string): string | undefined {
  const reported = series.filter((s) => s.value !== null);
  const last = reported.at(-1);
  if (!last || !last.value) return undefined;
  const head = `${formatMonth(last.month)} ${formatQuantity(last.value)} ${unit}`;
  const prev = series.find((s) => s.month === previousMonth(last.month));
  if (!prev?.value) return head;
  const delta = trimFloat(last.value.value - prev.value.value);
  return `${head}，比${formatMonthShort(prev.month)}${formatChange(delta, unit, last.value.approx || prev.value.approx)}`;
}

const cleanupKpis: { key: KpiKey; metric: CleanupMetric; label: string; unit: string }[] = [
  { key: 'garbage', metric: 'garbage_t', label: '清理垃圾', unit: '吨' },
  { key: 'ditches', metric: 'ditches_km', label: '清理沟渠', unit: '公里' },
  { key: 'piles', metric: 'piles', label: '清理乱堆乱放', unit: '处' },
  { key: 'structures', metric: 'structures_m2', label: '拆除私搭乱建', unit: '平方米' },
  { key: 'cleanup_spending', metric: 'spending_wan', label: '清洁行动投入', unit: '万元' },
];

/**
 * A village's latest 考评 score and rank among all the site's villages: the first figure on its
 * page and its printed sheet (issue 12): `第 3 名 / 共 14 个村，较上月上升 1 名`.
 */
export function rankKpi(tables: Tables, villageId: string): Kpi | null {
  const month = latestMonths(tables).inspections;
  const entry = month ? rankOf(tables, villageId, month) : null;
  if (!month || !entry) return null;
  const change = entry.change === null ? '' : entry.change > 0 ? `，较上月上升 ${entry.change} 名` : entry.change < 0 ? `，较上月下降 ${-entry.change} 名` : '，与上月持平';
  return {
    key: 'rank',
    label: `${formatMonth(month)}考评得分`,
    value: formatQuantity(entry.score),
    unit: '分',
    note: `第 ${entry.rank} 名 / 共 ${entry.of} 个村${change}`,
  };
}

export function kpisFor(tables: Tables, scope: Scope): Kpi[] {
  const out: Kpi[] = [];
  const rank = scope.kind === 'village' && tables.inspections ? rankKpi(tables, scope.village) : null;
  if (rank) out.push(rank);
  for (const { key, metric, label, unit } of cleanupKpis) {
    const total = cleanupTotal(tables, scope, metric);
    if (total === undefined || total === null) continue;
    out.push({ key, label: `${label}（累计）`, value: q(total), unit, note: latestNote(cleanupByMonth(tables, scope, metric), unit) });
  }
  if (tables.toilets) {
    const series = coverageByMonth(tables, scope);
    const last = series.at(-1);
    if (last?.percent) {
      const prev = series.find((c) => c.month === previousMonth(last.month));
      let note = formatMonth(last.month);
      if (scope.kind !== 'village') note += `，${last.villages} 个村中已有 ${last.reporting} 个村上报`;
      if (prev?.percent) {
        // As shown: the change agrees with the two percents on the page (and with the chart summaries).
        const d = percentPoints(last.percent.value, prev.percent.value);
        note += d === 0 ? '，与上月持平' : `，比上月${d > 0 ? '提高' : '下降'} ${formatPoints(Math.abs(d))}`;
      }
      out.push({ key: 'toilet_coverage', label: '无害化卫生户厕覆盖率', value: formatPercent(last.percent.value, last.percent.approx), unit: '', note });
    }
    const converted = conversionsTotal(tables, scope);
    if (converted) out.push({ key: 'toilet_conversions', label: '改厕（累计）', value: q(converted), unit: '户' });
    const standing = publicToilets(tables, scope);
    if (standing?.total) out.push({ key: 'public_toilets', label: '公厕', value: q(standing.total), unit: '座', note: `${formatMonth(standing.month)}底` });
  }
  if (tables.constructionPoints) {
    const sums = constructionSums(tables, scope);
    if (sums.points > 0) {
      const progress = scopeProgress(tables, scope);
      out.push({
        key: 'construction_points',
        label: '新农村建设点',
        value: formatNumber(sums.points),
        unit: '个',
        note: progress.percent ? `平均完成进度 ${formatPercent(progress.percent.value, progress.percent.approx)}` : undefined,
      });
      if (sums.investment_wan) out.push({ key: 'construction_investment', label: '建设点投资', value: q(sums.investment_wan), unit: '万元' });
      if (sums.households || sums.people) {
        const parts = [sums.households && `${q(sums.households)} 户`, sums.people && `${q(sums.people)} 人`].filter(Boolean);
        out.push({ key: 'beneficiaries', label: '受益群众', value: sums.households ? q(sums.households) : q(sums.people), unit: sums.households ? '户' : '人', note: parts.join('、') });
      }
    }
  }
  return out;
}
