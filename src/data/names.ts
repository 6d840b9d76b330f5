// Comparing names as staff type them: header cells, village names, enum values, metric names.
// Two spellings are the same name when they agree after NFKC and removal of all white space
// (contract §3.0), so `清理垃圾（吨）`, `清理垃圾(吨)` and ` 清理垃圾 (吨)` are one name.

// White space and the zero-width characters that copy-paste leaves behind.
const SPACE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;

/** NFKC, all white space removed; case kept (free dataset keys keep the header's case). */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(SPACE, '');
}

/** The form names are compared in: normalised and lower-cased (keys are case-insensitive). */
export function nameKey(raw: string): string {
  return normalizeName(raw).toLowerCase();
}

/** `清理垃圾(吨)` → `清理垃圾`; a name without a trailing `(unit)` is returned as it is. */
export function withoutUnit(name: string): string {
  return name.replace(/\([^()]*\)$/u, '');
}

/** The `(unit)` at the end of a normalised name, if any: `清理垃圾(吨)` → `吨`. */
export function unitOf(name: string): string | undefined {
  const m = /\(([^()]+)\)$/u.exec(name);
  return m ? m[1] : undefined;
}

/** Levenshtein distance over code points, giving up (returning `limit + 1`) beyond `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate nearest to `target` (both compared as `nameKey`), or undefined when none is
 * near: within a third of the longer name's length (at least one edit), or one name containing
 * the other. Each candidate is `[name to compare, what to suggest]`.
 */
export function nearest(target: string, candidates: Iterable<readonly [string, string]>): string | undefined {
  const t = nameKey(target);
  if (t === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [name, suggestion] of candidates) {
    const c = nameKey(name);
    if (c === '' || c === t) continue;
    const longer = Math.max([...t].length, [...c].length);
    const limit = Math.max(1, Math.floor(longer / 3));
    let score = editDistance(t, c, limit);
    if (score > limit) {
      const shorter = Math.min([...t].length, [...c].length);
      // `清理垃圾量` names `清理垃圾`; rank containment after every real near miss.
      if (shorter >= 2 && (t.includes(c) || c.includes(t))) score = limit + 0.5;
      else continue;
    }
    if (score < bestScore) {
      bestScore = score;
      best = suggestion;
    }
  }
  return best;
}

/** `是否应为「清理垃圾(吨)」?`, or '' when there is nothing to suggest. */
export function suggestion(near: string | undefined): string {
  return near === undefined ? '' : `，是否应为「${near}」?`;
}
