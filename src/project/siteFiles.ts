// The site folder's files beyond what the loaders read (contract §3.10): no symbolic link anywhere
// in public/, data/ or content/ (a link can point at any file of the machine, /etc/passwd or
// another site's secrets, and Astro's copy of public/ follows it), and every photo in public/
// published without its metadata (EXIF, XMP, IPTC: a phone photo carries where it was taken).
import { lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Issue } from '../data/types.ts';

const FOLDERS = ['public', 'data', 'content'] as const;

/** Every symbolic link under public/, data/ and content/ of `root`: an error naming it. */
export function linkIssues(root: string): Issue[] {
  const issues: Issue[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return; // absent or unreadable: the loaders say so where it matters
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        issues.push({
          path: child,
          code: 'constraint-error',
          message: `${child} 是一个符号链接（快捷方式），已拒绝：它可能指向本机的任何文件，会被一起发布。请把真正的文件复制到这里，替换这个链接`,
        });
      } else if (entry.isDirectory()) {
        walk(child);
      }
    }
  };
  for (const folder of FOLDERS) {
    // the folder itself may be a link too
    try {
      if (lstatSync(join(root, folder)).isSymbolicLink()) {
        issues.push({
          path: folder,
          code: 'constraint-error',
          message: `${folder}/ 文件夹是一个符号链接（快捷方式），已拒绝：它可能指向本机的任何文件夹。请把真正的文件夹放在这里`,
        });
        continue;
      }
    } catch {
      continue;
    }
    walk(folder);
  }
  return issues;
}

/** JPEG, PNG or WebP by its first bytes (a photo renamed .bin is still a photo with GPS). */
function isPhoto(b: Buffer): boolean {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  return b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';
}

export interface PublicPhotos {
  /** public/ paths whose metadata was removed (one warning each) */
  cleaned: string[];
  /** public/ paths that could not be read as images: errors */
  issues: Issue[];
}

/**
 * After Astro copied `publicDir` into `outDir`: every JPEG, PNG and WebP that carries metadata
 * (EXIF, XMP, IPTC, an orientation) is written again from its pixels, turned upright, in the same
 * format and at the same address, without any of it. Photos without metadata are left as copied.
 */
export async function cleanPublicPhotos(publicDir: string, outDir: string): Promise<PublicPhotos> {
  const result: PublicPhotos = { cleaned: [], issues: [] };
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(publicDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        await walk(child);
        continue;
      }
      if (!entry.isFile()) continue;
      const bytes = readFileSync(join(publicDir, child));
      if (!isPhoto(bytes)) continue;
      const shown = `public/${child}`;
      try {
        const meta = await sharp(bytes).metadata();
        const carries = meta.exif !== undefined || meta.xmp !== undefined || meta.iptc !== undefined ||
          (meta.orientation !== undefined && meta.orientation !== 1);
        if (!carries) continue;
        // No withMetadata(): sharp writes none of the original's metadata; rotate() turns it upright.
        const clean = await sharp(bytes).rotate().toFormat(meta.format as 'jpeg' | 'png' | 'webp').toBuffer();
        writeFileSync(join(outDir, child), clean);
        result.cleaned.push(shown);
      } catch {
        result.issues.push({
          path: shown,
          code: 'type-error',
          message: `${shown} 看起来是照片，但无法读取（文件可能不完整）；请重新复制或删除它`,
        });
      }
    }
  };
  await walk('');
  return result;
}
