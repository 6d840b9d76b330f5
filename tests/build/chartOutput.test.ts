// One chart pipeline (issue 13): every figure of the site, report charts included, is drawn by
// renderFigure, and its downloads go to the writer passed in.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { fillCharts } from '../../src/markdown/chartPlaceholders.ts';
import { loadProject } from '../../src/project/project.ts';
import { readConfig } from '../../src/config.mjs';
import { topicCharts } from '../../src/views/topics.ts';
import { allCharts, chartFiles, chartLinks, pageFigures, renderFigure, type FigureOptions } from '../../src/views/chartOutput.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const project = loadProject(path.join(repo, 'tests/fixtures/site-one'), { base: '/town/', now: new Date('2024-06-15T12:00:00+08:00') });
const report = project.reports.find((r) => r.charts.length > 0)!;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every file of src/ (and the Astro config), as [path from the repo, text]. */
function sources(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repo, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|mts|mjs|js|astro)$/.test(entry.name)) out.push([rel, readFileSync(path.join(repo, rel), 'utf8')]);
    }
  };
  walk('src');
  out.push(['astro.config.mjs', readFileSync(path.join(repo, 'astro.config.mjs'), 'utf8')]);
  return out;
}

/** A writer that records what it is given. */
function recording(): { files: Map<string, string>; figures: FigureOptions } {
  const files = new Map<string, string>();
  return { files, figures: { write: (file, text) => files.set(file, text as string), links: chartLinks(project.base) } };
}

describe('one chart pipeline', () => {
  test('renderFigure is the only caller of renderChart in src/', () => {
    const callers = sources()
      .filter(([, text]) => /(?<!function )\brenderChart\(/.test(text))
      .map(([file]) => file);
    expect(callers).toEqual(['src/views/chartOutput.ts']);
  });

  test('the Markdown leaves placeholders and collects specs; nothing is drawn before the page', () => {
    expect(report.html).toContain(`<!--chart:${report.charts[0]!.spec.id}-->`);
    expect(report.html).not.toContain('<figure');
    expect(report.charts[0]!.spec.rows.length).toBeGreaterThan(0);
  });

  test('a report chart and a topic chart write their downloads through the same writer', () => {
    const { files, figures } = recording();
    const reportHtml = fillCharts(report.html, report.charts, (spec) => renderFigure(spec, figures));
    const topic = topicCharts(project, 'cleanup')[0]!;
    const topicHtml = renderFigure(topic, figures);
    const reportId = report.charts[0]!.spec.id;
    expect([...files.keys()]).toEqual([`${reportId}.csv`, `${reportId}.svg`, `${topic.id}.csv`, `${topic.id}.svg`]);
    expect(reportHtml).not.toContain('<!--chart:');
    expect(reportHtml).toContain(`href="/town/data/charts/${reportId}.csv"`);
    expect(topicHtml).toContain(`href="/town/data/charts/${topic.id}.svg"`);
    expect(files.get(`${reportId}.csv`)).toContain('月份');
  });

  test('the download endpoints serve the files renderFigure writes for a page', () => {
    const { files, figures } = recording();
    const spec = report.charts[0]!.spec;
    renderFigure(spec, figures);
    expect(chartFiles(project, spec.id)).toEqual(files);
    expect(allCharts(project).get(spec.id)).toBe(spec);
  });

  test('in a build the pages write into SITE_CHART_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chart-dir-'));
    dirs.push(dir);
    const out = path.join(dir, 'data', 'charts');
    const figures = pageFigures(project, { ...readConfig({}), chartDir: out });
    fillCharts(report.html, report.charts, (spec) => renderFigure(spec, figures));
    const id = report.charts[0]!.spec.id;
    expect(readdirSync(out).sort()).toEqual([`${id}.csv`, `${id}.png`, `${id}.svg`]);
    // the picture is a PNG (contract §6.2)
    expect(readFileSync(path.join(out, `${id}.png`)).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(path.join(out, `${id}.csv`), 'utf8')).toBe(chartFiles(project, id).get(`${id}.csv`));
  });
});
