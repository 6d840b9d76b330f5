// Phone-like photos for tests, the benchmark and the sample site, drawn with sharp from an SVG
// scene (no real photos are available): a village lane 整治前 (piles, puddles) or 整治后 (clean,
// planted), with the EXIF a phone writes (make, model, time, GPS) and, when asked, a rotation tag.
import sharp from 'sharp';

export interface SceneOptions {
  width: number;
  height: number;
  stage: 'before' | 'after';
  /** varies the scene (house positions, colours) */
  seed?: number;
  /** a red square in the upright top-left corner (rotation tests look for it) */
  marker?: boolean;
}

function rand(seed: number) {
  let s = seed * 9301 + 49297;
  return () => ((s = (s * 9301 + 49297) % 233280) / 233280);
}

export function sceneSvg(o: SceneOptions): string {
  const { width: w, height: h, stage } = o;
  const r = rand(o.seed ?? 1);
  const horizon = h * (0.42 + r() * 0.06);
  const sky = stage === 'before' ? ['#b9c4cc', '#dfe3e6'] : ['#6fb1e6', '#d4ecfb'];
  const ground = stage === 'before' ? '#8a7d62' : '#7fae5a';
  const road = stage === 'before' ? '#7b6f60' : '#b9b6ae';
  const parts: string[] = [];
  parts.push(`<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>`);
  parts.push(`<rect width="${w}" height="${h}" fill="url(#s)"/>`);
  parts.push(`<path d="M0 ${horizon} Q ${w * 0.25} ${horizon - h * 0.12} ${w * 0.5} ${horizon - h * 0.03} T ${w} ${horizon - h * 0.08} V ${horizon} Z" fill="#5d7f63"/>`);
  parts.push(`<rect y="${horizon}" width="${w}" height="${h - horizon}" fill="${ground}"/>`);
  parts.push(`<polygon points="${w * 0.46},${horizon} ${w * 0.54},${horizon} ${w * 0.85},${h} ${w * 0.15},${h}" fill="${road}"/>`);
  for (const side of [0, 1]) {
    for (let k = 0; k < 3; k++) {
      const scale = 1 - k * 0.28;
      const hw = w * 0.16 * scale;
      const hh = h * 0.22 * scale;
      const x = side === 0 ? w * (0.02 + k * 0.14) : w * (0.98 - k * 0.14) - hw;
      const y = horizon + h * 0.04 * (3 - k) - hh * 0.6;
      const wall = stage === 'before' ? ['#b8ad9c', '#a89f90', '#c2b6a2'][k] : ['#f4f1ea', '#efe9dd', '#f7f4ee'][k];
      parts.push(`<rect x="${x}" y="${y}" width="${hw}" height="${hh}" fill="${wall}"/>`);
      parts.push(`<polygon points="${x - hw * 0.06},${y} ${x + hw / 2},${y - hh * 0.35} ${x + hw * 1.06},${y}" fill="#3f4448"/>`);
      parts.push(`<rect x="${x + hw * 0.4}" y="${y + hh * 0.45}" width="${hw * 0.2}" height="${hh * 0.55}" fill="#5b3b26"/>`);
    }
  }
  if (stage === 'before') {
    for (let k = 0; k < 7; k++) {
      const cx = w * (0.2 + r() * 0.6);
      const cy = horizon + (h - horizon) * (0.3 + r() * 0.65);
      const s = (cy - horizon) / (h - horizon);
      parts.push(`<ellipse cx="${cx}" cy="${cy}" rx="${w * 0.05 * s}" ry="${h * 0.025 * s}" fill="${['#5a4a36', '#6e5d43', '#47505a'][k % 3]}"/>`);
    }
  } else {
    for (let k = 0; k < 10; k++) {
      const t = k / 9;
      for (const side of [0, 1]) {
        const cy = horizon + (h - horizon) * (0.1 + t * 0.85);
        const s = 0.2 + t;
        const cx = side === 0 ? w * (0.44 - t * 0.32) : w * (0.56 + t * 0.32);
        parts.push(`<circle cx="${cx}" cy="${cy}" r="${w * 0.018 * s}" fill="${k % 3 === 0 ? '#d9486b' : '#2f7d3b'}"/>`);
      }
    }
  }
  if (o.marker) parts.push(`<rect x="0" y="0" width="${w * 0.1}" height="${h * 0.1}" fill="#ff0000"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}

export interface PhoneOptions extends SceneOptions {
  /** EXIF orientation: 6 stores the pixels turned a quarter left, as a phone held upright does */
  orientation?: 1 | 3 | 6 | 8;
  gps?: boolean;
  /** sensor-like grain, so file sizes are like a camera's (slower; the benchmark) */
  grain?: boolean;
  format?: 'jpeg' | 'png';
  quality?: number;
}

export const GPS = { latitude: 28.5, longitude: 115.8333 };

/** An image as a phone writes it: the upright scene stored as the orientation tag says. */
export async function phonePhoto(o: PhoneOptions): Promise<Buffer> {
  const orientation = o.orientation ?? 1;
  let img = sharp(Buffer.from(sceneSvg(o)));
  if (o.grain) {
    // Texture at several scales (foliage, gravel, sensor noise), so the phone-sized copies cost
    // about what a real photo's do; fine noise alone would average away when resizing.
    const layer = async (div: number, sigma: number) => {
      const w = Math.max(1, Math.round(o.width / div));
      const h = Math.max(1, Math.round(o.height / div));
      const noise = sharp({ create: { width: w, height: h, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } });
      return div === 1 ? noise.png({ compressionLevel: 1 }).toBuffer() : noise.resize(o.width, o.height, { kernel: 'cubic' }).png({ compressionLevel: 1 }).toBuffer();
    };
    const layers = [await layer(16, 50), await layer(5, 35), await layer(1, 15)];
    img = sharp(await img.composite(layers.map((input) => ({ input, blend: 'soft-light' as const }))).png({ compressionLevel: 1 }).toBuffer());
  }
  // Stored pixels = the upright picture turned back: 6 (display turns 90° clockwise) stores it 90° anticlockwise.
  const back = { 1: 0, 3: 180, 6: 270, 8: 90 }[orientation];
  if (back) img = sharp(await img.rotate(back).png().toBuffer());
  if (o.format === 'png') return img.png().toBuffer();
  return img
    .jpeg({ quality: o.quality ?? 88 })
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: 'Xiaomi', Model: 'Redmi Note 12', DateTime: '2023:06:15 09:30:00', Software: 'MIUI' },
      ...(o.gps !== false && {
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '115/1 50/1 0/1' },
      }),
    })
    .toBuffer();
}
