import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeRendered } from './markdown.js';

const decode = (v: string) =>
  v
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The real tags of the output (text is escaped, so every `<` starts one) and their attributes. */
function tags(html: string): { name: string; attrs: Record<string, string> }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attrs: Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map((a) => [
        (a[1] ?? '').toLowerCase(),
        decode(a[2] ?? ''),
      ]),
    ),
  }));
}

const hrefs = (html: string) => tags(html).flatMap((t) => (t.attrs.href === undefined ? [] : [t.attrs.href]));

/**
 * Whether a browser would treat this href as harmless: it strips leading and trailing C0
 * controls and spaces and removes tabs and newlines anywhere, then reads the scheme. Allowed:
 * http(s), mailto, and scheme-less (in-page or relative) targets that are not protocol-relative.
 */
function safeHref(href: string): boolean {
  const isC0OrSpace = (ch: string) => ch.charCodeAt(0) <= 0x20;
  const chars = [...href];
  while (chars.length > 0 && isC0OrSpace(chars[0] ?? '')) chars.shift();
  while (chars.length > 0 && isC0OrSpace(chars[chars.length - 1] ?? '')) chars.pop();
  const url = chars.filter((ch) => ch !== '\t' && ch !== '\n' && ch !== '\r').join('');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme);
  return !/^[/\\]{2}/.test(url);
}

const ALLOWED_TAGS = new Set(
  'p br strong em del s a ul ol li blockquote code pre h3 h4 h5 h6 hr sup sub section table thead tbody tr th td'.split(
    ' ',
  ),
);

/** No tag, attribute or link target outside the allowlist. */
function expectHarmless(html: string) {
  for (const t of tags(html)) {
    expect(ALLOWED_TAGS, `tag <${t.name}>`).toContain(t.name);
    for (const name of Object.keys(t.attrs))
      expect(name, `attribute ${name} on <${t.name}>`).not.toMatch(/^on|^src|^style$|^srcset$|:/);
    if (t.attrs.href !== undefined) expect(safeHref(t.attrs.href), `href ${JSON.stringify(t.attrs.href)}`).toBe(true);
  }
}

