import { describe, expect, test } from 'vitest';
import { publicAddress, qrSvg } from '../../src/views/qr.ts';

describe('publicAddress', () => {
  test('site url plus the page path, with or without slashes', () => {
    expect(publicAddress('https://www.example.gov.cn/rjhj/', '/villages/yj-xiahe/')).toBe('https://www.example.gov.cn/rjhj/villages/yj-xiahe/');
    expect(publicAddress('https://www.example.gov.cn/rjhj', 'ranking/')).toBe('https://www.example.gov.cn/rjhj/ranking/');
  });
  test('Chinese paths are percent-encoded, as a phone camera expects', () => {
    expect(publicAddress('https://a.cn/', '/reports/上半年/')).toBe('https://a.cn/reports/%E4%B8%8A%E5%8D%8A%E5%B9%B4/');
  });
  test('no url in site.md: no address, so no QR code', () => {
    expect(publicAddress(null, '/ranking/')).toBeNull();
    expect(publicAddress('', '/ranking/')).toBeNull();
  });
});

describe('qrSvg', () => {
  test('an inline SVG with a label and a square viewBox, the same every build', async () => {
    const url = 'https://www.example.gov.cn/rjhj/villages/yj-xiahe/';
    const svg = await qrSvg(url, '本页网址二维码："下河村"');
    expect(svg).toMatch(/^<svg class="qr" role="img" aria-label="本页网址二维码：&quot;下河村&quot;" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<path stroke="#000000"');
    expect(await qrSvg(url, '本页网址二维码："下河村"')).toBe(svg);
    expect(svg.length).toBeLessThan(6000);
  });
  test('a longer address makes a bigger code', async () => {
    const size = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const short = await qrSvg('https://a.cn/', 'x');
    const long = await qrSvg(`https://a.cn/${'村'.repeat(40)}/`, 'x');
    expect(size(long)).toBeGreaterThan(size(short));
  });
});
