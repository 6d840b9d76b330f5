import { describe, expect, expectTypeOf, test } from 'vitest';
import { fieldReader } from '../../src/texts/fields.ts';
import { parseFrontMatter } from '../../src/texts/frontMatter.ts';
import { count, fallbackSettings, link, readSettings, text, type SettingSchema } from '../../src/texts/settingSchema.ts';
import { fallbackSiteSettings, parseSiteSettings, siteSchema } from '../../src/texts/settings.ts';

/** What parseSiteSettings does, over any schema. */
function parse<S extends SettingSchema>(schema: S, source: string) {
  const fm = parseFrontMatter(source, 'content/site.md');
  const issues: Parameters<typeof fieldReader>[2] = [...fm.issues];
  const settings = readSettings(schema, fieldReader(fm, 'content/site.md', issues, Object.values(schema)));
  return { settings, issues: issues.map((i) => `${i.path}:${i.row} ${i.code} ${i.message}`) };
}

describe('a new setting is one declaration', () => {
  // 污水巡查天数: a setting a township might add; nothing else is written for it.
  const schema = { ...siteSchema, sewageDays: count('sewage_days', '污水巡查天数', 7) };

  test('its type follows from the declaration', () => {
    const { settings } = parse(schema, '---\ntitle: 站\n---\n');
    expectTypeOf(settings.sewageDays).toEqualTypeOf<number>();
    expectTypeOf(settings.title).toEqualTypeOf<string>();
    expectTypeOf(settings.url).toEqualTypeOf<string | null>();
  });

  test('default when absent, the value when written, an error at its line when wrong', () => {
    expect(parse(schema, '---\ntitle: 站\n---\n')).toEqual({ settings: expect.objectContaining({ sewageDays: 7 }), issues: [] });
    expect(parse(schema, '---\ntitle: 站\nsewage_days: 12\n---\n').settings.sewageDays).toBe(12);
    expect(parse(schema, '---\ntitle: 站\nsewage_days: 十二\n---\n')).toEqual({
      settings: expect.objectContaining({ sewageDays: 7 }),
      issues: ['content/site.md:3 frontmatter-error sewage_days（污水巡查天数）应为 0 或正整数（0 表示不显示），实际为 "十二"'],
    });
  });

  test('its key is known: the site schema alone warns about it', () => {
    expect(parse(schema, '---\ntitle: 站\nsewage_days: 5\n---\n').issues).toEqual([]);
    expect(parseSiteSettings('---\ntitle: 站\nsewage_days: 5\n---\n').issues.map((i) => i.code)).toEqual(['warning']);
  });

  test('the fallback takes its default', () => {
    expect(fallbackSettings(schema)).toEqual({ ...fallbackSettings(siteSchema), sewageDays: 7 });
  });

  test('text settings with a check and a fallback', () => {
    const own = {
      name: text('name', '名称', { required: true, default: '', fallback: '无名' }),
      home: link('home', '主页'),
    };
    expectTypeOf(parse(own, '').settings).toEqualTypeOf<{ name: string; home: string | null }>();
    expect(parse(own, '---\nname: " 甲 "\nhome: x.example\n---\n')).toEqual({
      settings: { name: '甲', home: null },
      issues: ['content/site.md:3 frontmatter-error home（主页）应为以 http:// 或 https:// 开头的网址，实际为 "x.example"'],
    });
    expect(parse(own, '---\nhome: https://x.example/\n---\n')).toEqual({
      settings: { name: '', home: 'https://x.example/' },
      issues: ['content/site.md:1 frontmatter-error 缺少必填的设置 name（名称）'],
    });
    expect(fallbackSettings(own)).toEqual({ name: '无名', home: null });
  });
});

describe('the site settings', () => {
  test('the fallback site (no content/site.md) comes from the declared defaults', () => {
    expect(fallbackSiteSettings).toEqual({
      title: '农村人居环境整治',
      description: null,
      organization: null,
      contact: null,
      icp: null,
      url: null,
      sample: false,
      govCode: null,
      policeRecord: null,
      conacUrl: null,
      errorReportUrl: null,
      redList: 3,
      blackList: 3,
      about: { markdown: '', lineOffset: 0 },
    });
  });

  test('every declared key is read, under the key the contract names', () => {
    expect(Object.values(siteSchema).map((s) => s.key)).toEqual([
      'title', 'description', 'organization', 'contact', 'icp', 'url', 'sample',
      'gov_code', 'police_record', 'conac_url', 'error_report_url', 'red_list', 'black_list',
    ]);
    const { settings, issues } = parseSiteSettings('---\ntitle: 站\ndescription: 简介\norganization: 镇政府\ncontact: 0791-1234567\nicp: 赣ICP备1号\nurl: https://x.example/\nsample: true\ngov_code: 3607230001\npolice_record: 赣公网安备1号\nconac_url: https://c.example/\nerror_report_url: https://e.example/\nred_list: 5\nblack_list: 0\n---\n');
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      title: '站',
      description: '简介',
      organization: '镇政府',
      contact: '0791-1234567',
      icp: '赣ICP备1号',
      url: 'https://x.example/',
      sample: true,
      govCode: '3607230001',
      policeRecord: '赣公网安备1号',
      conacUrl: 'https://c.example/',
      errorReportUrl: 'https://e.example/',
      redList: 5,
      blackList: 0,
      about: { markdown: '', lineOffset: 15 },
    });
  });
});
