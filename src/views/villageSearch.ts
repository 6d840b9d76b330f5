// The build-time search entries of 查找我的村: each village's pinyin syllables (pinyin-pro, which knows
// context readings such as 长塘 cháng táng), written into the village list as `data-py="xia he
// cun"`. Initials need no field of their own: the matcher reads them off the syllables. About 20
// bytes a village (` data-py="xia he cun"`), so 3,000 villages add some 60–70 KB to the list before
// gzip and a few KB after: no separate index file to fetch.
import { pinyinSyllables } from '../pinyin.ts';
import { normaliseQuery } from '../scripts/villageMatch.ts';

export interface VillageName {
  id: string;
  name: string;
  township: string;
}

export interface VillageSearchEntry extends VillageName {
  /** lower-case ASCII syllables: 下河村 → ['xia', 'he', 'cun'] */
  syllables: string[];
  /** the name as the matcher compares it (`normaliseQuery`) */
  key: string;
}

export function villageSearchEntries(villages: readonly VillageName[]): VillageSearchEntry[] {
  return villages.map(({ id, name, township }) => ({
    id, name, township, syllables: pinyinSyllables(name), key: normaliseQuery(name),
  }));
}

/** An example for the search box's hint, from the first village: `下河`, `xiahe`, `xh`. */
export function searchExample(entry: VillageSearchEntry): { name: string; pinyin: string; initials: string } {
  // Without the trailing 村/社区 syllables, as people type: 下河, xiahe, xh.
  const generic = /(村|社区|居委会|组)$/.exec(entry.name)?.[0] ?? '';
  const keep = generic ? Math.max(1, entry.syllables.length - pinyinSyllables(generic).length) : entry.syllables.length;
  const syllables = entry.syllables.slice(0, keep);
  return {
    name: entry.name.slice(0, entry.name.length - generic.length) || entry.name,
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
  };
}
