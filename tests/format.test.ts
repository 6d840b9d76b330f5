import { describe, expect, test } from 'vitest';
import {
  formatChange,
  formatCompact,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  formatPoints,
  formatQuantity,
  percentPoints,
  roundNumber,
  roundPercent,
  trimFloat,
} from '../src/format.ts';

describe('formatNumber', () => {
  test('formatNumber(value) groups thousands', () => {
    expect(formatNumber(1173.5)).toBe('1,173.5');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0)).toBe('0');
  });
  test('formatNumber(value) keeps up to two decimals without rounding them away', () => {
    expect(formatNumber(1146.75)).toBe('1,146.75');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(2.1)).toBe('2.1');
  });
  test('formatNumber(value) rounds beyond two decimals', () => {
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(2.675)).toBe('2.68');
    expect(formatNumber(1.005)).toBe('1.01');
  });
  test('formatNumber(value) neutralises float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1146.7 + 0.05)).toBe('1,146.75');
    expect(formatNumber(-0.001)).toBe('0');
  });
  test('formatNumber(value) shows negatives with a minus', () => {
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
  });
  test('formatNumber(value, true) appends 余', () => {
    expect(formatNumber(1000, true)).toBe('1,000余');
    expect(formatNumber(550.5, true)).toBe('550.5余');
  });
  test('formatNumber(NaN) is a dash', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatQuantity', () => {
  test('formatQuantity(null) is a dash: not reported, never zero', () => {
    expect(formatQuantity(null)).toBe('—');
  });
  test('formatQuantity(q) formats the value and keeps the approximate mark', () => {
    expect(formatQuantity({ value: 1173.5, approx: false })).toBe('1,173.5');
    expect(formatQuantity({ value: 1000, approx: true })).toBe('1,000余');
    expect(formatQuantity({ value: 0, approx: false })).toBe('0');
  });
});

describe('formatPercent', () => {
  test('formatPercent(value) shows exactly one decimal', () => {
    expect(formatPercent(85.24)).toBe('85.2%');
    expect(formatPercent(85.26)).toBe('85.3%');
    expect(formatPercent(90)).toBe('90.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(100)).toBe('100.0%');
  });
  test('formatPercent(value) neutralises float noise', () => {
    expect(formatPercent(85.25)).toBe('85.3%');
    expect(formatPercent((0.1 + 0.2) * 100)).toBe('30.0%');
  });
  test('formatPercent(value, true) prefixes 约', () => {
    expect(formatPercent(85.24, true)).toBe('约85.2%');
  });
  test('formatPercent(NaN) is a dash', () => {
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('months', () => {
  test('formatMonth("2023-07") is 2023年7月', () => {
    expect(formatMonth('2023-07')).toBe('2023年7月');
    expect(formatMonth('2023-12')).toBe('2023年12月');
  });
  test('formatMonthShort("2023-07") is 7月', () => {
    expect(formatMonthShort('2023-07')).toBe('7月');
    expect(formatMonthShort('2023-10')).toBe('10月');
  });
});

describe('formatCompact', () => {
  test('formatCompact(value) leaves values under 10,000 as formatNumber', () => {
    expect(formatCompact(9999)).toBe('9,999');
    expect(formatCompact(1173.5)).toBe('1,173.5');
    expect(formatCompact(0)).toBe('0');
  });
  test('formatCompact(value) uses 万 from 10,000', () => {
    expect(formatCompact(10000)).toBe('1万');
    expect(formatCompact(12000)).toBe('1.2万');
    expect(formatCompact(12345)).toBe('1.23万');
    expect(formatCompact(99_990_000)).toBe('9,999万');
    expect(formatCompact(-25000)).toBe('-2.5万');
  });
  test('formatCompact(value) uses 亿 from 100,000,000', () => {
    expect(formatCompact(100_000_000)).toBe('1亿');
    expect(formatCompact(120_000_000)).toBe('1.2亿');
    expect(formatCompact(99_999_999.999)).toBe('1亿');
  });
  test('formatCompact(value) switches unit on the rounded figure', () => {
    expect(formatCompact(9999.999)).toBe('1万');
  });
});

describe('formatChange', () => {
  test('formatChange(delta, unit) says 增加 for a rise', () => {
    expect(formatChange(12.5, '吨')).toBe('增加 12.5 吨');
    expect(formatChange(1234, '户')).toBe('增加 1,234 户');
  });
  test('formatChange(delta, unit) says 减少 for a fall, without a minus', () => {
    expect(formatChange(-3, '户')).toBe('减少 3 户');
  });
  test('formatChange(0) says 持平, also for float noise', () => {
    expect(formatChange(0, '吨')).toBe('持平');
    expect(formatChange(0.1 + 0.2 - 0.3, '吨')).toBe('持平');
    expect(formatChange(-0.001, '吨')).toBe('持平');
  });
  test('formatChange(delta) without a unit', () => {
    expect(formatChange(5)).toBe('增加 5');
  });
  test('formatChange(delta, "%") keeps % next to the number', () => {
    expect(formatChange(5, '%')).toBe('增加 5%');
  });
  test('formatChange(delta, unit, true) carries 余', () => {
    expect(formatChange(1000, '吨', true)).toBe('增加 1,000余 吨');
  });
});

describe('formatPoints', () => {
  test('formatPoints(delta) shows percentage points with one decimal', () => {
    expect(formatPoints(4.8)).toBe('4.8 个百分点');
    expect(formatPoints(4.75)).toBe('4.8 个百分点');
    expect(formatPoints(5)).toBe('5.0 个百分点');
  });
  test('formatPoints(delta) keeps the sign of a fall', () => {
    expect(formatPoints(-4.8)).toBe('-4.8 个百分点');
  });
});

describe('one rounding of percents and one float trim', () => {
  test('trimFloat drops float noise, keeps real digits and turns -0 into 0', () => {
    expect(trimFloat(0.1 + 0.2)).toBe(0.3);
    expect(trimFloat(1234567.891)).toBe(1234567.891);
    expect(Object.is(trimFloat(-0), 0)).toBe(true);
  });
  test('roundPercent is the figure formatPercent shows', () => {
    for (const v of [83.64, 85.26, 88.05, 0.05, 99.95, 12.25, 1 / 3 * 100]) {
      expect(formatPercent(roundPercent(v))).toBe(formatPercent(v));
    }
  });
  test('percentPoints compares the percents as shown: 83.64% → 85.26% is 1.7 points, not 1.6', () => {
    expect(percentPoints(85.26, 83.64)).toBe(1.7);
    expect(formatPoints(percentPoints(85.26, 83.64))).toBe('1.7 个百分点');
    expect(percentPoints(83.64, 85.26)).toBe(-1.7);
  });
  test('roundNumber is the figure formatNumber shows', () => {
    expect(roundNumber(12.345)).toBe(Number(formatNumber(12.345)));
    expect(roundNumber(0.1 + 0.2)).toBe(0.3);
  });
});
