// Issue 18, contract §3.0 and §3.9 "Numbers": any number written in any notation the contract
// accepts (thousands separators, full-width digits, `。` as decimal point, 约/近/余/多/+, a unit or
// its alias, %, E-notation) reads to the value it stands for, or — at 10^15 and above — is a
// type-error at its cell. Nothing throws (a `1.5E+21` cell used to overflow the stack).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseNumber, type NumberRule } from '../../src/data/cells/cells.ts';
import { loadTables } from '../../src/data/load.ts';
import { csv, encoder, VILLAGES } from './helpers.ts';
import { isIdNumber } from '../../src/data/cells/personal.ts';

const garbage: NumberRule = { label: '清理垃圾(吨)', unit: '吨' };
const piles: NumberRule = { label: '清理乱堆乱放(处)', unit: '处', integer: true };
const coverage: NumberRule = { label: '覆盖率(%)', percent: true };
const ALIASES: Record<string, string[]> = { 吨: ['吨', 't', 'T'], 处: ['处', '个'], '%': ['%', '％'] };

const FULL_WIDTH: Record<string, string> = { '.': '．', ',': '，', '+': '＋', e: 'ｅ', E: 'Ｅ' };
const fullWidth = (s: string) =>
  [...s].map((c) => (/\d/.test(c) ? String.fromCharCode(0xff10 + Number(c)) : (FULL_WIDTH[c] ?? c))).join('');
const grouped = (int: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number as staff may write it, and the value it stands for. */
interface Written {
  text: string;
  value: number;
}

/** Digits with a fraction, in every plain notation §3.0 accepts. */
const plain = (rule: NumberRule, maxDigits: number): fc.Arbitrary<Written> =>
  fc
    .record({
      // every length equally likely, so 16 digits and more come up as often as 3
      int: fc.oneof(
        fc.constant('0'),
        fc.integer({ min: 1, max: maxDigits }).chain((n) => fc.stringMatching(new RegExp(`^[1-9]\\d{${n - 1}}$`))),
      ),
      frac: rule.integer ? fc.constant('') : fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,4}$/)),
      group: fc.boolean(),
      wide: fc.boolean(),
      ideographic: fc.boolean(),
      approx: fc.constantFrom('', '约', '近', '余', '多', '+'),
      unit: fc.constantFrom('', ...(ALIASES[rule.percent ? '%' : rule.unit!] ?? [])),
      space: fc.constantFrom('', ' ', '\u3000'),
    })
    .map(({ int, frac, group, wide, ideographic, approx, unit, space }) => {
      const value = Number(`${int}${frac ? '.' + frac : ''}`);
      let text = `${group ? grouped(int) : int}${frac ? (ideographic ? '。' : '.') + frac : ''}`;
      if (wide) text = fullWidth(text);
      const prefix = approx === '约' || approx === '近';
      text = prefix ? `${approx}${text}${unit}` : `${text}${approx}${unit}`;
      return { text: `${space}${text}${space}`, value };
    });

/** `1.5E+21`, `1e308`, `2.35E-03`: Excel's scientific notation, possibly full-width. */
const scientific: fc.Arbitrary<Written> = fc
  .record({
    lead: fc.integer({ min: 1, max: 9 }),
    digits: fc.stringMatching(/^\d{0,4}$/),
    exp: fc.integer({ min: -20, max: 400 }),
    e: fc.constantFrom('E', 'e'),
    sign: fc.constantFrom('+', ''),
    wide: fc.boolean(),
    approx: fc.constantFrom('', '约'),
  })
  .map(({ lead, digits, exp, e, sign, wide, approx }) => {
    const mantissa = `${lead}${digits ? '.' + digits : ''}`;
    const expText = exp < 0 ? `-${String(-exp).padStart(2, '0')}` : `${sign}${String(exp).padStart(2, '0')}`;
    const text = `${mantissa}${e}${expText}`;
    return { text: `${approx}${wide ? fullWidth(text) : text}`, value: Number(`${mantissa}e${exp}`) };
  });

