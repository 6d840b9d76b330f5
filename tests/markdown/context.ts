// A render context for tests: sample tables, a report file, build mode, a stub preset provider.
import type { ChartSpec } from '../../src/charts/types.ts';
import type { MarkdownContext, PresetChart } from '../../src/markdown/env.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { fillCharts } from '../../src/markdown/chartPlaceholders.ts';
import { chartLinks, renderFigure } from '../../src/views/chartOutput.ts';
import { sampleTables } from '../query/sampleTables.ts';

export const tables = sampleTables();

/** Stub presets: a small bar chart naming its arguments, or an error for `public-toilets`. */
export const stubPreset: PresetChart = (name, scope) => {
  if (name === 'public-toilets') return { error: '暂无公厕数据' };
  const spec: ChartSpec = {
    id: 'preset',
    type: 'bar',
    title: `预设 ${name}${scope.kind === 'village' ? ` 村 ${scope.village}` : ''}${scope.kind === 'township' ? ` 乡镇 ${scope.township}` : ''}`,
    x: { key: 'month', label: '月份', type: 'month' },
    y: { key: 'value', label: '数值', type: 'number', unit: '吨' },
    rows: [
      { month: '2023-05', value: 10 },
      { month: '2023-06', value: 12 },
    ],
    source: '数据来源：data/cleanup.csv',
  };
  return spec;
};

export function context(overrides: Partial<MarkdownContext> = {}): MarkdownContext {
  return {
    tables,
    file: 'content/reports/test.md',
    lineOffset: 0,
    base: '/',
    chartIdPrefix: 'report-test-',
    dev: false,
    presetChart: stubPreset,
    ...overrides,
  };
}

/** Render as a page shows it: chart placeholders filled by the one figure function. */
export function render(source: string, overrides: Partial<MarkdownContext> = {}) {
  const ctx = context(overrides);
  const r = renderMarkdown(source, ctx);
  const figures = { write: () => {}, links: chartLinks(ctx.base) };
  return { ...r, html: fillCharts(r.html, r.charts, (spec) => renderFigure(spec, figures)) };
}
