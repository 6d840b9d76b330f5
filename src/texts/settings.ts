// content/site.md: the site's settings in front matter; its body is the 关于本站 page (contract §1).
import { join } from 'node:path';
import type { Issue } from '../data/types.ts';
import { fieldReader } from './fields.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { readText } from './readText.ts';
import { count, fallbackSettings, flag, link, optionalText, readSettings, text, type SettingValues } from './settingSchema.ts';

export const SITE_FILE = 'content/site.md';

/**
 * Every setting of content/site.md, declared once (contract §1, §6.1): its key and Chinese name,
 * its default and its check. SiteSettings, the parse and the fallback site all follow from it.
 */
export const siteSchema = {
  /** the site's name (required; empty while missing, an error is reported) */
  title: text('title', '网站名称', { required: true, default: '', fallback: '农村人居环境整治' }),
  description: optionalText('description', '网站简介'),
  /** 主办单位 */
  organization: optionalText('organization', '主办单位'),
  contact: optionalText('contact', '联系方式'),
  /** ICP备案号, shown in the footer */
  icp: optionalText('icp', 'ICP备案号'),
  /** the public address (http or https), for RSS and the sitemap */
  url: link('url', '网站地址'),
  /** true: every page shows a "示例数据" notice */
  sample: flag('sample', '是否为示例数据', false),
  /** 网站标识码 (government site code), shown in the footer when set */
  govCode: optionalText('gov_code', '网站标识码'),
  /** 公安机关备案号 (`赣公网安备36072302000123号`), linked to the national filing site */
  policeRecord: text('police_record', '公安机关备案号', {
    default: null,
    parse: (value) => (/\d/.test(value) ? value : undefined),
    expected: '应含备案编号的数字，例如 "赣公网安备36072302000123号"',
  }),
  /** the 党政机关网站标识 link (http or https) issued with the mark */
  conacUrl: link('conac_url', '党政机关网站标识链接'),
  /** the 「我为政府网站找错」 link (http or https) */
  errorReportUrl: link('error_report_url', '“我为政府网站找错”链接'),
  /** how many best villages the month's 红榜 names (ties with the last included); 0 hides it */
  redList: count('red_list', '红榜村数', 3),
  /** how many last villages the month's 黑榜 names (ties likewise); 0 hides it */
  blackList: count('black_list', '黑榜村数', 3),
};

export interface SiteSettings extends SettingValues<typeof siteSchema> {
  /** the about page: Markdown body of content/site.md and the file lines before it */
  about: { markdown: string; lineOffset: number };
}

/** The settings while content/site.md is missing (an error is reported for it). */
export const fallbackSiteSettings: SiteSettings = { ...fallbackSettings(siteSchema), about: { markdown: '', lineOffset: 0 } };

/** Parse the text of content/site.md (a missing title is an error; `title` is then empty). */
export function parseSiteSettings(text: string, file = SITE_FILE): { settings: SiteSettings; issues: Issue[] } {
  const fm = parseFrontMatter(text, file);
  const issues = [...fm.issues];
  const reader = fieldReader(fm, file, issues, Object.values(siteSchema));
  const settings: SiteSettings = { ...readSettings(siteSchema, reader), about: { markdown: fm.body, lineOffset: fm.lineOffset } };
  return { settings, issues };
}

/** Read content/site.md under `root`; a missing file is a whole-file frontmatter-error. */
export function loadSiteSettings(root: string): { settings: SiteSettings | null; issues: Issue[] } {
  const file = readText(join(root, SITE_FILE));
  if (!file.ok) {
    const message = file.missing
      ? '缺少网站设置文件 content/site.md：请创建此文件，至少写明 title（网站名称）'
      : file.message;
    return { settings: null, issues: [{ path: SITE_FILE, code: 'frontmatter-error', message }] };
  }
  return parseSiteSettings(file.text);
}
