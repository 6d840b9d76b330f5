// renderMarkdown: a report or page body → HTML, collected issues, contents and charts.
import type { Issue } from '../data/types.ts';
import type { MarkdownChart } from './chartPlaceholders.ts';
import { createMarkdownIt } from './createMarkdownIt.ts';
import { createEnv, type MarkdownContext, type TocEntry } from './env.ts';

export interface RenderedMarkdown {
  html: string;
  /** content errors (chart-error, expression-error) and warnings, in line order */
  issues: Issue[];
  /** h2/h3 headings when there are at least three h2, else empty */
  toc: TocEntry[];
  /** every chart of the page, in order; `html` holds a placeholder for each (fillCharts) */
  charts: MarkdownChart[];
}

const md = createMarkdownIt();

export function renderMarkdown(source: string, ctx: MarkdownContext): RenderedMarkdown {
  const env = createEnv(ctx);
  const html = md.render(source, env);
  const issues = env.issues.map((issue, i) => ({ issue, i }));
  issues.sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.i - b.i);
  return { html, issues: issues.map((x) => x.issue), toc: env.toc, charts: env.charts };
}
