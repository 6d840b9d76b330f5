// content/reports/*.md: narratives with front matter (contract §1), rendered with the same
// Markdown pipeline, chart blocks and figures as every page. Newest first.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue, Tables } from '../data/types.ts';
import type { MarkdownChart } from '../markdown/chartPlaceholders.ts';
import { nearest, suggestion } from '../data/cells/names.ts';
import type { PresetChart, TocEntry } from '../markdown/env.ts';
import { renderMarkdown } from '../markdown/render.ts';
import type { PhotoCatalog } from '../photos/catalog.ts';
import { villageIndex } from '../metrics/tableIndex.ts';
import { fieldReader, type FieldSpec } from './fields.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { readText } from './readText.ts';

export const REPORTS_DIR = 'content/reports';

export interface Report {
  /** file name without `.md`, NFC; the page is /reports/<slug>/ */
  slug: string;
  /** `content/reports/<file name>` */
  file: string;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  summary: string | null;
  /** a township of villages.csv (as written there), or as written when unknown (with a warning) */
  township: string | null;
  /** `month: YYYY-MM`: the report is that month's 通报 commentary (contract §6.1) */
  month: string | null;
  draft: boolean;
  html: string;
  toc: TocEntry[];
  charts: MarkdownChart[];
}

export interface ContentOptions {
  /** site base path, `/` or `/town/` */
  base: string;
  /** dev mode: content errors are also shown in place */
  dev: boolean;
  /** include drafts (dev and check); `npm run build` leaves them out */
  includeDrafts: boolean;
  presetChart: PresetChart;
  /** files under data/photos/ that Markdown images may name */
  photos?: PhotoCatalog;
}

const fields = {
  title: { key: 'title', label: '标题', required: true },
  date: { key: 'date', label: '日期', required: true },
  summary: { key: 'summary', label: '摘要' },
  township: { key: 'township', label: '乡镇' },
  month: { key: 'month', label: '通报月份' },
  draft: { key: 'draft', label: '是否为草稿' },
} satisfies Record<string, FieldSpec>;

/** `2023-07-01` and a day that exists. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Chart ids must be `[a-z0-9-]`: Chinese slugs get a short hash so ids stay unique and stable. */
export function chartIdPrefix(slug: string): string {
  const ascii = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (ascii === slug) return `report-${ascii}-`;
  let h = 0x811c9dc5; // FNV-1a, 32 bit
  for (const ch of slug) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const hash = h.toString(16).padStart(8, '0');
  return `report-${ascii === '' ? '' : `${ascii}-`}${hash}-`;
}

/** Characters that would break the page address /reports/<slug>/. */
const UNSAFE_SLUG = /[\s?#%/\\"'<>|*:]/u;

/** Parse and render one report. Returns null (with issues) when it cannot be published. */
export function parseReport(
  text: string,
  fileName: string,
  tables: Tables,
  opts: ContentOptions,
): { report: Report | null; issues: Issue[] } {
  const file = `${REPORTS_DIR}/${fileName}`;
  const slug = fileName.replace(/\.md$/i, '').normalize('NFC');
  const fm = parseFrontMatter(text, file);
  const issues = [...fm.issues];
  const read = fieldReader(fm, file, issues, Object.values(fields));
  const title = read.text(fields.title);
  let date = read.text(fields.date);
  if (date !== null && !isIsoDate(date)) {
    read.error('date', `date（日期）应为 YYYY-MM-DD 格式的真实日期（如 2023-07-01），实际为 "${date}"`);
    date = null;
  }
  const summary = read.text(fields.summary);
  let township = read.text(fields.township);
  if (township !== null) {
    const index = villageIndex(tables);
    const known = index.resolveTownship(township);
    if (known === undefined) {
      const near = nearest(township, index.townships.map((t) => [t, t] as const));
      read.warning('township', `乡镇 "${township}" 不在村庄名录 (villages.csv) 中${suggestion(near)}`);
    } else township = known;
  }
  let month = read.text(fields.month);
  if (month !== null && !/^(20\d\d|2100)-(0[1-9]|1[0-2])$/.test(month)) {
    read.error('month', `month（通报月份）应为 YYYY-MM 格式的月份（如 2023-06），实际为 "${month}"`);
    month = null;
  }
  const draft = read.boolean(fields.draft) ?? false;
  // A draft left out of the build is not checked either: it is work in progress.
  if (draft && !opts.includeDrafts) return { report: null, issues: [] };
  if (UNSAFE_SLUG.test(slug)) {
    issues.push({
      path: file,
      code: 'frontmatter-error',
      message: `文件名 "${fileName}" 含有空格或 ? # % / \\ " ' < > | * : 等字符，无法作为网页地址；请改用中文、字母、数字、- 或 _`,
    });
  }
  const rendered = renderMarkdown(fm.body, {
    tables,
    file,
    lineOffset: fm.lineOffset,
    base: opts.base,
    chartIdPrefix: chartIdPrefix(slug),
    dev: opts.dev,
    presetChart: opts.presetChart,
    ...(opts.photos && { photos: opts.photos }),
  });
  issues.push(...rendered.issues);
  if (title === null || date === null || UNSAFE_SLUG.test(slug)) return { report: null, issues };
  return {
    report: { slug, file, title, date, summary, township, month, draft, html: rendered.html, toc: rendered.toc, charts: rendered.charts },
    issues,
  };
}

/** Newest first; reports of the same day by slug. */
export function compareReports(a: Report, b: Report): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Windows device names: no file can have them, whatever its extension (`CON.md`, `aux.2023.md`). */
export const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])$/i;
/** Longest file name (without `.md`): page folders and chart downloads add to it (255-byte limit). */
export const MAX_REPORT_NAME = 200;

