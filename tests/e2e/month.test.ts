// The monthly release, built (contract §6.1, §6.2): the month's 通报 pages and their print job, the
// PNG pictures (read back, OCR'd), og tags on every page, /reports/ and RSS.
// Needs a build of the sample site, Chromium, nginx and tesseract (chi_sim): none is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, requireChromium } from './support/browser.ts';
import { buildSiteOnce } from './support/buildOnce.ts';
import { REPO_ROOT } from './support/build.ts';
import { loadProject } from '../../src/project/project.ts';
import { targetsProgress } from '../../src/metrics/targets.ts';
import { targetSentence } from '../../src/metrics/targetSentence.ts';
import { bulletinMonths } from '../../src/views/bulletin.ts';
import { requireNginx, startNginx, type NginxServer } from './support/nginx.ts';

const BASE = '/town/';
const SITE_URL = 'https://www.example.gov.cn/rjhj/'; // content/site.md's url
let dist = '';
let server: NginxServer;
let browser: Browser;

const html = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const doc = (file: string) => parseHTML(html(file)).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const months = () => readdirSync(path.join(dist, 'ranking')).filter((f) => /^\d{4}-\d{2}$/.test(f)).sort();

function tesseract(file: string): string {
  try {
    return execFileSync('tesseract', [file, '-', '-l', 'chi_sim'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`tesseract with chi_sim failed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim): ${String(error)}`);
  }
}

beforeAll(async () => {
  requireNginx();
  requireChromium();
  // shared with the other files that only read this site (removed when the run ends); the build
  // has a picture cache of its own, empty at the start: every PNG here was drawn by this build
  dist = (await buildSiteOnce({ base: BASE })).outDir;
  server = await startNginx({ distDir: dist, base: BASE });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the month 通报', () => {
  test('a page for every month of inspections, the latest also atop /ranking/', () => {
    expect(months()).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
    const page = doc('ranking/2023-06/index.html');
    expect(text(page.querySelector('h1'))).toBe('2023年6月人居环境整治考评通报');
    const ranking = doc('ranking/index.html');
    expect(text(ranking.querySelector('.red-list'))).toBe(text(page.querySelector('.red-list')));
    expect(text(ranking.querySelector('.black-list'))).toBe(text(page.querySelector('.black-list')));
  });

  test('红榜 and 黑榜: three each by default, as the ranking has them', () => {
    const page = doc('ranking/2023-06/index.html');
    expect([...page.querySelectorAll('.red-list li')].map(text)).toEqual([
      '第 1 名 杨潭村（洋江镇） 94 分', '第 2 名 长塘村（洋江镇） 93.5 分', '第 3 名 洋江村（洋江镇） 91 分',
    ]);
    expect([...page.querySelectorAll('.black-list li')].map(text)).toEqual([
      '第 14 名 新塘村（楠杆镇） 79.5 分', '第 13 名 桥头村（楠杆镇） 80.5 分', '第 12 名 枫林村（楠杆镇） 81 分',
    ]);
  });

  test('the month page figures equal those on /ranking/, /cleanup/, /toilets/ and /construction/', () => {
    const page = doc('ranking/2023-06/index.html');
    const rows = (d: Document) => [...d.querySelectorAll('.table-wrap')].map(text);
    // the ranking with change of rank: the same table as /ranking/ for the latest month
    const pageTable = text(page.querySelector('.bulletin .table-wrap'));
    expect(pageTable).toContain('较上月');
    expect(rows(doc('ranking/index.html'))).toContain(pageTable);
    const figures = text(page.querySelector('.bulletin-figures'));
    // /cleanup/'s KPI note for the latest month: `2023年6月 387.5余 吨，比…`
    const garbage = /2023年6月 ([\d,.]+余?) 吨/.exec(text(doc('cleanup/index.html').querySelector('.kpis')))![1]!;
    expect(figures).toContain(`2023年6月共清理垃圾 ${garbage} 吨`);
    const coverage = /无害化卫生户厕覆盖率 ?([\d.]+%)/.exec(text(doc('toilets/index.html').querySelector('.kpis')))![1]!;
    expect(figures).toContain(`月底无害化卫生户厕覆盖率为 ${coverage}`);
    const progress = /平均完成进度 ([\d.]+%)/.exec(text(doc('construction/index.html').querySelector('main')))![1]!;
    expect(figures).toContain(`新农村建设点平均完成进度为 ${progress}`);
  });

  test('every month\'s ranks agree with the rank history on /ranking/', () => {
    const history = doc('ranking/index.html').querySelector('.rank-history table')!;
    const head = [...history.querySelectorAll('thead th')].map(text);
    for (const month of months()) {
      const col = head.indexOf(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`);
      const expected = new Map([...history.querySelectorAll('tbody tr')].map((tr) => [text(tr.children[0]), text(tr.children[col])]));
      const page = doc(`ranking/${month}/index.html`);
      for (const tr of page.querySelectorAll('.bulletin tbody tr')) {
        expect(`${text(tr.children[1])} ${text(tr.children[0])}`).toBe(`${text(tr.children[1])} 第 ${expected.get(text(tr.children[1]))} 名`);
      }
    }
  });

  test('pages rendered after /ranking/ read the months in order: targets and changes of rank as computed', () => {
    // /ranking/ once reversed the shared list of inspection months in place; the home page then
    // gave 2023-01's average score for the latest (81.25 against 86.79) and the township pages
    // lost every 较上月. The figures computed here, in a fresh process, must be on the pages.
    const project = loadProject(REPO_ROOT);
    const home = text(doc('index.html').querySelector('main'));
    const sentences = targetsProgress(project.tables).map(targetSentence);
    expect(sentences.some((s) => s.includes('考评平均得分'))).toBe(true);
    for (const sentence of sentences) expect(home).toContain(sentence);
    const latest = bulletinMonths(project.tables).at(-1)!;
    for (const township of ['nangan', 'yangjiang']) {
      const page = doc(`townships/${township}/index.html`);
      const changes = [...page.querySelectorAll('table tbody tr')].map((tr) => text(tr.querySelector('td:nth-child(4)')));
      expect(changes.filter((c) => /^(上升|下降) \d+ 位$|^持平$/.test(c)).length, `${township} (${latest})`).toBeGreaterThan(0);
    }
  });

  test('listed on /reports/ and in RSS as <YYYY年M月>人居环境整治考评通报, the newest month first', () => {
    const reports = text(doc('reports/index.html').querySelector('main'));
    const rss = html('rss.xml');
    const titles = months().map((month) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月人居环境整治考评通报`);
    for (const [i, month] of months().entries()) {
      expect(reports).toContain(titles[i]);
      expect(rss).toContain(`<title>${titles[i]}</title>`);
      expect(rss).toContain(`<link>${SITE_URL}ranking/${month}/</link>`);
    }
    // The first release dates every month's 通报 the same day: within it, the newest month leads.
    expect(months().length).toBeGreaterThan(1);
    // titles run oldest to newest: each is found before the one above it
    const newestFirst = (positions: number[]) => positions.every((p, i) => i === 0 || p < positions[i - 1]!);
    expect(newestFirst(titles.map((t) => reports.indexOf(t)))).toBe(true);
    expect(newestFirst(titles.map((t) => rss.indexOf(`<title>${t}</title>`)))).toBe(true);
  });

  test('printing /ranking/<month>/print/ gives one A4 page per village', async () => {
    const villages = doc('ranking/2023-06/index.html').querySelectorAll('.bulletin tbody tr').length;
    expect(villages).toBe(14);
    const page = await browser.newPage();
    await page.goto(`${server.home}ranking/2023-06/print/`, { waitUntil: 'networkidle' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBe(villages);
  }, 120_000);
});

describe('pictures', () => {
  const pngs = () => [
    ...readdirSync(path.join(dist, 'data/charts')).filter((f) => f.endsWith('.png')).map((f) => `data/charts/${f}`),
    ...months().map((m) => `ranking/${m}/honghei.png`),
    'data/share.png',
  ];

  test('a PNG beside every chart SVG, linked as 图片（PNG）', () => {
    const svgs = readdirSync(path.join(dist, 'data/charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(10);
    for (const svg of svgs) expect(existsSync(path.join(dist, 'data/charts', svg.replace(/\.svg$/, '.png')))).toBe(true);
    const link = doc('cleanup/index.html').querySelector('a[href="/town/data/charts/cleanup-monthly.png"]');
    expect(text(link)).toBe('图片（PNG）');
  });

  test('every picture: 1,080 px wide, under 1 MB, not blank', async () => {
    for (const file of pngs()) {
      const bytes = readFileSync(path.join(dist, file));
      const meta = await sharp(bytes).metadata();
      expect(`${file} ${meta.format} ${meta.width}`).toBe(`${file} png 1080`);
      expect(bytes.length, file).toBeLessThan(1_000_000);
      const stats = await sharp(bytes).stats();
      expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev)), file).toBeGreaterThan(10);
    }
  });

  test('the title, the site name and 数据截至 are in the picture (OCR)', () => {
    for (const [file, title] of [
      ['ranking/2023-06/honghei.png', '2023年6月人居环境整治红黑榜'],
      ['data/charts/inspection-ranking.png', '全部乡镇2023年6月考评得分排名'],
    ] as const) {
      const read = tesseract(path.join(dist, file)).replace(/\s+/g, '');
      expect(read, file).toContain(title);
      expect(read, file).toContain('数据截至2023年6月');
      expect(read, file).toContain('农村人居环境整治进展');
    }
  }, 120_000);
});

describe('og tags', () => {
  test('every page has og:title, og:description and an absolute og:image that is one of the pictures', () => {
    const walk = (dir: string): string[] => readdirSync(path.join(dist, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'pagefind' ? [] : walk(path.join(dir, e.name))) : e.name.endsWith('.html') && e.name !== '404.html' ? [path.join(dir, e.name)] : []);
    const pages = walk('');
    expect(pages.length).toBeGreaterThan(30);
    for (const file of pages) {
      const d = doc(file);
      const og = (p: string) => d.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? '';
      expect(og('og:title'), file).not.toBe('');
      expect(og('og:description'), file).not.toBe('');
      const image = og('og:image');
      expect(image.startsWith(SITE_URL), `${file} ${image}`).toBe(true);
      expect(existsSync(path.join(dist, decodeURI(image.slice(SITE_URL.length)))), `${file} ${image}`).toBe(true);
    }
    expect(doc('ranking/2023-06/index.html').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(`${SITE_URL}ranking/2023-06/honghei.png`);
    expect(doc('cleanup/index.html').querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(`${SITE_URL}data/charts/cleanup-monthly.png`);
  });
});
