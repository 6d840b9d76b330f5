// One project per build: tables, site settings, reports and every issue, loaded once and shared by
// every page, `npm run check` and `npm run build`'s validation step.
import { readConfig } from '../config.mjs';
import { presetSpec } from '../presets/presets.ts';
import type { AnySchema } from '../data/schema/dataset.ts';
import { loadData } from '../data/load.ts';
import { hasErrors, sortIssues } from '../data/report.ts';
import type { Issue, Month, Tables } from '../data/types.ts';
import { latestMonth } from '../metrics/months.ts';
import { loadContent, type Site } from '../texts/content.ts';
import type { Report } from '../texts/reports.ts';
import { fallbackSiteSettings } from '../texts/settings.ts';
import { createCatalog, unusedPhotoWarnings, type PhotoCatalog } from '../photos/catalog.ts';
import { freshnessWarnings } from './freshness.ts';

export interface Project {
  root: string;
  base: string;
  dev: boolean;
  tables: Tables;
  site: Site;
  /** published reports, newest first (drafts only in dev) */
  reports: Report[];
  /** every error and warning, errors first */
  issues: Issue[];
  hasErrors: boolean;
  /** 数据截至: the latest month in the monthly datasets */
  asOf: Month | null;
  /** data/photos/ and photos.csv (src/photos/) */
  photos: PhotoCatalog;
  timings: { loadMs: number };
}

/** The folder holding data/, content/ and public/ (SITE_DIR, default: the working directory). */
export function siteRoot(config = readConfig()): string {
  return config.siteDir;
}

/** Used only while content/site.md is missing or broken (an error is reported for it). */
const fallbackSite: Site = { ...fallbackSiteSettings, aboutPage: { html: '', toc: [], charts: [] } };

function siteWarnings(site: Site | null): Issue[] {
  if (!site || site.url) return [];
  return [{
    path: 'content/site.md',
    code: 'warning',
    message: '未设置 url（网站的公开地址，如 https://www.example.gov.cn/rjhj/）：没有它就不生成 RSS 订阅、网站地图（sitemap）和公示页二维码',
  }];
}

/**
 * `SITE_NOW=2024-01-15` checks the data as of that day (months after it are errors), e.g. to test a
 * data set; unset or not a date: the real clock.
 */
export function clockFromEnv(value: string | null | undefined = readConfig().now): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}(?:-\d{2})?$/.test(value) ? `${value.length === 7 ? `${value}-01` : value}T12:00:00+08:00` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface ProjectOptions {
  base?: string;
  dev?: boolean;
  /** the clock (entry points pass clockFromEnv(), tests fix it; default: the real clock) */
  now?: Date;
  /** the known datasets (default: the site's registry, src/data/registry.ts; tests add their own) */
  registry?: readonly AnySchema[];
}

export function loadProject(root: string, options: ProjectOptions = {}): Project {
  const started = performance.now();
  const base = options.base ?? '/';
  const dev = options.dev ?? false;
  const data = loadData(root, { ...(options.now && { now: options.now }), ...(options.registry && { registry: options.registry }) }) as {
    tables: Tables;
    issues: Issue[];
  };
  const photos = createCatalog(root, data.tables);
  const content = loadContent(root, data.tables, {
    base,
    dev,
    includeDrafts: dev,
    presetChart: (name, scope) => presetSpec(data.tables, name, scope),
    photos,
  });
  const photoIssues = [...photos.issues, ...unusedPhotoWarnings(photos, data.tables.photos?.file ?? null)];
  const fresh = dev ? [] : freshnessWarnings(data.tables, options.now ?? new Date());
  const issues = sortIssues([...data.issues, ...photoIssues, ...content.issues, ...siteWarnings(content.site), ...fresh]);
  return {
    root,
    base,
    dev,
    tables: data.tables,
    site: content.site ?? fallbackSite,
    reports: content.reports,
    issues,
    hasErrors: hasErrors(issues),
    asOf: latestMonth(data.tables),
    photos,
    timings: { loadMs: performance.now() - started },
  };
}
