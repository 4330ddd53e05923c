import { LOCALES } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { mailHeaders } from './compose.js';
import { escapeHtml, htmlText, markupText, mjml, oneLine, safeUrl } from './markup.js';
import { MESSAGES } from './messages.js';
import { subjectLine } from './render.js';
import { renderPasswordReset } from './templates/passwordReset.js';

const config = testConfig();

describe('mail headers', () => {
  it('give notification kinds RFC 8058 one-click unsubscribe, and transactional kinds none', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const note = mailHeaders({
      id,
      config,
      to: 'a@example.org',
      kind: 'comment_approved',
      notification: true,
      unsubscribeUrl: 'http://localhost:3000/api/mail/unsubscribe?t=abc',
    });
    expect(note['List-Unsubscribe']).toBe('<http://localhost:3000/api/mail/unsubscribe?t=abc>');
    expect(note['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(note['Message-ID']).toBe(`<${id}@localhost>`);
    expect(() => mailHeaders({ id, config, to: 'a@example.org', kind: 'x', notification: true })).toThrow(
      /unsubscribe/,
    );
    const reset = mailHeaders({ id, config, to: 'a@example.org', kind: 'password_reset' });
    expect(reset['List-Unsubscribe']).toBeUndefined();
    expect(reset['List-Unsubscribe-Post']).toBeUndefined();
  });

  it('keep every value on one line (no header injection)', () => {
    const h = mailHeaders({ id: 'x', config, to: 'a@example.org\r\nBcc: evil@example.org', kind: 'password_reset' });
    expect(h.To).toBe('a@example.org Bcc: evil@example.org');
    expect(oneLine('a\nb\u0000c')).toBe('a b c');
  });
});

describe('templates', () => {
  it('escape every interpolated value and keep nested fragments', () => {
    const name = '<img src=x onerror=alert(1)> "&\'';
    const out = markupText(mjml`<mj-text>${name}${mjml`<b>${name}</b>`}</mj-text>`);
    expect(out).toBe(`<mj-text>${escapeHtml(name)}<b>${escapeHtml(name)}</b></mj-text>`);
    expect(out).not.toContain('<img');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
  });

  it('put the space’s code and title in the subject', () => {
    expect(subjectLine('Your comment was approved', { code: 'RT 1.1', title: 'Harnessing\r\nthe capital' })).toBe(
      '[RT 1.1] Harnessing the capital — Your comment was approved',
    );
  });

  it('have every string in every interface language', () => {
    const shape = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? shape(v as object).map((s) => `${k}.${s}`) : [k]));
    for (const locale of LOCALES) expect(shape(MESSAGES[locale])).toEqual(shape(MESSAGES.en));
  });

  it('render the reset email as HTML and text in the recipient’s language', async () => {
    const mail = await renderPasswordReset({
      locale: 'es',
      displayName: '</mj-text><mj-raw><script>x</script></mj-raw>',
      url: 'http://localhost:3000/reset-password#token=abc',
    });
    expect(mail.subject).toBe('Restablezca su contraseña de Convene');
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="http://localhost:3000/reset-password#token=abc"');
    expect(mail.text).toContain('http://localhost:3000/reset-password#token=abc');
  });
});

describe('htmlText (the quote of a comment in an email)', () => {
  it('keeps paragraphs and list items, drops tags, decodes entities and cuts long text', () => {
    const html = '<p>One &amp; <strong>two</strong></p><ul><li>a&lt;b</li><li>c&#39;s</li></ul><p>x<br>y</p>';
    expect(htmlText(html)).toBe("One & two\n\n- a<b\n- c's\n\nx\ny");
    expect(htmlText(`<p>${'word '.repeat(100)}</p>`, 20)).toBe('word word word word…');
  });
});
