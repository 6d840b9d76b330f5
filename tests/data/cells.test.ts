import { describe, expect, test } from 'vitest';
import {
  excelSerialToDate,
  isEmptyCell,
  normalizeCell,
  parseMonth,
  parseNumber,
  unitAliases,
  type CellResult,
  type NumberRule,
} from '../../src/data/cells/cells.ts';
import type { Quantity } from '../../src/data/types.ts';

const garbage: NumberRule = { label: '清理垃圾(吨)', unit: '吨' };
const ditches: NumberRule = { label: '清理沟渠(公里)', unit: '公里' };
const structures: NumberRule = { label: '拆除私搭乱建(平方米)', unit: '平方米' };
const piles: NumberRule = { label: '清理乱堆乱放(处)', unit: '处', integer: true };
const households: NumberRule = { label: '户数', unit: '户', integer: true };
const coverage: NumberRule = { label: '覆盖率(%)', percent: true };
const score: NumberRule = { label: '得分', min: 0, max: 100 };
const lng: NumberRule = { label: '经度', min: -180, max: 180 };

/** The quantity of a successful read; fails the test with the message otherwise. */
function ok(result: CellResult<Quantity>): Quantity {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.value;
}
function value(raw: string, rule: NumberRule = garbage): number {
  return ok(parseNumber(raw, rule)).value;
}
function fail<T>(result: CellResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result;
}

describe('normalizeCell', () => {
  test('normalizeCell(raw) trims ASCII and ideographic spaces', () => {
    expect(normalizeCell('  12 ')).toBe('12');
    expect(normalizeCell('\u3000\u300012\u3000')).toBe('12');
    expect(normalizeCell('\t12\r\n')).toBe('12');
  });
  test('normalizeCell(raw) applies NFKC to full-width digits, brackets and ㎡', () => {
    expect(normalizeCell('１２３')).toBe('123');
    expect(normalizeCell('清理垃圾（吨）')).toBe('清理垃圾(吨)');
    expect(normalizeCell('５㎡')).toBe('5m2');
    expect(normalizeCell('85％')).toBe('85%');
  });
  test('normalizeCell(raw) removes zero-width characters', () => {
    expect(normalizeCell('\uFEFF12\u200B')).toBe('12');
  });
});

describe('isEmptyCell', () => {
  test('isEmptyCell(raw) is true for empty and blank cells', () => {
    expect(isEmptyCell('')).toBe(true);
    expect(isEmptyCell('  ')).toBe(true);
    expect(isEmptyCell('\u3000')).toBe(true);
  });
  test('isEmptyCell(raw) is true for the not-reported marks standing alone', () => {
    for (const mark of ['-', '—', '/', '无', '暂无', '–', '－', '／', '——', ' 无 ', '\u3000-\u3000']) {
      expect(isEmptyCell(mark), mark).toBe(true);
    }
  });
  test('isEmptyCell(raw) is false for values and for marks inside text', () => {
    for (const cell of ['0', '-5', '无数据', '无害化', '暂无数据', '1/2', 'a', '一']) {
      expect(isEmptyCell(cell), cell).toBe(false);
    }
  });
});

