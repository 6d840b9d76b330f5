// The village index (contract §3.0 "Village references", §3.9 "乡镇 beside 村"): a reference is a
// village id or a village name from villages.csv, compared after normalisation. A name may carry
// its township (`洋江镇新塘村`) or the suffix 村委会 / 村民委员会 / 居委会 (`长塘村委会` is
// 长塘村); a name two townships share is told apart by its id, a township prefix or the row's
// 乡镇 cell. Shared by the loader, chart blocks and `{{ }}` figures.
import { nameKey, villageHint } from './names.ts';

/**
 * What the index reads of a village: the row type of villages.csv (src/data/datasets/villages.ts)
 * has these and more, and an index of those rows hands the whole rows back.
 */
export interface VillageRef {
  id: string;
  name: string;
  township: string;
}

export type VillageResolution<Village extends VillageRef = VillageRef> =
  | { ok: true; village: Village }
  | { ok: false; reason: 'not-found' | 'ambiguous'; message: string };

export interface VillageIndex<Village extends VillageRef = VillageRef> {
  /** villages by their exact id */
  byId: Map<string, Village>;
  /**
   * A village id (case-insensitive) or name → the village, or a Chinese message saying why not.
   * `township` (the row's 乡镇 cell, already resolved) must agree and tells shared names apart.
   */
  resolve(ref: string, township?: string): VillageResolution<Village>;
  /** a township name as written anywhere (normalised) → the name in villages.csv */
  resolveTownship(ref: string): string | undefined;
  /** township names in order of first appearance in villages.csv */
  townships: string[];
}

export function createVillageIndex<Village extends VillageRef>(villages: readonly Village[]): VillageIndex<Village> {
  const maps = indexVillages(villages);
  // Suggestions cost a scan of all names: computed once per distinct unknown reference.
  const notFound = new Map<string, string>();
  const resolve = (ref: string, township?: string): VillageResolution<Village> => {
    const found = resolveVillage(maps, ref, township);
    if (found !== null) return found;
    const key = nameKey(ref);
    let message = notFound.get(key);
    if (message === undefined) {
      const shown = ref.trim();
      const hint = ref.includes('?')
        ? '（"?" 可能是 Excel 另存为 GBK 编码的 CSV 时替换掉的生僻字，请另存为“CSV UTF-8（逗号分隔）”）'
        : '';
      message = `"${shown}" 不是村庄名录 (villages.csv) 中的村编号或村名${hint}${villageHint(shown, villages)}`;
      notFound.set(key, message);
    }
    return { ok: false, reason: 'not-found', message };
  };
  return {
    byId: maps.byId,
    resolve,
    resolveTownship: (ref) => maps.townshipByKey.get(nameKey(ref)),
    townships: [...maps.townshipByKey.values()],
  };
}

/** The villages by id, by normalised id and name, and the townships by normalised name. */
interface VillageMaps<Village extends VillageRef> {
  byId: Map<string, Village>;
  byIdKey: Map<string, Village>;
  byName: Map<string, Village[]>;
  townshipByKey: Map<string, string>;
  /** normalised township names, longest first: `洋江镇` before `洋江` when both are townships */
  townKeys: string[];
}

function indexVillages<Village extends VillageRef>(villages: readonly Village[]): VillageMaps<Village> {
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
  const townKeys = [...townshipByKey.keys()].sort((a, b) => b.length - a.length);
  return { byId, byIdKey, byName, townshipByKey, townKeys };
}

const SUFFIXES: [string, string[]][] = [
  ['村民委员会', ['村', '']],
  ['居民委员会', ['社区', '', '村']],
  ['村委会', ['村', '']],
  ['居委会', ['社区', '', '村']],
];

/** Villages named `key`, or named so once a 村委会/居委会 suffix is read as the village. */
function byNameOrSuffix<Village extends VillageRef>(byName: ReadonlyMap<string, Village[]>, key: string): Village[] | undefined {
  const named = byName.get(key);
  if (named) return named;
  for (const [suffix, endings] of SUFFIXES) {
    if (!key.endsWith(suffix) || key.length === suffix.length) continue;
    const base = key.slice(0, -suffix.length);
    for (const end of endings) {
      const hit = byName.get(base + end);
      if (hit) return hit;
    }
  }
  return undefined;
}

function mismatch<Village extends VillageRef>(shown: string, village: Village, township: string): VillageResolution<Village> {
  return {
    ok: false,
    reason: 'not-found',
    message: `"${shown}" 在村庄名录中属于 ${village.township}，与「乡镇」"${township}" 不符；请核对本行的乡镇或村`,
  };
}

/**
 * A reference by id, by name (or 村委会 name), or by township and name; `township` (the row's 乡镇
 * cell) must agree and tells shared names apart. null: no village has that id or name.
 */
function resolveVillage<Village extends VillageRef>(maps: VillageMaps<Village>, ref: string, township?: string): VillageResolution<Village> | null {
  const key = nameKey(ref);
  const shown = ref.trim();
  const town = township === undefined ? undefined : nameKey(township);
  const byIdHit = maps.byIdKey.get(key);
  if (byIdHit) {
    if (town !== undefined && nameKey(byIdHit.township) !== town) return mismatch(shown, byIdHit, township!);
    return { ok: true, village: byIdHit };
  }
  let named = byNameOrSuffix(maps.byName, key);
  if (!named) {
    // `洋江镇新塘村`: a township name, then a village of that township.
    for (const tk of maps.townKeys) {
      if (!key.startsWith(tk) || key.length === tk.length) continue;
      const inTown = byNameOrSuffix(maps.byName, key.slice(tk.length))?.filter((v) => nameKey(v.township) === tk);
      if (inTown && inTown.length > 0) {
        named = inTown;
        break;
      }
    }
  }
  if (named && town !== undefined) {
    const inTown = named.filter((v) => nameKey(v.township) === town);
    if (inTown.length === 0) return mismatch(shown, named[0]!, township!);
    named = inTown;
  }
  if (named && named.length === 1) return { ok: true, village: named[0]! };
  if (named && named.length > 1) {
    const list = named.map((v) => `${v.township} ${v.id}`).join('、');
    const first = named[0]!;
    return {
      ok: false,
      reason: 'ambiguous',
      message:
        `"${shown}" 是 ${named.length} 个村共用的村名（${list}），请改填村的编号，` +
        `或加一列「乡镇」，或在村名前写上乡镇（如 ${first.township}${first.name}）`,
    };
  }
  return null;
}
