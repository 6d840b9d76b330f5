// The government-site footer (contract §1, issue 12): filing numbers linked, phone numbers tap-to-call.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { conacImage, contactParts, governmentLinks, ICP_HREF, policeRecordHref } from '../../src/texts/footer.ts';
import { parseSiteSettings } from '../../src/texts/settings.ts';
import { projectTempDir } from '../e2e/support/build.ts';

describe('footer', () => {
  test('policeRecordHref(record) links the digits of the number to the national filing site', () => {
    expect(policeRecordHref('赣公网安备36072302000123号')).toBe('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36072302000123');
  });
  test('contactParts(contact) makes each phone number a tel: link and each e-mail a mailto: link', () => {
    expect(contactParts('县农业农村局 电话 0797-1234567 邮箱 rjhj@example.gov.cn')).toEqual([
      { text: '县农业农村局 电话 ' },
      { text: '0797-1234567', href: 'tel:07971234567' },
      { text: ' 邮箱 ' },
      { text: 'rjhj@example.gov.cn', href: 'mailto:rjhj@example.gov.cn' },
    ]);
    expect(contactParts('13812345678')).toEqual([{ text: '13812345678', href: 'tel:13812345678' }]);
    expect(contactParts('(0791)88123456')).toEqual([{ text: '(0791)88123456', href: 'tel:079188123456' }]);
    expect(contactParts('县农业农村局人居环境股')).toEqual([{ text: '县农业农村局人居环境股' }]);
    // Digits inside an e-mail address are not a phone number.
    expect(contactParts('a13812345678@example.cn')).toEqual([{ text: 'a13812345678@example.cn', href: 'mailto:a13812345678@example.cn' }]);
  });
  test('governmentLinks(site) lists only the lines that are set, ICP linked to MIIT', () => {
    const none = { icp: null, policeRecord: null, conacUrl: null, errorReportUrl: null };
    expect(governmentLinks(none, null)).toEqual([]);
    const all = governmentLinks({ icp: '赣ICP备1号', policeRecord: '赣公网安备1号', conacUrl: 'https://bszs.conac.cn/x', errorReportUrl: 'https://e.example/' }, 'conac.png');
    expect(all.map((l) => [l.label, l.href, l.image])).toEqual([
      ['党政机关网站标识', 'https://bszs.conac.cn/x', 'conac.png'],
      ['我为政府网站找错', 'https://e.example/', undefined],
      ['赣ICP备1号', ICP_HREF, undefined],
      ['赣公网安备1号', policeRecordHref('1'), undefined],
    ]);
  });
  test('conacImage(publicDir) finds conac.png in public/, and nothing in a missing folder', () => {
    const dir = projectTempDir('conac-');
    expect(conacImage(path.join(dir, 'public'))).toBeNull();
    mkdirSync(path.join(dir, 'public'));
    writeFileSync(path.join(dir, 'public/conac.png'), '');
    expect(conacImage(path.join(dir, 'public'))).toBe('conac.png');
  });
  test('parseSiteSettings reads the footer fields; bad links and a number without digits are errors', () => {
    const good = parseSiteSettings('---\ntitle: 站\ngov_code: 3607230001\npolice_record: 赣公网安备36072302000123号\nconac_url: https://bszs.conac.cn/x\nerror_report_url: https://e.example/\n---\n');
    expect(good.issues).toEqual([]);
    expect(good.settings).toMatchObject({ govCode: '3607230001', policeRecord: '赣公网安备36072302000123号', conacUrl: 'https://bszs.conac.cn/x', errorReportUrl: 'https://e.example/' });
    const bad = parseSiteSettings('---\ntitle: 站\npolice_record: 赣公网安备\nconac_url: bszs.conac.cn\n---\n');
    expect(bad.settings).toMatchObject({ policeRecord: null, conacUrl: null });
    expect(bad.issues.map((i) => [i.row, i.code, i.message])).toEqual([
      [3, 'frontmatter-error', 'police_record（公安机关备案号）应含备案编号的数字，例如 "赣公网安备36072302000123号"，实际为 "赣公网安备"'],
      [4, 'frontmatter-error', 'conac_url（党政机关网站标识链接）应为以 http:// 或 https:// 开头的网址，实际为 "bszs.conac.cn"'],
    ]);
  });
});
