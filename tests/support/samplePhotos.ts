// Regenerates the sample site's photos (data/photos/示例/*.jpg): `npx tsx tests/support/samplePhotos.ts`.
// Synthetic scenes (tests/support/photos.ts), small enough for git (each well under 100 KB).
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { sceneSvg } from './photos.ts';

const out = 'data/photos/示例';
mkdirSync(out, { recursive: true });
const photos: [string, 'before' | 'after', number][] = [
  ['石塘下组-整治前.jpg', 'before', 3], ['石塘下组-整治后.jpg', 'after', 3],
  ['前江村口-整治前.jpg', 'before', 7], ['前江村口-整治后.jpg', 'after', 7],
  ['香塘组-整治前.jpg', 'before', 11], ['香塘组-整治后.jpg', 'after', 11],
  ['长塘村-施工中.jpg', 'before', 5],
];
for (const [name, stage, seed] of photos) {
  const buf = await sharp(Buffer.from(sceneSvg({ width: 1200, height: 900, stage, seed }))).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  writeFileSync(`${out}/${name}`, buf);
  console.log(name, buf.length);
}
