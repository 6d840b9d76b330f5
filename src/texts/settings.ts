// content/site.md: the site's settings in front matter; its body is the 关于本站 page (contract §1).
import { join } from 'node:path';
import type { Issue } from '../data/types.ts';
import { fieldReader, type FieldSpec } from './fields.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { readText } from './readText.ts';

export const SITE_FILE = 'content/site.md';

export interface SiteSettings {
  title: string;
  description: string | null;
  /** 主办单位 */
  organization: string | null;
  contact: string | null;
  /** ICP备案号, shown in the footer */
  icp: string | null;
  /** the public address (http or https), for RSS and the sitemap */
  url: string | null;
  /** true: every page shows a "示例数据" notice */
  sample: boolean;
  /** 网站标识码 (government site code), shown in the footer when set */
  govCode: string | null;
  /** 公安机关备案号 (`赣公网安备36072302000123号`), linked to the national filing site */
  policeRecord: string | null;
  /** the 党政机关网站标识 link (http or https) issued with the mark */
  conacUrl: string | null;
  /** the 「我为政府网站找错」 link (http or https) */
  errorReportUrl: string | null;
  /** how many best villages the month's 红榜 names (ties with the last included); 0 hides it */
  redList: number;
  /** how many last villages the month's 黑榜 names (ties likewise); 0 hides it */
  blackList: number;
  /** the about page: Markdown body of content/site.md and the file lines before it */
  about: { markdown: string; lineOffset: number };
}

const fields = {
  title: { key: 'title', label: '网站名称', required: true },
  description: { key: 'description', label: '网站简介' },
  organization: { key: 'organization', label: '主办单位' },
  contact: { key: 'contact', label: '联系方式' },
  icp: { key: 'icp', label: 'ICP备案号' },
  url: { key: 'url', label: '网站地址' },
  sample: { key: 'sample', label: '是否为示例数据' },
  govCode: { key: 'gov_code', label: '网站标识码' },
  policeRecord: { key: 'police_record', label: '公安机关备案号' },
  conacUrl: { key: 'conac_url', label: '党政机关网站标识链接' },
  errorReportUrl: { key: 'error_report_url', label: '“我为政府网站找错”链接' },
  redList: { key: 'red_list', label: '红榜村数' },
  blackList: { key: 'black_list', label: '黑榜村数' },
} satisfies Record<string, FieldSpec>;

/** Parse the text of content/site.md (a missing title is an error; `title` is then empty). */
export function parseSiteSettings(text: string, file = SITE_FILE): { settings: SiteSettings; issues: Issue[] } {
  const fm = parseFrontMatter(text, file);
  const issues = [...fm.issues];
  const read = fieldReader(fm, file, issues, Object.values(fields));
  let url = read.text(fields.url);
  if (url !== null && !isHttpUrl(url)) {
    read.error('url', `url（网站地址）应为以 http:// 或 https:// 开头的网址，实际为 "${url}"`);
    url = null;
  }
  const link = (field: FieldSpec): string | null => {
    const value = read.text(field);
    if (value === null || isHttpUrl(value)) return value;
    read.error(field.key, `${field.key}（${field.label}）应为以 http:// 或 https:// 开头的网址，实际为 "${value}"`);
    return null;
  };
  let policeRecord = read.text(fields.policeRecord);
  if (policeRecord !== null && !/\d/.test(policeRecord)) {
    read.error('police_record', `police_record（公安机关备案号）应含备案编号的数字，例如 "赣公网安备36072302000123号"，实际为 "${policeRecord}"`);
    policeRecord = null;
  }
  // 红榜 / 黑榜 sizes (contract §6.1): a whole number from 0 up, default 3.
  const listSize = (field: FieldSpec): number => {
    const value = read.text(field);
    if (value === null) return 3;
    if (/^\d{1,3}$/.test(value)) return Number(value);
    read.error(field.key, `${field.key}（${field.label}）应为 0 或正整数（0 表示不显示），实际为 "${value}"`);
    return 3;
  };
  const settings: SiteSettings = {
    title: read.text(fields.title) ?? '',
    description: read.text(fields.description),
    organization: read.text(fields.organization),
    contact: read.text(fields.contact),
    icp: read.text(fields.icp),
    url,
    sample: read.boolean(fields.sample) ?? false,
    govCode: read.text(fields.govCode),
    policeRecord,
    conacUrl: link(fields.conacUrl),
    errorReportUrl: link(fields.errorReportUrl),
    redList: listSize(fields.redList),
    blackList: listSize(fields.blackList),
    about: { markdown: fm.body, lineOffset: fm.lineOffset },
  };
  return { settings, issues };
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
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
