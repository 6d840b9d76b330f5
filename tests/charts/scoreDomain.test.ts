// Score axes that show differences (issue 12): from the round ten below the lowest score to 100.
import { describe, expect, test } from 'vitest';
import { scoreDomain } from '../../src/presets/presets.ts';

describe('scoreDomain', () => {
  test('scoreDomain(scores) starts at the round ten at least 5 below the lowest score', () => {
    expect(scoreDomain([94, 79.5, 88])).toEqual([70, 100]);
    expect(scoreDomain([96, 85])).toEqual([80, 100]);
    expect(scoreDomain([12, 60])).toEqual([0, 100]);
    expect(scoreDomain([])).toEqual([90, 100]);
  });
});
