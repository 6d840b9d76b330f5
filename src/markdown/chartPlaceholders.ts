// A chart block leaves a placeholder in the Markdown's HTML and its spec in the render's `charts`;
// the page fills the placeholders when it renders (src/views/chartOutput.ts renderFigure), so report
// and about-page charts are drawn, and their downloads written, by the same path as every other
// chart, once per build. Markdown is rendered with `html: false`, so a report cannot forge one.
import type { ChartSpec } from '../charts/types.ts';

/** A chart of a Markdown page, in document order. */
export interface MarkdownChart {
  spec: ChartSpec;
}

export function chartPlaceholder(id: string): string {
  return `<!--chart:${id}-->`;
}

/** The HTML with each chart's placeholder replaced by `draw(spec)`. */
export function fillCharts(html: string, charts: readonly MarkdownChart[], draw: (spec: ChartSpec) => string): string {
  const byId = new Map(charts.map((c) => [c.spec.id, c.spec]));
  return html.replace(/<!--chart:([a-z0-9_-]+)-->/g, (placeholder, id: string) => {
    const spec = byId.get(id);
    return spec ? draw(spec) : placeholder;
  });
}
