// Content loading: content/site.md and content/reports/*.md.
export { loadContent, type Content, type Site } from './content.ts';
export { loadReports, parseReport, chartIdPrefix, type ContentOptions, type Report } from './reports.ts';
export { loadSiteSettings, parseSiteSettings, type SiteSettings } from './settings.ts';
export { parseFrontMatter, type FrontMatter } from './frontMatter.ts';
