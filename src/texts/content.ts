// Everything under content/: the site settings and about page, and the reports.
import type { Issue, Tables } from '../data/types.ts';
import type { MarkdownChart } from '../markdown/chartPlaceholders.ts';
import type { TocEntry } from '../markdown/env.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { loadReports, type ContentOptions, type Report } from './reports.ts';
import { loadSiteSettings, SITE_FILE, type SiteSettings } from './settings.ts';

export interface Site extends SiteSettings {
  /** the 关于本站 page rendered from the body of content/site.md */
  aboutPage: { html: string; toc: TocEntry[]; charts: MarkdownChart[] };
}

export interface Content {
  /** null when content/site.md is missing (a frontmatter-error in `issues`) */
  site: Site | null;
  /** published reports (drafts only with includeDrafts), newest first */
  reports: Report[];
  issues: Issue[];
}

export function loadContent(root: string, tables: Tables, opts: ContentOptions): Content {
  const { settings, issues } = loadSiteSettings(root);
  let site: Site | null = null;
  if (settings) {
    const about = renderMarkdown(settings.about.markdown, {
      tables,
      file: SITE_FILE,
      lineOffset: settings.about.lineOffset,
      base: opts.base,
      chartIdPrefix: 'about-',
      dev: opts.dev,
      presetChart: opts.presetChart,
      ...(opts.photos && { photos: opts.photos }),
    });
    issues.push(...about.issues);
    site = { ...settings, aboutPage: { html: about.html, toc: about.toc, charts: about.charts } };
  }
  const reports = loadReports(root, tables, opts);
  return { site, reports: reports.reports, issues: [...issues, ...reports.issues] };
}
