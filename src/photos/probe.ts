// What an image file is, read from its first bytes without decoding it: the format, the pixel size
// and the EXIF orientation (so the upright width and height are known before any encoding, and
// pages and Markdown can be written synchronously), for JPEG, PNG (eXIf) and WebP (EXIF) alike. Decoding errors (a truncated file) are found
// later, when the photo is processed (process.ts).

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export type Probe =
  | { ok: true; format: PhotoFormat; width: number; height: number; orientation: number }
  | { ok: false; kind: 'heic' | 'unsupported' | 'unreadable'; detail?: string };

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

export function probeImage(b: Uint8Array): Probe {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return probeJpeg(b);
  if (b.length >= 24 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return sized('png', v.getUint32(16), v.getUint32(20), pngOrientation(b, v));
  }
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return probeWebp(b);
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (/^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/.test(brand)) return { ok: false, kind: 'heic' };
    return { ok: false, kind: 'unsupported', detail: brand === 'avif' ? 'AVIF' : brand.trim() };
  }
  if (b.length >= 4 && (ascii(b, 0, 4) === 'GIF8')) return { ok: false, kind: 'unsupported', detail: 'GIF' };
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return { ok: false, kind: 'unsupported', detail: 'BMP' };
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return { ok: false, kind: 'unsupported', detail: 'TIFF' };
  return { ok: false, kind: 'unreadable' };
}

function sized(format: PhotoFormat, width: number, height: number, orientation: number): Probe {
  if (!(width > 0 && height > 0)) return { ok: false, kind: 'unreadable' };
  // Orientations 5–8 turn the picture a quarter: the upright image is height × width.
  const turned = orientation >= 5 && orientation <= 8;
  return { ok: true, format, width: turned ? height : width, height: turned ? width : height, orientation };
}

function probeJpeg(b: Uint8Array): Probe {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ok: false, kind: 'unreadable' };
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2 || i + 2 + len > b.length) return { ok: false, kind: 'unreadable' };
    if (marker === 0xe1 && ascii(b, i + 4, i + 10) === 'Exif\0\0') {
      orientation = exifOrientation(b.subarray(i + 10, i + 2 + len)) ?? orientation;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5]! << 8) | b[i + 6]!;
      const width = (b[i + 7]! << 8) | b[i + 8]!;
      return sized('jpeg', width, height, orientation);
    }
    if (marker === 0xda || marker === 0xd9) break; // scan data before any frame header
    i += 2 + len;
  }
  return { ok: false, kind: 'unreadable' };
}

/** Tag 0x0112 of IFD0 in a TIFF block (the body of an Exif APP1 segment). */
function exifOrientation(t: Uint8Array): number | undefined {
  if (t.length < 8) return undefined;
  const little = t[0] === 0x49;
  const v = new DataView(t.buffer, t.byteOffset, t.byteLength);
  const u16 = (o: number) => v.getUint16(o, little);
  const u32 = (o: number) => v.getUint32(o, little);
  const ifd = u32(4);
  if (ifd + 2 > t.length) return undefined;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return undefined;
    if (u16(e) === 0x0112) {
      const value = u16(e + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A PNG's orientation: its `eXIf` chunk (a TIFF block, as phones and sharp write it), which may come
 * before or after the image data; browsers and libvips turn the picture by it, so must we.
 */
function pngOrientation(b: Uint8Array, v: DataView): number {
  let i = 8;
  while (i + 8 <= b.length) {
    const len = v.getUint32(i);
    const type = ascii(b, i + 4, i + 8);
    if (type === 'IEND' || i + 12 + len > b.length) break;
    if (type === 'eXIf') return exifOrientation(b.subarray(i + 8, i + 8 + len)) ?? 1;
    i += 12 + len;
  }
  return 1;
}

/** An extended WebP's orientation: its `EXIF` chunk (a TIFF block, sometimes after an `Exif\0\0`). */
function webpOrientation(b: Uint8Array): number {
  let i = 12;
  while (i + 8 <= b.length) {
    const type = ascii(b, i, i + 4);
    const len = (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0;
    if (i + 8 + len > b.length) break;
    if (type === 'EXIF') {
      let t = b.subarray(i + 8, i + 8 + len);
      if (ascii(t, 0, 6) === 'Exif\0\0') t = t.subarray(6);
      return exifOrientation(t) ?? 1;
    }
    i += 8 + len + (len & 1); // chunks are padded to an even length
  }
  return 1;
}

function probeWebp(b: Uint8Array): Probe {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8X') {
    const w = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
    const h = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
    // flag bit 3: the file has an EXIF chunk (only the extended format can carry one)
    return sized('webp', w, h, b[20]! & 0x08 ? webpOrientation(b) : 1);
  }
  if (chunk === 'VP8 ') {
    const w = (b[26]! | (b[27]! << 8)) & 0x3fff;
    const h = (b[28]! | (b[29]! << 8)) & 0x3fff;
    return sized('webp', w, h, 1);
  }
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, 1);
  }
  return { ok: false, kind: 'unreadable' };
}