describe('the second pass alone (sanitizeRendered)', () => {
  const hostile: [string, string][] = [
    ['javascript:', '<a href="javascript:alert(1)">x</a>'],
    ['mixed-case JaVaScRiPt:', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['decimal entity &#106;', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['padded decimal entities', '<a href="&#0000106&#0000097vascript:alert(1)">x</a>'],
    ['hex entity &#x6A;', '<a href="&#x6A;avascript:alert(1)">x</a>'],
    ['entity tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>'],
    ['named &Tab; inside the scheme', '<a href="jav&Tab;ascript:alert(1)">x</a>'],
    ['entity newline inside the scheme', '<a href="java&#x0A;script:alert(1)">x</a>'],
    ['&colon; for the colon', '<a href="javascript&colon;alert(1)">x</a>'],
    ['leading spaces', '<a href="   javascript:alert(1)">x</a>'],
    ['leading control character', '<a href="\u0001javascript:alert(1)">x</a>'],
    ['leading entity control character', '<a href="&#x01;javascript:alert(1)">x</a>'],
    ['data:', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['mixed-case DaTa:', '<a href="DaTa:text/html,<script>alert(1)</script>">x</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
    ['VBScript: mixed case', '<a href="VBScript:msgbox(1)">x</a>'],
    ['file:', '<a href="file:///etc/passwd">x</a>'],
    ['protocol-relative', '<a href="//evil.example/">x</a>'],
    ['xlink:href in svg', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>'],
  ];

  it.each(hostile)('drops a %s link target and keeps its text', (_label, html) => {
    const out = sanitizeRendered(html);
    expectHarmless(out);
    expect(out).not.toMatch(/href=/i);
    expect(out).not.toMatch(/script:|data:|file:|evil\.example/i);
    expect(out).toContain('>x</a>');
  });

  it('keeps http, https, mailto, in-page and relative links, with rel on the outgoing ones', () => {
    const out = sanitizeRendered(
      '<a href="https://iom.int/">a</a><a href="http://un.org">b</a><a href="mailto:x@un.org">c</a>' +
        '<a href="#fn1">d</a><a href="/spaces/rt-1">e</a>',
    );
    expect(hrefs(out)).toEqual(['https://iom.int/', 'http://un.org', 'mailto:x@un.org', '#fn1', '/spaces/rt-1']);
    expect(out.match(/rel="nofollow ugc noopener noreferrer"/g)).toHaveLength(4);
  });

  it('removes images whatever their src (images are not allowed)', () => {
    for (const src of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'https://tracker.example/p.png',
    ]) {
      const out = sanitizeRendered(`<p>a<img src="${src}" onerror="alert(1)">b</p>`);
      expect(out).toBe('<p>ab</p>');
    }
    expect(sanitizeRendered('<picture><source srcset="https://x.example/a.png"></picture>')).toBe('');
  });

  it('removes scripts, event handlers, styles, frames, forms and unknown attributes', () => {
    const out = sanitizeRendered(
      '<p onclick="alert(1)" style="color:red">t</p><script>alert(1)</script><iframe src="https://x.example"></iframe>' +
        '<form action="https://x.example"><input name="p"></form><a href="https://ok.example" target="_blank" onmouseover="x()">o</a>' +
        '<style>body{display:none}</style><object data="x.swf"></object><embed src="x.swf"><math><mi>x</mi></math>',
    );
    expect(out).not.toMatch(
      /<script|onclick|onmouseover|style=|<iframe|<form|<input|target=|<style|<object|<embed|<math/i,
    );
    expect(out).not.toContain('alert(1)');
    expect(out).toContain('<p>t</p>');
  });

  it('keeps text-align on table cells and nothing else in style', () => {
    const out = sanitizeRendered(
      '<table><tr><th style="text-align:center;background:url(javascript:alert(1))">h</th><td style="position:fixed">d</td></tr></table>',
    );
    expect(out).toContain('<th style="text-align:center">h</th>');
    expect(out).toContain('<td>d</td>');
  });

  it('keeps footnote ids and classes, and drops any other id or class', () => {
    const out = sanitizeRendered(
      '<a href="#fn-s-1" id="fnref-s-1" class="footnote-backref evil">a</a><li id="fn-s-1" class="footnote-item">b</li>' +
        '<a href="#x" id="__proto__">c</a><li id="cookie">d</li><p class="admin" id="main">e</p>',
    );
    expect(out).toContain('id="fnref-s-1"');
    expect(out).toContain('id="fn-s-1"');
    expect(out).toContain('class="footnote-backref"');
    expect(out).not.toMatch(/__proto__|id="cookie"|id="main"|evil|admin/);
  });

  it('turns h1 and h2 into h3 so a contribution cannot take over the page outline', () => {
    expect(sanitizeRendered('<h1>a</h1><h2>b</h2>')).toBe('<h3>a</h3><h3>b</h3>');
  });
});

describe('end to end through the renderer', () => {
  const hostile = [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript:alert(1))',
    '[x](java&#x09;script:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](\u0001javascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example/)',
    '<javascript:alert(1)>',
    '<JaVaScRiPt:alert(1)>',
    '<vbscript:msgbox(1)>',
    '<data:text/html,x>',
    '[a]: javascript:alert(1)\n\n[x][a]',
    '![i](javascript:alert(1))',
    '![i](data:image/svg+xml,<svg onload=alert(1)>)',
    '<a href="javascript:alert(1)">raw html</a>',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
  ];

  it.each(hostile)('renders %j with no runnable link or element', (source) => {
    expectHarmless(renderMarkdown(source));
  });

  it('still links what it should', () => {
    const out = renderMarkdown('See [the compact](https://www.un.org/gcm), <https://iom.int> and <mailto:a@iom.int>.');
    expect(hrefs(out)).toEqual(['https://www.un.org/gcm', 'https://iom.int', 'mailto:a@iom.int']);
  });
});
