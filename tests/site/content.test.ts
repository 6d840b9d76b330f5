import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/texts/content.ts';
import { chartIdPrefix, isIsoDate, loadReports, parseReport } from '../../src/texts/reports.ts';
import { loadSiteSettings, parseSiteSettings } from '../../src/texts/settings.ts';
import { stubPreset, tables } from '../markdown/context.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const opts = { base: '/', dev: false, includeDrafts: false, presetChart: stubPreset };

describe('loadSiteSettings(root)', () => {
  test('reads every setting; the body is the about page', () => {
    const { settings, issues } = loadSiteSettings(fixture('content-basic'));
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      title: '洋江镇农村人居环境整治',
      description: '全镇村庄清洁行动、厕所革命和新农村建设进展',
      organization: '洋江镇人民政府',
      contact: '0791-1234567',
      icp: '赣ICP备12345678号',
      url: 'https://yangjiang.example.gov.cn/',
      sample: true,
      about: { lineOffset: 9 },
    });
    expect(settings!.about.markdown).toContain('## 关于本站');
  });
  test('a missing content/site.md is a whole-file frontmatter-error', () => {
    const { settings, issues } = loadSiteSettings(fixture('content-no-site'));
    expect(settings).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'content/site.md', code: 'frontmatter-error' });
    expect(issues[0]!.row).toBeUndefined();
  });
});

describe('parseSiteSettings(text)', () => {
  test('title is required; url must be http(s); sample must be a boolean; unknown keys warned', () => {
    const { settings, issues } = parseSiteSettings('---\ndescription: 简介\nurl: ftp://x.example/\nsample: 是\ntitl: 网站\n---\n');
    expect(settings.title).toBe('');
    expect(settings.url).toBeNull();
    // Unknown keys first, then the settings in declaration order (siteSchema); the report sorts by line.
    expect(issues.map((i) => [i.row, i.code, i.message])).toEqual([
      [5, 'warning', '未知的设置 "titl"，将被忽略，是否应为「title」?'],
      [1, 'frontmatter-error', '缺少必填的设置 title（网站名称）'],
      [3, 'frontmatter-error', 'url（网站地址）应为以 http:// 或 https:// 开头的网址，实际为 "ftp://x.example/"'],
      [4, 'frontmatter-error', 'sample（是否为示例数据）应为 true 或 false，实际为 "是"'],
    ]);
  });
});

describe('loadReports(root, tables, opts)', () => {
  test('reports newest first, Chinese file names, drafts left out', () => {
    const { reports, issues } = loadReports(fixture('content-basic'), tables, opts);
    expect(reports.map((r) => [r.slug, r.date])).toEqual([
      ['2023年上半年工作汇报', '2023-07-05'],
      ['2023-06-tongbao', '2023-06-30'],
      ['same-day', '2023-06-30'],
    ]);
    const first = reports[0]!;
    expect(first).toMatchObject({
      file: 'content/reports/2023年上半年工作汇报.md',
      title: '洋江镇2023年上半年人居环境整治工作汇报',
      summary: '上半年共清理垃圾一千余吨',
      township: '洋江镇',
      draft: false,
    });
    expect(first.toc.map((t) => t.id)).toEqual(['一总体情况', '二主要做法', '三下步打算']);
    expect(first.html).toContain('<span class="figure">420.75余</span>');
    expect(first.charts).toHaveLength(1);
    expect(first.charts[0]!.spec.id).toMatch(/^report-2023-[0-9a-f]{8}-1$/);
    expect(reports[1]!.html).toContain('<span class="figure">2</span>');
    // Only the unknown township of same-day.md: the draft's broken figure is not checked.
    expect(issues).toEqual([
      {
        path: 'content/reports/same-day.md',
        row: 4,
        code: 'warning',
        message: '乡镇 "洋江" 不在村庄名录 (villages.csv) 中，是否应为「洋江镇」?',
      },
    ]);
  });
  test('drafts are included (and checked) with includeDrafts', () => {
    const { reports, issues } = loadReports(fixture('content-basic'), tables, { ...opts, includeDrafts: true });
    expect(reports.map((r) => r.slug)).toContain('草稿');
    expect(reports.find((r) => r.slug === '草稿')!.draft).toBe(true);
    expect(issues.filter((i) => i.code === 'expression-error')).toMatchObject([{ path: 'content/reports/草稿.md', row: 7 }]);
  });
  test('missing title/date, bad date, and body errors with file lines', () => {
    const { reports, issues } = loadReports(fixture('content-no-site'), tables, opts);
    expect(reports.map((r) => r.slug)).toEqual(['good']);
    expect(issues.map((i) => `${i.path}:${i.row} ${i.code} ${i.message}`)).toEqual([
      'content/reports/bad-date.md:3 frontmatter-error date（日期）应为 YYYY-MM-DD 格式的真实日期（如 2023-07-01），实际为 "2023-02-30"',
      'content/reports/good.md:6 expression-error {{ sum cleanup.garbage }}：列 "garbage" 不存在，是否应为「清理垃圾(吨)」?',
      'content/reports/无日期.md:1 frontmatter-error 缺少必填的设置 date（日期）',
    ]);
  });
});

