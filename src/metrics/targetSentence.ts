// The Chinese sentence that states where a target stands, e.g.
// `覆盖率 85.2%，距 90% 目标差 4.8 个百分点，按目前进度预计 2023年10月达到`.
import type { Quantity, TargetMetric } from '../data/types.ts';
import { formatMonth, formatNumber, formatPercent, formatPoints, percentPoints, roundNumber, trimFloat } from '../format.ts';
import { yearOf } from './months.ts';
import type { TargetProgress } from './targets.ts';

const labels: Record<TargetMetric, string> = {
  toilet_coverage: '覆盖率',
  public_toilets: '公厕',
  garbage_t: '清理垃圾',
  construction_progress: '建设点完成进度',
  inspection_score: '考评平均得分',
};

/** The sentence for one target (reached, on track, behind or without data). */
export function targetSentence(p: TargetProgress): string {
  const { target, unit } = p;
  const percent = unit === '%';
  const label = target.metric === 'garbage_t' ? `${yearOf(target.due)}年${labels.garbage_t}` : labels[target.metric];
  // Target values are data: keep their own decimals (`90%`, not `90.0%`).
  const goal = percent
    ? `${formatNumber(target.value.value, target.value.approx)}%`
    : `${formatNumber(target.value.value, target.value.approx)} ${unit}`;
  // A space separates a figure from Chinese text, not a unit character from the next word.
  const goalThen = percent ? `${goal} ` : goal;
  const due = formatMonth(target.due);
  if (p.current === null) return `${label}暂无数据（目标 ${goal}，期限 ${due}）`;
  const now = figure(p.current, unit);
  if (p.status === 'reached') return `${label} ${now}，已达到 ${goalThen}目标`;
  // The gap is computed from the figures as shown, so the sentence adds up (85.2 + 4.8 = 90).
  const gap = percent
    ? percentPoints(target.value.value, p.current.value)
    : trimFloat(roundNumber(target.value.value) - roundNumber(p.current.value));
  const gapText = percent ? formatPoints(gap) : `${formatNumber(gap)} ${unit}`;
  const head = `${label} ${now}，距 ${goalThen}目标差 ${gapText}`;
  if (p.projected !== null) {
    const when = `按目前进度预计 ${formatMonth(p.projected)}达到`;
    return p.status === 'on-track' ? `${head}，${when}` : `${head}，${when}，晚于 ${due}的期限`;
  }
  if (p.pace === null)
    return p.asOf !== null && p.asOf >= target.due ? `${head}，已过 ${due}的期限` : `${head}，数据尚不足以预计达到时间`;
  return `${head}，按目前进度难以在 ${due}前达到`;
}

function figure(q: Quantity, unit: string): string {
  return unit === '%' ? formatPercent(q.value, q.approx) : `${formatNumber(q.value, q.approx)} ${unit}`;
}
