// The one matcher behind 查找我的村, shared by the browser script (villageFinder.ts) and the build
// (villageSearch.ts, whose tests pin it). A query finds a village when the name contains it, or
// when it spells the name's pinyin from a syllable boundary on, each syllable typed in full or
// cut short: xiahe, xh, xiah, xhc and hecun all find 下河村. No dictionary here: the syllables
// come from the build (pinyin-pro), so this file stays a few hundred bytes in the page.

/** NFKC, lower case, no white space; `ü` is typed `v` on Chinese keyboards (lv → 绿). */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/ü/g, 'v').replace(/\s+/g, '');
}

/** Query letter `u` also stands for the `v` (ü) of the index: lu finds 绿 (lv) as people type it. */
function sameLetter(typed: string | undefined, indexed: string | undefined): boolean {
  return typed === indexed || (typed === 'u' && indexed === 'v');
}

/** The rest of `query` from `pos` spells syllables `i`, `i + 1`, … each by a non-empty prefix. */
function spellsFrom(query: string, pos: number, syllables: readonly string[], i: number): boolean {
  const syllable = syllables[i];
  if (syllable === undefined) return false;
  for (let k = 1; k <= syllable.length && pos + k <= query.length; k++) {
    // Letters must agree; the first disagreement ends this syllable's prefixes, which keeps the
    // search to a handful of steps for real names.
    if (!sameLetter(query[pos + k - 1], syllable[k - 1])) return false;
    if (pos + k === query.length || spellsFrom(query, pos + k, syllables, i + 1)) return true;
  }
  return false;
}

/** Whether a normalised ASCII `query` spells `syllables` from some syllable boundary on. */
export function spellsPinyin(query: string, syllables: readonly string[]): boolean {
  if (query === '') return true;
  for (let start = 0; start < syllables.length; start++) {
    if (spellsFrom(query, 0, syllables, start)) return true;
  }
  return false;
}

/**
 * A test for one query, to run over every village: `(normalisedName, syllables) => boolean`, the
 * name passed through `normaliseQuery` once, up front. An empty query matches every village.
 */
export function villageMatcher(query: string): (name: string, syllables: readonly string[]) => boolean {
  const q = normaliseQuery(query);
  if (q === '') return () => true;
  const pinyin = /^[a-z0-9]+$/.test(q);
  return (name, syllables) => name.includes(q) || (pinyin && spellsPinyin(q, syllables));
}

/** `matchesVillage('xh', '下河村', ['xia', 'he', 'cun'])` → true. */
export function matchesVillage(query: string, name: string, syllables: readonly string[]): boolean {
  return villageMatcher(query)(normaliseQuery(name), syllables);
}
