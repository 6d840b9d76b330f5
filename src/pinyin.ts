// Pinyin of village names (pinyin-pro, which knows context readings such as 长塘 cháng táng):
// the syllables the village finder matches, and the order names are listed in. One reading for
// both, so 长塘村 is found as "changtang" and sorted under c, not under zh (Intl.Collator's 长).
import { pinyin } from 'pinyin-pro';

/**
 * Pinyin syllables of a name, without tones, `ü` as `v`; letters and digits in the name stay as
 * one lower-case chunk (`A3组` → ['a3', 'zu']); punctuation and spaces are dropped.
 */
export function pinyinSyllables(name: string): string[] {
  const parts = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return parts.flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/)).filter((s) => s !== '');
}

const sortKeys = new Map<string, string>();

/** `长塘村` → `chang2 tang2 cun1`: syllable by syllable, each with its tone (dictionary order). */
function sortKey(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = pinyin(name.normalize('NFKC'), { toneType: 'num', type: 'array', v: true, nonZh: 'consecutive' })
      .map((s) => s.toLowerCase())
      .join(' ');
    sortKeys.set(name, key);
  }
  return key;
}

/** Compares two names in pinyin order (then by code point, so equal readings keep one order). */
export function comparePinyin(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
