// KPI cards for a scope (the whole site, a township, a village): every figure comes from the
// metric functions, formatted by src/format.ts.
import type { TableKey } from '../data/registry.ts';
import type { Month, Quantity, Scope, Tables } from '../data/types.ts';
import { formatChange, formatMonth, formatMonthShort, formatNumber, formatPercent, formatPoints, formatQuantity, percentPoints, trimFloat } from '../format.ts';
import { withoutUnit } from '../data/cells/names.ts';
import { columnByMonth, columnOf, columnTotal, type QuantityColumn } from '../metrics/columnSums.ts';
import { conversionsTotal, coverageByMonth, publicToilets } from '../metrics/coverage.ts';
import { latestMonths, previousMonth } from '../metrics/months.ts';
import { constructionSums, scopeProgress } from '../metrics/progress.ts';
import { rankOf } from '../metrics/ranks.ts';
import type { MonthlyKey } from '../metrics/tableIndex.ts';

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

/**
 * A KPI of a quantity column of a monthly dataset (a flow): its total over the scope (累计), and the
 * latest month beside the month before. Its label and unit are the column's, declared once in the
 * dataset's schema; `label` only where a card needs a fuller name than the column's header.
 */
export interface ColumnKpi<K extends MonthlyKey = MonthlyKey> {
  dataset: K;
  column: QuantityColumn<K>;
  label?: string;
}

/** A column KPI of any monthly dataset (a topic entry lists them beside the keys above). */
export type AnyColumnKpi = { [K in MonthlyKey]: ColumnKpi<K> }[MonthlyKey];

/** A column KPI's key: `<dataset>.<column>` (`sewage.treated`). */
export type ColumnKpiKey = `${MonthlyKey}.${string}`;

export interface Kpi {
  key: KpiKey | ColumnKpiKey;
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

/** A column KPI over `scope`, or null when its column is absent or nothing was reported. */
export function columnKpi(tables: Tables, scope: Scope, kpi: AnyColumnKpi, key: Kpi['key'] = `${kpi.dataset}.${kpi.column}`): Kpi | null {
  // AnyColumnKpi pairs each dataset with its own columns; the sums take the pair as it is.
  const { dataset, column: name } = kpi as { dataset: MonthlyKey; column: never };
  const column = columnOf(tables, dataset, name);
  const total = columnTotal(tables, dataset, name, scope);
  if (!column || total === undefined || total === null) return null;
  const unit = column.unit ?? '';
  const series = columnByMonth(tables, dataset, name, scope);
  return { key, label: `${kpi.label ?? withoutUnit(column.label)}（累计）`, value: q(total), unit, note: latestNote(series, unit) };
}

const cleanupKpis: (ColumnKpi<'cleanup'> & { key: KpiKey })[] = [
  { key: 'garbage', dataset: 'cleanup', column: 'garbage_t' },
  { key: 'ditches', dataset: 'cleanup', column: 'ditches_km' },
  { key: 'piles', dataset: 'cleanup', column: 'piles' },
  { key: 'structures', dataset: 'cleanup', column: 'structures_m2' },
  // the column's 投入资金 does not say for what on a card beside other topics' figures
  { key: 'cleanup_spending', dataset: 'cleanup', column: 'spending_wan', label: '清洁行动投入' },
];

/** A KPI's label without its unit, as its column declares it (`公厕(座)` → `公厕`). */
const columnLabel = (tables: Tables, dataset: TableKey, column: string): string =>
  withoutUnit(columnOf(tables, dataset, column)?.label ?? '');
const columnUnit = (tables: Tables, dataset: TableKey, column: string): string => columnOf(tables, dataset, column)?.unit ?? '';

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
  for (const kpi of cleanupKpis) {
    const card = columnKpi(tables, scope, kpi, kpi.key);
    if (card) out.push(card);
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
    if (converted) out.push({ key: 'toilet_conversions', label: '改厕（累计）', value: q(converted), unit: columnUnit(tables, 'toilets', 'converted') });
    const standing = publicToilets(tables, scope);
    if (standing?.total) {
      const [label, unit] = [columnLabel(tables, 'toilets', 'public_toilets'), columnUnit(tables, 'toilets', 'public_toilets')];
      out.push({ key: 'public_toilets', label, value: q(standing.total), unit, note: `${formatMonth(standing.month)}底` });
    }
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
      if (sums.investment_wan) out.push({ key: 'construction_investment', label: '建设点投资', value: q(sums.investment_wan), unit: columnUnit(tables, 'constructionPoints', 'investment_wan') });
      if (sums.households || sums.people) {
        const parts = [sums.households && `${q(sums.households)} 户`, sums.people && `${q(sums.people)} 人`].filter(Boolean);
        out.push({ key: 'beneficiaries', label: '受益群众', value: sums.households ? q(sums.households) : q(sums.people), unit: sums.households ? '户' : '人', note: parts.join('、') });
      }
    }
  }
  return out;
}
