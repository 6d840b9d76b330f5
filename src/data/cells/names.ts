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

/** What a village suggestion needs to know of a village. */
export interface NamedVillage {
  id: string;
  name: string;
  township: string;
}

/** Excel's replacement for a character GBK cannot hold (contract §3.0), and U+FFFD. */
const REPLACED = /[?？\uFFFD]/u;

/**
 * The hint after a village reference that names no village (contract §5: a suggestion never
 * proposes a value that is itself invalid):
 * - a name holding Excel's `?` is never proposed; when such a name matches the reference with
 *   `?` standing for one character, the hint points at that row of villages.csv instead;
 * - a name that two townships share is proposed as the village's id (with its township), since the
 *   bare name would be refused as ambiguous.
 */
/** The village whose name holds Excel's `?` and matches `ref` with `?` standing for one character. */
export function replacedName<V extends NamedVillage>(ref: string, villages: readonly V[]): V | undefined {
  const typed = [...nameKey(ref)];
  const fits = (name: string) => {
    const chars = [...nameKey(name)];
    return chars.length === typed.length && chars.every((c, i) => REPLACED.test(c) || c === typed[i]);
  };
  return villages.find((v) => REPLACED.test(v.name) && (fits(v.name) || fits(v.township + v.name)));
}

export function villageHint(ref: string, villages: readonly NamedVillage[], villagesPath = 'data/villages.csv'): string {
  const wanted = nameKey(ref);
  const broken = replacedName(ref, villages);
  if (broken !== undefined) {
    return `；${villagesPath} 中的村名 "${broken.name}"（编号 ${broken.id}）可能就是它：其中的 "?" 是 Excel 另存为 GBK 编码时替换掉的字，请先在 ${villagesPath} 中改正该村名（另存为“CSV UTF-8（逗号分隔）”）`;
  }
  const count = new Map<string, number>();
  for (const v of villages) count.set(nameKey(v.name), (count.get(nameKey(v.name)) ?? 0) + 1);
  const shared = (v: NamedVillage) => (count.get(nameKey(v.name)) ?? 0) > 1;
  const candidates: (readonly [string, string])[] = [];
  for (const v of villages) {
    if (REPLACED.test(v.name)) continue;
    candidates.push([v.id, v.id]);
    if (shared(v)) {
      // Compared as typed (`洋江镇新塘村`, `新塘村`), proposed as the id that names it alone.
      candidates.push([v.township + v.name, `\u0000${v.id}`], [v.name, `\u0000${v.id}`]);
    } else candidates.push([v.name, v.name]);
  }
  // Among villages sharing the typed name, the one whose township the reference carries.
  const exact = villages.filter((v) => shared(v) && wanted.includes(nameKey(v.name)) && wanted.includes(nameKey(v.township)));
  const near = exact.length === 1 ? `\u0000${exact[0]!.id}` : nearest(ref, candidates);
  if (near === undefined) return '';
  if (!near.startsWith('\u0000')) return suggestion(near);
  const id = near.slice(1);
  const v = villages.find((x) => x.id === id)!;
  return `，是否应为「${id}」?（${v.township}${v.name}的编号；"${v.name}" 是几个乡镇共用的村名，须写编号）`;
}
