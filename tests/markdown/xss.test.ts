// Raw HTML is shown as text and only safe link targets become links (contract §4). Each case is
// rendered and the resulting DOM inspected: no <script>, no on… attribute, no href/src with a
// script or data scheme — whatever spelling the source used.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { render } from './context.ts';

const cases: Record<string, string> = {
  'script block': '<script>alert(1)</script>',
  'script inline': '清理 <script>alert(1)</script> 垃圾',
  'img onerror': '<img src=x onerror=alert(1)>',
  'svg onload': '<svg onload=alert(1)></svg>',
  'iframe': '<iframe src="javascript:alert(1)"></iframe>',
  'javascript link': '[点我](javascript:alert(1))',
  'upper-case JAVASCRIPT': '[点我](JAVASCRIPT:alert(1))',
  'mixed-case': '[点我](JaVaScRiPt:alert(1))',
  'entity-encoded': '[点我](&#106;avascript:alert(1))',
  'hex entity': '[点我](&#x6A;avascript&#x3A;alert(1))',
  'named entity colon': '[点我](javascript&colon;alert(1))',
  'tab inside': '[点我](<java\tscript:alert(1)>)',
  'newline inside': '[点我](<java\nscript:alert(1)>)',
  'leading space': '[点我]( javascript:alert(1))',
  'leading control char': '[点我](\u0001javascript:alert(1))',
  'autolink javascript': '<javascript:alert(1)>',
  'autolink upper-case': '<JAVASCRIPT:alert(1)>',
  'image javascript': '![图](javascript:alert(1))',
  'image data svg': '![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'image data gif': '![图](data:image/gif;base64,R0lGODlhAQABAAAAACw=)',
  'vbscript': '[点我](vbscript:msgbox(1))',
  'data text/html': '[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'autolink data': '<data:text/html,<script>alert(1)</script>>',
  'reference link': '[点我][x]\n\n[x]: javascript:alert(1)',
  'reference image': '![图][x]\n\n[x]: javascript:alert(1)',
  'link title quote': '[点我](/ok "x\\" onmouseover=\\"alert(1)")',
  'chart title': '```chart\ndata: cleanup\ntype: bar\nx: month\ny: garbage_t\ntitle: <script>alert(1)</script><img src=x onerror=alert(1)>\ncaption: <a href="javascript:alert(1)">x</a>\n```',
  'chart error': '```chart\ndata: <script>alert(1)</script>\ntype: bar\nx: month\ny: garbage_t\n```',
  'figure error': '{{ sum cleanup.<img src=x onerror=alert(1)> }}',
  'heading': '## <img src=x onerror=alert(1)>标题',
};

const badScheme = /^(?:javascript|vbscript|data|file):/i;

function inspect(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style'].includes(tag)) problems.push(`<${tag}> element`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`${attr.name} attribute on <${tag}>`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(attr.name)) {
        // What a browser would do with it: strip controls and white space, decode %-escapes.
        const value = decodeURIComponent(attr.value.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/[\u0000-\u0020]/g, '');
        if (badScheme.test(value)) problems.push(`${attr.name}="${attr.value}" on <${tag}>`);
      }
    }
  }
  return problems;
}

describe('renderMarkdown(source, ctx) is safe', () => {
  for (const dev of [false, true]) {
    for (const [name, source] of Object.entries(cases)) {
      test(`${name}${dev ? ' (dev mode)' : ''}`, () => {
        const { html } = render(source, { dev, base: '/town/' });
        expect(inspect(html)).toEqual([]);
        expect(html).not.toMatch(/<script/i);
      });
    }
  }

  test('raw HTML is shown as text', () => {
    expect(render('<b>粗</b>').html).toBe('<p>&lt;b&gt;粗&lt;/b&gt;</p>\n');
    expect(render('<img src=x onerror=alert(1)>').html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('a rejected link stays as its text', () => {
    expect(render('[点我](javascript:alert(1))').html).toBe('<p>[点我](javascript:alert(1))</p>\n');
    expect(render('<javascript:alert(1)>').html).toBe('<p>&lt;javascript:alert(1)&gt;</p>\n');
  });

  test('the inspection itself catches what it should', () => {
    expect(inspect('<a href="java&#9;script:alert(1)">x</a><img src=x onerror=alert(1)>')).toHaveLength(2);
  });
});
