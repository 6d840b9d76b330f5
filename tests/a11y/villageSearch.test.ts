import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { villageSearchEntries, searchExample, type VillageSearchEntry } from '../../src/views/villageSearch.ts';
import { pinyinSyllables } from '../../src/pinyin.ts';
import { matchesVillage, normaliseQuery, spellsPinyin, villageMatcher } from '../../src/scripts/villageMatch.ts';

/** The villages a query finds, in index order: what the browser's script shows for the same query. */
function findVillages(index: readonly VillageSearchEntry[], query: string): VillageSearchEntry[] {
  const matches = villageMatcher(query);
  return index.filter((v) => matches(v.key, v.syllables));
}

const villages = [
  { id: 'yj-changtang', name: '长塘村', township: '洋江镇' },
  { id: 'yj-xiahe', name: '下河村', township: '洋江镇' },
  { id: 'yj-xintang', name: '新塘村', township: '洋江镇' },
  { id: 'ng-xintang', name: '新塘村', township: '楠杆镇' },
  { id: 'ng-nangan', name: '楠杆社区', township: '楠杆镇' },
  { id: 'lv', name: '绿水村', township: '楠杆镇' },
];
const index = villageSearchEntries(villages);
const names = (query: string) => findVillages(index, query).map((v) => v.id);

describe('pinyinSyllables', () => {
  test('toneless lower-case syllables, context readings from pinyin-pro', () => {
    expect(pinyinSyllables('下河村')).toEqual(['xia', 'he', 'cun']);
    expect(pinyinSyllables('长塘村')).toEqual(['chang', 'tang', 'cun']);
  });
  test('ü is written v; letters and digits stay one chunk; punctuation is dropped', () => {
    expect(pinyinSyllables('绿水村')).toEqual(['lv', 'shui', 'cun']);
    expect(pinyinSyllables('A3组（下河）')).toEqual(['a3', 'zu', 'xia', 'he']);
  });
  test('the data-py attribute value is the syllables joined by spaces', () => {
    expect(villageSearchEntries([{ id: 'x', name: '楠杆社区', township: '楠杆镇' }])[0]!.syllables.join(' ')).toBe('nan gan she qu');
  });
});

describe('findVillages', () => {
  test('by name', () => {
    expect(names('下河')).toEqual(['yj-xiahe']);
    expect(names('新塘')).toEqual(['yj-xintang', 'ng-xintang']);
  });
  test('by full pinyin, whole or cut short, with or without spaces and capitals', () => {
    expect(names('xiahe')).toEqual(['yj-xiahe']);
    expect(names('xiah')).toEqual(['yj-xiahe']);
    expect(names('Xia He')).toEqual(['yj-xiahe']);
    expect(names('xiahecun')).toEqual(['yj-xiahe']);
  });
  test('by initials, and initials mixed with syllables', () => {
    expect(names('xh')).toEqual(['yj-xiahe']);
    expect(names('xhc')).toEqual(['yj-xiahe']);
    expect(names('xhe')).toEqual(['yj-xiahe']);
    expect(names('ct')).toEqual(['yj-changtang']);
    expect(names('ngsq')).toEqual(['ng-nangan']);
  });
  test('from a later syllable on, never from inside a syllable', () => {
    expect(names('hecun')).toEqual(['yj-xiahe']);
    expect(names('iahe')).toEqual([]);
  });
  test('lu and lü find 绿 (indexed lv)', () => {
    expect(names('lv')).toEqual(['lv']);
    expect(names('lushui')).toEqual(['lv']);
    expect(names('lüs')).toEqual(['lv']);
  });
  test('an empty query finds every village; nonsense finds none', () => {
    expect(names('  ')).toHaveLength(villages.length);
    expect(names('qqq')).toEqual([]);
    expect(names('下x')).toEqual([]);
  });
});

describe('the matcher', () => {
  test('normaliseQuery: NFKC, lower case, no spaces', () => {
    expect(normaliseQuery(' ＸＩＡ he ')).toBe('xiahe');
  });
  test('spellsPinyin needs the query used up, each syllable by a non-empty prefix', () => {
    expect(spellsPinyin('xh', ['xia', 'he', 'cun'])).toBe(true);
    expect(spellsPinyin('xiahex', ['xia', 'he', 'cun'])).toBe(false);
    expect(spellsPinyin('xc', ['xia', 'he', 'cun'])).toBe(false);
  });
  test('matchesVillage works on the same data the page carries', () => {
    expect(matchesVillage('xh', '下河村', 'xia he cun'.split(' '))).toBe(true);
  });
});

describe('searchExample', () => {
  test('the hint drops the trailing 村 / 社区', () => {
    expect(searchExample(index[1]!)).toEqual({ name: '下河', pinyin: 'xiahe', initials: 'xh' });
    expect(searchExample(index[4]!)).toEqual({ name: '楠杆', pinyin: 'nangan', initials: 'ng' });
  });
});

describe('3,000 villages', () => {
  // Names built from common place-name characters, as a county's 名录 would have them.
  const chars = '上下大小东西南北新老石塘江河湖山岭坪田洋桥头坑口村岗垄背源溪塅湾洲圩';
  const big = Array.from({ length: 3000 }, (_, i) => {
    const a = chars[i % chars.length]!;
    const b = chars[Math.floor(i / chars.length) % chars.length]!;
    const c = chars[Math.floor(i / (chars.length * chars.length)) % chars.length]!;
    return { id: `v${i}`, name: `${c}${a}${b}村`, township: `第${i % 20}镇` };
  });

  // Speed is the benchmark's business (shared, noisy machines): these pin sizes and results only.
  test('data-py adds under 20 KB gzipped to the list', () => {
    const built = villageSearchEntries(big);
    const attributes = built.map((v) => ` data-py="${v.syllables.join(' ')}"`).join('');
    // 4-character names (3 syllables and 村): about 17 letters of pinyin each.
    expect(Buffer.byteLength(attributes) / big.length).toBeLessThan(30);
    expect(gzipSync(attributes).length).toBeLessThan(20_000);
  });

  test('a query over all 3,000 finds the villages it should', () => {
    const built = villageSearchEntries(big);
    const found = findVillages(built, 'shangxia').map((v) => v.id);
    const expected = built.filter((v) => v.name.includes('上下')).map((v) => v.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(expected));
    // 山岗下 (shan gang xia) is spelled shan·g·xia: initials mixed with syllables are allowed.
    expect(found.length).toBeLessThan(big.length / 10);
  });
});
