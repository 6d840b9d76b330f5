import { describe, expect, test } from 'vitest';
import { figureHtml } from '../../src/charts/figureHtml.ts';
import { renderChart } from '../../src/charts/render.ts';
import { expectGolden } from './golden.ts';
import { render } from './context.ts';

const chartBlock = [
  '```chart',
  'data: cleanup',
  'type: bar',
  'x: month',
  'y: garbage_t',
  'color: village',
  'where: township=洋江镇',
  'title: 各月清理垃圾量',
  'caption: 数据来源：镇人居办',
  '```',
].join('\n');

describe('renderMarkdown(source, ctx)', () => {
  test('chart fence renders a figure with downloads under the base path', () => {
    const r = render(`## 清理情况\n\n${chartBlock}\n`, { base: '/town/' });
    expect(r.issues).toEqual([]);
    expect(r.charts).toHaveLength(1);
    expect(r.charts[0]!.spec.id).toBe('report-test-1');
    expect(r.html).toContain('href="/town/data/charts/report-test-1.csv"');
    expect(r.html).toContain('href="/town/data/charts/report-test-1.svg"');
    const links = { csvHref: '/town/data/charts/report-test-1.csv', svgHref: '/town/data/charts/report-test-1.svg', pngHref: '/town/data/charts/report-test-1.png' };
    expect(r.html).toContain('<a href="/town/data/charts/report-test-1.png" download>图片（PNG）</a>');
    expect(r.html).toContain(figureHtml(renderChart(r.charts[0]!.spec), links));
    expectGolden('chart-fence', r.html);
  });

  test('a caption that names the source replaces the automatic 数据来源 line; without one it stays', () => {
    const named = render(chartBlock);
    expect(named.charts[0]!.spec.source).toBeUndefined();
    expect(named.html.match(/数据来源/g)).toHaveLength(1);
    const full = render(chartBlock.replace('caption: 数据来源：镇人居办', 'caption: 来源: 镇人居办'));
    expect(full.charts[0]!.spec.source).toBeUndefined();
    const plain = render(chartBlock.replace('caption: 数据来源：镇人居办', 'caption: 石岭村2月未统计'));
    expect(plain.charts[0]!.spec.source).toMatch(/^数据来源：/);
    expect(plain.html).toContain(`<p class="chart-note">${plain.charts[0]!.spec.source}</p>`);
  });

  test('chart ids run in document order', () => {
    const r = render(`${chartBlock}\n\n${chartBlock.replace('type: bar', 'type: line')}\n`);
    expect(r.charts.map((c) => [c.spec.id, c.spec.type])).toEqual([
      ['report-test-1', 'bar'],
      ['report-test-2', 'line'],
    ]);
  });

  test('type: table renders the table only', () => {
    const r = render(chartBlock.replace('type: bar', 'type: table'));
    expect(r.charts[0]!.spec.type).toBe('table');
    expect(r.html).not.toContain('<svg');
    expect(r.html).toContain('<table>');
  });

  test('preset charts go through the preset provider, narrowed to a village or township', () => {
    const src = [
      '```chart',
      'preset: cleanup-monthly',
      'village: 长塘村',
      'caption: 本村数据',
      '```',
      '',
      '```chart',
      'preset: toilet-coverage',
      'township: 白沙镇',
      'title: 白沙镇覆盖率',
      '```',
    ].join('\n');
    const r = render(src);
    expect(r.issues).toEqual([]);
    expect(r.charts.map((c) => [c.spec.id, c.spec.title, c.spec.caption])).toEqual([
      ['report-test-1', '预设 cleanup-monthly 村 v2', '本村数据'],
      ['report-test-2', '白沙镇覆盖率', undefined],
    ]);
    expect(r.html).toContain(figureHtml(renderChart(r.charts[1]!.spec), { csvHref: '/data/charts/report-test-2.csv', svgHref: '/data/charts/report-test-2.svg', pngHref: '/data/charts/report-test-2.png' }));
    expectGolden('chart-preset', r.html);
  });

  test('{{ }} figures in paragraphs, headings, lists, tables and links; not in code', () => {
    const src = [
      '## 清理垃圾 {{ sum cleanup.garbage_t }} 吨',
      '',
      '全镇共清理垃圾{{ sum cleanup.garbage_t }}吨，卫生户厕覆盖率{{ latest toilets.coverage }}。',
      '',
      '- 6月：{{ sum cleanup.garbage_t where month=2023-06 }} 吨',
      '- [长塘村 {{ sum cleanup.garbage_t where village=长塘村 }} 吨](/villages/v2/)',
      '',
      '| 月份 | 清理垃圾(吨) |',
      '| --- | ---: |',
      '| 5月 | {{ sum cleanup.garbage_t where month=2023年5月 }} |',
      '',
      '写法示例：`{{ sum cleanup.garbage_t }}`',
      '',
      '```',
      '{{ sum cleanup.garbage_t }}',
      '```',
    ].join('\n');
    const r = render(src);
    expect(r.issues).toEqual([]);
    expect(r.html).toContain('全镇共清理垃圾<span class="figure">1,420.75余</span>吨');
    expect(r.html).toContain('<span class="figure">79.2%</span>');
    expect(r.html).toContain('<code>{{ sum cleanup.garbage_t }}</code>');
    expect(r.html).toContain('<pre><code>{{ sum cleanup.garbage_t }}\n</code></pre>');
    expectGolden('figure', r.html);
  });

  test('heading anchors keep Chinese characters and are de-duplicated', () => {
    const src = ['# 2023年上半年工作汇报', '## 工作进展', '## 工作进展', '## 一、存在的问题', '### Next Steps: 2024', '## ！！！', '## `code` 与 *强调*'].join(
      '\n\n',
    );
    const r = render(src);
    const ids = [...r.html.matchAll(/id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['2023年上半年工作汇报', '工作进展', '工作进展-2', '一存在的问题', 'next-steps-2024', 'section', 'code-与-强调']);
    expectGolden('heading-anchors', r.html);
  });

  test('a table of contents for three or more second-level headings', () => {
    const r = render(['## 一、总体情况', '### 清理', '## 二、主要做法', '## 三、下步打算', '#### 细节'].join('\n\n'));
    expect(r.toc).toEqual([
      { id: '一总体情况', text: '一、总体情况', level: 2 },
      { id: '清理', text: '清理', level: 3 },
      { id: '二主要做法', text: '二、主要做法', level: 2 },
      { id: '三下步打算', text: '三、下步打算', level: 2 },
      // `####` right under an h2 is the h3 it reads as (headingLevelsRule), so it is listed
      { id: '细节', text: '细节', level: 3 },
    ]);
    expectGolden('toc', r.html + '\n<!-- toc -->\n' + JSON.stringify(r.toc, null, 2) + '\n');
    expect(render('## 一\n\n## 二\n').toc).toEqual([]);
  });

  test('links: base path for site-relative links and images, rel=noopener outside', () => {
    const src = [
      '[报告](/reports/2023年上半年/) [本页](#工作进展) [外站](https://www.gov.cn/) [http](http://example.com)',
      '[邮件](mailto:rjb@example.com) [电话](tel:0791-1234567) ![照片](/images/清理.jpg)',
      '[相对](reports/x/) [协议相对](//evil.example/) [反斜杠](/\\evil.example/) <https://example.com/a>',
    ].join('\n');
    const r = render(src, { base: '/town/' });
    expect(r.html).toContain('<a href="/town/reports/2023%E5%B9%B4%E4%B8%8A%E5%8D%8A%E5%B9%B4/">报告</a>');
    expect(r.html).toContain('<a href="#%E5%B7%A5%E4%BD%9C%E8%BF%9B%E5%B1%95">本页</a>');
    expect(r.html).toContain('<a href="https://www.gov.cn/" rel="noopener">外站</a>');
    expect(r.html).toContain('<a href="mailto:rjb@example.com">邮件</a>');
    expect(r.html).toContain('<img src="/town/images/%E6%B8%85%E7%90%86.jpg" alt="照片">');
    expect(r.html).toContain('[相对](reports/x/)');
    expect(r.html).not.toContain('evil.example/"');
    expectGolden('links-base-path', r.html);
  });

  test('in dev mode errors are also shown in place; in build mode only collected', () => {
    const src = '清理垃圾 {{ sum cleanups.garbage_t }} 吨\n\n```chart\ndata: cleanup\n```\n';
    const dev = render(src, { dev: true, file: 'content/reports/x.md' });
    expect(dev.html).toContain('<span class="md-error" role="alert">content/reports/x.md:1 expression-error');
    expect(dev.html).toContain('<div class="md-error" role="alert">content/reports/x.md:3 chart-error');
    expectGolden('dev-errors', dev.html);
    const build = render(src);
    expect(build.html).not.toContain('md-error');
    expect(build.issues.map((i) => i.code)).toEqual(['expression-error', 'chart-error']);
  });
});

test('renderMarkdown(source, ctx) joins wrapped Chinese lines without a space', () => {
  expect(render('上半年共清理垃圾\n一千余吨。\nNext line\n下一行').html).toBe('<p>上半年共清理垃圾一千余吨。\nNext line\n下一行</p>\n');
});
