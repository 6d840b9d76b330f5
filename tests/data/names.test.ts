import { describe, expect, test } from 'vitest';
import { editDistance, nameKey, nearest, normalizeName, withoutUnit } from '../../src/data/cells/names.ts';

describe('normalizeName(raw)', () => {
  test('applies NFKC and removes all white space', () => {
    expect(normalizeName(' 清理垃圾（吨）')).toBe('清理垃圾(吨)');
    expect(normalizeName('清理 垃圾\u3000(吨)')).toBe('清理垃圾(吨)');
    expect(normalizeName('Ｇａｒｂａｇｅ_Ｔ')).toBe('Garbage_T');
  });
  test('nameKey also folds case', () => {
    expect(nameKey('Garbage_T')).toBe('garbage_t');
  });
  test('withoutUnit drops a trailing (unit)', () => {
    expect(withoutUnit('清理垃圾(吨)')).toBe('清理垃圾');
    expect(withoutUnit('受益户数')).toBe('受益户数');
  });
});

describe('nearest(target, candidates)', () => {
  const labels = ['清理垃圾(吨)', '清理沟渠(公里)', '月份', '村'].map((l) => [l, l] as const);
  test('suggests a near spelling', () => {
    expect(nearest('清理垃圾量(吨)', labels)).toBe('清理垃圾(吨)');
    expect(nearest('清理垃圾（公斤）', labels)).toBe('清理垃圾(吨)');
    expect(nearest('村名', labels)).toBe('村');
  });
  test('suggests nothing for an unrelated name', () => {
    expect(nearest('负责人', labels)).toBeUndefined();
  });
  test('editDistance counts edits and stops at the limit', () => {
    expect(editDistance('东山村', '东三村')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
