// The government-site footer (contract §1): each line only when its setting is there, filing
// numbers linked to the filing sites, a phone number in 联系方式 tap-to-call. Pure functions over
// the settings, so the layout stays a list of <p>s and tests need no Astro.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteSettings } from './settings.ts';

/** The MIIT ICP filing site (工业和信息化部政务服务平台 ICP/IP 地址/域名信息备案管理系统). */
export const ICP_HREF = 'https://beian.miit.gov.cn/';

/** The national 公安机关互联网站安全管理服务平台 page of one filing number. */
export function policeRecordHref(record: string): string {
  return `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${record.replace(/\D/g, '')}`;
}

/** A piece of the 联系方式 line: plain text, or a phone number / e-mail address with its link. */
export interface ContactPart {
  text: string;
  href?: string;
}

// Mainland numbers as staff write them: 0791-1234567, (0791)1234567, 0791 12345678, 13812345678,
// 400-123-4567, 12345 (the government hotline) and +86 variants.
const PHONE = /(?:\+?86[-\s]?)?(?:\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4}|\b12345\b)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Splits `contact` into text and links: each phone number a `tel:` link, each e-mail `mailto:`. */
export function contactParts(contact: string): ContactPart[] {
  const found: { start: number; end: number; href: string }[] = [];
  for (const m of contact.matchAll(EMAIL)) found.push({ start: m.index, end: m.index + m[0].length, href: `mailto:${m[0]}` });
  for (const m of contact.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue; // digits inside an e-mail address
    found.push({ start, end, href: `tel:${m[0].replace(/[^\d+]/g, '')}` });
  }
  found.sort((a, b) => a.start - b.start);
  const parts: ContactPart[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) parts.push({ text: contact.slice(at, f.start) });
    parts.push({ text: contact.slice(f.start, f.end), href: f.href });
    at = f.end;
  }
  if (at < contact.length) parts.push({ text: contact.slice(at) });
  return parts;
}

/** The 党政机关网站标识 image in public/ (`conac.png`, `.svg`, `.gif`, `.jpg`), if staff put one there. */
export function conacImage(publicDir: string): string | null {
  let files: string[];
  try {
    files = readdirSync(publicDir);
  } catch {
    return null;
  }
  return files.find((f) => /^conac\.(png|svg|gif|jpe?g|webp)$/i.test(f)) ?? null;
}

export interface FooterLink {
  label: string;
  href: string;
  /** an image from public/ shown in place of the label (the label is its alt text) */
  image?: string;
}

/** The linked government lines, in the order Chinese government sites show them. */
export function governmentLinks(site: Pick<SiteSettings, 'icp' | 'policeRecord' | 'conacUrl' | 'errorReportUrl'>, conac: string | null): FooterLink[] {
  const out: FooterLink[] = [];
  if (site.conacUrl) out.push({ label: '党政机关网站标识', href: site.conacUrl, ...(conac ? { image: conac } : {}) });
  if (site.errorReportUrl) out.push({ label: '我为政府网站找错', href: site.errorReportUrl });
  if (site.icp) out.push({ label: site.icp, href: ICP_HREF });
  if (site.policeRecord) out.push({ label: site.policeRecord, href: policeRecordHref(site.policeRecord) });
  return out;
}

/** public/ under the site folder. */
export function publicDir(root: string): string {
  return path.join(root, 'public');
}
