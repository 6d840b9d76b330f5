import { describe, expect, test } from 'vitest';
import { csv, load, only } from './helpers.ts';

const POINTS = csv(
  '编号,建设点,村,年度,级别,投资(万元),受益户数,受益人数',
  'p1,石塘下组,长塘村,2023,省级,42,88,328',
  'p2,笋田组,v2,2023,镇级,,,',
);

describe('cleanup.csv (§3.2)', () => {
  test('metric columns may be absent: absent from columns, null in rows', () => {
    const { tables, issues } = load({ cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,3') });
    expect(issues).toEqual([]);
    expect(tables.cleanup!.columns.map((c) => c.key)).toEqual(['month', 'village', 'garbage_t']);
    expect(tables.cleanup!.rows[0]).toMatchObject({ garbage_t: { value: 3, approx: false }, ditches_km: null, ads: null });
  });
  test('unique (month, village): a second row for the same village and month is a unique-error naming the earlier row', () => {
    const { issues, tables } = load({ cleanup: csv('月份,村,清理垃圾(吨)', '2023-07,v1,3', '2023年7月,长塘村,4') });
    expect(issues).toEqual([
      { path: 'data/cleanup.csv', row: 3, column: 1, code: 'unique-error', message: '「月份」「村」为 "2023年7月"、"长塘村" 的行与第 2 行重复；同一组合只能有一行' },
    ]);
    expect(tables.cleanup!.rows.map((r) => r.line)).toEqual([2]);
  });
});

describe('construction-points.csv (§3.3)', () => {
  test('reads points with their village resolved to its id', () => {
    const { tables, issues } = load({ 'construction-points': POINTS });
    expect(issues).toEqual([]);
    expect(tables.constructionPoints!.rows[0]).toEqual({
      line: 2, id: 'p1', name: '石塘下组', village: 'v1', year: 2023, level: '省级',
      investment_wan: { value: 42, approx: false }, households: { value: 88, approx: false }, people: { value: 328, approx: false }, note: null,
    });
  });
  test('level is one of 省级, 市级, 县级, 镇级; year is a whole number; id unique', () => {
    const { issues } = load({ 'construction-points': csv('编号,建设点,村,年度,级别', 'p1,甲,v1,2023.5,区级', 'p1,乙,v1,2023,县级') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 4, 'type-error'],
      [2, 5, 'constraint-error'],
      [3, 1, 'unique-error'],
    ]);
    // A value outside the list is a constraint-error listing the allowed values (contract §3.0, Lists).
    expect(issues[1]!.message).toBe('「级别」"区级" 不在允许的值之中：应为 省级、市级、县级 或 镇级');
  });
});

describe('construction-items.csv (§3.4)', () => {
  const HEAD = '建设点编号,建设内容,单位,计划量,完成量';
  test('reads items; planned/done may carry the row\'s own unit', () => {
    const { tables, issues } = load({ 'construction-points': POINTS, 'construction-items': csv(HEAD, 'p1,硬化进村主干道,公里,0.6公里,0.3km', 'p1,改户厕,户,48户,24', 'p2,绿化,㎡,100,80') });
    expect(issues).toEqual([]);
    expect(tables.constructionItems!.rows.map((r) => [r.point, r.item, r.unit, r.planned.value, r.done.value])).toEqual([
      ['p1', '硬化进村主干道', '公里', 0.6, 0.3],
      ['p1', '改户厕', '户', 48, 24],
      ['p2', '绿化', 'm2', 100, 80],
    ]);
  });
  test('a unit other than the row\'s is a type-error', () => {
    expect(load({ 'construction-points': POINTS, 'construction-items': csv(HEAD, 'p1,改户厕,户,48座,24') }).issues.map((i) => i.code)).toEqual(['type-error']);
  });
  test('done above planned is a warning, not an error', () => {
    const { issues, tables } = load({ 'construction-points': POINTS, 'construction-items': csv(HEAD, 'p1,新建公厕,座,1,2') });
    expect(issues).toEqual([{ path: 'data/construction-items.csv', row: 2, column: 5, code: 'warning', message: expect.stringContaining('「完成量」2 超过「计划量」1') }]);
    expect(tables.constructionItems!.rows).toHaveLength(1);
  });
  test('point must exist in construction-points.csv (foreign-key-error); (point, item, unit) is unique', () => {
    const { issues } = load({ 'construction-points': POINTS, 'construction-items': csv(HEAD, 'p9,改户厕,户,1,1', 'p1,改户厕,户,1,1', 'P1,改户厕 ,户,2,2', 'p1,改户厕,座,2,2') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 1, 'foreign-key-error'],
      [4, 1, 'unique-error'],
    ]);
  });
  test('without construction-points.csv, the point column cannot be checked: one whole-file error', () => {
    const { issues, tables } = load({ 'construction-items': csv(HEAD, 'p1,改户厕,户,1,1', 'p2,改户厕,户,1,1') });
    expect(issues).toEqual([{ path: 'data/construction-items.csv', code: 'foreign-key-error', message: expect.stringContaining('data/construction-points.csv') }]);
    expect(tables.constructionItems!.rows).toEqual([]);
  });
});

