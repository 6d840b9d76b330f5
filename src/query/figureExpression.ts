// `{{ AGG DATASET.COLUMN [where COLUMN=VALUE …] }}` (contract §4.2): parse and evaluate.
import type { Tables } from '../data/types.ts';
import { nameKey, nearest, suggestion } from '../data/cells/names.ts';
import { aggregate, aggregates, isAggregate, type Aggregate, type Figure } from './aggregate.ts';
import { resolveColumn, resolveDataset } from './resolve.ts';
import { datasetNames } from './view.ts';
import { compileWhere, splitConditions } from './where.ts';
import { fail, followsFrom, ok, type QueryResult } from './types.ts';

export interface FigureExpression {
  aggregate: Aggregate;
  dataset: string;
  column: string;
  where: string[];
}

const form = '应写成 {{ 统计方式 数据集.列 }}，如 {{ sum cleanup.garbage_t where month=2023-06 }}';

/** Split `construction-points.progress` at the dot after the longest dataset name it starts with. */
function splitTarget(tables: Tables, target: string): [string, string] | undefined {
  const key = nameKey(target);
  const known = datasetNames(tables)
    .filter((n) => key.startsWith(nameKey(n) + '.'))
    .sort((a, b) => b.length - a.length)[0];
  const at = known !== undefined ? known.length : target.indexOf('.');
  if (at <= 0 || at >= target.length - 1) return undefined;
  return [target.slice(0, at), target.slice(at + 1)];
}

export function parseFigureExpression(tables: Tables, text: string): QueryResult<FigureExpression> {
  const source = text.normalize('NFKC').trim();
  if (source === '') return fail(`{{ }} 中没有内容；${form}`);
  const [aggText = '', target = '', ...rest] = source.split(/\s+/u);
  const agg = aggText.toLowerCase();
  if (!isAggregate(agg)) {
    const near = nearest(aggText, aggregates.map((a) => [a, a] as const));
    return fail(`未知的统计方式 "${aggText}"（可用：${aggregates.join('、')}）${suggestion(near)}`);
  }
  if (target === '') return fail(`缺少 数据集.列；${form}`);
  const parts = splitTarget(tables, target);
  if (!parts) return fail(`"${target}" 应写成 数据集.列（如 cleanup.garbage_t）`);
  let where: string[] = [];
  if (rest.length > 0) {
    const [keyword, ...conditions] = rest;
    if (keyword!.toLowerCase() !== 'where') return fail(`"${rest.join(' ')}" 无法识别：条件前须写 where；${form}`);
    where = splitConditions(conditions.join(' '));
    if (where.length === 0) return fail(`where 后缺少条件，如 where month=2023-06`);
  }
  return ok({ aggregate: agg, dataset: parts[0], column: parts[1], where });
}

/** Evaluate a figure expression (the text between `{{` and `}}`) against the tables. */
export function evaluateFigure(tables: Tables, text: string): QueryResult<Figure> {
  const parsed = parseFigureExpression(tables, text);
  if (!parsed.ok) return parsed;
  const expr = parsed.value;
  const view = resolveDataset(tables, expr.dataset);
  if (!view.ok) return view;
  return followsFrom(view.value, () => {
    const column = resolveColumn(view.value, expr.column);
    if (!column.ok) return column;
    const where = compileWhere(tables, view.value, expr.where);
    if (!where.ok) return where;
    return aggregate(view.value, column.value, where.value, expr.aggregate);
  });
}
