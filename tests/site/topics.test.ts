// The topic registry (src/views/topics.ts): every entry's KPIs, charts and body exist, and a topic
// whose dataset file is absent is in neither topicsOf(tables), the navigation nor the chart ids.
// (The built site without that topic's page: tests/site/build.test.ts, "cleanup.csv absent".)
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { presetNames } from '../../src/presets/presets.ts';
import { loadProject } from '../../src/project/project.ts';
import { kpiKeys, kpisFor } from '../../src/views/kpis.ts';
import { navItems } from '../../src/views/nav.ts';
import { allCharts } from '../../src/views/chartOutput.ts';
import { monthlyTopicContent } from '../../src/views/monthlyTopic.ts';
import { bodyOf, chartIdSources, homeCharts, MONTHLY_BODY, topicCharts, topicKpis, topicRegistry, topicsOf, townshipCharts, villageChartNames } from '../../src/views/topics.ts';
import { cleanupSchema } from '../../src/data/datasets/cleanup.ts';

const root = path.resolve('.');
const sample = loadProject(root);
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The sample site without some data files. */
function without(...files: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'topics-'));
  roots.push(dir);
  cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true, filter: (src) => !files.includes(path.basename(src)) });
  return loadProject(dir);
}

test('the sample data has every topic, in the registry order', () => {
  expect(topicsOf(sample.tables).map((t) => t.slug)).toEqual(['cleanup', 'construction', 'toilets', 'ranking']);
  expect(topicsOf(sample.tables)).toEqual(topicRegistry);
});

describe.each(topicRegistry.map((t) => [t.slug, t] as const))('topic %s', (slug, topic) => {
  test('its KPIs exist, by key, in the entry order', () => {
    for (const key of topic.kpis) expect(kpiKeys).toContain(key);
    expect(topicKpis(sample, slug).map((k) => k.key)).toEqual(topic.kpis);
  });

  test('its charts are presets and are drawn', () => {
    for (const name of [...topic.charts, ...topic.overview]) expect(presetNames).toContain(name);
    const ids = topicCharts(sample, slug).map((c) => c.id);
    expect(ids.slice(0, topic.charts.length)).toEqual([...topic.charts]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('its body component exists', () => {
    expect(existsSync(path.join(root, 'src/components/topics', bodyOf(topic)))).toBe(true);
  });

  test('with the default body, its dataset is monthly and the entry gives the lead', () => {
    if (bodyOf(topic) !== MONTHLY_BODY) return;
    expect(sample.tables[topic.requires]?.monthly).toBe(true);
    expect(topic.lead).toBeTruthy();
    expect(monthlyTopicContent(sample, topic).kpis.map((k) => k.key)).toEqual(topic.kpis);
  });
});

test('every KPI card has a key of its own, site-wide and for a village', () => {
  const village = sample.tables.villages.rows[0]!.id;
  for (const kpis of [kpisFor(sample.tables, { kind: 'site' }), kpisFor(sample.tables, { kind: 'village', village })]) {
    const keys = kpis.map((k) => k.key);
    expect(keys.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(kpiKeys).toContain(key);
  }
});

test("one list of the site's charts: the download endpoints serve every id npm run check verifies, township charts too", () => {
  const ids = [...new Set(chartIdSources(sample).map((s) => s.id))];
  expect([...allCharts(sample).keys()]).toEqual(ids);
  const township = townshipCharts(sample, '洋江镇')[0]!;
  expect(allCharts(sample).get(township.id)?.title).toBe(township.title);
});

test("the cleanup KPIs take their labels and units from the schema's columns", () => {
  const cards = topicKpis(sample, 'cleanup');
  const columns = ['garbage_t', 'ditches_km', 'piles', 'structures_m2', 'spending_wan'].map((key) => cleanupSchema.columns.find((c) => c.key === key)!);
  expect(cards.map((k) => k.unit)).toEqual(columns.map((c) => c.unit));
  // 清洁行动投入: the one card named apart from its column (投入资金 alone does not say for what)
  expect(cards.map((k) => k.label)).toEqual(['清理垃圾（累计）', '清理沟渠（累计）', '清理乱堆乱放（累计）', '拆除私搭乱建（累计）', '清洁行动投入（累计）']);
  expect(columns.map((c) => c.label)).toEqual(['清理垃圾(吨)', '清理沟渠(公里)', '清理乱堆乱放(处)', '拆除私搭乱建(平方米)', '投入资金(万元)']);
});

test('only the ranking prints as a sheet', () => {
  expect(topicRegistry.filter((t) => t.printSheet).map((t) => t.slug)).toEqual(['ranking']);
});

test('without toilets.csv the 厕所革命 topic, its link and its charts are gone', () => {
  const project = without('toilets.csv');
  expect(topicsOf(project.tables).map((t) => t.slug)).toEqual(['cleanup', 'construction', 'ranking']);
  expect(navItems(project).map((i) => i.path)).not.toContain('/toilets/');
  expect(navItems(project).map((i) => i.path)).toContain('/cleanup/');
  expect(homeCharts(project).map((c) => c.id)).toEqual(['cleanup-monthly']);
  expect(villageChartNames(project)).toEqual(['cleanup-monthly']);
  expect(chartIdSources(project).filter((s) => /toilet/.test(s.id))).toEqual([]);
});

test('without construction-items.csv the construction topic stays but draws no progress chart', () => {
  const project = without('construction-items.csv');
  expect(topicsOf(project.tables).map((t) => t.slug)).toContain('construction');
  expect(topicCharts(project, 'construction')).toEqual([]);
  expect(topicKpis(project, 'construction').map((k) => k.key)).toContain('construction_points');
});