describe('toilets.csv (§3.5)', () => {
  const HEAD = '月份,村,无害化卫生户厕(户),当月改厕(户),公厕(座)';
  test('sanitary is required; converted and public toilets optional', () => {
    const { tables, issues } = load({ toilets: csv(HEAD, '2023-07,v1,500,12,', '2023-07,v2,,1,1') });
    expect(issues.map((i) => [i.row, i.code])).toEqual([[3, 'missing-value']]);
    expect(tables.toilets!.rows).toEqual([
      { line: 2, month: '2023-07', village: 'v1', sanitary: { value: 500, approx: false }, converted: { value: 12, approx: false }, public_toilets: null, note: null },
    ]);
  });
  test('sanitary above the village\'s households is a constraint-error', () => {
    const { lines, tables } = load({ toilets: csv(HEAD, '2023-07,v1,530,,', '2023-08,v1,512,,') });
    expect(lines).toEqual(['data/toilets.csv:2:3 constraint-error 「无害化卫生户厕(户)」为 530，超过该村户数 512']);
    expect(tables.toilets!.rows.map((r) => r.line)).toEqual([3]);
  });
  test('unique (month, village)', () => {
    expect(only(load({ toilets: csv(HEAD, '2023-07,v1,1,,', '2023-07-15,V1,2,,') }).issues, 'unique-error')).toHaveLength(1);
  });
});

describe('inspections.csv (§3.6)', () => {
  test('score is a number 0–100', () => {
    const { issues, tables } = load({ inspections: csv('月份,村,得分', '2023-07,v1,88.5', '2023-07,v2,101', '2023-08,v1,-1') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 3, 'constraint-error'],
      [4, 3, 'constraint-error'],
    ]);
    expect(tables.inspections!.rows.map((r) => r.score.value)).toEqual([88.5]);
  });
  test('unique (month, village)', () => {
    expect(only(load({ inspections: csv('月份,村,得分', '2023-07,v1,1', '2023-07,长塘村,2') }).issues, 'unique-error')).toHaveLength(1);
  });
});

describe('targets.csv (§3.7)', () => {
  const HEAD = '指标,目标值,期限,范围';
  test('metric by key or Chinese name; scope empty = site, township name, or village reference', () => {
    const { tables, issues } = load({
      targets: csv(HEAD, '无害化卫生户厕覆盖率,90%,2023-12,洋江镇', 'public_toilets,117座,2023-09,', 'garbage_t,1000,2023-12,长塘村', '考评得分,85,2023年12月,xc-hk', '建设点完成进度,100,2023-12,-'),
    });
    expect(issues).toEqual([]);
    expect(tables.targets!.rows.map((t) => [t.metric, t.value.value, t.due, t.scope])).toEqual([
      ['toilet_coverage', 90, '2023-12', { kind: 'township', township: '洋江镇' }],
      ['public_toilets', 117, '2023-09', { kind: 'site' }],
      ['garbage_t', 1000, '2023-12', { kind: 'village', village: 'v1' }],
      ['inspection_score', 85, '2023-12', { kind: 'village', village: 'xc-hk' }],
      ['construction_progress', 100, '2023-12', { kind: 'site' }],
    ]);
  });
  test('an unknown metric is a constraint-error (a list, §3.0) with a suggestion; a percent target above 100 is refused', () => {
    const { issues } = load({ targets: csv(HEAD, '公厕数,1,2023-12,', '无害化卫生户厕覆盖率,120,2023-12,') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 1, 'constraint-error'],
      [3, 2, 'constraint-error'],
    ]);
    expect(issues[0]!.message).toContain('是否应为「公厕」?');
  });
  test('a scope that is neither a township nor a village is a foreign-key-error; a shared village name too', () => {
    const { issues } = load({ targets: csv(HEAD, '公厕,1,2023-12,火星镇', '公厕,1,2023-12,新村') });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 4, 'foreign-key-error'],
      [3, 4, 'foreign-key-error'],
    ]);
    expect(issues[1]!.message).toContain('请改填村的编号');
  });
});
