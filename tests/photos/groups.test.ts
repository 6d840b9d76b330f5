import { describe, expect, test } from 'vitest';
import type { PhotoRow } from '../../src/data/types.ts';
import type { Photo, PhotoSource } from '../../src/photos/catalog.ts';
import { formatPhotoDate, groupPhotos, stageLine } from '../../src/photos/groups.ts';

let n = 0;
const photo = (row: Partial<PhotoRow>): Photo => ({
  row: { line: ++n, file: `f${n}.jpg`, village: 'v1', point: null, date: null, stage: null, pair: null, caption: `c${n}`, note: null, ...row },
  source: { file: `f${n}.jpg` } as PhotoSource,
});

describe('groupPhotos', () => {
  test('a pair is the earliest 整治前 and the latest 整治后 of one key in one village; the rest are singles', () => {
    const b1 = photo({ stage: '整治前', pair: 'a', date: '2023-01' });
    const b2 = photo({ stage: '整治前', pair: 'a', date: '2023-02' });
    const a1 = photo({ stage: '整治后', pair: 'a', date: '2023-08' });
    const a2 = photo({ stage: '整治后', pair: 'a', date: '2023-09-15' });
    const other = photo({ stage: '整治后', pair: 'a', date: '2023-10', village: 'v2' });
    const { pairs, singles } = groupPhotos([b2, a1, b1, a2, other]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ key: 'a', before: b1, after: a2, date: '2023-09-15' });
    expect(singles).toEqual([other, a1, b2]);
  });

  test('pairs newest first; a key with only one stage is no pair', () => {
    const old = [photo({ stage: '整治前', pair: 'x', date: '2022-01' }), photo({ stage: '整治后', pair: 'x', date: '2022-06' })];
    const recent = [photo({ stage: '整治前', pair: 'y', date: '2023-01' }), photo({ stage: '整治后', pair: 'y', date: '2023-06' })];
    const lone = photo({ stage: '整治前', pair: 'z', date: '2023-01' });
    const { pairs, singles } = groupPhotos([...old, lone, ...recent]);
    expect(pairs.map((p) => p.key)).toEqual(['y', 'x']);
    expect(singles).toEqual([lone]);
  });

  test('captions show stage and date', () => {
    expect(formatPhotoDate('2023-07-05')).toBe('2023年7月5日');
    expect(formatPhotoDate('2023-07')).toBe('2023年7月');
    expect(stageLine(photo({ stage: '施工中', date: '2023-07' }))).toBe('施工中 · 2023年7月');
  });
});
