// The datasets offered on /data/: each known dataset whose file exists, then free datasets.
import { datasetOf, type AnySchema } from '../data/schema/dataset.ts';
import { registryOf } from '../data/registry.ts';
import type { ColumnSpec, Dataset, Month, Tables } from '../data/types.ts';
import { sortMonths } from '../metrics/months.ts';

export interface OpenDataset {
  name: string;
  title: string;
  dataset: Dataset<object>;
  schema: AnySchema | null;
  latestMonth: Month | null;
}

export function openDatasets(tables: Tables): OpenDataset[] {
  const out: OpenDataset[] = [];
  for (const schema of registryOf(tables)) {
    const dataset = datasetOf(tables, schema);
    // Only reports of a month have a latest one (a target's 期限 is a deadline).
    if (dataset) out.push({ name: schema.name, title: schema.title, dataset, schema, latestMonth: latest(dataset, schema.monthly ? ['month'] : []) });
  }
  for (const dataset of tables.free) {
    const months = dataset.columns.filter((c) => c.type === 'month').map((c) => c.key);
    out.push({ name: dataset.name, title: dataset.name, dataset, schema: null, latestMonth: latest(dataset, months) });
  }
  return out;
}

function latest(dataset: Dataset<object>, monthKeys: readonly string[]): Month | null {
  if (monthKeys.length === 0) return null;
  const months = dataset.rows.flatMap((r) =>
    monthKeys.map((k) => (r as Record<string, unknown>)[k]).filter((v): v is string => typeof v === 'string'),
  );
  return sortMonths(months).at(-1) ?? null;
}

const typeNames: Record<ColumnSpec['type'], string> = {
  text: '文字', id: '编号', number: '数字', integer: '整数', percent: '百分比', month: '年月', date: '日期（年月或年月日）',
  village: '村（编号或村名）', point: '建设点编号', enum: '选项', metric: '指标', scope: '范围',
};

export function columnDescription(c: ColumnSpec): string {
  const parts = [typeNames[c.type]];
  if (c.unit) parts.push(`单位：${c.unit}`);
  if (c.values) parts.push(`可选：${c.values.join('、')}`);
  if (c.required) parts.push('必填');
  return parts.join('，');
}
