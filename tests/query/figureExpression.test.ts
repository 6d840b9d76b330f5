import { describe, expect, test } from 'vitest';
import { evaluateFigure, parseFigureExpression } from '../../src/query/figureExpression.ts';
import { toiletCoverage } from '../../src/metrics/coverage.ts';
import { scopeProgress } from '../../src/metrics/progress.ts';
import { sampleCsv, sampleTables, tablesFrom } from './sampleTables.ts';

const tables = sampleTables();

function figure(expression: string): string {
  const r = evaluateFigure(tables, expression);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value.text;
}

function error(expression: string): string {
  const r = evaluateFigure(tables, expression);
  if (r.ok) throw new Error(`expected an error, got ${r.value.text}`);
  return r.errors.map((e) => e.message).join('; ');
}

describe('evaluateFigure(tables, expression) aggregates', () => {
  test('sum keeps the decimals and thousands separators, and 余 from an approximate value', () => {
    // 120 + 约80 + 130.5 + 90.25 + 1,000
    expect(figure('sum cleanup.garbage_t')).toBe('1,420.75余');
    expect(figure('sum cleanup.garbage_t where month=2023-06')).toBe('1,220.75');
  });
  test('mean, min and max', () => {
    expect(figure('mean cleanup.garbage_t where month=2023-06')).toBe('406.92');
    expect(figure('min cleanup.garbage_t')).toBe('80余');
    expect(figure('max cleanup.garbage_t')).toBe('1,000');
    expect(figure('max inspections.score')).toBe('95');
  });
  test('min and max of a month column give months', () => {
    expect(figure('min cleanup.month')).toBe('2023年5月');
    expect(figure('max cleanup.month')).toBe('2023年6月');
  });
  test('count counts the reported values (empty cells are not reported)', () => {
    expect(figure('count cleanup.village')).toBe('5');
    expect(figure('count cleanup.piles')).toBe('4');
    expect(figure('count cleanup.village where month=2023-07')).toBe('0');
  });
  test('latest sums each village’s latest value of a stock', () => {
    // v1 450 (Jun), v2 200 (May, no June report), v4 300 (Jun)
    expect(figure('latest toilets.sanitary')).toBe('950');
    // public toilets: v4 left the cell empty, which does not count as 0 nor hide anything
    expect(figure('latest toilets.public_toilets')).toBe('4');
  });
  test('latest with a month means "as of that month"', () => {
    expect(figure('latest toilets.sanitary where month=2023-05')).toBe('600');
    expect(figure('latest toilets.sanitary where month=2023年6月')).toBe('950');
  });
  test('latest toilets.coverage agrees with the topic pages (households of reporting villages)', () => {
    expect(figure('latest toilets.coverage')).toBe('79.2%');
    const site = toiletCoverage(tables, { kind: 'site' })!;
    expect(site.percent!.value).toBeCloseTo(79.1667, 3);
    const township = toiletCoverage(tables, { kind: 'township', township: '洋江镇' })!;
    expect(figure('latest toilets.coverage where township=洋江镇')).toBe(`${(Math.round(township.percent!.value * 10) / 10).toFixed(1)}%`);
  });
  test('latest of a toilets stock is the metric the pages show, for any village/township/month scope', () => {
    const villages = tables.villages.rows;
    const scopes = [
      { where: '', scope: { kind: 'site' } as const },
      ...[...new Set(villages.map((v) => v.township))].map((t) => ({ where: ` where township=${t}`, scope: { kind: 'township', township: t } as const })),
      ...villages.map((v) => ({ where: ` where village=${v.id}`, scope: { kind: 'village', village: v.id } as const })),
    ];
    let compared = 0;
    for (const month of [undefined, '2023-05', '2023-06']) {
      for (const { where, scope } of scopes) {
        const when = month === undefined ? '' : `${where === '' ? ' where' : ''} month=${month}`;
        const expected = toiletCoverage(tables, scope, month);
        const coverage = evaluateFigure(tables, `latest toilets.coverage${where}${when}`);
        const sanitary = evaluateFigure(tables, `latest toilets.sanitary${where}${when}`);
        if (expected?.percent) {
          expect(coverage.ok && coverage.value.value, `${where}${when}`).toBe(expected.percent.value);
          compared++;
        } else expect(coverage.ok, `${where}${when}`).toBe(false);
        if (expected?.sanitary) expect(sanitary.ok && sanitary.value.value, `${where}${when}`).toBe(expected.sanitary.value);
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
  test('latest over conditions that exclude each other has no data', () => {
    const [a, b] = tables.villages.rows.filter((v) => v.township === tables.villages.rows[0]!.township);
    const other = tables.villages.rows.find((v) => v.township !== a!.township)!;
    expect(error(`latest toilets.coverage where village=${a!.id} village=${b!.id}`)).toContain('没有符合条件的数据');
    expect(error(`latest toilets.coverage where village=${a!.id} township=${other.township}`)).toContain('没有符合条件的数据');
  });
});

describe('evaluateFigure(tables, expression) columns', () => {
  test('a column by key, Chinese label or label without unit, full-width brackets included', () => {
    expect(figure('sum cleanup.清理垃圾(吨) where month=2023-06')).toBe('1,220.75');
    expect(figure('sum cleanup.清理垃圾（吨） where month=2023-06')).toBe('1,220.75');
    expect(figure('sum cleanup.清理垃圾 where month=2023-06')).toBe('1,220.75');
    expect(figure('SUM cleanup.GARBAGE_T where month=2023-06')).toBe('1,220.75');
  });
  test('percent columns have one decimal', () => {
    expect(figure('mean toilets.coverage where month=2023-06')).toBe('82.5%');
    expect(figure('max toilets.coverage')).toBe('90.0%');
  });
  test('construction-points.progress is the point progress of src/metrics', () => {
    // p1: (50% + 100%) / 2 = 75%; p2: 0%
    expect(figure('max construction-points.progress')).toBe('75.0%');
    expect(figure('mean construction-points.progress')).toBe(`${scopeProgress(tables, { kind: 'site' }).percent!.value.toFixed(1)}%`);
  });
  test('inspections.rank: ties share a rank', () => {
    expect(figure('count inspections.rank where rank=1')).toBe('2');
    expect(figure('min inspections.rank where village=v2')).toBe('3');
    expect(figure('max inspections.rank')).toBe('4');
  });
  test('township reaches construction items through their point', () => {
    expect(figure('sum construction-items.done where township=洋江镇 unit=户')).toBe('10');
    expect(figure('count construction-items.item where township=洋江镇')).toBe('3');
  });
});

describe('evaluateFigure(tables, expression) where', () => {
  test('a village matches by id or by name', () => {
    expect(figure('sum cleanup.garbage_t where village=v2')).toBe('170.25余');
    expect(figure('sum cleanup.garbage_t where village=长塘村')).toBe('170.25余');
    expect(figure('sum cleanup.garbage_t where 村=长塘村 月份=2023年6月')).toBe('90.25');
  });
  test('months in any accepted form', () => {
    for (const m of ['2023-06', '2023-6', '2023/6', '2023.06', '2023年6月', '2023-06-01']) {
      expect(figure(`sum cleanup.garbage_t where month=${m}`)).toBe('1,220.75');
    }
  });
  test('all conditions must hold', () => {
    expect(figure('sum cleanup.garbage_t where township=洋江镇 month=2023-06')).toBe('220.75');
    expect(figure('sum cleanup.garbage_t where township = 洋江镇  month = 2023-06')).toBe('220.75');
  });
});

describe('evaluateFigure(tables, expression) errors', () => {
  test('unknown dataset lists the datasets, the likely one first', () => {
    expect(error('sum cleanups.garbage_t')).toMatch(/^数据集 "cleanups" 不存在（已有：cleanup、/);
  });
  test('a known dataset without its file says so', () => {
    expect(error('sum targets.value')).toContain('data/targets.csv 不存在');
  });
  test('unknown column suggests the near one by its label', () => {
    expect(error('sum cleanup.garbage')).toBe('列 "garbage" 不存在，是否应为「清理垃圾(吨)」?');
  });
  test('unknown aggregate lists the aggregates', () => {
    expect(error('total cleanup.garbage_t')).toContain('未知的统计方式 "total"');
    expect(error('summ cleanup.garbage_t')).toContain('是否应为「sum」');
  });
  test('unknown village and a name two townships share', () => {
    expect(error('sum cleanup.garbage_t where village=石堂村')).toContain('"石堂村" 不是村庄名录');
    expect(error('sum cleanup.garbage_t where village=石塘村')).toContain('请改填村的编号');
  });
  test('unknown township, bad month, malformed condition', () => {
    expect(error('sum cleanup.garbage_t where township=洋江')).toContain('是否应为「洋江镇」');
    expect(error('sum cleanup.garbage_t where month=六月')).toContain('「月份」');
    expect(error('sum cleanup.garbage_t where 洋江镇')).toContain('应写成 列=值');
    expect(error('sum cleanup.garbage_t month=2023-06')).toContain('须写 where');
  });
  test('sums that would be wrong are refused', () => {
    expect(error('sum toilets.coverage')).toContain('百分比');
    expect(error('sum cleanup.village')).toContain('不是数值列');
    expect(error('sum construction-items.planned')).toContain('单位不一');
    expect(error('latest construction-points.investment_wan')).toContain('没有月份列');
  });
  test('nothing to compute is an error, not a 0', () => {
    expect(error('sum cleanup.garbage_t where month=2023-07')).toContain('没有符合条件的数据');
  });
});

test('parseFigureExpression(tables, text) splits at the longest dataset name', () => {
  const r = parseFigureExpression(tables, ' max  construction-points.progress where township=洋江镇 ');
  expect(r).toEqual({ ok: true, value: { aggregate: 'max', dataset: 'construction-points', column: 'progress', where: ['township=洋江镇'] } });
});

test('evaluateFigure(tables, expression) on a free dataset', () => {
  const free = tablesFrom({ ...sampleCsv, '河长巡河': 'month,km,note\n2023-05,12.5,\n2023-06,约8,雨天\n' });
  const r = evaluateFigure(free, 'sum 河长巡河.km');
  expect(r.ok && r.value.text).toBe('20.5余');
});
