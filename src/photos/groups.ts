// Photos as residents look at them: pairs (整治前 and 整治后 with the same 对比组) side by side,
// the rest one by one; newest first.
import type { PhotoStage } from '../data/types.ts';
import { formatMonth } from '../format.ts';
import type { Photo } from './catalog.ts';

export interface PhotoPair {
  key: string;
  before: Photo;
  after: Photo;
  /** the 整治后 date (else the 整治前 one), for ordering */
  date: string | null;
}

export interface PhotoGroups {
  pairs: PhotoPair[];
  /** photos not in a complete pair, newest first */
  singles: Photo[];
}

const newestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);

/** `2023-07-15` → `2023年7月15日`; `2023-07` → `2023年7月`. */
export function formatPhotoDate(date: string): string {
  const [, , day] = date.split('-');
  return day ? `${formatMonth(date.slice(0, 7))}${Number(day)}日` : formatMonth(date);
}

/** `整治前 · 2023年3月` */
export function stageLine(photo: Photo): string {
  const parts: string[] = [];
  if (photo.row.stage) parts.push(photo.row.stage);
  if (photo.row.date) parts.push(formatPhotoDate(photo.row.date));
  return parts.join(' · ');
}

function pick(photos: Photo[], stage: PhotoStage, latest: boolean): Photo | undefined {
  const of = photos.filter((p) => p.row.stage === stage).sort((a, b) => newestFirst(a.row.date, b.row.date));
  return latest ? of[0] : of.at(-1);
}

export function groupPhotos(photos: readonly Photo[]): PhotoGroups {
  const byKey = new Map<string, Photo[]>();
  for (const p of photos) {
    if (p.row.pair === null) continue;
    // Keys are short (`1`, `村口`): they pair photos within one village.
    const k = `${p.row.village}\u0000${p.row.pair}`;
    const list = byKey.get(k);
    if (list) list.push(p);
    else byKey.set(k, [p]);
  }
  const paired = new Set<Photo>();
  const pairs: PhotoPair[] = [];
  for (const list of byKey.values()) {
    const key = list[0]!.row.pair!;
    // The earliest 整治前 against the latest 整治后: the whole change.
    const before = pick(list, '整治前', false);
    const after = pick(list, '整治后', true);
    if (!before || !after) continue;
    paired.add(before).add(after);
    pairs.push({ key, before, after, date: after.row.date ?? before.row.date });
  }
  pairs.sort((a, b) => newestFirst(a.date, b.date));
  const singles = photos.filter((p) => !paired.has(p)).sort((a, b) => newestFirst(a.row.date, b.row.date));
  return { pairs, singles };
}