/**
 * File names that cannot be published as they are, each an error naming the file: a leading `.`
 * (a hidden file), a Windows reserved name, a name over 200 characters, or a name that differs from
 * another only in case (one file on Windows, macOS and IIS, and one page address). Returns the
 * names that may be read.
 */
export function checkReportNames(names: string[]): { ok: string[]; issues: Issue[] } {
  const ok: string[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const error = (name: string, message: string) => issues.push({ path: `${REPORTS_DIR}/${name}`, code: 'frontmatter-error', message });
  for (const name of names) {
    const slug = name.replace(/\.md$/i, '').normalize('NFC');
    if (name.startsWith('.')) {
      error(name, `文件名 "${name}" 以 . 开头，是隐藏文件，网站不会发布它；请去掉开头的 .（若是 macOS 复制时产生的 ._ 文件，可直接删除）`);
      continue;
    }
    const stem = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
    if (WINDOWS_RESERVED.test(stem)) {
      error(name, `文件名 "${name}" 以 Windows 的保留名称 "${stem}" 开头（CON、PRN、AUX、NUL、COM1–COM9、LPT1–LPT9，不分大小写，带任何扩展名），在 Windows 上无法保存、复制或发布；请改名`);
      continue;
    }
    const length = [...slug].length;
    if (length > MAX_REPORT_NAME) {
      error(name, `文件名过长：去掉 .md 后有 ${length} 个字符，最多 ${MAX_REPORT_NAME} 个；请改短`);
      continue;
    }
    const key = slug.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(name, `文件名 "${name}" 与 "${earlier}" 只差大小写（或字符的写法）：在 Windows、macOS 和 IIS 上是同一个文件，网页地址也相同；请改名其中一个`);
      continue;
    }
    seen.set(key, name);
    ok.push(name);
  }
  return { ok, issues };
}

/**
 * `通报.md.txt` / `通报.markdown.txt`: Notepad added `.txt` when saving. Such a file would be
 * ignored without a word (contract §3.9): an error asking to rename it.
 */
export function misnamedReports(names: readonly string[]): Issue[] {
  return names
    .filter((n) => /\.(?:md|markdown)\.txt$/i.test(n) && !n.startsWith('.') && !n.startsWith('~$'))
    .sort()
    .map((name) => {
      const fixed = name.replace(/\.(?:md|markdown)\.txt$/i, '.md');
      return {
        path: `${REPORTS_DIR}/${name}`,
        code: 'frontmatter-error' as const,
        message:
          `文件名 "${name}" 以 .txt 结尾（记事本保存时自动加上了 .txt），不会被发布；请改名为 "${fixed}"` +
          '（在记事本“另存为”中把“保存类型”选为“所有文件”，或在文件夹选项中显示扩展名后改名）',
      };
    });
}

/** Read every content/reports/*.md under `root`. A missing folder is no reports. */
export function loadReports(root: string, tables: Tables, opts: ContentOptions): { reports: Report[]; issues: Issue[] } {
  let names: string[];
  try {
    names = readdirSync(join(root, REPORTS_DIR));
  } catch {
    return { reports: [], issues: [] };
  }
  const reports: Report[] = [];
  // `~$…` are Word/WPS lock files, not reports
  const checked = checkReportNames(names.filter((n) => /\.md$/i.test(n) && !n.startsWith('~$')).sort());
  const issues: Issue[] = [...checked.issues];
  const slugs = new Map<string, string>();
  issues.push(...misnamedReports(names));
  for (const name of checked.ok) {
    const file = `${REPORTS_DIR}/${name}`;
    const text = readText(join(root, REPORTS_DIR, name));
    if (!text.ok) {
      issues.push({ path: file, code: 'frontmatter-error', message: text.message });
      continue;
    }
    const { report, issues: own } = parseReport(text.text, name, tables, opts);
    issues.push(...own);
    if (!report) continue;
    const earlier = slugs.get(report.slug);
    if (earlier !== undefined) {
      issues.push({ path: file, code: 'frontmatter-error', message: `与 ${earlier} 的网页地址相同（文件名相同）；请改名其中一个` });
      continue;
    }
    slugs.set(report.slug, file);
    reports.push(report);
  }
  reports.sort(compareReports);
  return { reports, issues };
}
