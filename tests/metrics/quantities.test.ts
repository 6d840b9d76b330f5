import { describe, expect, test } from 'vitest';
import {
  maxQuantities,
  meanQuantities,
  minQuantities,
  sumQuantities,
} from '../../src/metrics/quantities.ts';
import { trimFloat } from '../../src/format.ts';
import { c, q } from './fixtures.ts';

describe('sumQuantities', () => {
  test('sumQuantities is null when nothing was reported', () => {
    expect(sumQuantities([])).toBeNull();
    expect(sumQuantities([null, null])).toBeNull();
  });
  test('sumQuantities skips unreported cells rather than counting zero', () => {
    expect(sumQuantities([c(2), null, c(3)])).toEqual(q(5));
  });
  test('sumQuantities of reported zeros is zero, not null', () => {
    expect(sumQuantities([c(0), null])).toEqual(q(0));
  });
  test('sumQuantities is approximate if any value is', () => {
    expect(sumQuantities([c(2), c('~3'), null])).toEqual(q(5, true));
    expect(sumQuantities([c(2), c(3)])!.approx).toBe(false);
  });
  test('sumQuantities removes float noise (0.1 + 0.2 = 0.3)', () => {
    expect(sumQuantities([c(0.1), c(0.2)])!.value).toBe(0.3);
    expect(sumQuantities(Array.from({ length: 1000 }, () => c(0.1)))!.value).toBe(100);
    expect(sumQuantities([c(1146.75), c(26.75)])!.value).toBe(1173.5);
  });
  test('trimFloat keeps real digits and drops -0', () => {
    expect(trimFloat(1234567.89)).toBe(1234567.89);
    expect(trimFloat(-0)).toBe(0);
    expect(Object.is(trimFloat(-0), 0)).toBe(true);
  });
});

describe('mean, min, max, count', () => {
  test('meanQuantities averages reported cells only and keeps approx', () => {
    expect(meanQuantities([c(1), null, c(2)])).toEqual(q(1.5));
    expect(meanQuantities([c('~1'), c(2)])).toEqual(q(1.5, true));
    expect(meanQuantities([null])).toBeNull();
    expect(meanQuantities([c(0.1), c(0.2)])!.value).toBe(0.15);
  });
  test('minQuantities and maxQuantities keep the approx mark of the chosen value', () => {
    const cells = [c(5), c('~2'), null, c(9)];
    expect(minQuantities(cells)).toEqual(q(2, true));
    expect(maxQuantities(cells)).toEqual(q(9, false));
    expect(minQuantities([null])).toBeNull();
    expect(maxQuantities([])).toBeNull();
  });
  test('minQuantities of tied values is approximate if one of them is', () => {
    expect(minQuantities([c(2), c('~2')])).toEqual(q(2, true));
    expect(maxQuantities([c('~7'), c(7)])).toEqual(q(7, true));
  });
});
