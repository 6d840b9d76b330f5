// A site with phone-like photos (tests/support/photos.ts): 4000×3000 JPEGs with GPS EXIF, one
// stored turned with orientation 6, a PNG, a pair, and a report with a Markdown photo.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { phonePhoto } from '../support/photos.ts';

export const captions = {
  before: '上村主巷整治前，路边堆着杂物',
  after: '上村主巷整治后，路面干净',
  sign: '中村新建的公示牌',
  report: '下村沟渠清理后',
};

const write = (root: string, file: string, data: string | Buffer) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, data);
};

export async function writePhotoSite(root: string): Promise<void> {
  write(root, 'content/site.md', '---\ntitle: 白沙乡人居环境整治\norganization: 白沙乡人民政府\n---\n测试站点。\n');
  write(root, 'data/villages.csv', '编号,村名,乡镇,户数,人口\nbs-shang,上村,白沙乡,200,800\nbs-xia,下村,白沙乡,100,420\nbs-zhong,中村,白沙乡,300,1100\n');
  write(root, 'data/construction-points.csv', '编号,建设点,村,年度,级别\nbs-p1,上村主巷,上村,2023,镇级\n');
  write(root, 'data/photos/phone/IMG_20230315_093000.jpg', await phonePhoto({ width: 4000, height: 3000, stage: 'before', seed: 2 }));
  // Held upright in a phone: pixels stored 3000×4000, orientation 6; the red marker is top-left when upright.
  write(root, 'data/photos/phone/IMG_20230920_161500.jpg', await phonePhoto({ width: 4000, height: 3000, stage: 'after', seed: 2, orientation: 6, marker: true }));
  write(root, 'data/photos/sign.png', await phonePhoto({ width: 1000, height: 700, stage: 'after', seed: 4, format: 'png' }));
  write(root, 'data/photos/report/ditch.jpg', await phonePhoto({ width: 4000, height: 3000, stage: 'after', seed: 9 }));
  write(
    root,
    'data/photos.csv',
    [
      '文件,村,建设点编号,日期,阶段,对比组,说明',
      `phone/IMG_20230315_093000.jpg,,bs-p1,2023-03-15,整治前,主巷,${captions.before}`,
      `photos/phone/IMG_20230920_161500.jpg,上村,bs-p1,2023年9月20日,整治后,主巷,${captions.after}`,
      `sign.png,中村,,2023-10,整治后,,${captions.sign}`,
    ].join('\n') + '\n',
  );
  write(
    root,
    'content/reports/ditch.md',
    `---\ntitle: 下村沟渠清理\ndate: 2023-10-01\n---\n下村清理了沟渠。\n\n![${captions.report}](photos/report/ditch.jpg)\n`,
  );
}
