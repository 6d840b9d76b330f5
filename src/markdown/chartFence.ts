// The ```chart fence (contract §4.1): an ad-hoc chart from a dataset, or one of the site's own
// charts (`preset:`). The block's spec is collected in `env.charts` and a placeholder left in the
// HTML; the page draws it through the same path as the topic pages (src/markdown/chartPlaceholders.ts).
// Problems are chart-errors at the line of the offending block line.
import type { MarkdownIt, RendererRule, StateCore, Token } from 'markdown-it';
import { chartData } from '../charts/rows.ts';
import { chartPlaceholder } from './chartPlaceholders.ts';
import type { ChartSpec } from '../charts/types.ts';
import { nearest, suggestion } from '../data/cells/names.ts';
import { buildChartSpec } from '../query/chart.ts';
import { resolveDataset } from '../query/resolve.ts';
import type { Tables } from '../data/types.ts';
import { splitConditions } from '../query/where.ts';
import type { QueryError } from '../query/types.ts';
import { chartTypes, isChartType, parseChartBlock, type BlockEntry, type BlockProblem } from './chartBlock.ts';
import { fileLine, pageEnv, reportIssue, type MarkdownEnv } from './env.ts';
import { checkPresetRequest, isPresetName, presetDatasets } from '../presets/presets.ts';

/** The first word of a fence's info string: ```chart title → `chart`. */
function fenceName(token: Token): string {
  return token.info.trim().split(/\s+/u)[0]!.toLowerCase();
}

/** Keys of an ad-hoc chart that a preset chart does not take. */
const adHocOnly = ['data', 'type', 'x', 'y', 'color', 'where'] as const;

type Built = { spec: ChartSpec } | { problems: BlockProblem[] };

function presetSpec(env: MarkdownEnv, entries: BlockEntry[], get: (k: string) => BlockEntry | undefined): Built {
  const problems: BlockProblem[] = [];
  for (const e of entries) {
    if ((adHocOnly as readonly string[]).includes(e.key)) {
      problems.push({ line: e.line, message: `使用 preset 时不能再写 ${e.key}（预设图表的数据和画法是固定的，可写 village 或 township 缩小范围）` });
    }
  }
  const village = get('village');
  const township = get('township');
  const checked = checkPresetRequest(env.tables, {
    preset: get('preset')!.value,
    ...(village && { village: village.value }),
    ...(township && { township: township.value }),
  });
  if (!checked.ok) problems.push(...checked.problems.map((p) => ({ line: get(p.key)!.line, message: p.message, ...(p.cause !== undefined && { cause: p.cause }) })));
  if (problems.length > 0 || !checked.ok) return { problems };
  const result = env.presetChart(checked.name, checked.scope);
  if ('error' in result) return { problems: [{ line: get('preset')!.line, message: result.error }] };
  return { spec: result };
}

function adHocSpec(env: MarkdownEnv, entries: BlockEntry[], get: (k: string) => BlockEntry | undefined, id: string): Built {
  const problems: BlockProblem[] = [];
  for (const key of ['village', 'township'] as const) {
    const e = get(key);
    if (e) problems.push({ line: e.line, message: `${key} 只能与 preset 一起使用；筛选数据请写 where: ${key}=${e.value.trim()}` });
  }
  const missing = (['data', 'type', 'x', 'y'] as const).filter((k) => !get(k));
  if (missing.length > 0) {
    problems.push({ line: null, message: `图表缺少必填项 ${missing.join('、')}（须写 data、type、x、y，或写 preset）` });
  }
  const type = get('type');
  if (type && !isChartType(type.value.trim().toLowerCase())) {
    const near = nearest(type.value, chartTypes.map((t) => [t, t] as const));
    problems.push({
      line: type.line,
      message: `图表类型 "${type.value.trim()}" 不支持${near === undefined ? `（可用：${chartTypes.join('、')}）` : suggestion(near)}`,
    });
  }
  const data = get('data');
  if (!data) return { problems };
  const conditions = entries.filter((e) => e.key === 'where').flatMap((e) => splitConditions(e.value).map((text) => ({ text, line: e.line })));
  const chartType = type?.value.trim().toLowerCase() ?? 'bar';
  const built = buildChartSpec(
    env.tables,
    {
      data: data.value,
      type: isChartType(chartType) ? chartType : 'bar',
      x: get('x')?.value ?? '',
      y: get('y')?.value ?? '',
      ...(get('color') && { color: get('color')!.value }),
      where: conditions.map((c) => c.text),
      ...(get('title') && { title: get('title')!.value }),
      ...(get('caption') && { caption: get('caption')!.value }),
    },
    id,
  );
  const lineOf = (e: QueryError): number | null =>
    e.field === 'where' && e.index !== undefined ? (conditions[e.index]?.line ?? null) : (get(e.field ?? '')?.line ?? null);
  if (!built.ok) {
    // A missing x/y was already reported; do not report it again as an unknown column "".
    const errors = built.errors.filter((e) => !(e.field && (missing as string[]).includes(e.field)));
    problems.push(...errors.map((e) => ({ line: lineOf(e), message: e.message, ...(e.cause !== undefined && { cause: e.cause }) })));
  }
  return problems.length > 0 || !built.ok ? { problems } : { spec: built.value };
}

