// The per-township breakdown table on the home page (shown when the data holds several townships).
import type { Tables } from '../data/types.ts';
import { formatNumber, formatPercent, formatQuantity } from '../format.ts';
import { cleanupTotal } from '../metrics/cleanup.ts';
import { publicToilets, toiletCoverage } from '../metrics/coverage.ts';
import { constructionSums, scopeProgress } from '../metrics/progress.ts';
import { townships, villagesByTownship } from '../metrics/scope.ts';

export function townshipRows(tables: Tables): { head: string[]; rows: string[][]; numeric: number[] } {
  const head = ['乡镇', '村数'];
  if (tables.cleanup) head.push('清理垃圾(吨)');
  if (tables.toilets) head.push('户厕覆盖率', '公厕(座)');
  if (tables.constructionPoints) head.push('建设点(个)', '平均完成进度');
  const byTownship = villagesByTownship(tables);
  const rows = townships(tables).map((township) => {
    const scope = { kind: 'township', township } as const;
    const row = [township, formatNumber(byTownship.get(township)?.length ?? 0)];
    if (tables.cleanup) {
      const total = cleanupTotal(tables, scope, 'garbage_t');
      row.push(total ? formatQuantity(total) : '—');
    }
    if (tables.toilets) {
      const c = toiletCoverage(tables, scope);
      row.push(c?.percent ? formatPercent(c.percent.value, c.percent.approx) : '—');
      const p = publicToilets(tables, scope);
      row.push(p?.total ? formatQuantity(p.total) : '—');
    }
    if (tables.constructionPoints) {
      row.push(formatNumber(constructionSums(tables, scope).points));
      const progress = scopeProgress(tables, scope).percent;
      row.push(progress ? formatPercent(progress.value, progress.approx) : '—');
    }
    return row;
  });
  return { head, rows, numeric: head.map((_, i) => i).slice(1) };
}