/** The property: the same value below 10^15, a type-error at and above it; never a throw. */
function holds(rule: NumberRule, { text, value }: Written): void {
  const result = parseNumber(text, rule);
  if (value >= 1e15 || !Number.isFinite(value)) {
    expect(result, text).toMatchObject({ ok: false, code: 'type-error', tooLarge: true });
    if (!result.ok) expect(result.message).toMatch(/10 的 15 次方/);
    return;
  }
  if (rule.integer && !Number.isInteger(value)) {
    expect(result, text).toMatchObject({ ok: false, code: 'type-error' });
    return;
  }
  if (!result.ok) throw new Error(`${JSON.stringify(text)} → ${result.code} ${result.message}`);
  expect(result.value.value, text).toBe(value);
}

describe('every notation reads to its value, or is a type-error at 10^15 (contract §3.0, §3.9)', () => {
  test('plain numbers of up to 20 digits: separators, full width, 。, approximate marks, units', () => {
    fc.assert(fc.property(plain(garbage, 20), (w) => holds(garbage, w)), { numRuns: 2000 });
  });
  test('whole-number columns', () => {
    fc.assert(fc.property(plain(piles, 19), (w) => holds(piles, w)), { numRuns: 1000 });
  });
  test('percent columns (0–100)', () => {
    const percent = plain(coverage, 2).filter((w) => w.value <= 100);
    fc.assert(fc.property(percent, (w) => holds(coverage, w)), { numRuns: 1000 });
  });
  test('E-notation of any size, 1e-20 to 1e400', () => {
    fc.assert(fc.property(scientific, (w) => holds(garbage, w)), { numRuns: 2000 });
  });
  test('the cases of the issue', () => {
    for (const text of ['1.5E+21', '1e308', '1E+15', '1e999', '1234567890123456', '１２３４５６７８９０１２３４５６', '1,000,000,000,000,000', '约2E+16']) {
      expect(parseNumber(text, garbage), text).toMatchObject({ ok: false, code: 'type-error', tooLarge: true });
    }
    expect(parseNumber('999999999999999', garbage)).toMatchObject({ ok: true, value: { value: 999999999999999 } });
    expect(parseNumber('9.99E+14', garbage)).toMatchObject({ ok: true, value: { value: 999000000000000 } });
  });
  test('any text at all: a value or a cell error, never a throw', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.stringMatching(/^[-约近]?[\d,.。Ee+\-]{1,30}[余多+吨t%]?$/));
    fc.assert(
      fc.property(text, fc.constantFrom(garbage, piles, coverage), (raw, rule) => {
        const result = parseNumber(raw, rule);
        if (!result.ok) expect(['type-error', 'constraint-error']).toContain(result.code);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('in a file, the error is at its cell and alone', () => {
  const cell = fc.oneof(plain(garbage, 20), scientific);
  test('cleanup.csv: the row reads to the value, or one type-error at row 2, column 3', () => {
    fc.assert(
      fc.property(cell, ({ text, value }) => {
        const files = [
          { path: 'data/villages.csv', bytes: encoder.encode(VILLAGES) },
          { path: 'data/cleanup.csv', bytes: encoder.encode(csv('月份,村,清理垃圾(吨)', `2023-05,长塘村,"${text}"`)) },
        ];
        const { tables, issues } = loadTables(files, { now: new Date('2023-12-15T04:00:00Z') });
        const errors = issues.filter((i) => i.code !== 'warning');
        if (value >= 1e15) {
          // (18 digits that happen to form a valid ID number are personal information instead)
          const code = isIdNumber(text.normalize('NFKC').replace(/\.0*$/, '')) ? 'constraint-error' : 'type-error';
          expect(errors).toEqual([expect.objectContaining({ path: 'data/cleanup.csv', row: 2, column: 3, code })]);
          expect(tables.cleanup!.rows).toEqual([]);
        } else {
          expect(errors).toEqual([]);
          expect(tables.cleanup!.rows[0]!.garbage_t!.value).toBe(value);
        }
      }),
      { numRuns: 200 },
    );
  });
  test('a free dataset: a too-large number is an error at its cell, not a column turned to text', () => {
    const files = [
      { path: 'data/villages.csv', bytes: encoder.encode(VILLAGES) },
      { path: 'data/河道.csv', bytes: encoder.encode(csv('村,长度', '长塘村,12', '前江村,1.5E+21')) },
    ];
    const { tables, issues } = loadTables(files);
    expect(issues.filter((i) => i.code !== 'warning')).toEqual([expect.objectContaining({ path: 'data/河道.csv', row: 3, column: 2, code: 'type-error' })]);
    expect(tables.free[0]!.columns.find((c) => c.label === '长度')!.type).toBe('number');
  });
});
