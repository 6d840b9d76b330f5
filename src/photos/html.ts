// Markup of a published photo, shared by the pages (PhotoPair.astro) and Markdown images:
// <picture> with WebP and JPEG candidates (srcset + sizes), width/height against layout shift,
// alt = the caption, lazy loading below the first screen, and a plain link to the large size
// (opens on tap, no JavaScript).
import { escapeText } from '../charts/escape.ts';
import { href } from '../paths.ts';
import { PHOTO_DIR, type PhotoSource } from './catalog.ts';
import { variantName } from './process.ts';

export interface PictureOptions {
  alt: string;
  base: string;
  /** the `sizes` attribute: how wide the photo is shown */
  sizes: string;
  lazy: boolean;
}

/** Half the column on a phone (so the 800 px copy serves up to 4× pixel density), ~22rem beside its pair on a wide screen. */
export const PAIR_SIZES = '(min-width: 48rem) 22rem, 50vw';
/** The print sheet: two small photos side by side. */
export const PRINT_SIZES = '8cm';

export function photoUrl(source: PhotoSource, name: string, base: string): string {
  return href(`${PHOTO_DIR}/${name}`, base);
}

/** The large JPEG: what a tap opens. */
export function largeUrl(source: PhotoSource, base: string): string {
  return photoUrl(source, variantName(source, source.sizes.at(-1)!, 'jpeg'), base);
}

export function pictureHtml(source: PhotoSource, o: PictureOptions): string {
  const set = (format: 'webp' | 'jpeg') =>
    source.sizes.map((s) => `${photoUrl(source, variantName(source, s, format), o.base)} ${s.width}w`).join(', ');
  const phone = source.sizes[0]!;
  const alt = escapeText(o.alt);
  const sizes = escapeText(o.sizes);
  return (
    `<a class="photo-link" href="${largeUrl(source, o.base)}">` +
    `<picture><source type="image/webp" srcset="${set('webp')}" sizes="${sizes}">` +
    `<img src="${photoUrl(source, variantName(source, phone, 'jpeg'), o.base)}" srcset="${set('jpeg')}" sizes="${sizes}"` +
    ` width="${phone.width}" height="${phone.height}" alt="${alt}"${o.lazy ? ' loading="lazy"' : ''} decoding="async">` +
    `</picture></a>`
  );
}
