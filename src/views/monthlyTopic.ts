// What the default topic body (src/components/topics/MonthlyTopic.astro) shows for a monthly dataset
// of flows (清理垃圾, 处理户数: figures reported each month that add up): its 数据截至, the entry's
// KPI cards and charts, and the totals of its quantity columns per village, or per township when
// there are too many villages for one page. A topic entry without a body of its own gets this.
import type { Month, Scope } from '../data/types.ts';
import type { ChartSpec } from '../charts/types.ts';
import { latestMonths } from '../metrics/months.ts';
import { townships } from '../metrics/scope.ts';
import type { MonthlyKey } from '../metrics/tableIndex.ts';
import { quantityColumns } from '../metrics/columnSums.ts';
import type { Project } from '../project/project.ts';
import { href } from '../paths.ts';
import type { Kpi } from './kpis.ts';
import { columnTownshipTable, columnVillageTable, manyVillages, type TableData } from './tables.ts';
import { topicCharts, topicKpis, type Topic } from './topics.ts';

export interface MonthlyTopicContent {
  lead: string | undefined;
  /** the dataset's latest month (数据截至), null when it has no rows */
  asOf: Month | null;
  /** no rows: the page says 暂无数据 */
  empty: boolean;
  kpis: Kpi[];
  charts: ChartSpec[];
  /** many villages: one table of townships, and a link to the full data */
  townships: TableData | null;
  /** the full data's address (`/data/<name>.csv`) and the village list's, shown with the township table */
  dataHref: string;
  villagesHref: string;
  /** few villages: one table per township of its villages */
  villages: { township: string; table: TableData }[];
}

export function monthlyTopicContent(project: Project, topic: Topic): MonthlyTopicContent {
  const { tables, base } = project;
  const key = topic.requires as MonthlyKey;
  const dataset = tables[key];
  // a mistake in the topic registry, not in the data (tests/site/topics.test.ts)
  if (!dataset?.monthly) throw new Error(`topic ${topic.slug}: the default body needs a monthly dataset (\`monthly: true\` in its schema); give the entry a body of its own`);
  const columns = quantityColumns(tables, key);
  const many = manyVillages(tables);
  return {
    lead: topic.lead,
    asOf: latestMonths(tables)[key] ?? null,
    empty: dataset.rows.length === 0,
    kpis: topicKpis(project, topic.slug),
    charts: topicCharts(project, topic.slug),
    townships: many ? columnTownshipTable(tables, key, columns) : null,
    dataHref: href(`data/${dataset.name}.csv`, base),
    villagesHref: href('villages/', base),
    villages: many
      ? []
      : townships(tables).map((township) => {
          const scope: Scope = { kind: 'township', township };
          return { township, table: columnVillageTable(tables, key, columns, scope, base) };
        }),
  };
}
