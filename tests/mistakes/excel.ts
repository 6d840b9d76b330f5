// Fixtures written the way Excel and WPS on Chinese Windows write them (contract §3.0): "CSV (逗号
// 分隔)" is GBK with CRLF line ends, "CSV UTF-8" has a BOM, and staff put a title row above the
// header. A fixture is a project folder (data/, content/) under tests/.tmp, built fresh per test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll } from 'vitest';
import { loadProject } from '../../src/project/project.ts';
import { arrangeIssues, formatIssue, formatReport } from '../../src/data/report.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export type Saved = 'gbk' | 'utf8-bom' | 'utf8';

/** A CSV as Excel saves it: cells quoted only when needed, CRLF, in the given encoding. */
export function excelCsv(rows: readonly (readonly string[])[], saved: Saved = 'gbk'): Uint8Array {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  if (saved === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
  const utf8 = new TextEncoder().encode(text);
  return saved === 'utf8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
}

/** A Markdown file as Notepad on Windows saves it: UTF-8 with BOM, CRLF. */
export function notepad(text: string): Uint8Array {
  return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'))]);
}

/** The village register used by every fixture: 新塘村 is in two townships. */
export const villages: string[][] = [
  ['洋江镇村庄名录'],
  ['编号', '村名', '乡镇', '户数', '人口'],
  ['v1', '长塘村', '洋江镇', '512', '1800'],
  ['v2', '前江村', '洋江镇', '400', '1500'],
  ['xt-yj', '新塘村', '洋江镇', '300', '1000'],
  ['xt-hk', '新塘村', '河口镇', '200', '800'],
];

export const siteMd = '---\ntitle: 洋江镇人居环境整治\nurl: https://example.gov.cn/\n---\n关于本站。\n';

// The folders `fixture` made, removed when the test file is done (a full run left ~180 behind).
// Only inside Vitest: tests/fixtures/report-three/make.ts runs this module with tsx too.
const made: string[] = [];
if (process.env.VITEST) {
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

/** Write a project folder; `files` maps a path (`data/cleanup.csv`) to its bytes or text. */
export function fixture(files: Record<string, Uint8Array | string>): string {
  mkdirSync(path.join(projectRoot, 'tests/.tmp'), { recursive: true });
  const root = mkdtempSync(path.join(projectRoot, 'tests/.tmp/mistakes-'));
  made.push(root);
  const all: Record<string, Uint8Array | string> = {
    'data/villages.csv': excelCsv(villages),
    'content/site.md': siteMd,
    ...files,
  };
  for (const [file, body] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), body);
  }
  return root;
}

/** "Now" for the tests: December 2023, so the sample months are past and 2032 is the future. */
export const NOW = new Date('2023-12-15T04:00:00Z');

/** Check a project as `npm run check` does: the report's lines (without the summary). */
export function check(root: string, now = NOW) {
  const project = loadProject(root, { now });
  const lines = arrangeIssues(project.issues).map(formatIssue);
  return { project, lines, report: formatReport(project.issues), errors: lines.filter((l) => !/ warning /.test(l)) };
}

/** A cleanup file as staff keep it: a title row above the header. */
export function cleanup(rows: string[][], header = ['月份', '村', '清理垃圾(吨)', '投入资金(万元)']): string[][] {
  return [['洋江镇2023年村庄清洁行动统计表'], header, ...rows];
}
