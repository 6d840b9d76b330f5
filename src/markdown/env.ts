// Per-page state that travels through markdown-it's `env` (never module globals).
import type { Issue, IssueCode, Scope, Tables } from '../data/types.ts';
import type { ChartSpec } from '../charts/types.ts';
import type { MarkdownChart } from './chartPlaceholders.ts';
import type { Env } from 'markdown-it';
import { escapeText } from '../charts/escape.ts';
import type { PhotoCatalog } from '../photos/catalog.ts';

import type { PresetName } from '../presets/presets.ts';

/**
 * Supplied by the site (src/presets/): the spec of a preset request already checked by
 * checkPresetRequest, or a Chinese error message.
 */
export type PresetChart = (name: PresetName, scope: Scope) => ChartSpec | { error: string };

/** What the caller of renderMarkdown provides for one page. */
export interface MarkdownContext {
  tables: Tables;
  /** path relative to the project root, e.g. `content/reports/2023-h1.md` */
  file: string;
  /** number of file lines before the body's first line (front matter included) */
  lineOffset: number;
  /** site base path, `/` or `/town/` (leading and trailing slash) */
  base: string;
  /** prefix of chart ids on this page, `[a-z0-9-]`; ids are prefix + 1, 2, … */
  chartIdPrefix: string;
  /** dev mode: errors are also rendered in place */
  dev: boolean;
  presetChart: PresetChart;
  /** photos under data/photos/ that `![说明](photos/…)` may name (src/photos/) */
  photos?: PhotoCatalog;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

/** The `env` object of one render: the context plus what the plugins collect. */
export interface MarkdownEnv extends MarkdownContext, Env {
  issues: Issue[];
  /** the chart blocks' specs; the HTML holds a placeholder for each */
  charts: MarkdownChart[];
  toc: TocEntry[];
  /** ids used on the page (headings), for de-duplication */
  ids: Set<string>;
  /** running number of chart blocks */
  chartCount: number;
}

export function createEnv(ctx: MarkdownContext): MarkdownEnv {
  return { ...ctx, issues: [], charts: [], toc: [], ids: new Set(), chartCount: 0 };
}

/** markdown-it types `env` loosely; every plugin here runs inside renderMarkdown, which passes a MarkdownEnv. */
export function pageEnv(env: Env | undefined): MarkdownEnv {
  return env as MarkdownEnv;
}

/** Turn a markdown-it 0-based body line into a 1-based file line. */
export function fileLine(env: MarkdownEnv, bodyLine: number): number {
  return env.lineOffset + bodyLine + 1;
}

/**
 * Record a content error. Returns the HTML to show in place: the message in dev mode,
 * nothing in build mode (the build fails on the collected issue).
 */
export function reportIssue(
  env: MarkdownEnv,
  code: IssueCode,
  line: number,
  message: string,
  tag: 'div' | 'span' = 'div',
  cause?: string,
): string {
  env.issues.push({ path: env.file, row: line, code, message, ...(cause !== undefined && { cause }) });
  if (!env.dev) return '';
  return `<${tag} class="md-error" role="alert">${escapeText(`${env.file}:${line} ${code} ${message}`)}</${tag}>`;
}