describe('parseNumber', () => {
  test('parseNumber(raw) reads plain integers and decimals', () => {
    expect(parseNumber('12', garbage)).toEqual({ ok: true, value: { value: 12, approx: false } });
    expect(value('12.5')).toBe(12.5);
    expect(value('0')).toBe(0);
    expect(value('0.25')).toBe(0.25);
  });
  test('parseNumber(raw) reads full-width digits after NFKC', () => {
    expect(value('１２．５')).toBe(12.5);
    expect(value('１，２３４')).toBe(1234);
  });
  test('parseNumber("1,234.5") reads thousands groups', () => {
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('12,345,678')).toBe(12345678);
    expect(value('999,999.75')).toBe(999999.75);
  });
  test('parseNumber("1,5") refuses commas not in groups of three', () => {
    for (const raw of ['1,5', '12,34', '1,2345', '1234,567', '1,,234', '1,']) {
      const r = fail(parseNumber(raw, garbage));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('「清理垃圾(吨)」应为数字');
      expect(r.message, raw).toContain(`实际为 "${raw}"`);
    }
    expect(fail(parseNumber('1,5', garbage)).message).toContain('三位一组');
  });
  test('parseNumber("1。5") reads the ideographic full stop as a decimal point, with a warning', () => {
    const r = parseNumber('1。5', garbage);
    expect(r.ok && r.value).toEqual({ value: 1.5, approx: false });
    expect(r.ok && r.warning).toContain('小数点');
    expect(r.ok && r.warning).toContain('「清理垃圾(吨)」');
    expect(r.ok && r.warning).toContain('"1。5"');
    expect(value('1,234。25')).toBe(1234.25);
  });
  test('parseNumber(raw) gives no warning for an ordinary decimal point', () => {
    const r = parseNumber('1.5', garbage);
    expect(r.ok && r.warning).toBeUndefined();
  });
  test('parseNumber("约550") marks a prefixed value approximate', () => {
    expect(ok(parseNumber('约550', garbage))).toEqual({ value: 550, approx: true });
    expect(ok(parseNumber('近550', garbage))).toEqual({ value: 550, approx: true });
    expect(ok(parseNumber('约 550 吨', garbage))).toEqual({ value: 550, approx: true });
  });
  test('parseNumber("550余") marks a suffixed value approximate', () => {
    for (const raw of ['550余', '550多', '550+', '550 +', '550+吨', '550余吨', '550吨余', '550吨多', '550 余 吨']) {
      expect(ok(parseNumber(raw, garbage)), raw).toEqual({ value: 550, approx: true });
    }
  });
  test('parseNumber(raw) accepts the column unit and its aliases, with or without a space', () => {
    expect(ok(parseNumber('550吨', garbage))).toEqual({ value: 550, approx: false });
    expect(value('550 吨')).toBe(550);
    expect(value('550t')).toBe(550);
    expect(value('550T')).toBe(550);
    expect(value('3公里', ditches)).toBe(3);
    expect(value('3千米', ditches)).toBe(3);
    expect(value('3km', ditches)).toBe(3);
    expect(value('3 KM', ditches)).toBe(3);
    expect(value('３ｋｍ', ditches)).toBe(3);
    expect(value('120平方米', structures)).toBe(120);
    expect(value('120㎡', structures)).toBe(120);
    expect(value('120m²', structures)).toBe(120);
    expect(value('120m2', structures)).toBe(120);
    expect(value('120M2', structures)).toBe(120);
    expect(value('3处', piles)).toBe(3);
    expect(value('3个', piles)).toBe(3);
    expect(value('3处', { label: '自然村数', unit: '个', integer: true })).toBe(3);
    expect(value('2.5万元', { label: '投入资金(万元)', unit: '万元' })).toBe(2.5);
    expect(value('512户', households)).toBe(512);
    expect(value('1800人', { label: '人口', unit: '人', integer: true })).toBe(1800);
    expect(value('4座', { label: '公厕(座)', unit: '座', integer: true })).toBe(4);
    expect(value('6间', { label: '数量', unit: '间' })).toBe(6);
  });
  test('unitAliases(unit) lists the canonical unit first', () => {
    expect(unitAliases('公里')).toEqual(['公里', '千米', 'km']);
    expect(unitAliases('分')).toEqual(['分']);
  });
  test('parseNumber("3米") in a 公里 column is a type-error naming the accepted units', () => {
    const r = fail(parseNumber('3米', ditches));
    expect(r.code).toBe('type-error');
    expect(r.message).toBe('「清理沟渠(公里)」的单位应为 公里（也可写 千米、km），实际为 "3米"');
  });
  test('parseNumber(raw) names a unit without aliases plainly', () => {
    const r = fail(parseNumber('3元', { label: '投入资金(万元)', unit: '万元' }));
    expect(r.code).toBe('type-error');
    expect(r.message).toBe('「投入资金(万元)」的单位应为 万元，实际为 "3元"');
  });
  test('parseNumber(raw) refuses any unit in a column without one', () => {
    const r = fail(parseNumber('90分', score));
    expect(r.code).toBe('type-error');
    expect(r.message).toContain('「得分」应为数字');
    expect(r.message).toContain('"90分"');
  });
  test('parseNumber(raw) refuses a percent sign outside percent columns', () => {
    expect(fail(parseNumber('85%', garbage)).code).toBe('type-error');
  });
  test('parseNumber("十吨") and other non-numbers are type-errors quoting the value', () => {
    expect(fail(parseNumber('十吨', garbage))).toEqual({
      ok: false,
      code: 'type-error',
      message: '「清理垃圾(吨)」应为数字，实际为 "十吨"',
    });
    // `1e5` is scientific notation, read with a warning (contract §3.9).
    for (const raw of ['abc', '1.2.3', '12 34', '1e', '1e5e', '多', '约', '+5', '.', '5吨吨', '3..5', '2023年']) {
      const r = fail(parseNumber(raw, garbage));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
  test('parseNumber(raw) quotes the value as typed, trimmed', () => {
    expect(fail(parseNumber('  十吨\u3000', garbage)).message).toContain('实际为 "十吨"');
  });
  test('parseNumber(raw) shortens a very long value in the message', () => {
    const r = fail(parseNumber('很'.repeat(100), garbage));
    expect(r.message).toContain('很'.repeat(40) + '…"');
    expect(r.message).not.toContain('很'.repeat(41));
  });
  test('parseNumber(raw, {integer}) refuses fractions', () => {
    const r = fail(parseNumber('3.5', piles));
    expect(r.code).toBe('type-error');
    expect(r.message).toBe('「清理乱堆乱放(处)」应为整数，实际为 "3.5"');
    expect(fail(parseNumber('1。5', households)).code).toBe('type-error');
    expect(value('3.0', piles)).toBe(3);
    expect(value('1,200户', households)).toBe(1200);
    expect(ok(parseNumber('约30处', piles))).toEqual({ value: 30, approx: true });
  });
  test('parseNumber("-5") is a constraint-error: quantities are never negative', () => {
    for (const raw of ['-5', '−5', '－5', '-5吨', '约-5', '-0.5']) {
      const r = fail(parseNumber(raw, garbage));
      expect(r.code, raw).toBe('constraint-error');
      expect(r.message, raw).toContain('「清理垃圾(吨)」');
      expect(r.message, raw).toContain('不能为负数');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
  test('parseNumber("-0") is zero', () => {
    expect(Object.is(value('-0'), 0)).toBe(true);
  });
  test('parseNumber(raw) allows negatives only where the column declares a negative minimum', () => {
    expect(value('-75.5', lng)).toBe(-75.5);
    expect(value('115.9', lng)).toBe(115.9);
  });
  test('parseNumber(raw, {min, max}) refuses values out of range', () => {
    expect(value('100', score)).toBe(100);
    expect(value('0', score)).toBe(0);
    const r = fail(parseNumber('105', score));
    expect(r.code).toBe('constraint-error');
    expect(r.message).toBe('「得分」应在 0 到 100 之间，实际为 "105"');
    expect(fail(parseNumber('-181', lng)).message).toBe('「经度」应在 -180 到 180 之间，实际为 "-181"');
    expect(fail(parseNumber('1999', { label: '年度', min: 2000 })).message).toBe(
      '「年度」应不小于 2000，实际为 "1999"',
    );
    expect(fail(parseNumber('11', { label: '等级', max: 10 })).message).toBe('「等级」应不大于 10，实际为 "11"');
  });
  test('parseNumber("85%") equals parseNumber("85") in a percent column', () => {
    expect(ok(parseNumber('85%', coverage))).toEqual(ok(parseNumber('85', coverage)));
    expect(value('85％', coverage)).toBe(85);
    expect(value('85.5 %', coverage)).toBe(85.5);
    expect(value('100%', coverage)).toBe(100);
    expect(value('0%', coverage)).toBe(0);
    expect(ok(parseNumber('约85%', coverage))).toEqual({ value: 85, approx: true });
  });
  test('parseNumber(raw) treats a column whose unit is % as a percent column', () => {
    const item: NumberRule = { label: '完成量', unit: '%' };
    expect(value('85%', item)).toBe(85);
    expect(fail(parseNumber('120', item)).code).toBe('constraint-error');
  });
  test('parseNumber(raw, {percent}) refuses values outside 0–100', () => {
    const r = fail(parseNumber('120%', coverage));
    expect(r.code).toBe('constraint-error');
    expect(r.message).toBe('「覆盖率(%)」应在 0 到 100 之间，实际为 "120%"');
    expect(fail(parseNumber('100.5', coverage)).code).toBe('constraint-error');
    expect(fail(parseNumber('-1%', coverage)).code).toBe('constraint-error');
  });
  test('parseNumber(raw, {percent}) refuses other units', () => {
    const r = fail(parseNumber('85吨', coverage));
    expect(r.code).toBe('type-error');
    expect(r.message).toBe('「覆盖率(%)」的单位应为 %，实际为 "85吨"');
  });
  test('parseNumber(raw) reports type-errors before range errors', () => {
    expect(fail(parseNumber('-3.5', piles)).code).toBe('type-error');
  });
});

describe('parseMonth', () => {
  const month = (raw: string): string => {
    const r = parseMonth(raw, '月份');
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  test('parseMonth(raw) reads year-month forms', () => {
    for (const raw of ['2023-07', '2023-7', '2023/7', '2023/07', '2023.07', '2023.7', '2023年7月', '2023年07月']) {
      expect(month(raw), raw).toBe('2023-07');
    }
    expect(month('2023-12')).toBe('2023-12');
    expect(month('2023.10')).toBe('2023-10');
    expect(month(' 2023 年 7 月 ')).toBe('2023-07');
    expect(month('2023年7月份')).toBe('2023-07');
  });
  test('parseMonth(raw) reads full-width digits via NFKC', () => {
    expect(month('２０２３年７月')).toBe('2023-07');
    expect(month('２０２３－０７')).toBe('2023-07');
  });
  test('parseMonth(raw) takes a full date as its month', () => {
    for (const raw of ['2023-07-01', '2023/7/1', '2023.7.1', '2023年7月1日', '2023-07-31', '2023年7月31']) {
      expect(month(raw), raw).toBe('2023-07');
    }
  });
  test('parseMonth(raw) takes a date with an Excel time as its month', () => {
    for (const raw of ['2023/7/1 0:00', '2023-07-01 00:00:00', '2023/7/1 12:30', '2023年7月1日 0:00', '2023-07-01T00:00:00']) {
      expect(month(raw), raw).toBe('2023-07');
    }
  });
  test('parseMonth(raw) requires a day that exists', () => {
    expect(month('2024-02-29')).toBe('2024-02');
    for (const raw of ['2023-02-29', '2023-04-31', '2023/7/0', '2023年7月32日']) {
      const r = fail(parseMonth(raw, '月份'));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('「月份」');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
  test('parseMonth(raw) refuses mixed date separators', () => {
    expect(fail(parseMonth('2023/7-1', '月份')).code).toBe('type-error');
  });
  test('parseMonth(raw) refuses months outside 1–12', () => {
    for (const raw of ['2023-13', '2023-0', '2023年13月', '2023-13-01']) {
      const r = fail(parseMonth(raw, '月份'));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('1 到 12');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
  test('parseMonth(raw) refuses years outside 2000–2100', () => {
    expect(month('2000-01')).toBe('2000-01');
    expect(month('2100-12')).toBe('2100-12');
    for (const raw of ['1999-12', '2101-01', '1900年1月']) {
      const r = fail(parseMonth(raw, '月份'));
      expect(r.code, raw).toBe('constraint-error');
      expect(r.message, raw).toBe(`「月份」的年份应在 2000 到 2100 之间，实际为 "${raw}"`);
    }
  });
  test('parseMonth("45108") explains an Excel date serial and the month it means', () => {
    const r = fail(parseMonth('45108', '月份'));
    expect(r.code).toBe('type-error');
    expect(r.message).toContain('「月份」');
    expect(r.message).toContain('"45108"');
    expect(r.message).toContain('Excel');
    expect(r.message).toContain('日期序号');
    expect(r.message).toContain('2023年7月1日');
    expect(r.message).toContain('文本');
    expect(r.message).toContain('2023-07');
    expect(fail(parseMonth('45108.5', '月份')).message).toContain('2023年7月1日');
    expect(fail(parseMonth('45292', '月份')).message).toContain('按 2024-01 的样式');
  });
  test('excelSerialToDate(serial) counts days from 1899-12-30', () => {
    expect(excelSerialToDate(45108)).toEqual({ year: 2023, month: 7, day: 1 });
    expect(excelSerialToDate(36526)).toEqual({ year: 2000, month: 1, day: 1 });
    expect(excelSerialToDate(45351)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(excelSerialToDate(100)).toBeNull();
  });
  test('parseMonth(raw) explains a bare number even when it is no plausible date', () => {
    const r = fail(parseMonth('123', '月份'));
    expect(r.code).toBe('type-error');
    expect(r.message).toContain('日期序号');
    expect(r.message).not.toContain('即');
  });
  test('parseMonth("202307") suggests the hyphenated form', () => {
    const r = fail(parseMonth('202307', '月份'));
    expect(r.code).toBe('type-error');
    expect(r.message).toContain('"202307"');
    expect(r.message).toContain('2023-07');
  });
  test('parseMonth("7月") says the year is missing', () => {
    for (const raw of ['7月', '07月', '7月份', '7月1日', '7', '7/1']) {
      const r = fail(parseMonth(raw, '月份'));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('缺少年份');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
  test('parseMonth("2023") says the month is missing', () => {
    for (const raw of ['2023', '2023年']) {
      const r = fail(parseMonth(raw, '月份'));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('缺少月份');
    }
  });
  test('parseMonth(raw) names the column and quotes other garbage', () => {
    expect(parseMonth('七月', '月份')).toEqual({
      ok: false,
      code: 'type-error',
      message: '「月份」应为年月（如 2023-07 或 2023年7月），实际为 "七月"',
    });
    for (const raw of ['abc', '23-07', '7/1/2023', '2023-07-01-01', '2023年7']) {
      const r = fail(parseMonth(raw, '期限'));
      expect(r.code, raw).toBe('type-error');
      expect(r.message, raw).toContain('「期限」');
      expect(r.message, raw).toContain(`"${raw}"`);
    }
  });
});
