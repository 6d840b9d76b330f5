// trimFloat (src/floatNoise.ts): the one float-noise trim, at 12 significant digits for figures the
// site computes and 15 for numbers read from a file.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COMPUTED_DIGITS, INPUT_DIGITS, trimFloat } from '../src/floatNoise.ts';

/** A decimal as staff type it: an integer of digits and where its point goes. */
const decimal = (maxDigits: number) =>
  fc.record({
    digits: fc.bigInt({ min: -(10n ** BigInt(maxDigits)) + 1n, max: 10n ** BigInt(maxDigits) - 1n }),
    places: fc.integer({ min: 0, max: 4 }),
  });
/** The double closest to digits / 10^places (one correctly rounded division). */
const exact = (digits: bigint, places: number) => Number(digits) / 10 ** places;

describe('trimFloat', () => {
  test('drops the noise of a sum: 0.1 + 0.2 is 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(trimFloat(0.1 + 0.2)).toBe(0.3);
    expect(trimFloat(1234567.89)).toBe(1234567.89);
  });

  test('a sum of up to 200 quantities of the same places is the exact sum (computed figures, 12 digits)', () => {
    // Quantities are never negative, so no sum cancels: a difference of two near-equal figures
    // (99.9817 - 99.9883) keeps noise relative to its small result, and is not claimed here.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 4 }), (ks, places) => {
        const sum = ks.reduce((s, k) => s + k / 10 ** places, 0);
        const whole = ks.reduce((s, k) => s + k, 0);
        expect(trimFloat(sum)).toBe(whole / 10 ** places);
      }),
    );
  });

  test('a unit divided into a number read from a file keeps every digit (input, 15 digits)', () => {
    // 4.35 元 is 0.000435 万元, not 0.00043499999999999995.
    expect(4.35 / 10000).not.toBe(0.000435);
    expect(trimFloat(4.35 / 10000, INPUT_DIGITS)).toBe(0.000435);
    fc.assert(
      fc.property(decimal(10), fc.constantFrom(10, 1000, 10000), ({ digits, places }, factor) => {
        const shifted = places + Math.log10(factor);
        expect(trimFloat(exact(digits, places) / factor, INPUT_DIGITS)).toBe(exact(digits, shifted));
      }),
    );
  });

  test('a number as typed, up to 15 significant digits, is left as it is at 15 digits', () => {
    fc.assert(
      fc.property(decimal(15), ({ digits, places }) => {
        const typed = exact(digits, places);
        expect(trimFloat(typed, INPUT_DIGITS)).toBe(typed);
      }),
    );
  });

  test('why two precisions: 12 digits would cut a 14-digit figure read from a file', () => {
    const typed = 12345678901.234;
    expect(trimFloat(typed, INPUT_DIGITS)).toBe(typed);
    expect(trimFloat(typed, COMPUTED_DIGITS)).toBe(12345678901.2);
    expect(trimFloat(typed)).toBe(12345678901.2);
  });

  test('-0 is 0; NaN and infinities pass through; trimming twice changes nothing', () => {
    for (const digits of [COMPUTED_DIGITS, INPUT_DIGITS]) {
      expect(Object.is(trimFloat(-0, digits), 0)).toBe(true);
      expect(trimFloat(Number.NaN, digits)).toBeNaN();
      expect(trimFloat(Infinity, digits)).toBe(Infinity);
      expect(trimFloat(-Infinity, digits)).toBe(-Infinity);
    }
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.constantFrom(COMPUTED_DIGITS, INPUT_DIGITS), (x, digits) => {
        const once = trimFloat(x, digits);
        expect(trimFloat(once, digits)).toBe(once);
      }),
    );
  });
});
