import { describe, expect, test } from 'vitest';
import { targetSentence } from '../../src/metrics/targetSentence.ts';
import { targetProgress } from '../../src/metrics/targets.ts';
import { c, cleanup, inspection, makeTables, q, target, toilet, village } from './fixtures.ts';

const tables = makeTables({
  villages: [village('a', '石塘村', '洋江镇', 1000), village('b', '安乐村', '洋江镇', 10)],
  toilets: [toilet('2023-02', 'a', 804, { public_toilets: c(2) }), toilet('2023-06', 'a', 852, { public_toilets: c(6) })],
  cleanup: [cleanup('2023-01', 'a', { garbage_t: c(1146.75) }), cleanup('2023-02', 'a', { garbage_t: c(26.75) })],
  inspections: [inspection('2023-05', 'a', 88), inspection('2023-06', 'a', 86.5)],
});
const sentence = (t: ReturnType<typeof target>) => targetSentence(targetProgress(tables, t));

describe('targetSentence', () => {
  test('targetSentence of a coverage target on track', () => {
    expect(sentence(target('toilet_coverage', 90, '2023-12'))).toBe(
      '覆盖率 85.2%，距 90% 目标差 4.8 个百分点，按目前进度预计 2023年10月达到',
    );
  });
  test('targetSentence of a target behind its due month', () => {
    expect(sentence(target('toilet_coverage', 90, '2023-08'))).toBe(
      '覆盖率 85.2%，距 90% 目标差 4.8 个百分点，按目前进度预计 2023年10月达到，晚于 2023年8月的期限',
    );
  });
  test('targetSentence of a reached target', () => {
    expect(sentence(target('public_toilets', 5, '2023-12'))).toBe('公厕 6 座，已达到 5 座目标');
  });
  test('targetSentence of a yearly garbage total, thousands separators and decimals kept', () => {
    expect(sentence(target('garbage_t', 1500, '2023-12'))).toBe(
      '2023年清理垃圾 1,173.5 吨，距 1,500 吨目标差 326.5 吨，按目前进度预计 2023年3月达到',
    );
  });
  test('targetSentence of a falling score', () => {
    expect(sentence(target('inspection_score', 90, '2023-12'))).toBe(
      '考评平均得分 86.5 分，距 90 分目标差 3.5 分，按目前进度难以在 2023年12月前达到',
    );
  });
  test('targetSentence without data', () => {
    expect(sentence(target('toilet_coverage', 90, '2023-12', { kind: 'village', village: 'b' }))).toBe(
      '覆盖率暂无数据（目标 90%，期限 2023年12月）',
    );
  });
  test('targetSentence with too little data to project', () => {
    const t = makeTables({ villages: [village('a', '石塘村', '洋江镇', 100)], toilets: [toilet('2023-06', 'a', q(50, true))] });
    expect(targetSentence(targetProgress(t, target('toilet_coverage', 90, '2023-12')))).toBe(
      '覆盖率 约50.0%，距 90% 目标差 40.0 个百分点，数据尚不足以预计达到时间',
    );
    expect(targetSentence(targetProgress(t, target('toilet_coverage', 90, '2023-05')))).toBe(
      '覆盖率 约50.0%，距 90% 目标差 40.0 个百分点，已过 2023年5月的期限',
    );
  });
});
