// The village index (contract §3.0 "Village references"): a reference is a village id or a village
// name from villages.csv, compared after normalisation; a name two townships share must be given
// as its id. Shared by the loader, chart blocks and `{{ }}` figures.
import { nameKey, villageHint } from './names.ts';
import type { Village } from './types.ts';

export type VillageResolution =
  | { ok: true; village: Village }
  | { ok: false; reason: 'not-found' | 'ambiguous'; message: string };

export interface VillageIndex {
  /** villages by their exact id */
  byId: Map<string, Village>;
  /** a village id (case-insensitive) or name → the village, or a Chinese message saying why not */
  resolve(ref: string): VillageResolution;
  /** a township name as written anywhere (normalised) → the name in villages.csv */
  resolveTownship(ref: string): string | undefined;
  /** township names in order of first appearance in villages.csv */
  townships: string[];
}

export function createVillageIndex(villages: readonly Village[]): VillageIndex {
  const byId = new Map<string, Village>();
  const byIdKey = new Map<string, Village>();
  const byName = new Map<string, Village[]>();
  const townshipByKey = new Map<string, string>();
  for (const v of villages) {
    byId.set(v.id, v);
    const idKey = nameKey(v.id);
    if (!byIdKey.has(idKey)) byIdKey.set(idKey, v);
    const nk = nameKey(v.name);
    const same = byName.get(nk);
    if (same) same.push(v);
    else byName.set(nk, [v]);
    const tk = nameKey(v.township);
    if (!townshipByKey.has(tk)) townshipByKey.set(tk, v.township);
  }

  // Suggestions cost a scan of all names: computed once per distinct unknown reference.
  const notFound = new Map<string, string>();

  function resolve(ref: string): VillageResolution {
    const key = nameKey(ref);
    const byIdHit = byIdKey.get(key);
    if (byIdHit) return { ok: true, village: byIdHit };
    const named = byName.get(key);
    if (named && named.length === 1) return { ok: true, village: named[0]! };
    const shown = ref.trim();
    if (named && named.length > 1) {
      const list = named.map((v) => `${v.township} ${v.id}`).join('、');
      return {
        ok: false,
        reason: 'ambiguous',
        message: `"${shown}" 是 ${named.length} 个村共用的村名（${list}），请改填村的编号`,
      };
    }
    let message = notFound.get(key);
    if (message === undefined) {
      const hint = ref.includes('?')
        ? '（"?" 可能是 Excel 另存为 GBK 编码的 CSV 时替换掉的生僻字，请另存为“CSV UTF-8（逗号分隔）”）'
        : '';
      message = `"${shown}" 不是村庄名录 (villages.csv) 中的村编号或村名${hint}${villageHint(shown, villages)}`;
      notFound.set(key, message);
    }
    return { ok: false, reason: 'not-found', message };
  }

  return {
    byId,
    resolve,
    resolveTownship: (ref) => townshipByKey.get(nameKey(ref)),
    townships: [...townshipByKey.values()],
  };
}