describe('parseReport(text, fileName, tables, opts)', () => {
  test('missing title', () => {
    const { report, issues } = parseReport('---\ndate: 2023-07-01\n---\n正文\n', 'x.md', tables, opts);
    expect(report).toBeNull();
    expect(issues).toEqual([{ path: 'content/reports/x.md', row: 1, code: 'frontmatter-error', message: '缺少必填的设置 title（标题）' }]);
  });
  test('a date must be YYYY-MM-DD', () => {
    for (const date of ['2023-7-1', '2023/07/01', '2023年7月1日', '20230701']) {
      const { issues } = parseReport(`---\ntitle: t\ndate: ${date}\n---\n`, 'x.md', tables, opts);
      expect(issues[0]).toMatchObject({ row: 3, code: 'frontmatter-error' });
    }
  });
  test('draft must be a boolean', () => {
    const { issues } = parseReport('---\ntitle: t\ndate: 2023-07-01\ndraft: 是\n---\n', 'x.md', tables, opts);
    expect(issues).toMatchObject([{ row: 4, code: 'frontmatter-error' }]);
  });
  test('a file name that cannot be an address', () => {
    const { report, issues } = parseReport('---\ntitle: t\ndate: 2023-07-01\n---\n', '工作 汇报?.md', tables, opts);
    expect(report).toBeNull();
    expect(issues[0]).toMatchObject({ path: 'content/reports/工作 汇报?.md', code: 'frontmatter-error' });
  });
  test('slugs are NFC', () => {
    const nfd = 'cafe\u0301.md';
    const { report } = parseReport('---\ntitle: t\ndate: 2023-07-01\n---\n', nfd, tables, opts);
    expect(report!.slug).toBe('caf\u00e9');
  });
});

test('isIsoDate(text) wants a real day', () => {
  expect(isIsoDate('2024-02-29')).toBe(true);
  expect(isIsoDate('2023-02-29')).toBe(false);
  expect(isIsoDate('2023-13-01')).toBe(false);
});

test('chartIdPrefix(slug) is [a-z0-9-] and stable', () => {
  expect(chartIdPrefix('2023-h1')).toBe('report-2023-h1-');
  expect(chartIdPrefix('工作汇报')).toMatch(/^report-[0-9a-f]{8}-$/);
  expect(chartIdPrefix('工作汇报')).toBe(chartIdPrefix('工作汇报'));
  expect(chartIdPrefix('工作汇报')).not.toBe(chartIdPrefix('工作通报'));
  expect(chartIdPrefix('Report')).toMatch(/^report-report-[0-9a-f]{8}-$/);
});

describe('loadContent(root, tables, opts)', () => {
  test('site, about page and reports together', () => {
    const content = loadContent(fixture('content-basic'), tables, opts);
    expect(content.site!.aboutPage.html).toContain('本站由<span class="figure">4</span>个村的数据生成。');
    expect(content.site!.aboutPage.html).toContain('<h2 id="关于本站">');
    expect(content.reports).toHaveLength(3);
    expect(content.issues.map((i) => i.code)).toEqual(['warning']);
  });
  test('a missing site.md is reported with the report issues', () => {
    const content = loadContent(fixture('content-no-site'), tables, opts);
    expect(content.site).toBeNull();
    expect(content.issues[0]).toMatchObject({ path: 'content/site.md', code: 'frontmatter-error' });
  });
});
