// QR codes for the printed 公示 sheets, drawn at build time as inline SVG: people who read the
// notice board scan it to reach the same page, with the latest figures, on their phone.
import QRCode from 'qrcode';

/**
 * The page's public address: site.md `url` plus the site-relative path. Null without `url`: the
 * build does not know where the site will be published, and a QR code to nowhere is worse than none.
 */
export function publicAddress(siteUrl: string | null | undefined, path: string): string | null {
  if (!siteUrl) return null;
  const root = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(path.replace(/^\/+/, ''), root).href;
}

/**
 * An SVG QR code of `text` (error correction M: survives a smudge or a drawing pin), labelled for
 * screen readers; sized by CSS.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return svg.trim().replace(/^<svg /, `<svg class="qr" role="img" aria-label="${escaped}" `);
}