/** A chart with no rows over a dataset that could not be read: the file to blame (contract §5). */
function emptyCause(env: MarkdownEnv, get: (k: string) => BlockEntry | undefined): string | undefined {
  const preset = get('preset');
  if (preset) {
    const name = preset.value.trim().toLowerCase();
    for (const key of isPresetName(name) ? presetDatasets(name) : []) {
      const dataset = env.tables[key];
      const d = dataset && !Array.isArray(dataset) ? (dataset as { damaged?: string; incomplete?: string }) : undefined;
      const damaged = d?.damaged ?? d?.incomplete;
      if (damaged !== undefined) return damaged;
    }
    return undefined;
  }
  const data = get('data');
  if (!data) return undefined;
  const view = resolveDataset(env.tables, data.value);
  return view.ok ? (view.value.damaged ?? view.value.incomplete) : undefined;
}

/** Collect one chart block: its placeholder, or the errors (in place in dev mode only). */
export function collectChartBlock(env: MarkdownEnv, token: Token): string {
  const fence = token.map?.[0] ?? 0;
  const id = `${env.chartIdPrefix}${++env.chartCount}`;
  const { entries, problems } = parseChartBlock(token.content);
  const get = (key: string) => entries.find((e) => e.key === key);
  const built = get('preset') ? presetSpec(env, entries, get) : adHocSpec(env, entries, get, id);
  const all = [...problems, ...('problems' in built ? built.problems : [])];
  const line = (p: BlockProblem) => fileLine(env, p.line === null ? fence : fence + 1 + p.line);
  // Every problem follows from one unreadable data file: one consequence for the whole block.
  const cause = all[0]?.cause;
  if (cause !== undefined && all.every((p) => p.cause === cause)) {
    const message = all.map((p) => p.message).filter((m, i, a) => a.indexOf(m) === i).join('；');
    return reportIssue(env, 'chart-error', fileLine(env, fence), message, 'div', cause);
  }
  if (all.length > 0 || !('spec' in built)) {
    return all
      .sort((a, b) => line(a) - line(b))
      .map((p) => reportIssue(env, 'chart-error', line(p), p.message, 'div', p.cause))
      .join('');
  }
  const title = get('title');
  const caption = get('caption');
  const { source, ...rest } = built.spec;
  const spec: ChartSpec = {
    ...rest,
    id,
    ...(title && { title: title.value }),
    ...(caption && { caption: caption.value }),
    // An author who names the source in the caption (`数据来源：镇人居办`) is not contradicted by a
    // second, automatic 数据来源 line under the chart.
    ...(source !== undefined && !(caption && namesSource(caption.value)) && { source }),
  };
  try {
    // The spec's shape is what drawing can fail on; checking it here (no SVG) keeps such a failure a
    // chart-error of `npm run check` at the block's line rather than a crash of the page.
    chartData(spec);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reportIssue(env, 'chart-error', fileLine(env, fence), `图表无法绘制（${detail}）；请把此文件发给网站维护人员`);
  }
  if (spec.rows.length === 0) {
    reportIssue(env, 'warning', fileLine(env, fence), `图表「${spec.title}」没有符合条件的数据，页面上将显示“暂无数据”`, 'div', emptyCause(env, get));
  }
  env.charts.push({ spec });
  return chartPlaceholder(id);
}

/** A caption that starts with 数据来源 / 来源 / 资料来源 names the chart's source itself. */
function namesSource(caption: string): boolean {
  return /^\s*(数据|资料)?来源\s*:/.test(caption.normalize('NFKC'));
}

/** Core rule: collect every chart block once, in document order (chart ids follow that order). */
export function chartBlockRule(state: StateCore): void {
  const env = pageEnv(state.env);
  for (const token of state.tokens) {
    if (token.type === 'fence' && fenceName(token) === 'chart') token.meta = { chartHtml: collectChartBlock(env, token) };
  }
}

export function makeFenceRenderer(base: RendererRule | undefined): RendererRule {
  return (tokens, idx, options, env, self) => {
    const meta = tokens[idx]!.meta as { chartHtml?: string } | null;
    if (meta?.chartHtml !== undefined) return meta.chartHtml === '' ? '' : `${meta.chartHtml}\n`;
    return base ? base(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function chartFencePlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'chart_blocks', chartBlockRule);
  md.renderer.rules.fence = makeFenceRenderer(md.renderer.rules.fence);
}
