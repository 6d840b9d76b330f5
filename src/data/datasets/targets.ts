// targets.csv (contract §3.7): targets for a metric by a deadline, for the site, a township or a village.
import { quantityOf, monthOf, scopeOf, textOf, type DatasetSchema, type Values } from '../schema/dataset.ts';
import { fractionMessage } from '../table/mistakes.ts';
import { resolveMetric } from '../cells/readCell.ts';
import { note } from './columns.ts';
import { targetMetrics, type TargetMetric } from '../shapes/targetMetrics.ts';

function row(v: Values, line: number) {
  return {
    line,
    metric: v.get('metric') as TargetMetric,
    value: quantityOf(v, 'value'),
    due: monthOf(v, 'due'),
    scope: scopeOf(v, 'scope'),
    note: textOf(v, 'note'),
  };
}

export type Target = ReturnType<typeof row>;

export const targetsSchema: DatasetSchema<'targets', Target, false> = {
  name: 'targets',
  table: 'targets',
  title: '目标',
  required: false,
  columns: [
    { key: 'metric', label: '指标', type: 'metric', required: true },
    { key: 'value', label: '目标值', type: 'number', required: true },
    { key: 'due', label: '期限', type: 'month', required: true },
    { key: 'scope', label: '范围', type: 'scope' },
    note,
  ],
  // Two targets for one metric, scope and deadline would contradict each other: the row's identity.
  rowKey: ['metric', 'scope', 'due'],
  build: row,
  numberOverride(key, rawOf) {
    if (key !== 'value') return undefined;
    // 目标值 is in the metric's unit; a score is at most 100.
    const metric = resolveMetric(rawOf('metric') ?? '');
    const spec = targetMetrics.find((m) => m.key === metric);
    if (spec) return spec.key === 'inspection_score' ? { unit: spec.unit, max: 100 } : { unit: spec.unit };
    return undefined;
  },
  checkRow(values, _refs, rawOf) {
    // A percent target below 1 is Excel's 90% saved as 0.9 (contract §3.9).
    const metric = targetMetrics.find((m) => m.key === values.get('metric'));
    const value = values.get('value') as Target['value'] | null | undefined;
    if (metric?.unit !== '%' || !value || value.value <= 0 || value.value >= 1) return [];
    const why = `「${metric.name}」是百分比，目标值按百分数填写`;
    return [{ key: 'value', code: 'type-error', message: fractionMessage('目标值', rawOf('value') ?? '', value.value, why) }];
  },
};
